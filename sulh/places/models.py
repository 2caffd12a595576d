from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sulh.core.models import BilingualName


class PlaceKind(models.TextChoices):
    GOVERNORATE = "adm1", _("Governorate")
    DISTRICT = "adm2", _("District")
    SUBDISTRICT = "adm3", _("Sub-district")
    LOCALITY = "locality", _("Town or village")
    SITE = "site", _("Site (checkpoint, road, building)")


ADMIN_LEVEL = {PlaceKind.GOVERNORATE: 1, PlaceKind.DISTRICT: 2, PlaceKind.SUBDISTRICT: 3}


class Place(BilingualName):
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
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta(BilingualName.Meta):
        pass

    @property
    def admin_level(self) -> int | None:
        return ADMIN_LEVEL.get(self.kind)

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
