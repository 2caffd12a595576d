"""Logins, failed logins and logouts enter the audit log, with the address they came from."""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from sulh.audit.actions import client_ip, do_audit


@receiver(user_logged_in, dispatch_uid="sulh-audit-login")
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    do_audit(user, "login", user, ip=client_ip(request))


@receiver(user_logged_out, dispatch_uid="sulh-audit-logout")
def audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        do_audit(user, "logout", user, ip=client_ip(request))


@receiver(user_login_failed, dispatch_uid="sulh-audit-login-failed")
def audit_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    # Django has already masked the password in ``credentials``; only the name typed is kept.
    username = str(credentials.get("username", ""))[:150]
    do_audit(
        "anonymous",
        "login.failed",
        summary=f"failed login as {username!r}",
        changes={"username": username},
        ip=client_ip(request),
        record_type="accounts.user",
    )
