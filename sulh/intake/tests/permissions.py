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


def threat_day_in_qadmus(demo_key) -> dict:
    """The place and day of the first threat the demo's council chat export flagged."""
    from sulh.intake.models import ThreatTarget

    batch = demo_key("import-council-whatsapp")
    target = ThreatTarget.objects.filter(message__message_import=batch).order_by("day", "pk")[0]
    return {"place_id": target.place_id, "day": target.day.isoformat()}


THREAT_DAY = {
    "place_id": lambda demo_key: threat_day_in_qadmus(demo_key)["place_id"],
    "day": lambda demo_key: threat_day_in_qadmus(demo_key)["day"],
}
PROPOSAL = {"pk": proposal_in_qadmus}
API_PROPOSAL = {"proposal_id": proposal_in_qadmus}

WEB = {
    "intake:queue": page(200, partner=403, anonymous=302),
    "intake:new": page(200, partner=403, anonymous=302),
    "intake:review": page(200, partner=403, outsider=404, anonymous=302, args=PROPOSAL),
    "intake:message_import": page(200, partner=403, anonymous=302),
    "intake:message_import_summary": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "import-council-whatsapp"}
    ),
    # Counts per day and place: partners get them too, never the messages behind them.
    "intake:threats": page(200, anonymous=302),
    "intake:threat_day": page(200, partner=403, outsider=404, anonymous=302, args=THREAT_DAY),
}

API = {
    "GET /intake/proposals": page(200, partner=403, anonymous=401),
    "GET /intake/proposals/{proposal_id}": page(
        200, partner=403, outsider=404, anonymous=401, args=API_PROPOSAL
    ),
    "POST /intake/extract": write(allowed=WRITERS, anonymous=401),
    "POST /intake/texts": write(allowed=WRITERS, anonymous=401),
    "GET /intake/message-imports/{import_id}": page(
        200,
        partner=403,
        outsider=404,
        anonymous=401,
        args={"import_id": "import-council-whatsapp"},
    ),
    "POST /intake/message-imports": write(allowed=WRITERS, anonymous=401),
    "GET /intake/threats": page(200, anonymous=401),
    "GET /intake/threats/{place_id}/{day}": page(
        200, partner=403, outsider=404, anonymous=401, args=THREAT_DAY
    ),
    "POST /intake/proposals/{proposal_id}/accept": write(
        allowed=AREA_WRITERS, outsider=404, anonymous=401, args=API_PROPOSAL
    ),
    "POST /intake/proposals/{proposal_id}/reject": write(
        allowed=AREA_WRITERS, outsider=404, anonymous=401, args=API_PROPOSAL
    ),
}
