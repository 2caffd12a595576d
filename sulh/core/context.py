from functools import cache

from django.apps import apps
from django.http import HttpRequest

from sulh.access.policy import can_write


@cache
def nav_items() -> list[tuple[str, str]]:
    """Menu entries the apps declare on their AppConfig as ``nav = [(order, label, url name)]``."""
    items = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "nav", []))
    return [(label, url_name) for _order, label, url_name in sorted(items, key=lambda i: i[0])]


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {"can_write": can_write(user) if user else False, "nav_items": nav_items()}
