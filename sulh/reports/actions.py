"""The reports app's writes: only audit entries, since a situation report is a disclosure."""

from typing import Any

from sulh.audit.actions import do_audit
from sulh.audit.models import AuditEntry
from sulh.reports.sections import SitrepRequest


def do_record_sitrep(user: Any, report: SitrepRequest, output: str, ip: str = "") -> AuditEntry:
    """Note who wrote which situation report, for which area and period, as what."""
    return do_audit(
        user,
        "sitrep",
        report.area,
        summary=(
            f"situation report {report.date_from}..{report.date_to} ({report.language}) as {output}"
        ),
        ip=ip,
    )
