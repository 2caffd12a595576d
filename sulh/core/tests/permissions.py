"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import page

WEB = {
    "about": page(200),
    "api:openapi-json": page(200),
    "api:openapi-view": page(200),
    "home": page(200, anonymous=302),
    "set_language": page(302),
}
