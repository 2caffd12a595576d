"""Who gets what from each analysis route: see sulh/access/tests/matrix.py.

Dashboards, the map and situation reports are aggregates: every signed-in role gets them, limited
to their areas and redacted for their role.
"""

from sulh.access.tests.matrix import page

WEB = {
    "reports:dashboard": page(200, anonymous=302),
    "reports:map": page(200, anonymous=302),
    "reports:sitrep": page(200, anonymous=302),
}

API = {
    "GET /analysis/dashboard": page(200, anonymous=401),
    "GET /analysis/events/geojson": page(200, anonymous=401),
    "GET /analysis/places/geojson": page(200, anonymous=401),
}
