import csv
import io
import json

import hxl
import pytest
from django.core.management import call_command
from hxl.input import InputOptions

from sulh.audit.models import AuditEntry
from sulh.claims.models import Claim
from sulh.events.models import Event
from sulh.exchange.formats import ACLED_COLUMNS
from sulh.exchange.tests.helpers import acled_row, write_acled

pytestmark = pytest.mark.django_db


def export(fmt: str, path, *args: str, user: str = "t_analyst") -> str:
    call_command("export", fmt, "-o", str(path), "--user", user, *args)
    return path.read_text(encoding="utf-8")


def test_acled_export_has_acleds_columns_and_the_qadmus_events(tmp_path, persona):
    persona("analyst")
    text = export("acled", tmp_path / "e.csv", "--area", "SY1006", "--from", "2025-03-01")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ACLED_COLUMNS
    assert rows and all(r["admin2"] == "Qadmous" for r in rows)
    assert all(r["event_date"] >= "2025-03-01" for r in rows)


def test_an_acled_export_imports_back_unchanged(tmp_path, persona):
    persona("analyst")
    rows = [
        acled_row("SYR910001"),
        acled_row("SYR910002", time_precision="2", event_date="2025-03-10", fatalities="0"),
        acled_row("SYR910003", event_type="Protests", sub_event_type="Peaceful protest",
                  actor1="Protesters (Syria)", inter1="6", actor2="", inter2=""),
    ]  # fmt: skip
    call_command("import", "acled", str(write_acled(tmp_path / "in.csv", rows)), "--no-progress")
    before = {
        e.external_key: (e.event_type, e.date_start, e.date_end, e.place_id, e.fatalities_best)
        for e in Event.objects.filter(external_key__startswith="acled:SYR91")
    }
    claims = Claim.objects.count()
    out = tmp_path / "out.csv"
    export("acled", out, "--from", "2025-03-01", "--to", "2025-03-31", "--type", "battles")
    export("acled", tmp_path / "p.csv", "--type", "protests")
    for path in (out, tmp_path / "p.csv"):
        call_command("import", "acled", str(path), "--no-progress")
    after = {
        e.external_key: (e.event_type, e.date_start, e.date_end, e.place_id, e.fatalities_best)
        for e in Event.objects.filter(external_key__startswith="acled:SYR91")
    }
    assert after == before
    for event in Event.objects.filter(external_key__startswith="acled:SYR91"):
        assert Claim.objects.filter(record_id=event.pk, status="superseded").count() == 0
    assert Claim.objects.count() >= claims  # reading a compact row may store its claims


def test_an_export_of_other_origins_imported_back_adds_no_copies(tmp_path, persona):
    """UCDP's events and sulh's own (the demo's) leave as ``ucdp-<id>`` and ``sulh-<uid>``; the
    same file imported back as ACLED is the same events, not copies from a new source."""
    from sulh.exchange.models import DatasetRow, ImportJob
    from sulh.exchange.tests.test_import_ucdp import first_rows

    persona("analyst")
    path, _rows = first_rows(tmp_path, 40)
    call_command("import", "ucdp", str(path), "--no-progress")
    own = Event.objects.filter(external_key__isnull=True).count()
    assert own  # the demo's events: without an external key
    events = Event.objects.count()
    out = tmp_path / "out.csv"
    text = export("acled", out)
    assert "\nucdp-" in text and "\nsulh-" in text
    call_command("import", "acled", str(out), "--no-progress")
    assert Event.objects.count() == events
    # Nothing of theirs is now said to come from ACLED.
    assert not Claim.objects.filter(source__dataset_key="acled").exists()
    assert not DatasetRow.objects.filter(source__dataset_key="acled").exists()
    job = ImportJob.objects.order_by("-id").first()
    assert job.counts["created"] == 0
    assert job.counts["unchanged"] == len(list(csv.DictReader(io.StringIO(text))))


def test_hxl_export_reads_back_with_libhxl_and_the_right_hashtags(tmp_path, persona):
    persona("analyst")
    path = tmp_path / "e.csv"
    export("hxl", path, "--area", "SY1006")
    source = hxl.data(str(path), InputOptions(allow_local=True))
    tags = [c.display_tag for c in source.columns]
    for tag in ("#event+code", "#date+occurred", "#adm2+code", "#geo+lat", "#affected+killed"):
        assert tag in tags
    rows = list(source)
    assert rows and {r.get("#adm2+code") for r in rows} == {"SY1006"}


def test_geojson_is_a_feature_collection_of_points(tmp_path, persona):
    persona("analyst")
    data = json.loads(export("geojson", tmp_path / "e.geojson", "--area", "SY1006"))
    assert data["type"] == "FeatureCollection"
    point = data["features"][0]["geometry"]
    assert point["type"] == "Point"
    lon, lat = point["coordinates"]
    assert 35 < lon < 37 and 34 < lat < 36  # longitude first, around Qadmus


def test_json_export_carries_each_events_claims_with_grades(tmp_path, persona):
    persona("analyst")
    data = json.loads(export("json", tmp_path / "e.json", "--area", "SY1006"))
    event = data["events"][0]
    assert event["claims"]
    assert {"field", "grade", "source"} <= set(event["claims"][0])


def test_partners_get_sensitive_places_coarsened_and_no_report_text(tmp_path, persona):
    persona("partner"), persona("analyst")
    text = export("json", tmp_path / "p.json", user="t_partner")
    assert "Midan" not in text
    data = json.loads(text)
    assert all(c["quote"] == "" for e in data["events"] for c in e["claims"])
    for fmt in ("acled", "hxl", "geojson"):
        assert "Midan" not in export(fmt, tmp_path / f"p.{fmt}", user="t_partner")
    assert "Midan" in export("acled", tmp_path / "a.csv")


def test_each_export_is_audited_with_format_filters_and_rows(tmp_path, persona):
    persona("analyst")
    export("acled", tmp_path / "e.csv", "--area", "SY1006", "--type", "threat")
    entry = AuditEntry.objects.filter(action="exchange.export").last()
    assert entry.username == "t_analyst"
    assert entry.changes["format"] == "acled"
    assert entry.changes["filters"]["area"] == "SY1006"
    assert entry.changes["filters"]["type"] == "threat"
    assert (
        entry.changes["rows"]
        == Event.objects.filter(adm2__pcode="SY1006", event_type="threat").count()
    )


def test_the_api_streams_an_export_redacted_for_the_caller(api_for):
    response = api_for("partner").get("/exchange/export/geojson", area="SY1006")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = b"".join(response.streaming_content).decode()
    assert json.loads(body)["features"]
    assert "Midan" not in body
    assert AuditEntry.objects.filter(action="exchange.export", username="t_partner").exists()


def test_the_api_names_a_bad_filter(api_for):
    response = api_for("analyst").get("/exchange/export/acled", type="picnic")
    assert response.status_code == 422
    assert "type" in str(response.json())
    assert api_for("analyst").get("/exchange/export/xlsx").status_code == 422


def test_the_api_needs_a_token(client):
    assert client.get("/api/v1/exchange/export/acled").status_code == 401


def test_an_outsider_exports_only_their_own_area(tmp_path, persona):
    persona("outsider")
    rows = list(csv.DictReader(io.StringIO(export("acled", tmp_path / "o.csv", user="t_outsider"))))
    assert all(r["admin1"] in ("Aleppo", "") for r in rows)
