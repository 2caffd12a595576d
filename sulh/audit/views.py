from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sulh.access.policy import can_read_audit
from sulh.audit.queries import filter_entries


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not can_read_audit(request.user):
        raise PermissionDenied
    entries, shown = filter_entries(request.GET)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/log.html",
        {"page": page, "shown": shown, "query": urlencode({k: v for k, v in shown.items() if v})},
    )
