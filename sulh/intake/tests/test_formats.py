"""Texts arrive as plain text, Markdown, HTML or .docx; the report keeps the words only."""

import io
import zipfile

import pytest

from sulh.intake.models import ExtractionProposal
from sulh.sources.models import Source

pytestmark = pytest.mark.django_db

BRIEF = "Gunmen shot dead a shepherd near Tawahin on 12 April 2025, according to local sources."


def _docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.'
        f'org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_a_docx_upload_becomes_a_report_with_proposals(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("note.docx", _docx(["Field note", BRIEF]))
    response = client_for("documenter").post(
        "/intake/new/",
        {
            "source": Source.objects.first().pk,
            "received_on": "2025-04-13",
            "kind": "document",
            "format": "text",
            "file": upload,
        },
    )
    assert response.status_code == 302
    proposal = ExtractionProposal.objects.get()
    assert proposal.report.text == "Field note\n" + BRIEF
    assert proposal.data["date"]["start"] == "2025-04-12"


def test_a_file_that_is_not_a_docx_is_refused_by_name(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for("documenter").post(
        "/intake/new/",
        {
            "source": Source.objects.first().pk,
            "received_on": "2025-04-13",
            "kind": "document",
            "format": "text",
            "file": SimpleUploadedFile("note.docx", b"not a zip"),
        },
    )
    assert response.status_code == 200
    assert "not a .docx file" in response.content.decode()
    assert not ExtractionProposal.objects.exists()


def test_html_and_markdown_are_read_as_their_words(api_for):
    api = api_for("documenter")
    html = f"<html><style>p{{}}</style><h1>Brief</h1><p>{BRIEF.replace('near', '<b>near</b>')}</p>"
    body = api.post(
        "/intake/extract", {"text": html, "format": "html", "report_date": "2025-04-13"}
    )
    assert body.json()["events"][0]["date"]["start"] == "2025-04-12"
    markdown = f"# Brief\n\n**{BRIEF}**"
    body = api.post("/intake/texts", {"text": markdown, "format": "markdown", "source_id": 1})
    report_id = body.json()["report_id"]
    from sulh.sources.models import Report

    assert Report.objects.get(pk=report_id).text == f"Brief\n\n{BRIEF}"
