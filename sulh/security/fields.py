"""The fields of each register that take claims."""

from django.utils.translation import gettext_lazy as _

from sulh.claims.models import ValueKind
from sulh.claims.registry import FieldSpec
from sulh.security.models import (
    YES_NO,
    AidStatus,
    CheckpointStatus,
    Direction,
    UnitFlag,
    WeaponCategory,
)


def _place(name: str, label) -> FieldSpec:
    return FieldSpec(name, ValueKind.PLACE, label, group="where")


def _actor(name: str, label) -> FieldSpec:
    return FieldSpec(name, ValueKind.ACTOR, label, group="who")


DESCRIPTION = FieldSpec("description", ValueKind.TEXT, _("description"), group="what")

PROGRAMME_FIELDS = [
    _place("location", _("area")),
    FieldSpec("date", ValueKind.DATE, _("date"), group="when"),
    _actor("set_up_by", _("set up by")),
    _actor("manned_by", _("manned by")),
    FieldSpec("villages", ValueKind.NUMBER, _("villages"), group="counts"),
    FieldSpec("checkpoints", ValueKind.NUMBER, _("checkpoints"), group="counts"),
    DESCRIPTION,
]

CHECKPOINT_FIELDS = [
    _place("location", _("place")),
    FieldSpec("since", ValueKind.DATE, _("since"), group="when"),
    _actor("set_up_by", _("set up by")),
    _actor("manned_by", _("manned by")),
    FieldSpec(
        "status", ValueKind.CATEGORY, _("status"), lambda: CheckpointStatus.choices, group="history"
    ),
    DESCRIPTION,
]

TRANSFER_FIELDS = [
    FieldSpec("date", ValueKind.DATE, _("date"), group="when"),
    _place("location", _("place")),
    _actor("from_actor", _("from")),
    _actor("to_actor", _("to")),
    FieldSpec(
        "direction", ValueKind.CATEGORY, _("direction"), lambda: Direction.choices, group="what"
    ),
    FieldSpec(
        "category", ValueKind.CATEGORY, _("category"), lambda: WeaponCategory.choices, group="what"
    ),
    FieldSpec("count", ValueKind.NUMBER, _("weapons"), group="counts"),
    FieldSpec("villages", ValueKind.NUMBER, _("from villages"), group="counts"),
    DESCRIPTION,
]

UNIT_FIELDS = [
    _actor("actor", _("unit (actor)")),
    _actor("affiliation", _("affiliation")),
    _place("location", _("based in")),
    FieldSpec("formed", ValueKind.DATE, _("formed"), group="when"),
    FieldSpec("size", ValueKind.NUMBER, _("size"), group="history"),
    *[
        FieldSpec(flag, ValueKind.CATEGORY, label, lambda: YES_NO, group="history")
        for flag, label in UnitFlag.choices
    ],
    DESCRIPTION,
]

AID_FIELDS = [
    FieldSpec("date", ValueKind.DATE, _("date"), group="when"),
    _place("origin", _("origin")),
    _place("destination", _("destination")),
    FieldSpec("cargo", ValueKind.TEXT, _("cargo"), group="what"),
    _actor("requested_by", _("requested by")),
    _actor("escorted_by", _("escorted by")),
    _actor("blocked_by", _("blocked by")),
    _place("blocked_at", _("blocked at")),
    FieldSpec(
        "status", ValueKind.CATEGORY, _("status"), lambda: AidStatus.choices, group="history"
    ),
    DESCRIPTION,
]
