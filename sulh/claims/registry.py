"""Which fields of which records take claims, and of what kind (a registry other apps add to)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models

from sulh.claims.models import ValueKind


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str
    label: str
    choices: Callable[[], Iterable[tuple[str, str]]] | None = None
    multiple: bool = False  # a set of values (parties), not one value to agree on
    group: str = field(default="")

    def choice_keys(self) -> set[str]:
        return {key for key, _ in self.choices()} if self.choices else set()

    def choice_label(self, key: str) -> str:
        for choice_key, label in self.choices() if self.choices else []:
            if choice_key == key:
                return str(label)
        return key


_REGISTRY: dict[str, dict[str, FieldSpec]] = {}


def register_claimable(model: type[models.Model], specs: Iterable[FieldSpec]) -> None:
    _REGISTRY[model._meta.label_lower] = {spec.name: spec for spec in specs}


def fields_for(model: type[models.Model] | models.Model) -> dict[str, FieldSpec]:
    return _REGISTRY.get(model._meta.label_lower, {})


def spec_for(model: type[models.Model] | models.Model, name: str) -> FieldSpec:
    specs = fields_for(model)
    if name not in specs:
        raise KeyError(name)
    return specs[name]


def number_fields(*names_and_labels: tuple[str, str], group: str = "counts") -> list[FieldSpec]:
    return [FieldSpec(n, ValueKind.NUMBER, label, group=group) for n, label in names_and_labels]
