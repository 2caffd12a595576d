"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.admin_matrix import admin_routes
from sulh.access.tests.matrix import SIGNED_IN, page, write

WEB = {
    "login": page(200),
    # Without a password step first, the code step sends everyone back to log in.
    "login_code": page(302),
    "logout": write(allowed=SIGNED_IN, anonymous=302),
    "second_factor": page(200, anonymous=302),
    **admin_routes(),
}
