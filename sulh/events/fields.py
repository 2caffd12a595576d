"""The fields of an event that take claims."""

from django.utils.translation import gettext_lazy as _

from sulh.claims.models import ValueKind
from sulh.claims.registry import FieldSpec, number_fields
from sulh.events.taxonomy import (
    COUNT_FIELDS,
    CURRENCIES,
    OCCURRED,
    event_type_choices,
    sub_event_type_choices,
)

ACTOR_ROLES = [
    ("perpetrator", _("perpetrator"), False),
    ("target", _("target"), True),
    ("party", _("party"), True),
    ("mediator", _("mediator"), True),
]

EVENT_FIELDS = [
    FieldSpec("event_type", ValueKind.CATEGORY, _("event type"), event_type_choices, group="what"),
    FieldSpec(
        "sub_event_type",
        ValueKind.CATEGORY,
        _("sub-event type"),
        sub_event_type_choices,
        group="what",
    ),
    FieldSpec("date", ValueKind.DATE, _("date"), group="when"),
    FieldSpec("location", ValueKind.PLACE, _("location"), group="where"),
    *[
        FieldSpec(name, ValueKind.ACTOR, label, multiple=multiple, group="who")
        for name, label, multiple in ACTOR_ROLES
    ],
    *number_fields(*COUNT_FIELDS),
    FieldSpec("currency", ValueKind.CATEGORY, _("currency"), lambda: CURRENCIES, group="counts"),
    # Whether the event happened at all: accounts that deny it are claims too.
    FieldSpec("occurred", ValueKind.CATEGORY, _("did it happen"), lambda: OCCURRED, group="what"),
    FieldSpec("description", ValueKind.TEXT, _("description"), group="what"),
]
