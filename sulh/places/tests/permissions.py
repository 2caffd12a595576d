"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import WRITERS, page, write

WEB = {
    "places:add": page(200, partner=403, anonymous=302),
    "places:detail": page(200, anonymous=302, args={"pk": "place-hataniah"}),
    "places:search": page(200, anonymous=302),
}
API = {
    "GET /places": page(200, anonymous=401),
    "GET /places/search": page(200, anonymous=401, query={"q": "Qadmus"}),
    "GET /places/{place_id}": page(200, anonymous=401, args={"place_id": "place-hataniah"}),
    "POST /places": write(
        allowed=WRITERS,
        anonymous=401,
    ),
}
