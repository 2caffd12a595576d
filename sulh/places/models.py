from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sulh.lib.arabic import normalise, skeleton


class PlaceKind(models.TextChoices):
    GOVERNORATE = "adm1", _("Governorate")
    DISTRICT = "adm2", _("District")
    SUBDISTRICT = "adm3", _("Sub-district")
    LOCALITY = "locality", _("Town or village")
    SITE = "site", _("Site (checkpoint, road, building)")


ADMIN_LEVEL = {PlaceKind.GOVERNORATE: 1, PlaceKind.DISTRICT: 2, PlaceKind.SUBDISTRICT: 3}


class Place(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    aliases = models.JSONField(_("other spellings"), default=list, blank=True)
    kind = models.CharField(max_length=10, choices=PlaceKind.choices, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # The admin units above (or equal to) this place, kept so an area filter is one indexed lookup.
    adm1 = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adm2 = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adm3 = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pcode = models.CharField(_("OCHA P-code"), max_length=20, null=True, blank=True, unique=True)
    geonames_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    population = models.PositiveBigIntegerField(null=True, blank=True)
    # An exact location that could endanger people is coarsened for partners (see sulh/access).
    sensitive = models.BooleanField(default=False)
    origin = models.CharField(max_length=20, default="user")  # opensyria, geonames, user, import
    note = models.TextField(blank=True)
    match_keys = models.TextField(editable=False, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.display_name()

    def display_name(self, language: str | None = None) -> str:
        language = language or get_language() or "en"
        if language.startswith("ar") and self.name_ar:
            return self.name_ar
        return self.name_en or self.name_ar

    @property
    def admin_level(self) -> int | None:
        return ADMIN_LEVEL.get(self.kind)

    def all_names(self) -> list[str]:
        return [n for n in [self.name_en, self.name_ar, *self.aliases] if n]

    def compute_match_keys(self) -> str:
        keys: set[str] = set()
        for name in self.all_names():
            keys.add(normalise(name))
            keys.add(skeleton(name))
        return "\n".join(sorted(k for k in keys if k))

    def lineage(self) -> list["Place"]:
        """This place and the units above it, outermost first."""
        chain, node = [], self
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def fill_admin_units(self) -> None:
        self.adm1 = self.adm2 = self.adm3 = None
        for node in self.lineage():
            level = node.admin_level
            if level:
                setattr(self, f"adm{level}", node)
