from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from sulh.access.policy import can_write, get_report_for_user, reports_for_user
from sulh.access.redact import source_public
from sulh.lib.pagination import MappedPage
from sulh.sources.actions import do_create_report, do_create_source
from sulh.sources.identity import reveal_identity, shields_identity
from sulh.sources.models import Source

sources_router = Router(tags=["sources"])
reports_router = Router(tags=["reports"])
routes = [("/sources", sources_router), ("/reports", reports_router)]


class IdentityIn(Schema):
    name: str = Field("", max_length=200)
    phone: str = Field("", max_length=40)
    contact: str = Field("", max_length=200)
    notes: str = Field("", max_length=2000)


class IdentityOut(Schema):
    name: str = ""
    phone: str = ""
    contact: str = ""
    notes: str = ""


class SourceOut(Schema):
    id: int
    kind: str
    safe_description: str
    safe_description_ar: str
    reliability: str
    identity: IdentityOut | None = None


class SourceIn(Schema):
    kind: str
    safe_description: str = Field(..., max_length=200)
    safe_description_ar: str = Field("", max_length=200)
    reliability: str = Field("F", max_length=1)
    identity: IdentityIn | None = None


def _source_out(request: HttpRequest, source: Source, with_identity: bool) -> dict:
    data = source_public(source, request.user)
    if with_identity and source.has_identity:
        data["identity"] = reveal_identity(
            request.user, source, where="api", ip=request.META.get("REMOTE_ADDR", "")
        )
    return data


@sources_router.get("", response=list[SourceOut])
@paginate
def list_sources(request: HttpRequest, kind: str = ""):
    sources = Source.objects.all()
    if kind:
        sources = sources.filter(kind=kind)
    return MappedPage(sources, lambda page: [source_public(s, request.user) for s in page])


@sources_router.get("/{source_id}", response=SourceOut)
@shields_identity
def get_source(request: HttpRequest, source_id: int):
    return _source_out(request, get_object_or_404(Source, pk=source_id), with_identity=True)


@sources_router.post("", response={201: SourceOut, 403: dict})
@shields_identity
def create_source(request: HttpRequest, payload: SourceIn):
    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot add sources"})
    identity = payload.identity.dict() if payload.identity else None
    source = do_create_source(request.user, **payload.dict(exclude={"identity"}), identity=identity)
    return Status(201, _source_out(request, source, with_identity=True))


class ReportOut(Schema):
    id: int
    source_id: int
    kind: str
    title: str
    language: str
    text: str
    received_at: datetime
    content_hash: str


class ReportIn(Schema):
    source_id: int
    text: str = Field(..., min_length=1)
    kind: str = "interview"
    title: str = Field("", max_length=200)
    language: str = Field("en", max_length=8)
    received_at: datetime | None = None


@reports_router.get("", response=list[ReportOut])
@paginate
def list_reports(request: HttpRequest, source_id: int | None = None):
    reports = reports_for_user(request.user)
    return reports.filter(source_id=source_id) if source_id else reports


@reports_router.get("/{report_id}", response=ReportOut)
def get_report(request: HttpRequest, report_id: int):
    return get_report_for_user(request.user, report_id)


@reports_router.post("", response={201: ReportOut, 403: dict})
def create_report(request: HttpRequest, payload: ReportIn):
    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot add reports"})
    source = Source.objects.filter(pk=payload.source_id).first()
    if source is None:
        raise ValidationError({"source_id": f"no source with id {payload.source_id}"})
    return Status(
        201, do_create_report(request.user, source=source, **payload.dict(exclude={"source_id"}))
    )
