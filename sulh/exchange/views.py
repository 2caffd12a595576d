from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from sulh.exchange.access import can_export, can_import
from sulh.exchange.actions import ImportRejected, do_import_file
from sulh.exchange.exporting import ExportRequest, export_stream
from sulh.exchange.forms import ExportForm, ImportForm
from sulh.exchange.models import ImportJob
from sulh.exchange.reading import FileError


def export_response(user, request: ExportRequest) -> StreamingHttpResponse:
    """A streamed download; the same for the web page and the API."""
    chunks = export_stream(user, request)
    from sulh.exchange.exporters import get_exporter

    exporter = get_exporter(request.format)
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in chunks), content_type=exporter.content_type
    )
    name = f"sulh-{request.format}-{timezone.now():%Y%m%d-%H%M}.{exporter.extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if not can_export(request.user):
        raise PermissionDenied
    importing = can_import(request.user)
    import_form = ImportForm() if importing else None
    export_form = ExportForm(request.GET or None)
    job = rejected = None
    file_error = ""
    if request.method == "POST":
        if not importing:
            raise PermissionDenied
        import_form = ImportForm(request.POST, request.FILES)
        if import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            try:
                job = do_import_file(
                    request.user,
                    import_form.cleaned_data["format"],
                    upload.open("rb"),
                    upload.name,
                    strict=import_form.cleaned_data["strict"],
                    encoding=import_form.cleaned_data["encoding"] or None,
                )
            except ImportRejected as exc:
                rejected = exc.errors
            except FileError as exc:
                file_error = str(exc)
    elif request.GET and export_form.is_valid():
        data = export_form.cleaned_data
        try:
            return export_response(
                request.user,
                ExportRequest(
                    format=data["format"],
                    area=data["area"] or "",
                    date_from=data["date_from"],
                    date_to=data["date_to"],
                    event_type=data["event_type"] or "",
                ),
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                export_form.add_error(field if field in export_form.fields else None, messages)
    jobs = ImportJob.objects.all()[:10] if importing else []
    return render(
        request,
        "exchange/index.html",
        {
            "import_form": import_form,
            "export_form": export_form,
            "job": job,
            "rejected": rejected,
            "file_error": file_error,
            "jobs": jobs,
            "title": _("Import and export"),
        },
    )
