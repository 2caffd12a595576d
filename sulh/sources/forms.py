from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.sources.models import Reliability, ReportKind, Source, SourceKind


class SourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SourceKind.choices)
    safe_description = forms.CharField(
        label=_("Safe description"),
        max_length=200,
        help_text=_("What everyone sees, e.g. 'an Ismaili activist in Qadmus'"),
    )
    safe_description_ar = forms.CharField(
        label=_("Safe description (Arabic)"), max_length=200, required=False
    )
    reliability = forms.ChoiceField(
        label=_("Reliability"), choices=Reliability.choices, initial="F"
    )
    name = forms.CharField(label=_("Name (protected)"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone (protected)"), max_length=40, required=False)
    contact = forms.CharField(label=_("Other contact (protected)"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Identity notes (protected)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    IDENTITY = ("name", "phone", "contact", "notes")

    def split(self) -> tuple[dict, dict]:
        data = dict(self.cleaned_data)
        identity = {k: data.pop(k) for k in self.IDENTITY}
        return data, identity


class ReportForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Source"), queryset=Source.objects.all())
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("ar", _("Arabic")), ("en", _("English"))]
    )
    received_at = forms.DateTimeField(
        label=_("Received"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))
