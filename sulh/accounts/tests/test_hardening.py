"""Passwords, lockout, headers and the production settings' own deploy check."""

import pytest
from django.conf import settings
from django.test import Client

from sulh.access.tests.instance import empty_instance, remove_instance
from sulh.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2(persona):
    user = persona("analyst")
    user.set_password("correct horse battery staple")
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert user.password.startswith("argon2$")


def test_five_wrong_passwords_lock_the_name_out_even_with_the_right_one(persona):
    user = persona("analyst")
    user.set_password("the right password 9")
    user.save(update_fields=["password"])
    client = Client(REMOTE_ADDR="192.0.2.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "t_analyst", "password": "nope"})
    locked = client.post(
        "/accounts/login/", {"username": "t_analyst", "password": "the right password 9"}
    )
    assert locked.status_code == 429 and "Too many attempts" in locked.text
    assert "_auth_user_id" not in client.session
    assert (
        AuditEntry.objects.filter(action="login.failed", ip="192.0.2.9").count()
        >= settings.AXES_FAILURE_LIMIT
    )


def test_pages_carry_a_content_security_policy_without_inline_code(client_for):
    response = client_for("analyst").get("/sources/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.text and " style=" not in response.text


def test_the_deploy_check_is_clean_under_production_settings():
    instance = empty_instance(postgres=False)
    try:
        instance.env.update(SULH_DEBUG="0", SULH_HTTPS="1", SULH_ALLOWED_HOSTS="sulh.example.org")
        done = instance.run("manage", "check", "--deploy", "--fail-level", "WARNING", check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "no issues" in done.stdout
        cookies = instance.shell(
            "from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)"
        )
        assert cookies.split()[-3:] == ["True", "True", "True"]
    finally:
        remove_instance(instance)
