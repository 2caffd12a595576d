"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import AREA_WRITERS, WRITERS, page, write

WEB = {
    "mediation:account_add": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "case-siege", "record": "meeting", "record_id": "mtg-siege-contacts"},
    ),
    "mediation:agreement_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:brief": page(200, outsider=404, anonymous=302, args={"pk": "case-siege"}),
    "mediation:brief_md": page(200, outsider=404, anonymous=302, args={"pk": "case-siege"}),
    "mediation:brief_pdf": page(200, outsider=404, anonymous=302, args={"pk": "case-siege"}),
    "mediation:case": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:case_create": page(200, partner=403, anonymous=302),
    "mediation:case_status": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:cases": page(200, anonymous=302),
    "mediation:commitment_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:commitment_status": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "case-siege", "commitment_id": "com-besiegers-let-police-pass"},
    ),
    "mediation:contact_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:desk": page(200, partner=403, anonymous=302),
    "mediation:event_link": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:mediator_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:meeting_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:party_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
    "mediation:position_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "case-siege"}
    ),
}
API = {
    "GET /mediation/cases": page(200, anonymous=401),
    "GET /mediation/cases/{case_id}": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/agreements": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/brief": page(
        200, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/commitments": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/contacts": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/meetings": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/parties": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/positions": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/cases/{case_id}/timeline": page(
        200, partner=403, outsider=404, anonymous=401, args={"case_id": "case-siege"}
    ),
    "GET /mediation/desk": page(200, partner=403, anonymous=401),
    "POST /mediation/cases": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /mediation/cases/{case_id}/agreements": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
        body={
            "record": "meeting",
            "record_id": "mtg-siege-contacts",
            "field": "date",
            "value": "2025-03-01",
            "source_id": "src-activist-a",
        },
    ),
    "POST /mediation/cases/{case_id}/commitments": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/commitments/{commitment_id}/status": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege", "commitment_id": "com-besiegers-let-police-pass"},
    ),
    "POST /mediation/cases/{case_id}/contacts": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/events": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/mediators": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/meetings": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/parties": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/positions": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
    "POST /mediation/cases/{case_id}/status": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"case_id": "case-siege"},
    ),
}
