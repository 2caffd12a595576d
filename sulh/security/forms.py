from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.actors.models import Actor
from sulh.claims.models import Credibility
from sulh.places.models import Place
from sulh.places.search import best_place
from sulh.security.models import (
    AidMovement,
    AidStatus,
    Checkpoint,
    CheckpointProgramme,
    CheckpointStatus,
    Direction,
    UnitFlag,
    WeaponCategory,
)
from sulh.sources.models import Source

DATE_HELP = _("2025-03-06, 2025-03, or a range 2025-03-07/2025-03-08")
COUNT_HELP = _("80, about 80, 30-40, nearly 600, at least 14")


class PlaceField(forms.CharField):
    """A place typed as people know it (Kaf Jaa, القدموس) or by its id."""

    def clean(self, value: Any) -> Place | None:
        raw = (super().clean(value) or "").strip()
        if not raw:
            return None
        place = Place.objects.filter(pk=raw).first() if raw.isdigit() else best_place(raw, 70)
        if place is None:
            raise forms.ValidationError(_("No place matches %(name)s.") % {"name": raw})
        return place


def actor_field(label: Any, required: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=Actor.objects.all(), required=required)


class FilterForm(forms.Form):
    place = forms.CharField(label=_("Area"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    actor = forms.IntegerField(required=False, widget=forms.HiddenInput)


class GradeForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Source"), queryset=Source.objects.all())
    credibility = forms.TypedChoiceField(
        label=_("Credibility of this information"),
        coerce=int,
        choices=Credibility.choices,
        initial=6,
    )
    quote = forms.CharField(
        label=_("Words of the source (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RecordForm(GradeForm):
    """Name and source first; the subclasses' VALUE_FIELDS become claims from that source."""

    name = forms.CharField(label=_("Name"), max_length=300)
    name_ar = forms.CharField(label=_("Name (Arabic)"), max_length=300, required=False)
    VALUE_FIELDS: tuple[str, ...] = ()

    def claim_values(self) -> dict[str, Any]:
        values = {}
        for name in self.VALUE_FIELDS:
            value = self.cleaned_data.get(name)
            if value not in (None, ""):
                values[name] = value
        return values

    def quotes(self) -> dict[str, str]:
        quote = self.cleaned_data.get("quote") or ""
        first = next(iter(self.claim_values()), None)
        return {first: quote} if quote and first else {}


class ProgrammeForm(RecordForm):
    location = PlaceField(label=_("Area"))
    date = forms.CharField(label=_("Date"), help_text=DATE_HELP)
    set_up_by = actor_field(_("Set up by"))
    manned_by = actor_field(_("Manned by"))
    villages = forms.CharField(label=_("Villages"), required=False, help_text=COUNT_HELP)
    checkpoints = forms.CharField(label=_("Checkpoints"), required=False, help_text=COUNT_HELP)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    VALUE_FIELDS = (
        "location",
        "date",
        "set_up_by",
        "manned_by",
        "villages",
        "checkpoints",
        "description",
    )


class CheckpointForm(RecordForm):
    location = PlaceField(
        label=_("Place"), help_text=_("The village or sub-district, by name or id")
    )
    location_note = forms.CharField(label=_("Where exactly"), required=False, max_length=300)
    latitude = forms.FloatField(label=_("Latitude (optional)"), required=False)
    longitude = forms.FloatField(label=_("Longitude (optional)"), required=False)
    sensitive = forms.BooleanField(
        label=_("The exact spot could endanger people (partners see the sub-district)"),
        required=False,
    )
    since = forms.CharField(label=_("Since"), required=False, help_text=DATE_HELP)
    set_up_by = actor_field(_("Set up by"))
    manned_by = actor_field(_("Manned by"))
    programme = forms.ModelChoiceField(
        label=_("Part of a programme"), queryset=CheckpointProgramme.objects.all(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *CheckpointStatus.choices], required=False
    )
    VALUE_FIELDS = ("location", "since", "set_up_by", "manned_by")


class TransferForm(RecordForm):
    date = forms.CharField(label=_("Date"), help_text=DATE_HELP)
    location = PlaceField(label=_("Place"), required=False)
    from_actor = actor_field(_("From"))
    to_actor = actor_field(_("To"))
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    category = forms.ChoiceField(label=_("Category"), choices=WeaponCategory.choices)
    count = forms.CharField(label=_("Weapons"), help_text=COUNT_HELP)
    villages = forms.CharField(label=_("From villages"), required=False, help_text=COUNT_HELP)
    VALUE_FIELDS = (
        "date",
        "location",
        "from_actor",
        "to_actor",
        "direction",
        "category",
        "count",
        "villages",
    )


class UnitForm(RecordForm):
    actor = actor_field(_("Unit (actor)"))
    affiliation = actor_field(_("Affiliation"))
    location = PlaceField(label=_("Based in"), required=False)
    formed = forms.CharField(label=_("Formed"), required=False, help_text=DATE_HELP)
    VALUE_FIELDS = ("actor", "affiliation", "location", "formed")


class UnitReportForm(GradeForm):
    field = forms.ChoiceField(label=_("What"), choices=[("size", _("size")), *UnitFlag.choices])
    value = forms.CharField(
        label=_("Value"), help_text=_("A size (about 60, 30-40) or yes / no for a flag")
    )
    date = forms.CharField(label=_("As of"), help_text=DATE_HELP)
    note = forms.CharField(label=_("Note"), required=False)


class AidForm(RecordForm):
    date = forms.CharField(label=_("Date"), help_text=DATE_HELP)
    origin = PlaceField(label=_("From (place)"), required=False)
    destination = PlaceField(label=_("To (place)"), required=False)
    cargo = forms.CharField(label=_("Cargo"), required=False, max_length=300)
    requested_by = actor_field(_("Requested by"))
    escorted_by = actor_field(_("Escorted by"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(k, v) for k, v in AidStatus.choices if k != AidStatus.BLOCKED],
        initial=AidStatus.REQUESTED,
        help_text=_("To record a block, save the movement and then add the blocked status."),
    )
    retry_of = forms.ModelChoiceField(
        queryset=AidMovement.objects.all(), required=False, widget=forms.HiddenInput
    )
    VALUE_FIELDS = ("date", "origin", "destination", "cargo", "requested_by", "escorted_by")


class StatusForm(GradeForm):
    date = forms.CharField(label=_("Date"), help_text=DATE_HELP)
    note = forms.CharField(label=_("Note"), required=False)


class CheckpointStatusForm(StatusForm):
    status = forms.ChoiceField(label=_("Status"), choices=CheckpointStatus.choices)
    field_order = ["status", "date"]


class AidStatusForm(StatusForm):
    status = forms.ChoiceField(label=_("Status"), choices=AidStatus.choices)
    checkpoint = forms.ModelChoiceField(
        label=_("At checkpoint"), queryset=Checkpoint.objects.none(), required=False
    )
    place = PlaceField(label=_("Or at place"), required=False)
    actor = actor_field(_("By (if not the checkpoint's men)"))
    field_order = ["status", "date", "checkpoint", "place", "actor"]

    def __init__(self, *args: Any, checkpoints: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if checkpoints is not None:
            self.fields["checkpoint"].queryset = checkpoints


class ClaimForm(GradeForm):
    field = forms.ChoiceField(label=_("Field"))
    value = forms.CharField(
        label=_("Value"),
        max_length=500,
        help_text=_("A number or range (about 80, 30-40), a date, a place or actor id, or a key"),
    )

    def __init__(self, *args: Any, specs: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [(s.name, s.label) for s in specs]
        self.order_fields(["field", "value"])


class EventLinkForm(forms.Form):
    event = forms.IntegerField(
        label=_("Event id"), help_text=_("The number in the event's address")
    )
