from django.http import HttpRequest

from sulh.access.policy import can_write


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {"can_write": can_write(user) if user else False}
