"""Who gets what from each exchange route: see sulh/access/tests/matrix.py.

Every signed-in role may export (limited to their areas, redacted for their role); importing is
for analysts and administrators, through the same page's form.
"""

from sulh.access.tests.matrix import page

WEB = {
    "exchange:index": page(200, anonymous=302),
}

API = {
    "GET /exchange/export/{format}": page(200, anonymous=401, args={"format": "acled"}),
}
