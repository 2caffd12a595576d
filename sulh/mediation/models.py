"""Mediation cases: parties, meetings, positions, agreements and the commitments that follow.

Dates, numbers and statuses that sources give are claims (``sulh.claims``); the columns here named
``*_low/best/high``, ``date_*`` and ``deadline`` are reconciled from them, never typed in.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sulh.claims.reconcile import Reconciled


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


class PartyRole(models.TextChoices):
    PARTY = "party", _("Party")
    MEDIATOR = "mediator", _("Mediator")
    GUARANTOR = "guarantor", _("Guarantor")
    OBSERVER = "observer", _("Observer")
    SPOILER = "spoiler", _("Spoiler")


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    PHONE = "phone", _("Phone call")
    MESSAGE = "message", _("Message")


class PositionKind(models.TextChoices):
    DEMAND = "demand", _("Demand")
    OFFER = "offer", _("Offer")


class AgreementForm(models.TextChoices):
    VERBAL = "verbal", _("Verbal")
    WRITTEN = "written", _("Written")


class AgreementRole(models.TextChoices):
    PARTY = "party", _("Party")
    WITNESS = "witness", _("Witness")
    GUARANTOR = "guarantor", _("Guarantor")


class CommitmentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    KEPT = "kept", _("Kept")
    PARTLY_KEPT = "partly_kept", _("Partly kept")
    BROKEN = "broken", _("Broken")
    REFUSED = "refused", _("Refused")
    SUPERSEDED = "superseded", _("Superseded")


def span_text(start: date | None, end: date | None) -> str:
    """A reconciled date as the sources gave it: a day, a month, or a range."""
    if start is None:
        return ""
    end = end or start
    if start == end:
        return start.isoformat()
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and start.month == end.month:
        return start.strftime("%Y-%m")
    return f"{start.isoformat()} – {end.isoformat()}"


def _bilingual(en: str, ar: str, language: str | None = None) -> str:
    language = language or get_language() or "en"
    if language.startswith("ar") and ar:
        return ar
    return en or ar


class Case(models.Model):
    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    closed_reason = models.TextField(_("reason for closing"), blank=True)
    areas = models.ManyToManyField("places.Place", blank=True, related_name="mediation_cases")
    mediators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="mediation_cases"
    )
    events = models.ManyToManyField(
        "events.Event", through="CaseEvent", blank=True, related_name="mediation_cases"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.display_title()

    def get_absolute_url(self) -> str:
        return reverse("mediation:case", args=[self.pk])

    def display_title(self, language: str | None = None) -> str:
        return _bilingual(self.title, self.title_ar, language)


class CaseEvent(models.Model):
    """An event linked to a case: what triggered it, or what happened while it ran."""

    class Relation(models.TextChoices):
        TRIGGER = "trigger", _("Triggered the case")
        DURING = "during", _("Happened during the case")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="event_links")
    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="+")
    relation = models.CharField(max_length=10, choices=Relation.choices, default=Relation.DURING)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "event"], name="case_event_once")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.event_id} ({self.relation})"


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=10, choices=PartyRole.choices, default=PartyRole.PARTY)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "actor", "role"], name="party_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class ContactPerson(models.Model):
    """Someone the mediators talk to, named only by role ("a mukhtar of Hamam Wasl").

    When the person is also a source, the link is to the protected ``Source``: pages show its safe
    description, never an identity.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("role"), max_length=200)
    party = models.ForeignKey(
        Party, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts"
    )
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.ForeignKey(
        "sources.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.role


class Sourced(models.Model):
    """A record told by one source; its dates and numbers are claims from that source."""

    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="+")
    credibility = models.PositiveSmallIntegerField(default=6)
    reconciled = models.JSONField(default=dict, blank=True)
    disputed_fields = models.JSONField(default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def _store(self, results: dict[str, Reconciled]) -> list[str]:
        self.reconciled = {name: r.as_dict() for name, r in results.items()}
        self.disputed_fields = sorted(name for name, r in results.items() if r.disputed)
        return ["reconciled", "disputed_fields"]

    @property
    def when_text(self) -> str:
        return span_text(getattr(self, "date_start", None), getattr(self, "date_end", None))

    @staticmethod
    def _dates(results: dict[str, Reconciled], name: str) -> tuple[date | None, date | None]:
        found = results.get(name)
        return (found.start, found.end) if found else (None, None)

    @staticmethod
    def _numbers(results: dict[str, Reconciled], name: str) -> tuple:
        found = results.get(name)
        return (found.low, found.best, found.high) if found else (None, None, None)


class Meeting(Sourced):
    """A meeting or a contact (a visit, a phone call, a message) held for the case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(max_length=10, choices=ContactKind.choices, default=ContactKind.MEETING)
    title = models.CharField(_("title"), max_length=300)
    held_at = models.DateTimeField(_("held at"), db_index=True)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    convener = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agenda = models.TextField(_("agenda"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    follow_ups = models.TextField(_("follow-ups"), blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    attendance_low = models.IntegerField(null=True, blank=True)
    attendance_best = models.IntegerField(null=True, blank=True)
    attendance_high = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-held_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def apply_reconciliation(self, results: dict[str, Reconciled]) -> None:
        fields = self._store(results)
        self.date_start, self.date_end = self._dates(results, "date")
        low, best, high = self._numbers(results, "attendance")
        self.attendance_low, self.attendance_best, self.attendance_high = low, best, high
        self.save(
            update_fields=[
                *fields,
                "date_start",
                "date_end",
                "attendance_low",
                "attendance_best",
                "attendance_high",
            ]
        )


class Attendee(models.Model):
    """Who attended: an actor, a contact person by role, or a group by role with a count."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact = models.ForeignKey(
        ContactPerson, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=200, blank=True)
    count_low = models.IntegerField(null=True, blank=True)
    count_best = models.IntegerField(null=True, blank=True)
    count_high = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.actor or self.contact or self.role)


class Position(Sourced):
    """A demand or an offer a party made at a date."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="positions")
    party = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=PositionKind.choices)
    text = models.TextField(_("what"))
    text_ar = models.TextField(_("what (Arabic)"), blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="positions"
    )
    date_start = models.DateField(null=True, blank=True, db_index=True)
    date_end = models.DateField(null=True, blank=True)
    quantity_low = models.BigIntegerField(null=True, blank=True)
    quantity_best = models.BigIntegerField(null=True, blank=True)
    quantity_high = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-date_start", "-id"]

    def __str__(self) -> str:
        return self.display_text()

    def display_text(self, language: str | None = None) -> str:
        return _bilingual(self.text, self.text_ar, language)

    def apply_reconciliation(self, results: dict[str, Reconciled]) -> None:
        fields = self._store(results)
        self.date_start, self.date_end = self._dates(results, "date")
        self.quantity_low, self.quantity_best, self.quantity_high = self._numbers(
            results, "quantity"
        )
        self.save(
            update_fields=[
                *fields,
                "date_start",
                "date_end",
                "quantity_low",
                "quantity_best",
                "quantity_high",
            ]
        )


class Agreement(Sourced):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agreements")
    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    form = models.CharField(
        max_length=10, choices=AgreementForm.choices, default=AgreementForm.VERBAL
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="agreements"
    )
    date_start = models.DateField(null=True, blank=True, db_index=True)
    date_end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-date_start", "-id"]

    def __str__(self) -> str:
        return self.display_title()

    def display_title(self, language: str | None = None) -> str:
        return _bilingual(self.title, self.title_ar, language)

    def apply_reconciliation(self, results: dict[str, Reconciled]) -> None:
        fields = self._store(results)
        self.date_start, self.date_end = self._dates(results, "date")
        self.save(update_fields=[*fields, "date_start", "date_end"])


class AgreementSignatory(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(
        max_length=10, choices=AgreementRole.choices, default=AgreementRole.PARTY
    )

    class Meta:
        ordering = ["role", "id"]

    def __str__(self) -> str:
        return f"{self.actor} ({self.role})"


class Commitment(Sourced):
    """An obligation: a term of an agreement or a promise made in a meeting.

    ``condition`` points at another commitment that must be kept first (the handover of 30-40
    leaders for an amnesty); the condition is tracked with its own status history.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="commitments")
    obliged = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    action = models.TextField(_("action"))
    action_ar = models.TextField(_("action (Arabic)"), blank=True)
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.PROTECT, related_name="terms"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="commitments"
    )
    condition = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="conditional_on_it"
    )
    # Reconciled from "deadline" claims: the last day of the agreed span.
    deadline = models.DateField(null=True, blank=True, db_index=True)
    quantity_low = models.BigIntegerField(null=True, blank=True)
    quantity_best = models.BigIntegerField(null=True, blank=True)
    quantity_high = models.BigIntegerField(null=True, blank=True)
    # The status of the latest change; the history is CommitmentChange.
    status = models.CharField(
        max_length=12,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PENDING,
        db_index=True,
    )

    class Meta:
        ordering = ["deadline", "id"]

    def __str__(self) -> str:
        return self.display_action()

    def display_action(self, language: str | None = None) -> str:
        return _bilingual(self.action, self.action_ar, language)

    @property
    def is_condition(self) -> bool:
        return self.conditional_on_it.exists()

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == CommitmentStatus.PENDING
            and self.deadline is not None
            and self.deadline < today
        )

    def apply_reconciliation(self, results: dict[str, Reconciled]) -> None:
        fields = self._store(results)
        self.deadline = self._dates(results, "deadline")[1]
        self.quantity_low, self.quantity_best, self.quantity_high = self._numbers(
            results, "quantity"
        )
        self.save(
            update_fields=[*fields, "deadline", "quantity_low", "quantity_best", "quantity_high"]
        )


class CommitmentChange(models.Model):
    """One step of a commitment's history, never edited: a new status with its evidence.

    The evidence is a claim on the commitment's ``status`` field (who said it, graded) or an event
    that shows it (the night shooting went on).
    """

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="changes")
    status = models.CharField(max_length=12, choices=CommitmentStatus.choices)
    previous = models.CharField(max_length=12, choices=CommitmentStatus.choices)
    effective_on = models.DateField(db_index=True)
    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["effective_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(claim__isnull=False) | models.Q(event__isnull=False),
                name="commitment_change_has_evidence",
            )
        ]

    def __str__(self) -> str:
        return f"{self.previous} -> {self.status} on {self.effective_on}"
