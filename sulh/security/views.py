from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sulh.access.policy import can_write, events_for_user
from sulh.actors.models import Actor
from sulh.claims.actions import do_add_claim
from sulh.claims.registry import fields_for
from sulh.places.models import Place
from sulh.security import actions, forms
from sulh.security.access import REGISTERS, get_register_for_user
from sulh.security.models import HISTORY_FIELDS, AidMovement, AidStatus, ArmedUnit, Checkpoint
from sulh.security.public import PUBLIC, field_rows
from sulh.security.queries import RegisterFilters, find_area, registers, weapons_balance


@dataclass(frozen=True)
class Kind:
    title: Any
    list_url: str
    form: type[forms.RecordForm]
    create: Any


KINDS = {
    "programme": Kind(
        gettext_lazy("Checkpoint programme"),
        "security:checkpoints",
        forms.ProgrammeForm,
        actions.do_create_checkpoint_programme,
    ),
    "checkpoint": Kind(
        gettext_lazy("Checkpoint"),
        "security:checkpoints",
        forms.CheckpointForm,
        actions.do_create_checkpoint,
    ),
    "transfer": Kind(
        gettext_lazy("Weapons transfer"),
        "security:weapons",
        forms.TransferForm,
        actions.do_create_weapons_transfer,
    ),
    "unit": Kind(
        gettext_lazy("Armed unit"), "security:units", forms.UnitForm, actions.do_create_armed_unit
    ),
    "aid": Kind(
        gettext_lazy("Aid movement"),
        "security:aid_list",
        forms.AidForm,
        actions.do_create_aid_movement,
    ),
}


def _filters(request: HttpRequest) -> tuple[forms.FilterForm, RegisterFilters, Place | None]:
    form = forms.FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    place = None
    if raw := (data.get("place") or "").strip():
        place = find_area(raw)
    filters = RegisterFilters(
        place_id=place.pk if place else (-1 if data.get("place") else None),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        actor_id=data.get("actor"),
    )
    return form, filters, place


def _rows(request: HttpRequest, kind: str, filters: RegisterFilters) -> list[dict]:
    rows = registers(request.user, REGISTERS[kind], filters)
    return [PUBLIC[kind](r, request.user) for r in rows[:300]]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    form, filters, place = _filters(request)
    transfers = registers(request.user, REGISTERS["transfer"], filters)
    return render(
        request,
        "security/index.html",
        {
            "form": form,
            "place": place,
            "balance": weapons_balance(request.user, transfers),
            "programmes": _rows(request, "programme", filters),
            "counts": {
                kind: registers(request.user, REGISTERS[kind], filters).count() for kind in KINDS
            },
            "blocked": registers(request.user, AidMovement, filters)
            .filter(status=AidStatus.BLOCKED)
            .count(),
        },
    )


def _list(request: HttpRequest, kind: str, template: str, **extra: Any) -> HttpResponse:
    form, filters, place = _filters(request)
    context = {"form": form, "place": place, "rows": _rows(request, kind, filters), **extra}
    if kind == "transfer" and filters.actor_id:
        context["actor"] = Actor.objects.filter(pk=filters.actor_id).first()
    if kind == "checkpoint":
        context["programmes"] = _rows(request, "programme", filters)
    if kind == "transfer":
        transfers = registers(request.user, REGISTERS["transfer"], filters)
        context["balance"] = weapons_balance(request.user, transfers)
    return render(request, template, context)


@login_required
def checkpoint_list(request: HttpRequest) -> HttpResponse:
    return _list(request, "checkpoint", "security/checkpoints.html")


@login_required
def transfer_list(request: HttpRequest) -> HttpResponse:
    return _list(request, "transfer", "security/weapons.html")


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    return _list(request, "unit", "security/units.html")


@login_required
def aid_list(request: HttpRequest) -> HttpResponse:
    return _list(request, "aid", "security/aid.html")


@login_required
def detail(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record, writable = get_register_for_user(request.user, REGISTERS[kind], pk)
    return render(
        request,
        "security/detail.html",
        {
            "kind": kind,
            "kind_title": KINDS[kind].title,
            "list_url": KINDS[kind].list_url,
            "record": record,
            "public": PUBLIC[kind](record, request.user),
            "rows": field_rows(record, request.user),
            "writable": writable,
        },
    )


def _form_errors(form: Any, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        target = field if field in form.fields else None
        for error in errors:
            form.add_error(target, f"{field}: {error}" if target is None else error)


def _grade(data: dict) -> dict:
    return {"source": data["source"], "credibility": data["credibility"]}


@login_required
def create(request: HttpRequest, kind: str) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    spec = KINDS[kind]
    form = spec.form(request.POST or None, initial=_initial(request, kind))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        extra = {}
        if kind == "checkpoint":
            extra = {
                key: data[key]
                for key in ("programme", "latitude", "longitude", "sensitive", "location_note")
            }
            extra["status"] = data["status"]
        if kind == "aid":
            extra = {"status": data["status"], "retry_of": data["retry_of"]}
        try:
            record = spec.create(
                request.user,
                name=data["name"],
                name_ar=data["name_ar"],
                values=form.claim_values(),
                quotes=form.quotes(),
                **_grade(data),
                **extra,
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Recorded."))
            return redirect(record)
    return render(request, "security/form.html", {"form": form, "title": spec.title, "kind": kind})


def _initial(request: HttpRequest, kind: str) -> dict:
    """A retry of a blocked aid movement starts from the same route and cargo."""
    retry = request.GET.get("retry_of", "")
    if kind != "aid" or not retry.isdigit():
        return {}
    movement, _writable = get_register_for_user(request.user, AidMovement, int(retry))
    return {
        "retry_of": movement.pk,
        "name": movement.name,
        "name_ar": movement.name_ar,
        "origin": movement.origin_place_id or "",
        "destination": movement.destination_place_id or "",
        "cargo": movement.cargo,
        "status": AidStatus.ESCORTED,
    }


def _writable(request: HttpRequest, model: Any, pk: int) -> Any:
    record, writable = get_register_for_user(request.user, model, pk)
    if not writable:
        raise PermissionDenied
    return record


@login_required
def checkpoint_status(request: HttpRequest, pk: int) -> HttpResponse:
    checkpoint = _writable(request, Checkpoint, pk)
    form = forms.CheckpointStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_record_checkpoint_status(
                request.user,
                checkpoint,
                data["status"],
                data["date"],
                quote=data["quote"],
                note=data["note"],
                **_grade(data),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Status recorded."))
            return redirect(checkpoint)
    return _sub_form(request, form, checkpoint, _("Record a status"))


@login_required
def aid_status(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _writable(request, AidMovement, pk)
    checkpoints = registers(request.user, Checkpoint, RegisterFilters())
    form = forms.AidStatusForm(request.POST or None, checkpoints=checkpoints)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_record_aid_status(
                request.user,
                movement,
                data["status"],
                data["date"],
                checkpoint=data["checkpoint"],
                place=data["place"],
                actor=data["actor"],
                quote=data["quote"],
                note=data["note"],
                **_grade(data),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Status recorded."))
            return redirect(movement)
    return _sub_form(request, form, movement, _("Record a status"))


@login_required
def unit_report(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _writable(request, ArmedUnit, pk)
    form = forms.UnitReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_record_unit_report(
                request.user,
                unit,
                data["field"],
                data["value"],
                data["date"],
                quote=data["quote"],
                note=data["note"],
                **_grade(data),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Recorded."))
            return redirect(unit)
    return _sub_form(request, form, unit, _("Record a size or a flag"))


@login_required
def claim_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record = _writable(request, REGISTERS[kind], pk)
    specs = [s for s in fields_for(record).values() if s.name not in HISTORY_FIELDS]
    form = forms.ClaimForm(
        request.POST or None, specs=specs, initial={"field": request.GET.get("field")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_add_claim(
                request.user,
                record,
                data["field"],
                data["value"],
                quote=data["quote"],
                **_grade(data),
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Claim added; the record was reconciled again."))
            return redirect(record)
    return _sub_form(request, form, record, _("Add a claim"))


@login_required
def event_link(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Link an event (a killing at a checkpoint, a block on the road) by its id."""
    record = _writable(request, REGISTERS[kind], pk)
    form = forms.EventLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event_id = form.cleaned_data["event"]
        event = events_for_user(request.user).filter(pk=event_id).first()
        if event is None:
            form.add_error("event", _("No event %(id)s that you can see.") % {"id": event_id})
        else:
            actions.do_link_event(request.user, record, event)
            messages.success(request, _("Event linked."))
            return redirect(record)
    return _sub_form(request, form, record, _("Link an event"))


def _sub_form(request: HttpRequest, form: Any, record: Any, title: str) -> HttpResponse:
    return render(
        request, "security/sub_form.html", {"form": form, "record": record, "title": title}
    )
