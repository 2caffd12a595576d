"""sulh: graded, sourced, conflict-aware records for local mediators."""

__version__ = "0.1.0"
