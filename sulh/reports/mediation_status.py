"""The mediation part of a situation report: the cases touching the area and what became of their
commitments by the end of the period (kept, broken, overdue), with what changed within it."""

from typing import Any

from django.db.models import Q

from sulh.access.redact import is_partner
from sulh.mediation.access import cases_for_user
from sulh.mediation.models import Case, CommitmentChange, CommitmentStatus
from sulh.reports.sections import SitrepRequest

KEPT = {CommitmentStatus.KEPT, CommitmentStatus.PARTLY_KEPT}
BROKEN = {CommitmentStatus.BROKEN, CommitmentStatus.REFUSED}


def _cases(report: SitrepRequest) -> list[Case]:
    area = report.area
    level = area.admin_level
    inside = Q(areas__pk__in=[p.pk for p in area.lineage()])
    if level:
        inside |= Q(**{f"areas__adm{level}_id": area.pk})
    inside |= Q(areas__parent_id=area.pk)
    visible = cases_for_user(report.user).filter(inside).values("pk")
    return list(Case.objects.filter(pk__in=visible).order_by("created_at", "pk"))


def mediation_status(report: SitrepRequest) -> list[dict[str, Any]]:
    rows = []
    for case in _cases(report):
        commitments = list(case.commitments.select_related("obliged"))
        changes = list(
            CommitmentChange.objects.filter(
                commitment__case=case, effective_on__lte=report.date_to
            ).order_by("effective_on", "id")
        )
        status_at_end = {c.pk: CommitmentStatus.PENDING for c in commitments}
        in_period = []
        for change in changes:
            status_at_end[change.commitment_id] = change.status
            if change.effective_on >= report.date_from:
                in_period.append(change)
        by_id = {c.pk: c for c in commitments}
        overdue = [
            c
            for c in commitments
            if status_at_end[c.pk] == CommitmentStatus.PENDING
            and c.deadline is not None
            and c.deadline <= report.date_to
        ]
        statuses = status_at_end.values()
        rows.append(
            {
                "title": case.display_title(report.language),
                "status": case.get_status_display(),
                "kept": sum(1 for s in statuses if s in KEPT),
                "broken": sum(1 for s in statuses if s in BROKEN),
                "overdue": len(overdue),
                "pending": sum(1 for s in statuses if s == CommitmentStatus.PENDING),
                "changes": [
                    {
                        "date": ch.effective_on.isoformat(),
                        "obliged": by_id[ch.commitment_id].obliged.display_name(report.language),
                        "action": by_id[ch.commitment_id].display_action(report.language),
                        "status": CommitmentStatus(ch.status).label,
                    }
                    for ch in in_period
                ],
                "overdue_list": [
                    {
                        "deadline": c.deadline.isoformat(),
                        "obliged": c.obliged.display_name(report.language),
                        "action": c.display_action(report.language),
                    }
                    for c in overdue
                ],
                "brief_only": is_partner(report.user),
            }
        )
    return rows
