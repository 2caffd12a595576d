"""An error while an identity is in hand shows and logs where it happened, never the identity."""

import logging

import pytest
from django.test import Client

from sulh.access.tests.instance import IDENTITY

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False


def _client(persona, name: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(persona(name))
    return client


def _assert_no_identity(*texts: str) -> None:
    for text in texts:
        for value in ("Demo Person Alpha", *IDENTITY.values()):
            assert value not in text


def test_a_failing_reveal_page_shows_and_logs_no_identity(
    production, persona, demo_key, monkeypatch, caplog
):
    def broken_render(request, template, context):
        raise ValueError(f"cannot lay out {context['identity']}")

    monkeypatch.setattr("sulh.sources.views.render", broken_render)
    source = demo_key("src-activist-a")
    with caplog.at_level(logging.INFO):
        response = _client(persona, "cleared_analyst").post(f"/sources/{source.pk}/reveal/")
    assert response.status_code == 500 and "Something went wrong" in response.text
    assert "IdentityShieldedError" in caplog.text and "ValueError at " in caplog.text
    _assert_no_identity(response.text, caplog.text)


def test_a_failing_source_form_logs_no_identity(production, persona, monkeypatch, caplog):
    def broken_create(user, *, identity, **fields):
        raise RuntimeError(f"database said no to {identity['name']} {identity['phone']}")

    monkeypatch.setattr("sulh.sources.views.do_create_source", broken_create)
    form = {"kind": "person", "safe_description": "a farmer", "reliability": "C", **IDENTITY}
    with caplog.at_level(logging.INFO):
        response = _client(persona, "documenter").post("/sources/new/", form)
    assert response.status_code == 500
    _assert_no_identity(response.text, caplog.text)


def test_a_failing_api_response_logs_no_identity(
    production, persona, api_for, demo_key, monkeypatch, caplog
):
    from sulh.sources import api as sources_api

    real = sources_api.reveal_identity

    def reveal_then_fail(*args, **kwargs):
        identity = real(*args, **kwargs)
        raise KeyError(identity["name"])

    monkeypatch.setattr(sources_api, "reveal_identity", reveal_then_fail)
    client = api_for("cleared_analyst")
    client.client.raise_request_exception = False
    with caplog.at_level(logging.INFO):
        response = client.get(f"/sources/{demo_key('src-activist-a').pk}")
    assert response.status_code == 500
    _assert_no_identity(response.content.decode(), caplog.text)


def test_a_missing_page_is_the_sulh_404(production, client_for):
    response = client_for("analyst").get("/sources/999999/")
    assert response.status_code == 404 and "There is nothing here" in response.text
