from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.accounts.models import User
from sulh.places.models import Place
from sulh.warning.indicators import indicator_choices
from sulh.warning.models import RuleMode


class AreaField(forms.CharField):
    """A place or area as people type it: a name in any spelling, a P-code (SY1006) or an id."""

    def clean(self, value: Any) -> Place | None:
        from sulh.security.queries import find_area

        raw = (super().clean(value) or "").strip()
        if not raw:
            return None
        place = find_area(raw)
        if place is None:
            raise forms.ValidationError(_("No place matches %(name)s.") % {"name": raw})
        return place


class RuleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    indicator = forms.ChoiceField(label=_("Indicator"), choices=())
    place = AreaField(
        label=_("Place or area"),
        required=False,
        help_text=_("A town (Qadmus), an area taken whole (SY1006), or empty for every locality."),
    )
    mode = forms.ChoiceField(label=_("Fires when"), choices=RuleMode.choices)
    threshold = forms.FloatField(
        label=_("Threshold"),
        min_value=0,
        initial=1,
        help_text=_("The value that fires the rule; with a baseline, the minimum value."),
    )
    factor = forms.FloatField(
        label=_("Times the baseline (k)"), min_value=0, initial=3, required=False
    )
    baseline_days = forms.IntegerField(label=_("Baseline days"), min_value=1, initial=14)
    window_days = forms.IntegerField(label=_("Window (days)"), min_value=1, initial=1)
    radius_km = forms.FloatField(label=_("Radius (km)"), min_value=0, initial=10)
    recipients = forms.ModelMultipleChoiceField(
        label=_("Users to email"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        required=False,
    )
    emails = forms.CharField(
        label=_("Other email addresses"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One per line or comma-separated."),
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicator_choices()

    def rule_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("recipients")
        if data.get("factor") is None:
            data["factor"] = 3
        return data

    @staticmethod
    def initial_for(rule: Any) -> dict:
        data = {name: getattr(rule, name) for name in RuleForm.base_fields if name != "recipients"}
        data["place"] = (rule.place.pcode or rule.place.pk) if rule.place_id else ""
        data["recipients"] = list(rule.recipients.all())
        return data
