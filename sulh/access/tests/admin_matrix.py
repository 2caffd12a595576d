"""The Django admin's routes for the matrix: only staff get past the admin's own login."""

import re

from sulh.access.tests.matrix import PERSONAS, Expect, url_patterns

PARAMS = {"object_id": "1", "content_type_id": "1", "id": "1", "app_label": "accounts"}
STAFF = {"admin"}
# The admin's login page answers everyone; staff and signed-in users are sent on from it.
OPEN_TO_ANONYMOUS = {"admin:login"}


def admin_routes() -> dict[str, Expect]:
    routes = {}
    for name, pattern in url_patterns().items():
        if not name.startswith("admin:"):
            continue
        params = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", pattern)
        args = {a or b: PARAMS[a or b] for a, b in params}
        if name in OPEN_TO_ANONYMOUS:
            statuses = {p: (200 if p == "anonymous" else None) for p in PERSONAS}
        else:
            # Staff pages differ by model (read-only admins, missing ids): the walk asserts the
            # denial of everyone else, and the index for staff.
            statuses = {p: (None if p in STAFF else 302) for p in PERSONAS}
            if name == "admin:index":
                statuses["admin"] = 200
        routes[name] = Expect(statuses, args)
    return routes
