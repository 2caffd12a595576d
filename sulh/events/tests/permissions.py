"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import WRITERS, page, write

WEB = {
    "events:claim_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "ev-village-checkpoints"}
    ),
    "events:create": page(200, partner=403, anonymous=302),
    "events:detail": page(200, outsider=404, anonymous=302, args={"pk": "ev-village-checkpoints"}),
    "events:list": page(200, anonymous=302),
    "events:timeline": page(200, anonymous=302),
}
API = {
    "GET /events": page(200, anonymous=401),
    "GET /events/{event_id}": page(
        200, outsider=404, anonymous=401, args={"event_id": "ev-village-checkpoints"}
    ),
    "POST /events": write(
        allowed=WRITERS,
        anonymous=401,
    ),
}
