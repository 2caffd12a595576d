import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sulh.claims.reconcile import Reconciled
from sulh.events.taxonomy import EVENT_TYPES
from sulh.lib.dates import week_start

GEO_PRECISION = {"locality": 1, "site": 1, "adm3": 2, "adm2": 3, "adm1": 3}


class Event(models.Model):
    """An incident or development. Its columns are reconciled from its claims, never typed in."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    event_type = models.CharField(max_length=40, blank=True, db_index=True)  # see taxonomy.py
    sub_event_type = models.CharField(max_length=60, blank=True)
    date_start = models.DateField(null=True, blank=True, db_index=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, blank=True)
    # Indexed through Meta.indexes (week, event_type); a second index would only slow imports.
    week = models.DateField(null=True, blank=True)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    adm1 = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adm2 = models.ForeignKey(  # indexed through Meta.indexes (adm2, date_start)
        "places.Place",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    adm3 = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geo_precision = models.PositiveSmallIntegerField(null=True, blank=True)
    fatalities_low = models.IntegerField(null=True, blank=True)
    fatalities_best = models.IntegerField(null=True, blank=True)
    fatalities_high = models.IntegerField(null=True, blank=True)
    # Only disputed events are indexed (a partial index in Meta): imports of undisputed rows
    # skip it.
    disputed = models.BooleanField(default=False)
    disputed_fields = models.JSONField(default=list, blank=True)
    reconciled = models.JSONField(default=dict, blank=True)
    origin = models.CharField(max_length=20, default="manual")  # manual, demo, intake, acled, ucdp
    external_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(  # not indexed: nothing looks events up by who typed them
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date_start", "-id"]
        indexes = [
            models.Index(fields=["week", "event_type"]),
            models.Index(fields=["adm2", "date_start"]),
            models.Index(
                fields=["date_start"], condition=Q(disputed=True), name="events_disputed_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title()

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    def display_title(self, language: str | None = None) -> str:
        language = language or get_language() or "en"
        if language.startswith("ar") and self.title_ar:
            return self.title_ar
        return self.title or self.title_ar

    @property
    def type_label(self) -> str:
        etype = EVENT_TYPES.get(self.event_type)
        return str(etype.label) if etype else ""

    @property
    def sub_type_label(self) -> str:
        etype = EVENT_TYPES.get(self.event_type)
        return str(dict(etype.sub_types).get(self.sub_event_type, "")) if etype else ""

    def apply_reconciliation(self, results: dict[str, Reconciled]) -> None:
        """Copy the reconciled values into the columns lists and filters use."""
        from sulh.places.models import Place

        def key(name: str) -> str:
            return results[name].key if name in results else ""

        self.event_type = key("event_type")
        self.sub_event_type = key("sub_event_type")
        date = results.get("date")
        self.date_start = date.start if date else None
        self.date_end = date.end if date else None
        self.date_precision = date.precision if date else ""
        self.week = week_start(self.date_start) if self.date_start else None
        place_key = key("location")
        place = Place.objects.filter(pk=place_key).first() if place_key else None
        self.place = place
        self.adm1_id = place.adm1_id if place else None
        self.adm2_id = place.adm2_id if place else None
        self.adm3_id = place.adm3_id if place else None
        self.latitude = place.latitude if place else None
        self.longitude = place.longitude if place else None
        self.geo_precision = GEO_PRECISION.get(place.kind) if place else None
        killed = results.get("killed")
        self.fatalities_low = killed.low if killed else None
        self.fatalities_best = killed.best if killed else None
        self.fatalities_high = killed.high if killed else None
        self.disputed_fields = sorted(name for name, r in results.items() if r.disputed)
        self.disputed = bool(self.disputed_fields)
        self.reconciled = {name: r.as_dict() for name, r in results.items()}
        self.updated_at = timezone.now()
        self.save()
        self._rebuild_actor_roles(results)

    def _rebuild_actor_roles(self, results: dict[str, Reconciled]) -> None:
        from sulh.events.fields import ACTOR_ROLES

        self.actor_roles.all().delete()
        rows = []
        for role, _label, multiple in ACTOR_ROLES:
            result = results.get(role)
            if result is None:
                continue
            for actor_key in result.keys if multiple else [result.key]:
                actor_id = int(actor_key) if actor_key.isdigit() else None
                rows.append(
                    EventActor(event=self, role=role, actor_id=actor_id, disputed=result.disputed)
                )
        EventActor.objects.bulk_create(rows)


class EventActor(models.Model):
    """An actor in a role, derived from the event's reconciled actor claims (rebuilt each time)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="actor_roles")
    role = models.CharField(max_length=20)
    actor = models.ForeignKey(  # indexed through Meta.indexes (actor, role)
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_roles",
        db_index=False,
    )
    disputed = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["actor", "role"])]

    def __str__(self) -> str:
        return f"{self.role}: {self.actor or 'unknown'}"
