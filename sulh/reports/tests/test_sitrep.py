import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from sulh.audit.models import AuditEntry
from sulh.claims.models import Claim
from sulh.reports import sections
from sulh.reports.sections import Section, sitrep_section
from sulh.sources.models import Report

BUILTIN = {"summary", "chart", "map", "timeline", "mediation"}
QADMUS = ["--area", "Qadmus", "--from", "2025-03-01", "--to", "2025-03-17"]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def pdf_fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def secrets_of_the_demo() -> list[str]:
    """Everything a report must never carry: identities, raw report text, quotes."""
    found = ["Demo Person", "+963 900", "placeholder identity"]
    for report in Report.objects.all():
        found += [line.strip() for line in report.text.splitlines() if len(line.strip()) > 30]
    found += [q for q in Claim.objects.exclude(quote="").values_list("quote", flat=True)]
    return found


def assert_no_secret(text: str) -> None:
    flat = re.sub(r"\s+", " ", text)
    for secret in secrets_of_the_demo():
        assert re.sub(r"\s+", " ", secret)[:60] not in flat, secret


@pytest.fixture
def write_sitrep(db, tmp_path):
    def run(*args: str) -> Path:
        output = tmp_path / args[-1]
        call_command("sitrep", *QADMUS, *args[:-1], "-o", str(output), stdout=io.StringIO())
        return output

    return run


def test_the_english_and_arabic_pdfs_for_qadmus_carry_no_source_identity(write_sitrep):
    english = write_sitrep("--lang", "en", "en.pdf").read_bytes()
    arabic = write_sitrep("--lang", "ar", "ar.pdf").read_bytes()
    text_en, text_ar = pdf_text(english), pdf_text(arabic)
    assert "Situation report: Qadmous" in text_en
    assert "Hataniah" in text_en and "Timeline" in text_en and "Mediation" in text_en
    assert "an Ismaili activist in Qadmus" in text_en  # the safe description and its grade
    assert_no_secret(text_en)
    assert_no_secret(text_ar)
    # The Arabic report is set in the Naskh face shipped with sulh.
    assert any("Sulh-Naskh" in name for name in pdf_fonts(arabic))
    assert re.search(r"[\u0600-\u06ff\ufb50-\ufeff]", text_ar)


def test_the_arabic_report_reads_right_to_left_in_arabic(write_sitrep):
    html = write_sitrep("--lang", "ar", "ar.html").read_text()
    assert '<html lang="ar" dir="rtl"' in html
    assert "الحطانية" in html or "حطانية" in html  # an event or place name in Arabic
    assert "noto-naskh-arabic-arabic-400-normal.woff" in html
    assert_no_secret(html)


def test_partners_reading_a_forwarded_report_see_no_sensitive_village(write_sitrep):
    html = write_sitrep("--lang", "en", "partner.html").read_text()
    assert "Midan al-Atiq" not in html
    analyst = write_sitrep("--lang", "en", "--user", "analyst", "analyst.html").read_text()
    assert "Midan al-Atiq" in analyst


def test_the_mediation_status_counts_kept_broken_and_overdue_commitments(write_sitrep):
    html = write_sitrep("--lang", "en", "--user", "analyst", "m.html").read_text()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Siege of Qadmus" in text
    assert "3 kept, 0 broken or refused, 0 overdue, 0 pending" in text
    assert "1 broken or refused, 2 overdue" in text
    assert "Stop the night shooting in the two villages" in text


def test_an_app_adds_a_section_and_without_one_there_is_no_alerts_heading(
    write_sitrep, monkeypatch
):
    builtins = {k: v for k, v in sections._SECTIONS.items() if k in BUILTIN}
    monkeypatch.setattr(sections, "_SECTIONS", builtins)
    assert "Alerts" not in write_sitrep("--lang", "en", "plain.html").read_text()

    @sitrep_section(35, "test-alerts")
    def alerts(report):
        return Section("Alerts", "reports/sitrep/map.html", {"map": "2 alerts fired"})

    html = write_sitrep("--lang", "en", "alerts.html").read_text()
    assert "<h2>Alerts</h2>" in html and "2 alerts fired" in html
    assert (
        html.index("<h2>Map</h2>") < html.index("<h2>Alerts</h2>") < html.index("<h2>Timeline</h2>")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "Nowhereville Xq"], "--area"),
        (["--from", "2025-13-01"], "--from"),
        (["--from", "2025-03-20"], "--to"),
    ],
)
def test_bad_arguments_are_named(tmp_path, db, args, message):
    base = dict(zip(QADMUS[::2], QADMUS[1::2], strict=True))
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    argv = [x for pair in base.items() for x in pair]
    with pytest.raises(CommandError, match=message):
        call_command("sitrep", *argv, "-o", str(tmp_path / "x.pdf"), stdout=io.StringIO())
    assert not (tmp_path / "x.pdf").exists()


def test_the_web_app_shows_the_report_and_gives_the_pdf(client_for):
    client = client_for("analyst")
    query = {"area": "SY1006", "date_from": "2025-03-01", "date_to": "2025-03-17", "lang": "ar"}
    page = client.get("/reports/sitrep/", query)
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    assert "format=pdf" in page.content.decode()
    download = client.get("/reports/sitrep/", {**query, "format": "pdf", "lang": "en"})
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert "Situation report" in pdf_text(download.content)
    assert_no_secret(pdf_text(download.content))
    entry = AuditEntry.objects.filter(action="sitrep").order_by("-id").first()
    assert entry.username == "t_analyst" and "as PDF" in entry.summary


def test_the_web_form_names_a_bad_field(client_for):
    page = client_for("analyst").get(
        "/reports/sitrep/", {"area": "SY1006", "date_from": "2025-03-17", "date_to": "2025-03-01"}
    )
    assert page.status_code == 400
    assert "The end comes before the start." in page.content.decode()
