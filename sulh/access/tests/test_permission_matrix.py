"""Every URL pattern and every API operation, walked as every persona (see matrix.py)."""

import json
import os
import re

import pytest
from django.test import Client
from django.urls import reverse

from sulh.access.tests.matrix import (
    PERSONAS,
    WRITE_METHODS,
    api_operations,
    resolve_args,
    sample_body,
    tables,
    url_patterns,
)

pytestmark = pytest.mark.django_db
PROBE = os.environ.get("SULH_MATRIX_PROBE", "")  # a file: record what each persona gets


def test_every_route_and_operation_has_an_expectation():
    web, api = tables()
    missing = sorted(set(url_patterns()) - set(web)) + sorted(set(api_operations()) - set(api))
    assert not missing, (
        "routes with no permission expectation (add them to sulh/<app>/tests/permissions.py): "
        + ", ".join(missing)
    )


def test_every_expectation_names_a_route_that_exists():
    web, api = tables()
    stale = sorted(set(web) - set(url_patterns())) + sorted(set(api) - set(api_operations()))
    assert not stale, "expectations for routes that no longer exist: " + ", ".join(stale)


def _client(persona, api_for, name: str) -> tuple[Client, dict]:
    if name == "anonymous":
        return Client(), {}
    token_client = api_for(name)
    client = Client()
    client.force_login(persona(name))
    return client, token_client.headers


def _api_path(path: str, args: dict) -> str:
    return "/api/v1" + re.sub(r"{(\w+)}", lambda m: str(args[m.group(1)]), path)


@pytest.mark.parametrize("name", PERSONAS)
def test_each_persona_gets_what_the_matrix_expects(name, persona, api_for, demo_key):
    web, api = tables()
    client, headers = _client(persona, api_for, name)
    api_client = Client()
    wrong, seen = [], {}
    # Logging out ends the walking client's session, so it comes last.
    for route, expect in sorted(web.items(), key=lambda item: (item[0] == "logout", item[0])):
        wanted = expect.statuses.get(name)
        if wanted is None and not PROBE:
            continue
        url = reverse(route, kwargs=resolve_args(expect.args, demo_key) or None)
        if expect.method == "POST":
            got = client.post(url, expect.body or {}).status_code
        else:
            got = client.get(url, resolve_args(expect.query, demo_key)).status_code
        seen[route] = got
        if wanted is not None and got != wanted:
            wrong.append(f"{expect.method} {route} ({url}): {got}, expected {wanted}")
    operations = api_operations()
    from sulh.api import api as ninja_api

    schema = ninja_api.get_openapi_schema()
    for key, expect in sorted(api.items()):
        wanted = expect.statuses.get(name)
        if wanted is None and not PROBE:
            continue
        method, path = key.split(" ", 1)
        url = _api_path(path, resolve_args(expect.args, demo_key))
        if method in WRITE_METHODS:
            body = (
                resolve_args(expect.body, demo_key)
                if expect.body is not None
                else sample_body(operations[key], schema)
            )
            got = api_client.generic(
                method, url, json.dumps(body), content_type="application/json", headers=headers
            ).status_code
        else:
            query = resolve_args(expect.query, demo_key)
            got = api_client.get(url, query, headers=headers).status_code
        seen[key] = got
        if wanted is not None and got != wanted:
            wrong.append(f"{key} ({url}): {got}, expected {wanted}")
    if PROBE:
        with open(PROBE, "a") as handle:
            handle.write(json.dumps({"persona": name, "seen": seen}) + "\n")
        return
    assert not wrong, f"{name}:\n" + "\n".join(wrong)
