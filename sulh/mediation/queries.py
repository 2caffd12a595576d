"""Reads shared by pages, API and commands: a case's timeline, the mediator's desk."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from sulh.access.policy import events_for_user
from sulh.mediation.models import (
    Case,
    CaseStatus,
    Commitment,
    CommitmentChange,
    CommitmentStatus,
    Meeting,
    Party,
    span_text,
)

TIMELINE_KINDS = ("meeting", "position", "agreement", "commitment", "event")
KIND_RANK = {"event": 0, "meeting": 1, "position": 2, "agreement": 3, "commitment": 4}


@dataclass
class Entry:
    """One line of a case's story: a meeting, a position, an agreement, a commitment's new status
    or a related event."""

    kind: str
    day: date | None
    obj: Any
    actor_ids: set[int] = field(default_factory=set)
    at: datetime | None = None

    @property
    def when(self) -> str:
        if self.at is not None:
            return timezone.localtime(self.at).strftime("%Y-%m-%d %H:%M")
        end = getattr(self.obj, "date_end", None)
        return span_text(self.day, end if self.kind != "commitment" else None)

    @property
    def sort_key(self) -> tuple:
        # Within a day the story runs: what happened, who met, what they asked, what they agreed,
        # what became of it. Undated entries sink to the end (the start, oldest first).
        moment = timezone.localtime(self.at).time() if self.at else None
        return (
            self.day is not None,
            self.day or date.min,
            KIND_RANK[self.kind],
            moment or datetime.min.time(),
            self.obj.pk,
        )


def case_timeline(
    case: Case, user: Any, kinds: set[str] | None = None, actor_id: int | None = None
) -> list[Entry]:
    """The whole story of a case, newest first; ``kinds`` and ``actor_id`` narrow it."""
    kinds = kinds or set(TIMELINE_KINDS)
    entries: list[Entry] = []
    if "meeting" in kinds:
        for m in case.meetings.select_related("place", "convener", "source").prefetch_related(
            "attendees__actor"
        ):
            actors = {a.actor_id for a in m.attendees.all() if a.actor_id}
            if m.convener_id:
                actors.add(m.convener_id)
            entries.append(
                Entry("meeting", timezone.localtime(m.held_at).date(), m, actors, at=m.held_at)
            )
    if "position" in kinds:
        for p in case.positions.select_related("party", "source"):
            entries.append(Entry("position", p.date_start, p, {p.party_id}))
    if "agreement" in kinds:
        for a in case.agreements.select_related("source").prefetch_related(
            "signatories__actor", "terms__obliged"
        ):
            entries.append(
                Entry("agreement", a.date_start, a, {s.actor_id for s in a.signatories.all()})
            )
    if "commitment" in kinds:
        changes = CommitmentChange.objects.filter(commitment__case=case).select_related(
            "commitment__obliged", "event", "claim__source"
        )
        for c in changes:
            entries.append(Entry("commitment", c.effective_on, c, {c.commitment.obliged_id}))
    if "event" in kinds:
        visible = events_for_user(user).filter(mediation_cases=case).prefetch_related("actor_roles")
        relations = dict(case.event_links.values_list("event_id", "relation"))
        for e in visible.select_related("place"):
            e.case_relation = relations.get(e.pk, "")
            entries.append(
                Entry(
                    "event",
                    e.date_start,
                    e,
                    {r.actor_id for r in e.actor_roles.all() if r.actor_id},
                )
            )
    if actor_id:
        entries = [e for e in entries if actor_id in e.actor_ids]
    return sorted(entries, key=lambda e: e.sort_key, reverse=True)


def parties_with_positions(case: Case) -> list[dict]:
    """Each party beside its positions, the latest first (the current one leads)."""
    positions: dict[int, list] = {}
    for p in case.positions.order_by("-date_start", "-id"):
        positions.setdefault(p.party_id, []).append(p)
    rows = []
    seen: set[int] = set()
    for party in case.parties.select_related("actor"):
        rows.append(
            {
                "party": party,
                "positions": positions.get(party.actor_id, [])
                if party.actor_id not in seen
                else [],
            }
        )
        seen.add(party.actor_id)
    return rows


def my_cases(user: Any) -> QuerySet[Case]:
    return Case.objects.filter(mediators=user).order_by("status", "-updated_at")


@dataclass
class Desk:
    cases: list[Case]
    overdue: list[Commitment]
    due_this_week: list[Commitment]
    broken: list[Commitment]
    meetings_today: list[Meeting]
    events: list[Any]


def desk_for(user: Any, today: date | None = None) -> Desk:
    today = today or timezone.localdate()
    cases = list(my_cases(user))
    open_ids = [c.pk for c in cases if c.status != CaseStatus.CLOSED]
    pending = Commitment.objects.filter(
        case_id__in=open_ids, status=CommitmentStatus.PENDING, deadline__isnull=False
    ).select_related("case", "obliged")
    broken = (
        Commitment.objects.filter(
            case_id__in=[c.pk for c in cases],
            status__in=[CommitmentStatus.BROKEN, CommitmentStatus.REFUSED],
        )
        .select_related("case", "obliged")
        .prefetch_related("conditional_on_it")
        .order_by("-changes__effective_on", "-id")
    )
    start = timezone.make_aware(datetime.combine(today, datetime.min.time()))
    meetings = Meeting.objects.filter(
        case_id__in=[c.pk for c in cases], held_at__gte=start, held_at__lt=start + timedelta(days=1)
    ).select_related("case", "place")
    party_actors = Party.objects.filter(case__in=cases).values("actor_id")
    events = (
        events_for_user(user)
        .filter(actor_roles__actor_id__in=party_actors)
        .select_related("place")
        .distinct()
        .order_by("-date_start", "-id")[:10]
    )
    return Desk(
        cases=cases,
        overdue=[c for c in pending.order_by("deadline") if c.deadline < today],
        due_this_week=[
            c
            for c in pending.order_by("deadline")
            if today <= c.deadline <= today + timedelta(days=7)
        ],
        broken=list(dict.fromkeys(broken)),
        meetings_today=list(meetings),
        events=list(events),
    )
