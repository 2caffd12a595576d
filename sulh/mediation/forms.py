from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.actors.models import Actor
from sulh.claims.models import Credibility
from sulh.events.models import Event
from sulh.mediation.models import (
    AgreementForm,
    Case,
    CaseEvent,
    CaseStatus,
    CommitmentStatus,
    ContactKind,
    ContactPerson,
    PartyRole,
    PositionKind,
)
from sulh.places.models import Place
from sulh.places.search import best_place
from sulh.sources.models import Source

DATE_HELP = _("2025-03-07, 2025-03, or a range 2025-03-10/2025-03-15")


def resolve_places(text: str) -> tuple[list[Place], list[str]]:
    """Place ids or names, comma-separated, in any spelling; returns the places and the misses."""
    places, missing = [], []
    for part in (p.strip() for p in (text or "").split(",")):
        if not part:
            continue
        place = Place.objects.filter(pk=part).first() if part.isdigit() else best_place(part, 70)
        (places.append(place) if place else missing.append(part))
    return places, missing


class PlacesField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        places, missing = resolve_places(value)
        if missing:
            raise forms.ValidationError(
                _("no place found for: %(names)s") % {"names": ", ".join(missing)}
            )
        return places


class SourcedForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Source"),
        queryset=Source.objects.all(),
        help_text=_("Who told us; only the safe description is ever shown."),
    )
    credibility = forms.TypedChoiceField(
        label=_("Credibility of this information"),
        coerce=int,
        choices=Credibility.choices,
        initial=6,
    )


class CaseActorsMixin:
    """Actor choices limited to the case's parties."""

    actor_fields: tuple[str, ...] = ()

    def limit_to_case(self, case: Case) -> None:
        actors = Actor.objects.filter(pk__in=case.parties.values("actor_id"))
        for name in self.actor_fields:
            self.fields[name].queryset = actors


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea({"rows": 3})
    )
    status = forms.ChoiceField(label=_("Status"), choices=CaseStatus.choices, initial="open")
    areas = PlacesField(
        label=_("Areas"),
        required=False,
        help_text=_("Place names or ids, separated by commas (Qadmus, القدموس)"),
    )


class CaseStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CaseStatus.choices)
    reason = forms.CharField(
        label=_("Reason for closing"), required=False, widget=forms.Textarea({"rows": 2})
    )


class PartyForm(forms.Form):
    actor = forms.ModelChoiceField(label=_("Actor"), queryset=Actor.objects.all())
    role = forms.ChoiceField(label=_("Role in the case"), choices=PartyRole.choices)
    note = forms.CharField(label=_("Note"), required=False)


class ContactForm(forms.Form):
    party = forms.ModelChoiceField(
        label=_("Speaks for"), queryset=Actor.objects.none(), required=False
    )
    actor = forms.ModelChoiceField(
        label=_("Known as an actor"),
        queryset=Actor.objects.filter(kind="person"),
        required=False,
        help_text=_("A person by role already in the actor registry (the region director)"),
    )
    role = forms.CharField(
        label=_("Person, by role"),
        max_length=200,
        help_text=_("A role, never a name: a sheikh of Hamam Wasl, the region director"),
    )
    source = forms.ModelChoiceField(
        label=_("Also a source"),
        queryset=Source.objects.all(),
        required=False,
        help_text=_("Link a protected source; pages show its safe description only."),
    )

    def limit_to_case(self, case: Case) -> None:
        self.fields["party"].queryset = case.parties.select_related("actor")


class MediatorForm(forms.Form):
    username = forms.CharField(label=_("User name of the mediator"), max_length=150)


class EventLinkForm(forms.Form):
    event = forms.ModelChoiceField(label=_("Event"), queryset=Event.objects.all())
    relation = forms.ChoiceField(label=_("Relation"), choices=CaseEvent.Relation.choices)


class MeetingForm(CaseActorsMixin, SourcedForm):
    actor_fields = ("convener", "attendees", "commitment_obliged")

    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices)
    title = forms.CharField(label=_("What it was"), max_length=300)
    held_at = forms.DateTimeField(
        label=_("When"), widget=forms.DateTimeInput({"type": "datetime-local"})
    )
    place = PlacesField(label=_("Place"), required=False)
    convener = forms.ModelChoiceField(
        label=_("Convened by"), queryset=Actor.objects.none(), required=False
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Parties present"),
        queryset=Actor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contacts = forms.ModelMultipleChoiceField(
        label=_("Contact persons present"),
        queryset=ContactPerson.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=_("Others present, by role"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("One per line: a role, then a comma and a count (village elders, about 12)"),
    )
    attendance = forms.CharField(
        label=_("People attending in all"), required=False, help_text=_("12, about 40, 30-40")
    )
    agenda = forms.CharField(label=_("Agenda"), required=False, widget=forms.Textarea({"rows": 2}))
    notes = forms.CharField(
        label=_("What was said"), required=False, widget=forms.Textarea({"rows": 3})
    )
    outcome = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea({"rows": 2})
    )
    follow_ups = forms.CharField(
        label=_("Follow-ups"), required=False, widget=forms.Textarea({"rows": 2})
    )
    commitment_obliged = forms.ModelChoiceField(
        label=_("A commitment made: who"), queryset=Actor.objects.none(), required=False
    )
    commitment_action = forms.CharField(label=_("Must do what"), required=False)
    commitment_deadline = forms.DateField(
        label=_("By when"), required=False, widget=forms.DateInput({"type": "date"})
    )

    def clean(self):
        data = super().clean()
        given = [data.get("commitment_obliged"), data.get("commitment_action")]
        if any(given) and not all(given):
            self.add_error(
                "commitment_action", _("A commitment needs both who is obliged and what to do.")
            )
        return data

    def others_list(self) -> list[dict]:
        rows = []
        for line in (self.cleaned_data.get("others") or "").splitlines():
            if not line.strip():
                continue
            role, _sep, count = line.rpartition(",") if "," in line else (line, "", "")
            rows.append({"role": role.strip(), "count": count.strip()})
        return rows

    def limit_to_case(self, case: Case) -> None:
        super().limit_to_case(case)
        self.fields["contacts"].queryset = case.contacts.all()


class PositionForm(CaseActorsMixin, SourcedForm):
    actor_fields = ("party",)

    party = forms.ModelChoiceField(label=_("Party"), queryset=Actor.objects.none())
    kind = forms.ChoiceField(label=_("Demand or offer"), choices=PositionKind.choices)
    text = forms.CharField(label=_("What"), widget=forms.Textarea({"rows": 2}))
    text_ar = forms.CharField(
        label=_("What (Arabic)"), required=False, widget=forms.Textarea({"rows": 2})
    )
    date = forms.CharField(label=_("Date"), help_text=DATE_HELP)
    quantity = forms.CharField(
        label=_("How many, if it names a number"),
        required=False,
        help_text=_("20, about 600, 30-40"),
    )
    quote = forms.CharField(label=_("Words of the source (optional)"), required=False)


class AgreementRecordForm(CaseActorsMixin, SourcedForm):
    actor_fields = ("parties", "guarantors", "witnesses")

    title = forms.CharField(label=_("Title"), max_length=300)
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=300, required=False)
    form = forms.ChoiceField(label=_("Form"), choices=AgreementForm.choices)
    date = forms.CharField(label=_("Date"), help_text=DATE_HELP)
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"), queryset=Actor.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    guarantors = forms.ModelMultipleChoiceField(
        label=_("Guarantors"),
        queryset=Actor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    witnesses = forms.ModelMultipleChoiceField(
        label=_("Witnesses"),
        queryset=Actor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CommitmentForm(CaseActorsMixin, SourcedForm):
    actor_fields = ("obliged",)

    obliged = forms.ModelChoiceField(label=_("Who is obliged"), queryset=Actor.objects.none())
    action = forms.CharField(label=_("To do what"), widget=forms.Textarea({"rows": 2}))
    action_ar = forms.CharField(
        label=_("To do what (Arabic)"), required=False, widget=forms.Textarea({"rows": 2})
    )
    deadline = forms.CharField(label=_("By when"), required=False, help_text=DATE_HELP)
    quantity = forms.CharField(label=_("How many"), required=False, help_text=_("20, about 600"))
    agreement = forms.TypedChoiceField(label=_("Term of the agreement"), required=False, coerce=int)
    condition = forms.TypedChoiceField(
        label=_("Only if this is kept first"), required=False, coerce=int
    )

    def limit_to_case(self, case: Case) -> None:
        super().limit_to_case(case)
        empty = [("", "—")]
        self.fields["agreement"].choices = empty + [
            (a.pk, a.display_title()) for a in case.agreements.all()
        ]
        self.fields["condition"].choices = empty + [
            (c.pk, f"{c.obliged}: {c.display_action()}") for c in case.commitments.all()
        ]


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CommitmentStatus.choices)
    event = forms.ModelChoiceField(
        label=_("Evidence: an event that shows it"),
        queryset=Event.objects.none(),
        required=False,
    )
    source = forms.ModelChoiceField(
        label=_("Or evidence: a source who says so"),
        queryset=Source.objects.all(),
        required=False,
    )
    credibility = forms.TypedChoiceField(
        label=_("Credibility of this information"),
        coerce=int,
        choices=Credibility.choices,
        initial=6,
    )
    quote = forms.CharField(label=_("Words of the source (optional)"), required=False)
    effective_on = forms.DateField(
        label=_("Since when"), required=False, widget=forms.DateInput({"type": "date"})
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))


class AccountForm(SourcedForm):
    """Another source's account of a date or a number of a record: a claim beside the others."""

    field = forms.ChoiceField(label=_("What it is about"))
    value = forms.CharField(
        label=_("Value"), max_length=200, help_text=_("A date (2025-03-07) or a number (about 600)")
    )
    quote = forms.CharField(label=_("Words of the source (optional)"), required=False)

    def limit_to_record(self, record) -> None:
        from sulh.claims.registry import fields_for

        self.fields["field"].choices = [
            (spec.name, spec.label) for spec in fields_for(record).values() if spec.name != "status"
        ]
