"""Alert rules and the alerts they raise.

A rule watches one indicator (see ``sulh.warning.indicators``) at one place, every locality of an
area, or everywhere. ``sulh warning run`` evaluates the active rules and raises at most one alert
per rule, locality and period; an alert keeps the facts behind it so a reader can check them.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Periods are counted from a Monday, so a 7-day period is a Monday-to-Sunday week.
PERIOD_EPOCH = date(2000, 1, 3)


class RuleMode(models.TextChoices):
    THRESHOLD = "threshold", _("Value at or above a threshold")
    BASELINE = "baseline", _("Value at or above k times its baseline")


class AlertRule(models.Model):
    name = models.CharField(_("name"), max_length=200)
    indicator = models.CharField(_("indicator"), max_length=40)
    place = models.ForeignKey(
        "places.Place",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("place or area"),
        help_text=_("A town or site, an area taken whole, or empty for every locality."),
    )
    mode = models.CharField(
        _("mode"), max_length=10, choices=RuleMode.choices, default=RuleMode.THRESHOLD
    )
    threshold = models.FloatField(
        _("threshold"),
        default=1,
        help_text=_("The value that fires the rule; with a baseline, the minimum value."),
    )
    factor = models.FloatField(
        _("times the baseline"), default=3, help_text=_("k: fire when value ≥ k × baseline.")
    )
    baseline_days = models.PositiveSmallIntegerField(
        _("baseline days"), default=14, help_text=_("The mean of this many days before.")
    )
    window_days = models.PositiveSmallIntegerField(
        _("window (days)"), default=1, help_text=_("The indicator counts this many days.")
    )
    radius_km = models.FloatField(_("radius (km)"), default=10)
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("users to email")
    )
    emails = models.TextField(
        _("other email addresses"), blank=True, help_text=_("One per line or comma-separated.")
    )
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(window_days__gte=1), name="rule_window_1"),
            models.CheckConstraint(condition=models.Q(radius_km__gte=0), name="rule_radius_0"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("warning:rule", args=[self.pk])

    def period_of(self, day: date) -> tuple[date, date]:
        """The period a day falls in: blocks of ``window_days`` counted from PERIOD_EPOCH."""
        n = self.window_days
        start = PERIOD_EPOCH + timedelta(days=((day - PERIOD_EPOCH).days // n) * n)
        return start, start + timedelta(days=n - 1)

    def email_list(self) -> list[str]:
        return [e.strip() for e in self.emails.replace(",", "\n").splitlines() if e.strip()]


class Alert(models.Model):
    rule = models.ForeignKey(AlertRule, on_delete=models.PROTECT, related_name="alerts")
    place = models.ForeignKey("places.Place", on_delete=models.PROTECT, related_name="+")
    indicator = models.CharField(max_length=40, db_index=True)
    day = models.DateField(db_index=True)  # the day evaluated
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.FloatField()
    baseline = models.FloatField(null=True, blank=True)
    bar = models.FloatField()  # the value the rule needed that day
    # [{"kind": "event", "id": 12, "start": "2025-03-06", "end": "2025-03-06", "weight": 1}]
    facts = models.JSONField(default=list, blank=True)
    emailed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "place", "period_start"], name="one_alert_per_rule_place_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} · {self.place} · {self.day}"

    def get_absolute_url(self) -> str:
        return reverse("warning:alert", args=[self.pk])

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None
