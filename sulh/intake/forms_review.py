"""Forms of the text intake and its review queue."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.actors.models import Actor
from sulh.claims.models import Credibility
from sulh.events.forms import EventForm
from sulh.events.taxonomy import COUNT_FIELDS
from sulh.intake.extract.formats import FORMATS
from sulh.lib.dates import DateError, parse_date_phrase
from sulh.lib.numbers import NumberError, parse_range
from sulh.sources.models import ReportKind, Source

MAX_UPLOAD = 5 * 1024 * 1024


class IntakeTextForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Source"), queryset=Source.objects.all())
    received_on = forms.DateField(
        label=_("Received on"),
        initial=date.today,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Relative dates in the text ('on Friday', 'yesterday') count from this day."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ReportKind.choices, initial=ReportKind.INTERVIEW
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect")), ("ar", _("Arabic")), ("en", _("English"))],
    )
    format = forms.ChoiceField(
        label=_("Format of pasted text"),
        initial="text",
        choices=[
            ("text", _("Plain text")),
            ("markdown", _("Markdown")),
            ("html", _("HTML")),
        ],
    )
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"})
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_(".txt, .md, .html or .docx"),
    )

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste a text or upload a file."))
        upload = data.get("file")
        if upload and upload.size > MAX_UPLOAD:
            self.add_error("file", _("The file is larger than 5 MB."))
        return data


def _actor_choices():
    return [(a.pk, str(a)) for a in Actor.objects.all()]


class ReviewForm(forms.Form):
    target = forms.ChoiceField(label=_("Attach to"), widget=forms.RadioSelect)
    event_id = forms.IntegerField(label=_("Other event id"), required=False)
    title = forms.CharField(label=_("Title of a new event"), max_length=300, required=False)
    # The same fields as recording an event by hand (each form instance gets its own copy).
    title_ar = EventForm.base_fields["title_ar"]
    event_type = EventForm.base_fields["event_type"]
    sub_event_type = EventForm.base_fields["sub_event_type"]
    date = forms.CharField(
        label=_("Date"),
        required=False,
        help_text=_("2025-03-06, a range 2025-03-06/2025-03-08, or as written: 6 آذار 2025"),
    )
    location = forms.IntegerField(label=_("Place id"), required=False)
    perpetrator = forms.TypedChoiceField(
        label=_("Perpetrator"), required=False, coerce=int, empty_value=None
    )
    target_actors = forms.TypedMultipleChoiceField(label=_("Targets"), required=False, coerce=int)
    party = forms.TypedMultipleChoiceField(label=_("Parties"), required=False, coerce=int)
    credibility = forms.TypedChoiceField(
        label=_("Credibility of this information"),
        coerce=int,
        choices=Credibility.choices,
        initial=6,
    )

    def __init__(self, *args, report_date: date, targets: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.report_date = report_date
        self.fields["target"].choices = targets
        actors = _actor_choices()
        self.fields["perpetrator"].choices = [("", "—"), *actors]
        self.fields["target_actors"].choices = actors
        self.fields["party"].choices = actors
        for name, label in COUNT_FIELDS:
            self.fields[f"count_{name}"] = forms.CharField(
                label=label,
                required=False,
                widget=forms.TextInput(attrs={"size": 10, "dir": "ltr"}),
            )

    def count_fields(self):
        return [self[f"count_{name}"] for name, _label in COUNT_FIELDS]

    def clean_date(self):
        raw = (self.cleaned_data.get("date") or "").strip()
        if not raw:
            return None
        try:
            span = parse_date_phrase(raw, self.report_date)
        except DateError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return {
            "start": span.start.isoformat(),
            "end": span.end.isoformat(),
            "precision": span.precision,
        }

    def clean(self):
        data = super().clean()
        for name, _label in COUNT_FIELDS:
            raw = (data.get(f"count_{name}") or "").strip()
            if raw:
                try:
                    parse_range(raw)
                except NumberError as exc:
                    self.add_error(f"count_{name}", str(exc))
        if data.get("target") == "other" and not data.get("event_id"):
            self.add_error("event_id", _("Give the id of the event to attach to."))
        return data

    def claim_values(self) -> dict:
        data = self.cleaned_data
        values = {
            "event_type": data["event_type"],
            "sub_event_type": data.get("sub_event_type") or None,
            "date": data.get("date"),
            "location": data.get("location"),
            "perpetrator": data.get("perpetrator"),
            "target": list(data.get("target_actors") or []),
            "party": list(data.get("party") or []),
        }
        for name, _label in COUNT_FIELDS:
            raw = (data.get(f"count_{name}") or "").strip()
            if raw:
                value = parse_range(raw)
                values[name] = {
                    "low": value.low,
                    "best": value.best,
                    "high": value.high,
                    "qualifier": value.qualifier,
                }
        return {k: v for k, v in values.items() if v not in (None, "", [])}


def initial_from(values: dict) -> dict:
    """The review form filled with what the extractor proposed."""
    date_value = values.get("date")
    if isinstance(date_value, dict):
        date_text = date_value["start"]
        if date_value["end"] != date_value["start"]:
            date_text = f"{date_value['start']}/{date_value['end']}"
    else:
        date_text = ""
    initial = {
        "event_type": values.get("event_type"),
        "sub_event_type": values.get("sub_event_type", ""),
        "date": date_text,
        "location": values.get("location"),
        "perpetrator": values.get("perpetrator"),
        "target_actors": values.get("target", []),
        "party": values.get("party", []),
    }
    from sulh.lib.numbers import NumberRange

    for name, _label in COUNT_FIELDS:
        count = values.get(name)
        if isinstance(count, dict):
            value = NumberRange(
                count["low"], count["best"], count["high"], count.get("qualifier", "")
            )
            initial[f"count_{name}"] = _count_text(value)
    return initial


def _count_text(value) -> str:
    if value.low is not None and value.high is not None and value.low != value.high:
        if value.qualifier == "at_most":
            return f"at most {value.high}"
        return f"{value.low}-{value.high}"
    if value.high is None and value.low is not None:
        return f"at least {value.low}"
    words = {"about": "about ", "nearly": "nearly "}
    return f"{words.get(value.qualifier, '')}{value.best}"


__all__ = ["FORMATS", "IntakeTextForm", "ReviewForm", "initial_from"]
