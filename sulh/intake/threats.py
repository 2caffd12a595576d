"""The threat series: how many threatening messages targeted a place each day, and which.

This is the contract other apps (early warning, alerts) code against. The functions are not
scoped to a user; callers that show the result scope it (see ``threat_page_rows``).
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet

from sulh.access.policy import area_q
from sulh.intake.models import ThreatTarget
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
