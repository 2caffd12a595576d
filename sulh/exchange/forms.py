from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.events.taxonomy import event_type_choices
from sulh.exchange.exporters import EXPORTERS
from sulh.exchange.importers import IMPORTERS


class ImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=())
    file = forms.FileField(label=_("CSV file"))
    strict = forms.BooleanField(
        label=_("Stop at the first bad row and import nothing"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(k, i.label) for k, i in sorted(IMPORTERS.items())]


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=())
    area = forms.CharField(label=_("Area (name or P-code)"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    event_type = forms.ChoiceField(label=_("Event type"), required=False, choices=())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(k, e.label) for k, e in sorted(EXPORTERS.items())]
        self.fields["event_type"].choices = [("", _("any")), *event_type_choices()]
