"""Logging in, with a second step (a TOTP code) for users who have or need one."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views

from sulh.accounts.actions import do_check_totp, do_enrol_totp, do_remove_totp
from sulh.accounts.forms import CodeForm
from sulh.accounts.models import User
from sulh.audit.actions import client_ip
from sulh.lib.totp import new_secret, provisioning_uri

PENDING = "sulh_pending_user"
PENDING_BACKEND = "sulh_pending_backend"
PENDING_NEXT = "sulh_pending_next"
ENROL_SECRET = "sulh_enrol_secret"  # noqa: S105  (a session key name)
TRIES = "sulh_code_tries"
MAX_TRIES = 5


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch; a signed-in user's choice is also kept for emails."""
    response = i18n_views.set_language(request)
    chosen = request.POST.get("language", "") if request.method == "POST" else ""
    user = request.user
    if user.is_authenticated and chosen in dict(settings.LANGUAGES) and user.language != chosen:
        User.objects.filter(pk=user.pk).update(language=chosen)
    return response


class SulhLoginView(LoginView):
    """The password step; users who need a second factor go on to the code step unlogged."""

    def form_valid(self, form):
        user = form.get_user()
        if not user.needs_second_factor:
            return super().form_valid(form)
        self.request.session.cycle_key()
        self.request.session[PENDING] = user.pk
        self.request.session[PENDING_BACKEND] = user.backend
        self.request.session[PENDING_NEXT] = self.get_success_url()
        self.request.session[TRIES] = 0
        return redirect("login_code")


def _pending_user(request: HttpRequest) -> User | None:
    pk = request.session.get(PENDING)
    return User.objects.filter(pk=pk, is_active=True).first() if pk else None


def _finish_login(request: HttpRequest, user: User) -> HttpResponse:
    backend = request.session.get(PENDING_BACKEND)
    target = request.session.get(PENDING_NEXT) or "/"
    for key in (PENDING, PENDING_BACKEND, PENDING_NEXT, ENROL_SECRET, TRIES):
        request.session.pop(key, None)
    login(request, user, backend=backend)
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return redirect(target if safe else "home")


def login_code(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the user's app, or setting the app up when it is required."""
    user = _pending_user(request)
    if user is None:
        return redirect("login")
    enrolling = not user.has_totp
    if enrolling:
        secret = request.session.setdefault(ENROL_SECRET, new_secret())
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if enrolling:
            try:
                do_enrol_totp(user, user, secret, code)
            except ValidationError as exc:
                form.add_error("code", exc.message_dict["code"][0])
            else:
                return _finish_login(request, user)
        elif do_check_totp(user, code, ip=client_ip(request)):
            return _finish_login(request, user)
        else:
            form.add_error("code", _("This code is not right. Codes change every 30 seconds."))
        request.session[TRIES] = request.session.get(TRIES, 0) + 1
        if request.session[TRIES] >= MAX_TRIES:
            request.session.flush()
            messages.error(request, _("Too many wrong codes: log in again."))
            return redirect("login")
    context = {"form": form, "enrolling": enrolling, "account": user.username}
    if enrolling:
        context.update(secret=secret, uri=provisioning_uri(secret, user.username))
    return render(request, "accounts/login_code.html", context)


@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """Set up (or replace, or for uncleared users remove) one's own second factor."""
    user = request.user
    if request.method == "POST" and request.POST.get("remove"):
        try:
            do_remove_totp(user, user)
        except ValidationError as exc:
            messages.error(request, exc.message_dict["code"][0])
        else:
            messages.success(request, _("The second factor is off."))
        return redirect("second_factor")
    secret = request.session.setdefault(ENROL_SECRET, new_secret())
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_enrol_totp(user, user, secret, form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc.message_dict["code"][0])
        else:
            request.session.pop(ENROL_SECRET, None)
            messages.success(request, _("The second factor is on: log-ins will ask for a code."))
            return redirect("second_factor")
    return render(
        request,
        "accounts/second_factor.html",
        {
            "form": form,
            "secret": secret,
            "uri": provisioning_uri(secret, user.username),
            "required": user.source_clearance,
        },
    )
