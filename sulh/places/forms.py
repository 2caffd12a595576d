from django import forms
from django.utils.translation import gettext_lazy as _

from sulh.places.models import Place, PlaceKind


class PlaceForm(forms.Form):
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    name_ar = forms.CharField(label=_("Name (Arabic)"), max_length=200, required=False)
    aliases = forms.CharField(label=_("Other spellings, comma-separated"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (PlaceKind.LOCALITY, PlaceKind.LOCALITY.label),
            (PlaceKind.SITE, PlaceKind.SITE.label),
        ],
    )
    parent = forms.ModelChoiceField(
        label=_("Lies in (sub-district or district)"),
        queryset=Place.objects.filter(kind__in=["adm2", "adm3"]).order_by("name_en"),
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)
    sensitive = forms.BooleanField(label=_("Exact location is sensitive"), required=False)
