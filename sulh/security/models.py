"""Security registers: checkpoints, weapons transfers, armed units, aid movements.

Every fact about a register row is a claim (sulh.claims). Columns are reconciled from claims; what
changes over time (a checkpoint's status, a unit's size, an aid movement's progress) is kept as
append-only dated rows, each backed by its own claim so it carries a source and a grade.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sulh.claims.reconcile import Reconciled


class CheckpointStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    SUSPENDED = "suspended", _("suspended")
    REMOVED = "removed", _("removed")
    HOSTILE = "hostile", _("hostile")


class Direction(models.TextChoices):
    DISTRIBUTED = "distributed", _("distributed")
    HANDED_OVER = "handed_over", _("handed over")
    SEIZED = "seized", _("seized")
    RETURNED = "returned", _("returned")


class WeaponCategory(models.TextChoices):
    RIFLES = "rifles", _("rifles")
    HEAVY = "heavy_weapons", _("heavy weapons")
    UNKNOWN = "unknown", _("unknown")


class AidStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    ESCORTED = "escorted", _("escorted")
    PASSED = "passed", _("passed")
    BLOCKED = "blocked", _("blocked")
    DELIVERED = "delivered", _("delivered")
    TURNED_BACK = "turned_back", _("turned back")


class UnitFlag(models.TextChoices):
    ARMED = "armed", _("armed")
    PAID = "paid", _("paid")
    INTEGRATED = "integrated", _("integrated")


YES_NO = [("yes", _("yes")), ("no", _("no"))]
# Fields whose claims form a dated history rather than one value to agree on.
HISTORY_FIELDS = {"status", "size", "armed", "paid", "integrated"}


class Register(models.Model):
    """What every register row has: a name, a place and dates reconciled from claims, linked
    events, and who made it."""

    name = models.CharField(_("name"), max_length=300)
    name_ar = models.CharField(_("name (Arabic)"), max_length=300, blank=True)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    date_start = models.DateField(null=True, blank=True, db_index=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, blank=True)
    disputed = models.BooleanField(default=False)
    disputed_fields = models.JSONField(default=list, blank=True)
    reconciled = models.JSONField(default=dict, blank=True)
    origin = models.CharField(max_length=20, default="manual")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    # The claim field that gives ``place`` and the one that gives the dates.
    place_field = "location"
    date_field = "date"
    url_name = ""

    class Meta:
        abstract = True
        ordering = ["-date_start", "-id"]

    def __str__(self) -> str:
        return self.display_name()

    def get_absolute_url(self) -> str:
        return reverse(f"security:{self.url_name}", args=[self.pk])

    def display_name(self, language: str | None = None) -> str:
        language = language or get_language() or "en"
        if language.startswith("ar") and self.name_ar:
            return self.name_ar
        return self.name or self.name_ar

    def apply_reconciliation(self, results: dict[str, Reconciled]) -> None:
        from sulh.places.models import Place

        place_key = results[self.place_field].key if self.place_field in results else ""
        self.place = Place.objects.filter(pk=place_key).first() if place_key.isdigit() else None
        date = results.get(self.date_field)
        self.date_start = date.start if date else None
        self.date_end = date.end if date else None
        self.date_precision = date.precision if date else ""
        self.disputed_fields = sorted(
            name for name, r in results.items() if r.disputed and name not in HISTORY_FIELDS
        )
        self.disputed = bool(self.disputed_fields)
        self.reconciled = {
            name: r.as_dict() for name, r in results.items() if name not in HISTORY_FIELDS
        }
        self.apply_extra(results)
        self.updated_at = timezone.now()
        self.save()

    def apply_extra(self, results: dict[str, Reconciled]) -> None:
        """Register-specific columns; the default has none."""


def _actor(results: dict[str, Reconciled], name: str):
    from sulh.actors.models import Actor

    key = results[name].key if name in results else ""
    return Actor.objects.filter(pk=key).first() if key.isdigit() else None


class CheckpointProgramme(Register):
    """A programme of checkpoints (the police putting checkpoints in the villages) whose extent is
    itself a claim: 30-40 villages by one account, 8 by another."""

    events = models.ManyToManyField("events.Event", blank=True, related_name="+")
    set_up_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    villages_low = models.IntegerField(null=True, blank=True)
    villages_best = models.IntegerField(null=True, blank=True)
    villages_high = models.IntegerField(null=True, blank=True)

    url_name = "programme"

    class Meta(Register.Meta):
        verbose_name = _("checkpoint programme")

    def apply_extra(self, results: dict[str, Reconciled]) -> None:
        self.set_up_by = _actor(results, "set_up_by")
        villages = results.get("villages")
        self.villages_low = villages.low if villages else None
        self.villages_best = villages.best if villages else None
        self.villages_high = villages.high if villages else None


class Checkpoint(Register):
    programme = models.ForeignKey(
        CheckpointProgramme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="checkpoints",
    )
    location_note = models.CharField(_("where exactly"), max_length=300, blank=True)
    events = models.ManyToManyField("events.Event", blank=True, related_name="+")
    set_up_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    manned_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=12, choices=CheckpointStatus.choices, blank=True)

    date_field = "since"
    url_name = "checkpoint"

    class Meta(Register.Meta):
        verbose_name = _("checkpoint")

    def apply_extra(self, results: dict[str, Reconciled]) -> None:
        self.set_up_by = _actor(results, "set_up_by")
        self.manned_by = _actor(results, "manned_by")
        latest = self.status_history.order_by("-date_start", "-id").first()
        self.status = latest.status if latest else ""


class WeaponsTransfer(Register):
    events = models.ManyToManyField("events.Event", blank=True, related_name="+")
    from_actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField(max_length=12, choices=Direction.choices, blank=True)
    category = models.CharField(max_length=16, choices=WeaponCategory.choices, blank=True)
    count_low = models.IntegerField(null=True, blank=True)
    count_best = models.IntegerField(null=True, blank=True)
    count_high = models.IntegerField(null=True, blank=True)

    url_name = "transfer"

    class Meta(Register.Meta):
        verbose_name = _("weapons transfer")

    def apply_extra(self, results: dict[str, Reconciled]) -> None:
        self.from_actor = _actor(results, "from_actor")
        self.to_actor = _actor(results, "to_actor")
        self.direction = results["direction"].key if "direction" in results else ""
        self.category = results["category"].key if "category" in results else ""
        count = results.get("count")
        self.count_low = count.low if count else None
        self.count_best = count.best if count else None
        self.count_high = count.high if count else None


class ArmedUnit(Register):
    events = models.ManyToManyField("events.Event", blank=True, related_name="+")
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    affiliation = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    date_field = "formed"
    url_name = "unit"

    class Meta(Register.Meta):
        verbose_name = _("armed unit")

    def apply_extra(self, results: dict[str, Reconciled]) -> None:
        self.actor = _actor(results, "actor")
        self.affiliation = _actor(results, "affiliation")

    def latest(self, field: str) -> "UnitReport | None":
        return self.reports.filter(field=field).order_by("-date_start", "-id").first()


class AidMovement(Register):
    retry_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="retries"
    )
    events = models.ManyToManyField("events.Event", blank=True, related_name="+")
    # ``origin`` (manual, demo...) is taken by Register, hence the _place suffix.
    origin_place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    destination_place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    escorted_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    blocked_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    blocked_at = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cargo = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=12, choices=AidStatus.choices, blank=True)

    place_field = "origin"
    url_name = "aid"

    class Meta(Register.Meta):
        verbose_name = _("aid movement")

    def apply_extra(self, results: dict[str, Reconciled]) -> None:
        from sulh.places.models import Place

        def place(name: str):
            key = results[name].key if name in results else ""
            return Place.objects.filter(pk=key).first() if key.isdigit() else None

        self.origin_place = place("origin")
        self.destination_place = place("destination")
        self.blocked_at = place("blocked_at")
        self.requested_by = _actor(results, "requested_by")
        self.escorted_by = _actor(results, "escorted_by")
        self.blocked_by = _actor(results, "blocked_by")
        self.cargo = results["cargo"].key[:300] if "cargo" in results else ""
        latest = self.status_history.order_by("-date_start", "-id").first()
        self.status = latest.status if latest else ""


class Dated(models.Model):
    """One dated entry of a history, backed by the claim that carries its source and grade."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="+")
    date_start = models.DateField()
    date_end = models.DateField()
    date_precision = models.CharField(max_length=8)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["date_start", "id"]

    def __str__(self) -> str:
        return f"{self.date_start}: {getattr(self, 'status', '') or getattr(self, 'field', '')}"


class CheckpointStatusChange(Dated):
    checkpoint = models.ForeignKey(
        Checkpoint, on_delete=models.PROTECT, related_name="status_history"
    )
    status = models.CharField(max_length=12, choices=CheckpointStatus.choices)


class UnitReport(Dated):
    """A dated observation of a unit: its size, or whether it was armed, paid, integrated."""

    unit = models.ForeignKey(ArmedUnit, on_delete=models.PROTECT, related_name="reports")
    field = models.CharField(max_length=12)


class AidStatusChange(Dated):
    movement = models.ForeignKey(
        AidMovement, on_delete=models.PROTECT, related_name="status_history"
    )
    status = models.CharField(max_length=12, choices=AidStatus.choices)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checkpoint = models.ForeignKey(
        Checkpoint, null=True, blank=True, on_delete=models.PROTECT, related_name="aid_stops"
    )
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
