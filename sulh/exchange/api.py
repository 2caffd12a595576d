from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Query, Router, Schema

from sulh.exchange.access import can_export
from sulh.exchange.exporting import ExportRequest
from sulh.exchange.views import export_response

router = Router(tags=["exchange"])
routes = [("/exchange", router)]


class ExportFilterIn(Schema):
    area: str = ""
    date_from: date | None = None
    date_to: date | None = None
    type: str = ""


@router.get("/export/{format}")
def export(
    request: HttpRequest, format: str, filters: Query[ExportFilterIn]
) -> StreamingHttpResponse:
    """The events you may see as ACLED CSV, HXL CSV, GeoJSON or JSON with claims, streamed.

    Redacted for your role (partners get sensitive places as their sub-district); audited."""
    if not can_export(request.user):
        raise PermissionDenied
    return export_response(
        request.user,
        ExportRequest(
            format=format,
            area=filters.area,
            date_from=filters.date_from,
            date_to=filters.date_to,
            event_type=filters.type,
        ),
    )
