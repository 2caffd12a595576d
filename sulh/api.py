"""The REST API: one NinjaAPI, routers owned by the apps, bearer-token auth."""

from importlib import import_module
from importlib.util import find_spec

from django.core.exceptions import ValidationError
from django.db import DataError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import APIKeyCookie, HttpBearer


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        from sulh.accounts.models import ApiToken

        row = (
            ApiToken.objects.select_related("user").filter(token_hash=ApiToken.hash(token)).first()
        )
        if row is None or not row.is_usable() or not row.user.is_active:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


class SessionAuth(APIKeyCookie):
    """The web app's own session, so pages can call the API; CSRF still applies to writes."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None):
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None


api = NinjaAPI(
    title="sulh API",
    version="1",
    description="Graded, sourced, conflict-aware records. Sources appear as safe descriptions.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        detail = [
            {"loc": ["body", field], "msg": "; ".join(messages)}
            for field, messages in exc.message_dict.items()
        ]
    else:
        detail = [{"loc": ["body"], "msg": message} for message in exc.messages]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def out_of_range(request: HttpRequest, exc: Exception) -> HttpResponse:
    # An id or number beyond what the database stores (found by schemathesis): the request's
    # fault, so a 422 like any other invalid value, not a 500.
    detail = [{"loc": ["request"], "msg": "a number in the request is out of range"}]
    return api.create_response(request, {"detail": detail}, status=422)


def _register_routers() -> None:
    """Each sulh app's ``api`` module lists ``routes``: (prefix, Router) pairs."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("sulh.") or not find_spec(f"{config.name}.api"):
            continue
        for prefix, router in getattr(import_module(f"{config.name}.api"), "routes", []):
            api.add_router(prefix, router)


_register_routers()
