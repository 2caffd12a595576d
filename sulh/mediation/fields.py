"""The fields of mediation records that take claims: what sources say, graded and reconciled."""

from django.utils.translation import gettext_lazy as _

from sulh.claims.models import ValueKind
from sulh.claims.registry import FieldSpec
from sulh.mediation.models import CommitmentStatus

MEETING_FIELDS = [
    FieldSpec("date", ValueKind.DATE, _("date"), group="when"),
    FieldSpec("attendance", ValueKind.NUMBER, _("people attending"), group="counts"),
]
POSITION_FIELDS = [
    FieldSpec("date", ValueKind.DATE, _("date"), group="when"),
    FieldSpec("quantity", ValueKind.NUMBER, _("how many"), group="counts"),
]
AGREEMENT_FIELDS = [FieldSpec("date", ValueKind.DATE, _("date"), group="when")]
COMMITMENT_FIELDS = [
    FieldSpec("deadline", ValueKind.DATE, _("deadline"), group="when"),
    FieldSpec("quantity", ValueKind.NUMBER, _("how many"), group="counts"),
    # Each status claim is the evidence of one step of the history; the current status is the
    # latest step, not a consensus over time (see CommitmentChange).
    FieldSpec(
        "status", ValueKind.CATEGORY, _("status"), lambda: CommitmentStatus.choices, group="what"
    ),
]
