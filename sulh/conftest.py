"""Shared test fixtures: the demo world loaded once per run, and one user per persona."""

import pytest
from django.test import Client

from sulh.accounts.models import Role


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the gazetteer and the Qadmus scenario once; each test rolls back its own changes."""
    from sulh.core.demo import build_demo

    with django_db_blocker.unblock():
        build_demo()


PERSONAS = {
    "admin": (Role.ADMINISTRATOR, True),
    "mediator": (Role.MEDIATOR, False),
    "analyst": (Role.ANALYST, False),
    "documenter": (Role.DOCUMENTER, False),
    "coordinator": (Role.COORDINATOR, False),
    "partner": (Role.PARTNER, False),
    "cleared_analyst": (Role.ANALYST, True),
    "outsider": (Role.MEDIATOR, False),  # a mediator of another area (Aleppo)
}
AREAS = {"mediator": ["SY1006"], "outsider": ["SY02"]}


@pytest.fixture
def persona(db):
    """Make (or fetch) a user of a persona: persona("partner")."""
    from sulh.accounts.models import User
    from sulh.places.models import Place

    def make(name: str):
        role, cleared = PERSONAS[name]
        user, _ = User.objects.get_or_create(
            username=f"t_{name}",
            defaults={
                "role": role,
                "source_clearance": cleared,
                "is_staff": role == Role.ADMINISTRATOR,
                "is_superuser": role == Role.ADMINISTRATOR,
            },
        )
        if name in AREAS:
            user.areas.set(Place.objects.filter(pcode__in=AREAS[name]))
        return user

    return make


@pytest.fixture
def client_for(persona):
    """A logged-in test client for a persona: client_for("analyst")."""

    def make(name: str) -> Client:
        client = Client()
        client.force_login(persona(name))
        return client

    return make


@pytest.fixture
def api_for(persona):
    """An API client with a bearer token for a persona; .get/.post take JSON."""
    from sulh.accounts.actions import do_create_token

    class Api:
        def __init__(self, user):
            self.client = Client()
            self.token, _ = do_create_token(None, user)
            self.headers = {"Authorization": f"Bearer {self.token}"}

        def get(self, path: str, **params):
            return self.client.get(f"/api/v1{path}", params, headers=self.headers)

        def post(self, path: str, data: dict):
            return self.client.post(
                f"/api/v1{path}", data, content_type="application/json", headers=self.headers
            )

    return lambda name: Api(persona(name))


@pytest.fixture
def demo_key():
    """The record loaded from the scenario under a key: demo_key("ev-village-checkpoints")."""
    from sulh.core.models import ScenarioKey

    def get(key: str):
        row = ScenarioKey.objects.select_related("record_type").get(key=key)
        return row.record_type.get_object_for_this_type(pk=row.record_id)

    return get


from sulh.browser_fixtures import browser, page, served_demo  # noqa: E402, F401
