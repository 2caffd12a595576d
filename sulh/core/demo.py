"""The demo: a fresh instance with the gazetteer, the Qadmus scenario and one user per role."""

import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction

from sulh.accounts.actions import do_create_user
from sulh.accounts.models import Role, User
from sulh.core.scenario import QADMUS, load_scenario
from sulh.places.gazetteer import load_gazetteer

DEMO_USERS = [
    # username, role, source clearance
    ("admin", Role.ADMINISTRATOR, True),
    ("mediator", Role.MEDIATOR, False),
    ("analyst", Role.ANALYST, False),
    ("documenter", Role.DOCUMENTER, False),
    ("coordinator", Role.COORDINATOR, False),
    ("partner", Role.PARTNER, False),
]


def demo_password() -> str:
    """One password for the demo users, made on first run and kept in the data dir."""
    path = Path(settings.DATA_DIR) / "demo_password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(9))
        path.chmod(0o600)
    return path.read_text().strip()


@transaction.atomic
def ensure_demo_users() -> list[User]:
    password = demo_password()
    users = []
    for username, role, cleared in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            admin = role == Role.ADMINISTRATOR
            user = do_create_user(
                None,
                username=username,
                password=password,
                role=role,
                source_clearance=cleared,
                is_staff=admin,
                is_superuser=admin,
            )
        users.append(user)
    return users


def build_demo() -> dict[str, int]:
    gazetteer = load_gazetteer()
    users = ensure_demo_users()
    created = load_scenario(QADMUS, users[0])
    return {"gazetteer places created": gazetteer["created"], **created}
