from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sulh.core.models import BilingualName


class ActorKind(models.TextChoices):
    COMMUNITY = "community", _("Community")
    COUNCIL = "council", _("Council or civil body")
    STATE_SECURITY = "state_security", _("State security or police")
    MILITARY = "military", _("Military unit")
    FACTION = "faction", _("Armed faction")
    INSURGENT = "insurgent", _("Insurgent group")
    CIVILIANS = "civilians", _("Civilians")
    PERSON = "person", _("Person (by role)")
    ORGANISATION = "organisation", _("Organisation")
    UNKNOWN = "unknown", _("Unknown")


class AcledCategory(models.IntegerChoices):
    """ACLED's actor type codes (inter1/inter2)."""

    STATE_FORCES = 1, _("State forces")
    REBEL_GROUPS = 2, _("Rebel groups")
    POLITICAL_MILITIAS = 3, _("Political militias")
    IDENTITY_MILITIAS = 4, _("Identity militias")
    RIOTERS = 5, _("Rioters")
    PROTESTERS = 6, _("Protesters")
    CIVILIANS = 7, _("Civilians")
    EXTERNAL = 8, _("External/other forces")


class Actor(BilingualName):
    kind = models.CharField(max_length=20, choices=ActorKind.choices, db_index=True)
    acled_category = models.PositiveSmallIntegerField(
        choices=AcledCategory.choices, null=True, blank=True
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # For a person by role: "mukhtar", "region director"; never a personal name.
    role = models.CharField(max_length=120, blank=True)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="actors"
    )
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta(BilingualName.Meta):
        pass
