"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.admin_matrix import admin_routes
from sulh.access.tests.matrix import page, write

WEB = {
    "login": page(200),
    "logout": write(
        allowed=(
            "admin",
            "mediator",
            "analyst",
            "documenter",
            "coordinator",
            "partner",
            "cleared_analyst",
            "outsider",
        ),
        anonymous=302,
    ),
    **admin_routes(),
}

WEB.update(
    {
        # Without a password step first, the code step sends everyone back to log in.
        "login_code": page(302),
        "second_factor": page(200, anonymous=302),
    }
)
