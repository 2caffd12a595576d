from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.intake.messaging.cli import resolve_place
from sulh.intake.models import MessageFormat
from sulh.sources.models import Source

MAX_UPLOAD = 20 * 1024 * 1024


class PlaceRefField(forms.CharField):
    """A place by id, P-code or name in any spelling."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        place = resolve_place(value)
        if place is None:
            raise forms.ValidationError(_("no place found for: %(name)s") % {"name": value})
        return place


class MessageImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Export"), choices=MessageFormat.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("A WhatsApp 'export chat' .txt file or a Telegram Desktop result.json."),
    )
    source = forms.ModelChoiceField(
        label=_("Source"),
        queryset=Source.objects.all(),
        required=False,
        help_text=_("Who gave you the export. A Telegram channel may be its own source."),
    )
    place = PlaceRefField(
        label=_("Place"),
        required=False,
        help_text=_("The place the chat is about (threats naming no place count for it)."),
    )
    date_order = forms.ChoiceField(
        label=_("Date order"),
        required=False,
        choices=[
            ("", _("read it from the file")),
            ("dmy", _("day/month")),
            ("mdy", _("month/day")),
        ],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class ThreatFilterForm(forms.Form):
    place = PlaceRefField(label=_("Place"), required=False)
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)

    def __init__(self, data):
        super().__init__(
            {
                "place": data.get("place", ""),
                "start": data.get("from", ""),
                "end": data.get("to", ""),
            }
        )
