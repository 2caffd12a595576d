"""Export formats: each is a module with an ``Exporter`` registered here (datasette-style:
the built-in formats are registered exactly like a plugin's would be)."""

from sulh.exchange.exporters.base import Exporter

EXPORTERS: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    EXPORTERS[exporter.name] = exporter
    return exporter


def get_exporter(name: str) -> Exporter:
    if name not in EXPORTERS:
        raise KeyError(f"no exporter for {name!r} (known: {', '.join(sorted(EXPORTERS))})")
    return EXPORTERS[name]


from sulh.exchange.exporters import acled, geojson, hxl, json  # noqa: E402, F401
