"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import AREA_WRITERS, page, write


def first_claim(demo_key):
    from sulh.claims.models import Claim

    return Claim.objects.order_by("pk").first().pk


API = {
    "GET /claims": page(
        200, outsider=404, anonymous=401, query={"event_id": "ev-village-checkpoints"}
    ),
    "POST /claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        body={
            "event_id": "ev-village-checkpoints",
            "source_id": "src-activist-a",
            "field": "fatalities",
            "value": "3",
        },
    ),
    "POST /claims/{claim_id}/review": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"claim_id": first_claim},
    ),
}
