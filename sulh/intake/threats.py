"""The threat series: how many threatening messages targeted a place each day, and which.

This is the contract other apps (early warning, alerts) code against. The functions are not
scoped to a user; callers that show the result scope it (see ``threat_page_rows``).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sulh.access.policy import area_q, can_see_report_text
from sulh.access.redact import place_public
from sulh.intake.messaging.threats import reason_label
from sulh.intake.models import ThreatTarget
from sulh.places.models import Place
from sulh.sources.models import Report


def daily_threat_counts(
    place_ids: Iterable[int] | None, start: date, end: date
) -> dict[int, dict[date, int]]:
    """Targeted place id -> day -> number of threatening messages (``start``..``end`` inclusive).

    ``None`` means every place. Days without threats are absent; so are places without any.
    """
    targets = ThreatTarget.objects.filter(day__gte=start, day__lte=end)
    if place_ids is not None:
        targets = targets.filter(place_id__in=list(place_ids))
    series: dict[int, dict[date, int]] = defaultdict(dict)
    rows = targets.values("place_id", "day").annotate(n=Count("message_id", distinct=True))
    for row in rows.order_by("place_id", "day"):
        series[row["place_id"]][row["day"]] = row["n"]
    return dict(series)


def threat_messages(place_id: int, day: date) -> QuerySet[Report]:
    """The reports of the threatening messages that targeted a place on a day, oldest first."""
    return (
        Report.objects.filter(
            imported_message__targets__place_id=place_id,
            imported_message__targets__day=day,
        )
        .select_related("imported_message")
        .order_by("received_at", "pk")
    )


def targets_for_user(user: Any) -> QuerySet[ThreatTarget]:
    """Threat targets in the user's areas (the same area rule as every other record)."""
    return ThreatTarget.objects.filter(area_q(user, "place")).exclude(place__isnull=True)


# ---- the threat page: the series as a user may see it ------------------------------------------


@dataclass
class ThreatRow:
    day: date
    place: dict  # place_public: partners see a sensitive place as its sub-district
    count: int
    reasons: list[tuple[str, str, int]] = field(default_factory=list)  # code, label, messages


def _within(place: Place) -> Q:
    """Targets at the place or inside it (a district's villages)."""
    level = place.admin_level
    return Q(place=place) | (Q(**{f"place__adm{level}": place}) if level else Q())


def threat_rows(user: Any, place: Place | None, start: date, end: date) -> list[ThreatRow]:
    """Counts per day and targeted place in the user's areas, newest day first."""
    targets = targets_for_user(user).filter(day__gte=start, day__lte=end)
    if place is not None:
        targets = targets.filter(_within(place))
    rows: dict[tuple[date, int], ThreatRow] = {}
    seen: dict[tuple[date, int], set[int]] = defaultdict(set)
    reasons: dict[tuple[date, int], Counter] = defaultdict(Counter)
    for target in targets.select_related("place", "place__adm3", "message"):
        shown = place_public(target.place, user)
        key = (target.day, shown["id"])
        rows.setdefault(key, ThreatRow(target.day, shown, 0))
        if target.message_id not in seen[key]:
            seen[key].add(target.message_id)
            reasons[key].update(set(target.message.reason_codes))
    for key, row in rows.items():
        row.count = len(seen[key])
        row.reasons = [(code, reason_label(code), n) for code, n in reasons[key].most_common() if n]
    return sorted(rows.values(), key=lambda r: (r.day, r.place["name_en"]), reverse=True)


def latest_threat_day(user: Any) -> date | None:
    return targets_for_user(user).aggregate(last=Max("day"))["last"]


def days_shown(user: Any, start: date | None, end: date | None) -> tuple[date, date]:
    """The days asked for; by default the fortnight up to the latest threat the user may see."""
    end = end or latest_threat_day(user) or timezone.localdate()
    return start or end - timedelta(days=13), end


def threat_day_for_user(user: Any, place_id: int, day: date) -> QuerySet[Report]:
    """The flagged messages behind one count; 404 outside the user's areas or without any."""
    if not can_see_report_text(user):
        raise PermissionDenied
    if not targets_for_user(user).filter(place_id=place_id, day=day).exists():
        raise Http404("No such threats")
    return threat_messages(place_id, day)
