"""Who gets what from each analysis route: see sulh/access/tests/matrix.py.

Dashboards, the map and situation reports are aggregates: every signed-in role gets them, limited
to their areas and redacted for their role.
"""

from sulh.access.tests.matrix import page

# The demo's district over its weeks: the walk renders a whole report, not just the empty form.
QADMUS = {"area": "SY1006", "date_from": "2025-02-20", "date_to": "2025-03-20"}

WEB = {
    "reports:dashboard": page(200, anonymous=302, query={"area": "SY1006"}),
    "reports:map": page(200, anonymous=302),
    "reports:sitrep": page(200, anonymous=302, query={**QADMUS, "lang": "en"}),
}

API = {
    "GET /analysis/dashboard": page(200, anonymous=401, query=QADMUS),
    "GET /analysis/events/geojson": page(200, anonymous=401),
    "GET /analysis/places/geojson": page(200, anonymous=401),
}
