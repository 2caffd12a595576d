from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sulh.actors.models import Actor
from sulh.actors.search import find_actors
from sulh.events.taxonomy import event_type_choices
from sulh.places.models import Place
from sulh.places.search import find_places
from sulh.reports.dashboard import DashboardFilters


def resolve_area(text: str) -> Place | None:
    """A place typed as an id, a P-code or a name in either script. Where a name fits several
    places equally well the widest admin unit wins: "Qadmus" means the district, not the town."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return Place.objects.filter(pk=text).first()
    if place := Place.objects.filter(pcode__iexact=text).first():
        return place
    found = find_places(text, limit=10)
    if not found or found[0].score < 70:
        return None
    top = max(m.score for m in found)
    candidates = [m.place for m in found if m.score == top]
    return min(candidates, key=lambda p: (p.admin_level or 9, p.pk))


class DashboardForm(forms.Form):
    area = forms.CharField(label=_("Area"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    event_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=lambda: [("", "—"), *event_type_choices()]
    )
    actor = forms.CharField(label=_("Actor"), required=False)

    def clean_area(self) -> Place | None:
        text = self.cleaned_data.get("area") or ""
        place = resolve_area(text)
        if text.strip() and place is None:
            raise ValidationError(_("No place matches “%(text)s”."), params={"text": text})
        return place

    def clean_actor(self) -> Actor | None:
        text = (self.cleaned_data.get("actor") or "").strip()
        if not text:
            return None
        if text.isdigit():
            actor = Actor.objects.filter(pk=text).first()
        else:
            found = find_actors(text, limit=1)
            actor = found[0][0] if found and found[0][1] >= 80 else None
        if actor is None:
            raise ValidationError(_("No actor matches “%(text)s”."), params={"text": text})
        return actor

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end comes before the start."))
        return data

    def filters(self) -> DashboardFilters:
        data = self.cleaned_data
        actor = data.get("actor")
        return DashboardFilters(
            area=data.get("area"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            event_type=data.get("event_type") or "",
            actor_id=actor.pk if actor else None,
        )


class SitrepForm(forms.Form):
    area = forms.CharField(label=_("Area"))
    date_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    lang = forms.ChoiceField(
        label=_("Language"), choices=[("en", "English"), ("ar", "العربية")], initial="en"
    )

    def clean_area(self) -> Place:
        text = self.cleaned_data.get("area") or ""
        place = resolve_area(text)
        if place is None:
            raise ValidationError(_("No place matches “%(text)s”."), params={"text": text})
        return place

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end comes before the start."))
        return data
