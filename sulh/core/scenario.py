"""Load a scenario (the Qadmus demo, a training set) from YAML files into real records.

A scenario is a folder of YAML files read in name order; each file maps section names to lists of
items. Apps register a loader per section in their ``scenario.py`` (found by autodiscovery), so a
new app adds its records to the demo without touching this module. Every item has a ``key``; an
item whose key is already loaded is skipped, so loading twice adds nothing.
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.module_loading import autodiscover_modules

from sulh.core.models import ScenarioKey

QADMUS = Path(__file__).parent / "scenarios" / "qadmus"
PCODE = re.compile(r"^SY\d{2,8}$")

Loader = Callable[["ScenarioContext", dict], models.Model]
_SECTIONS: dict[str, tuple[int, Loader]] = {}


class ScenarioError(ValueError):
    """An item of a scenario file that cannot be loaded; the message names file, section and key."""


def section(name: str, order: int) -> Callable[[Loader], Loader]:
    """Register the loader of one section; lower ``order`` loads first within a file."""

    def register(loader: Loader) -> Loader:
        _SECTIONS[name] = (order, loader)
        return loader

    return register


class ScenarioContext:
    def __init__(self, user: Any) -> None:
        self.user = user
        self.created: dict[str, int] = {}

    def get(self, key: str, model: type[models.Model] | None = None) -> Any:
        row = ScenarioKey.objects.filter(key=key).select_related("record_type").first()
        if row is None:
            raise ScenarioError(f"unknown key {key!r}")
        obj = row.record_type.get_object_for_this_type(pk=row.record_id)
        if model is not None and not isinstance(obj, model):
            raise ScenarioError(f"{key!r} is a {type(obj).__name__}, not a {model.__name__}")
        return obj

    def place(self, ref: str) -> Any:
        from sulh.places.models import Place

        ref = str(ref)
        if PCODE.match(ref):
            place = Place.objects.filter(pcode=ref).first()
        elif ref.startswith("geonames:"):
            place = Place.objects.filter(geonames_id=int(ref.split(":", 1)[1])).first()
        else:
            return self.get(ref, Place)
        if place is None:
            raise ScenarioError(f"no gazetteer place {ref!r}")
        return place

    def actor(self, ref: str) -> Any:
        from sulh.actors.models import Actor

        return "unknown" if ref == "unknown" else self.get(ref, Actor)


def _remember(key: str, obj: models.Model) -> None:
    ScenarioKey.objects.create(
        key=key, record_type=ContentType.objects.get_for_model(obj), record_id=obj.pk
    )


def load_scenario(folder: Path, user: Any) -> dict[str, int]:
    """Load every file of the folder; returns how many items of each section were created."""
    autodiscover_modules("scenario")
    ctx = ScenarioContext(user)
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        unknown = set(document) - set(_SECTIONS)
        if unknown:
            raise ScenarioError(f"{path.name}: unknown sections {sorted(unknown)}")
        for name in sorted(document, key=lambda n: _SECTIONS[n][0]):
            loader = _SECTIONS[name][1]
            for item in document[name] or []:
                key = item.get("key")
                if not key:
                    raise ScenarioError(f"{path.name}: an item of {name!r} has no key")
                if ScenarioKey.objects.filter(key=key).exists():
                    continue
                try:
                    with transaction.atomic():
                        obj = loader(ctx, item)
                        _remember(key, obj)
                except ScenarioError as exc:
                    raise ScenarioError(f"{path.name}: {name} {key}: {exc}") from exc
                except Exception as exc:
                    raise ScenarioError(f"{path.name}: {name} {key}: {exc}") from exc
                ctx.created[name] = ctx.created.get(name, 0) + 1
    return ctx.created
