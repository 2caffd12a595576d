"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import WRITERS, page, write

WEB = {
    "sources:create": page(200, partner=403, anonymous=302),
    "sources:detail": page(200, anonymous=302, args={"pk": "src-activist-a"}),
    "sources:list": page(200, anonymous=302),
    "sources:report": page(
        200, partner=404, anonymous=302, args={"pk": "rep-activist-a-interview"}
    ),
    "sources:report_create": page(200, partner=403, anonymous=302),
    "sources:reveal": write(
        allowed=("admin", "cleared_analyst"), anonymous=302, args={"pk": "src-activist-a"}
    ),
}
API = {
    "GET /reports": page(200, anonymous=401),
    "GET /reports/{report_id}": page(
        200, partner=404, anonymous=401, args={"report_id": "rep-activist-a-interview"}
    ),
    "GET /sources": page(200, anonymous=401),
    "GET /sources/{source_id}": page(200, anonymous=401, args={"source_id": "src-activist-a"}),
    "POST /reports": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /sources": write(
        allowed=WRITERS,
        anonymous=401,
    ),
}
