"""Fixtures for mediation tests: the demo's own mediator, who mediates the three Qadmus cases."""

import pytest
from django.test import Client

IDENTITY_MARKERS = ("Demo Person", "900 000 1")


@pytest.fixture
def demo_user(db):
    """A demo user by username ("mediator" mediates the demo cases; no areas, as a new user)."""
    from sulh.accounts.models import User

    return lambda username: User.objects.get(username=username)


@pytest.fixture
def demo_client(demo_user):
    def make(username: str) -> Client:
        client = Client()
        client.force_login(demo_user(username))
        return client

    return make


@pytest.fixture
def safe_descriptions(db):
    from sulh.sources.models import Source

    return [s.safe_description for s in Source.objects.all()] + [
        s.safe_description_ar for s in Source.objects.exclude(safe_description_ar="")
    ]
