"""Scenario sections of intake (found by the loader's autodiscovery)."""

from sulh.intake.messaging import scenario_loader  # noqa: F401 - registers message_imports
