"""Dataset importers: each format is a module with an ``Importer`` registered here.

A new format is a module with a subclass of ``base.Importer`` and a ``register_importer`` call;
the built-in ACLED and UCDP importers are registered the same way.
"""

from sulh.exchange.importers.base import Importer

IMPORTERS: dict[str, Importer] = {}


def register_importer(importer: Importer) -> Importer:
    IMPORTERS[importer.name] = importer
    return importer


def get_importer(name: str) -> Importer:
    if name not in IMPORTERS:
        raise KeyError(f"no importer for {name!r} (known: {', '.join(sorted(IMPORTERS))})")
    return IMPORTERS[name]


from sulh.exchange.importers import acled, ucdp  # noqa: E402, F401  (they register themselves)
