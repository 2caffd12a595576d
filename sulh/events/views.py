from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sulh.access.policy import can_write, events_for_user, get_event_for_user
from sulh.access.redact import claim_public, event_public
from sulh.actors.models import Actor
from sulh.actors.search import find_actors
from sulh.claims.actions import do_add_claim
from sulh.claims.models import ClaimStatus, record_claims
from sulh.claims.reconcile import Reconciled
from sulh.claims.registry import fields_for
from sulh.claims.values import display_reconciled
from sulh.events.actions import do_create_event
from sulh.events.fields import ACTOR_ROLES
from sulh.events.forms import ClaimForm, EventForm, FilterForm
from sulh.events.models import Event
from sulh.events.queries import EventFilters, filter_events
from sulh.places.models import Place
from sulh.places.search import best_place


def _filters(form: FilterForm) -> tuple[EventFilters, Place | None, Actor | None]:
    """Read the filter form; place and actor may be typed as names in either script."""
    data = form.cleaned_data if form.is_valid() else {}
    place = actor = None
    if raw := (data.get("place") or "").strip():
        place = Place.objects.filter(pk=raw).first() if raw.isdigit() else best_place(raw, 70)
    if raw_actor := (data.get("actor") or "").strip():
        if raw_actor.isdigit():
            actor = Actor.objects.filter(pk=raw_actor).first()
        else:
            found = find_actors(raw_actor, limit=1)
            actor = found[0][0] if found and found[0][1] >= 80 else None
    filters = EventFilters(
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        # A name that matches nothing filters to nothing rather than to everything.
        place_id=place.pk if place else (-1 if data.get("place") else None),
        event_type=data.get("event_type") or "",
        actor_id=actor.pk if actor else (-1 if data.get("actor") else None),
        disputed=bool(data.get("disputed")),
        q=data.get("q") or "",
    )
    return filters, place, actor


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters, place, actor = _filters(form)
    events = filter_events(events_for_user(request.user), filters).select_related("place")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "page": page,
            "place": place,
            "query": query.urlencode(),
            "actor": actor,
        },
    )


@login_required
def timeline(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    filters, place, _actor = _filters(form)
    events = filter_events(events_for_user(request.user), filters).select_related("place")
    days: dict = {}
    for event in events.order_by("date_start", "id")[:1000]:
        days.setdefault(event.date_start, []).append(event)
    return render(request, "events/timeline.html", {"form": form, "days": days, "place": place})


def field_rows(event: Event, user) -> list[dict]:
    """One row per field: the reconciled value beside every claim made about it."""
    claims = [
        claim_public(c, user)
        for c in record_claims(event).select_related("source", "place", "record_type")
    ]
    actor_ids = {c["actor_id"] for c in claims if c["actor_id"]}
    labels = {str(a.pk): str(a) for a in Actor.objects.filter(pk__in=actor_ids)}
    arabic = (get_language() or "en").startswith("ar")
    public = event_public(event, user)
    for place in [public["place"], *(c["place"] for c in claims)]:
        if place:
            labels[str(place["id"])] = (
                place["name_ar"] if arabic and place["name_ar"] else place["name_en"]
            )
    rows = []
    for name, spec in fields_for(event).items():
        field_claims = [c for c in claims if c["field"] == name]
        if not field_claims:
            continue
        data = public["reconciled"].get(name)
        reconciled = _as_reconciled(data) if data else None
        rows.append(
            {
                "name": name,
                "label": spec.label,
                "claims": field_claims,
                "value": display_reconciled(spec, reconciled, labels) if reconciled else "",
                "disputed": bool(data and data.get("disputed")),
                "reconciled": data,
            }
        )
    return rows


def _as_reconciled(data: dict) -> Reconciled:
    from datetime import date

    return Reconciled(
        kind=data["kind"],
        claims=data["claims"],
        disputed=data["disputed"],
        key=data.get("value", ""),
        keys=data.get("values", []),
        low=data.get("low"),
        best=data.get("best"),
        high=data.get("high"),
        start=date.fromisoformat(data["start"]) if data.get("start") else None,
        end=date.fromisoformat(data["end"]) if data.get("end") else None,
        precision=data.get("precision", ""),
    )


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event, writable = get_event_for_user(request.user, pk)
    public = event_public(event, request.user)
    role_labels = {name: label for name, label, _multiple in ACTOR_ROLES}
    for actor in public["actors"]:
        actor["role_label"] = role_labels.get(actor["role"], actor["role"])
    rows = field_rows(event, request.user)
    statuses = dict(ClaimStatus.choices)
    for row in rows:
        for claim in row["claims"]:
            claim["status_label"] = statuses.get(claim["status"], claim["status"])
    context = {"event": event, "public": public, "rows": rows, "writable": writable}
    return render(request, "events/detail.html", context)


def _form_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        target = field if field in form.fields else None
        for error in errors:
            form.add_error(target, f"{field}: {error}" if target is None else error)


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = form.claim_values()
        if values.get("location"):
            values["location"] = values["location"].pk
        try:
            event = do_create_event(
                request.user,
                title=data["title"],
                title_ar=data["title_ar"],
                source=data["source"],
                credibility=data["credibility"],
                values=values,
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Event recorded."))
            return redirect(event)
    return render(request, "events/form.html", {"form": form})


@login_required
def claim_add(request: HttpRequest, pk: int) -> HttpResponse:
    event, writable = get_event_for_user(request.user, pk)
    if not writable:
        raise PermissionDenied
    form = ClaimForm(request.POST or None, initial={"field": request.GET.get("field")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_add_claim(
                request.user,
                event,
                data["field"],
                data["value"],
                source=data["source"],
                credibility=data["credibility"],
                quote=data["quote"],
                status=data["status"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Claim added; the event was reconciled again."))
            return redirect(event)
    return render(request, "events/claim_form.html", {"form": form, "event": event})
