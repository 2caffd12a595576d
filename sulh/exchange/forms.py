from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sulh.events.taxonomy import event_type_choices
from sulh.exchange.exporters import EXPORTERS
from sulh.exchange.importers import IMPORTERS


class ImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=())
    file = forms.FileField(label=_("CSV file"))
    encoding = forms.ChoiceField(
        label=_("Encoding"),
        required=False,
        choices=[
            ("", _("Detect")),
            ("utf-8", _("UTF-8")),
            ("cp1256", _("Windows-1256 (Arabic saved by Windows)")),
        ],
    )
    strict = forms.BooleanField(
        label=_("Stop at the first bad row and import nothing"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(k, i.label) for k, i in sorted(IMPORTERS.items())]

    def clean_file(self):
        # A web request that runs for minutes ends in a proxy's timeout with nothing said; a
        # national file goes through the command line, which shows progress and can resume.
        upload = self.cleaned_data["file"]
        limit = settings.SULH_WEB_IMPORT_MAX_MB
        if upload.size > limit * 1_000_000:
            raise forms.ValidationError(
                _(
                    "This file is %(size)s MB; files over %(limit)s MB are imported from the "
                    "command line: sulh import FORMAT FILE (it shows progress and resumes if "
                    "interrupted)."
                )
                % {"size": f"{upload.size / 1_000_000:.0f}", "limit": limit}
            )
        return upload


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
