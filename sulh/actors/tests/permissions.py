"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import WRITERS, page, write

WEB = {
    "actors:detail": page(200, anonymous=302, args={"pk": "actor-moi"}),
    "actors:list": page(200, anonymous=302),
}
API = {
    "GET /actors": page(200, anonymous=401),
    "GET /actors/{actor_id}": page(200, anonymous=401, args={"actor_id": "actor-moi"}),
    "POST /actors": write(
        allowed=WRITERS,
        anonymous=401,
    ),
}
