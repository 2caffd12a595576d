from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.claims.models import Credibility
from sulh.claims.registry import fields_for
from sulh.events.models import Event
from sulh.events.taxonomy import event_type_choices, sub_event_type_choices
from sulh.places.models import Place
from sulh.sources.models import Source


class FilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(label=_("Place"), required=False)
    event_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=lambda: [("", "—"), *event_type_choices()]
    )
    actor = forms.CharField(label=_("Actor"), required=False)
    disputed = forms.BooleanField(label=_("Disputed only"), required=False)
    q = forms.CharField(label=_("Title contains"), required=False)


class SourcedForm(forms.Form):
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


class EventForm(SourcedForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    title_ar = forms.CharField(label=_("Title (Arabic)"), max_length=300, required=False)
    event_type = forms.ChoiceField(label=_("Event type"), choices=event_type_choices)
    sub_event_type = forms.ChoiceField(
        label=_("Sub-event type"),
        required=False,
        choices=lambda: [("", "—"), *sub_event_type_choices()],
    )
    date = forms.CharField(
        label=_("Date"), help_text=_("2025-03-06, 2025-03, or a range 2025-03-07/2025-03-08")
    )
    location = forms.ModelChoiceField(
        label=_("Place"),
        queryset=Place.objects.all(),
        required=False,
        widget=forms.NumberInput,
        help_text=_("Place id; search places to find it"),
    )
    killed = forms.CharField(
        label=_("Killed"), required=False, help_text=_("14, about 80, 30-40, at least 14")
    )
    injured = forms.CharField(label=_("Injured"), required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    VALUE_FIELDS = (
        "event_type",
        "sub_event_type",
        "date",
        "location",
        "killed",
        "injured",
        "description",
    )

    def claim_values(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self.VALUE_FIELDS
            if self.cleaned_data.get(name)
        }


class ClaimForm(SourcedForm):
    field = forms.ChoiceField(label=_("Field"))
    value = forms.CharField(
        label=_("Value"),
        max_length=500,
        help_text=_(
            "A number or range (about 80, 30-40), a date, a place or actor id, or a category key"
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("accepted", _("Accepted")), ("proposed", _("Proposed, to review"))],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [(s.name, s.label) for s in fields_for(Event).values()]
