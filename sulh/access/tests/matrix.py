"""The permission matrix: every URL pattern and every API operation, for every persona.

Each app keeps its expectations in ``sulh/<app>/tests/permissions.py``::

    WEB = {"sources:detail": page(200, anonymous=302, args={"pk": "src-activist-a"})}
    API = {"GET /sources/{source_id}": page(200, anonymous=401, args={"source_id": "src-..."})}

``args`` values are demo keys (replaced by the record's id), literals, or callables taking the
``demo_key`` getter. Writes list only the denials (``write(...)``): the personas allowed to write
are skipped, so the walk changes nothing. A route with no entry fails the test, naming it.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

PERSONAS = (
    "admin",
    "mediator",
    "analyst",
    "documenter",
    "coordinator",
    "partner",
    "cleared_analyst",
    "outsider",
    "anonymous",
)
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass
class Expect:
    statuses: dict[str, int | None]
    args: dict[str, Any] = field(default_factory=dict)
    method: str = "GET"
    body: dict | None = None
    query: dict = field(default_factory=dict)


def page(
    default: int,
    *,
    args: dict | None = None,
    query: dict | None = None,
    method: str = "GET",
    **each: int,
) -> Expect:
    """Every persona gets ``default`` unless named: page(200, anonymous=302, partner=404)."""
    unknown = set(each) - set(PERSONAS)
    if unknown:
        raise ValueError(f"unknown personas {sorted(unknown)}")
    return Expect(
        {p: each.get(p, default) for p in PERSONAS}, args or {}, method, None, query or {}
    )


def write(
    *,
    denied: int = 403,
    allowed: tuple[str, ...] = (),
    args: dict | None = None,
    method: str = "POST",
    body: dict | None = None,
    **each: int,
) -> Expect:
    """A write: personas in ``allowed`` are not sent; the others must get ``denied`` (or theirs)."""
    statuses: dict[str, int | None] = {
        p: None if p in allowed else each.get(p, denied) for p in PERSONAS
    }
    return Expect(statuses, args or {}, method, body)


def tables() -> tuple[dict[str, Expect], dict[str, Expect]]:
    """All apps' WEB and API expectations, merged."""
    web: dict[str, Expect] = {}
    api: dict[str, Expect] = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.tests.permissions"
        if (
            config.name.startswith("sulh.")
            and find_spec(f"{config.name}.tests")
            and find_spec(name)
        ):
            module = import_module(name)
            for target, source in ((web, "WEB"), (api, "API")):
                clash = set(target) & set(getattr(module, source, {}))
                if clash:
                    raise ValueError(f"{name} repeats {sorted(clash)}")
                target.update(getattr(module, source, {}))
    return web, api


def url_patterns() -> dict[str, str]:
    """Every named URL pattern outside the API (whose operations come from its schema)."""
    found: dict[str, str] = {}

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> Iterator[None]:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                yield from walk(entry, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern) and entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if not name.startswith("api:") or name in {"api:openapi-json", "api:openapi-view"}:
                    found[name] = prefix + str(entry.pattern)
        yield None

    list(walk(get_resolver(), "", ""))
    return found


def api_operations() -> dict[str, dict]:
    from sulh.api import api

    schema = api.get_openapi_schema()
    found = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            found[f"{method.upper()} {path.removeprefix('/api/v1')}"] = operation
    return found


def resolve_args(args: dict[str, Any], demo_key: Callable[[str], Any]) -> dict[str, Any]:
    from sulh.core.models import ScenarioKey

    resolved = {}
    for name, value in args.items():
        if callable(value):
            resolved[name] = value(demo_key)
        elif isinstance(value, str) and ScenarioKey.objects.filter(key=value).exists():
            resolved[name] = demo_key(value).pk
        else:
            resolved[name] = value
    return resolved


def sample_body(operation: dict, schema: dict) -> dict:
    """A small body that passes validation, so a denial is the view's answer and not a 422."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    return _sample(content["schema"], schema) or {}


def _sample(node: dict, schema: dict) -> Any:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return _sample(schema["components"]["schemas"][name], schema)
    for combo in ("anyOf", "oneOf", "allOf"):
        if combo in node:
            options = [o for o in node[combo] if o.get("type") != "null"]
            return _sample(options[0], schema) if options else None
    if "pattern" in node and (choice := re.match(r"\^\(?([\w-]+)", node["pattern"])):
        return choice.group(1)
    if "enum" in node:
        return node["enum"][0]
    if "default" in node:
        return node["default"]
    kind = node.get("type")
    if kind == "object":
        required = node.get("required", [])
        return {
            k: _sample(v, schema) for k, v in node.get("properties", {}).items() if k in required
        }
    if kind == "array":
        return []
    if kind == "integer":
        return max(1, node.get("minimum", 1))
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    if node.get("format") == "date":
        return "2025-03-01"
    if node.get("format") == "date-time":
        return "2025-03-01T10:00:00+03:00"
    return "x" * max(1, node.get("minLength", 1))


# Roles that write (every role but partner), and those of them who work in the demo's area.
WRITERS = (
    "admin",
    "mediator",
    "analyst",
    "documenter",
    "coordinator",
    "cleared_analyst",
    "outsider",
)
AREA_WRITERS = tuple(p for p in WRITERS if p != "outsider")
SIGNED_IN = tuple(p for p in PERSONAS if p != "anonymous")
