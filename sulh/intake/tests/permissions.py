"""Who gets what from each intake route: see sulh/access/tests/matrix.py.

The demo has no proposals waiting, so the walk makes one, placed in a village of the demo's area.
"""

from sulh.access.tests.matrix import AREA_WRITERS, WRITERS, page, write


def proposal_in_qadmus(demo_key) -> int:
    from sulh.intake.actions import do_ingest_text
    from sulh.intake.models import ExtractionProposal

    report = demo_key("rep-activist-a-interview")
    found = ExtractionProposal.objects.filter(report__source=report.source, place__isnull=False)
    if not found.exists():
        do_ingest_text(
            None,
            source=report.source,
            text="Gunmen shot dead two farmers in Hataniah on 6 March 2025.",
            language="en",
        )
    return found.first().pk


PROPOSAL = {"pk": proposal_in_qadmus}
API_PROPOSAL = {"proposal_id": proposal_in_qadmus}

WEB = {
    "intake:queue": page(200, partner=403, anonymous=302),
    "intake:new": page(200, partner=403, anonymous=302),
    "intake:review": page(200, partner=403, outsider=404, anonymous=302, args=PROPOSAL),
}

API = {
    "GET /intake/proposals": page(200, partner=403, anonymous=401),
    "GET /intake/proposals/{proposal_id}": page(
        200, partner=403, outsider=404, anonymous=401, args=API_PROPOSAL
    ),
    "POST /intake/extract": write(allowed=WRITERS, anonymous=401),
    "POST /intake/texts": write(allowed=WRITERS, anonymous=401),
    "POST /intake/proposals/{proposal_id}/accept": write(
        allowed=AREA_WRITERS, outsider=404, anonymous=401, args=API_PROPOSAL
    ),
    "POST /intake/proposals/{proposal_id}/reject": write(
        allowed=AREA_WRITERS, outsider=404, anonymous=401, args=API_PROPOSAL
    ),
}
