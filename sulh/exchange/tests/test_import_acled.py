import pytest
from django.core.management import CommandError, call_command

from sulh.audit.models import AuditEntry
from sulh.claims.actions import reconcile_record
from sulh.claims.models import Claim, ClaimStatus, current_reconciled, record_claims
from sulh.events.models import Event
from sulh.exchange.tests.helpers import acled_row, write_acled
from sulh.places.models import Place

pytestmark = pytest.mark.django_db

EVENT_COLUMNS = [
    "event_type", "sub_event_type", "date_start", "date_end", "date_precision", "week",
    "place_id", "adm1_id", "adm2_id", "adm3_id", "latitude", "longitude", "geo_precision",
    "fatalities_low", "fatalities_best", "fatalities_high", "disputed",
]  # fmt: skip


def run_import(path, *args: str, fmt: str = "acled") -> None:
    call_command("import", fmt, str(path), "--no-progress", *args)


def imported(key: str) -> Event:
    return Event.objects.get(external_key=f"acled:{key}")


def test_it_imports_rows_as_events_with_one_claim_per_field_from_the_dataset(tmp_path, capsys):
    run_import(write_acled(tmp_path / "a.csv", [acled_row("SYR900001")]))
    event = imported("SYR900001")
    qadmus = Place.objects.get(geonames_id=173389)
    assert event.place == qadmus
    assert event.adm2.pcode == "SY1006"
    assert (event.event_type, event.sub_event_type) == ("battles", "armed_clash")
    assert (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (2, 2, 2)
    assert str(event.week) == "2025-03-03"
    claims = list(record_claims(event))
    fields = sorted(c.field for c in claims)
    assert fields == sorted(
        ["event_type", "sub_event_type", "date", "location", "killed", "party", "party",
         "description"]
    )  # fmt: skip
    assert {c.source.safe_description for c in claims} == {
        "ACLED (Armed Conflict Location & Event Data), dataset"
    }
    assert "1 event(s) created" in capsys.readouterr().out


def test_claims_show_on_the_event_page_with_their_source(tmp_path, client_for):
    run_import(write_acled(tmp_path / "a.csv", [acled_row("SYR900002")]))
    page = client_for("analyst").get(f"/events/{imported('SYR900002').pk}/").text
    assert "ACLED (Armed Conflict Location" in page
    assert "Unidentified Armed Group (Syria)" in page


def test_bulk_columns_are_what_reconciliation_gives(tmp_path):
    rows = [
        acled_row("SYR900003"),
        acled_row("SYR900004", time_precision="2", fatalities="0", actor2=""),
        acled_row("SYR900005", time_precision="3", geo_precision="3", location="Qadmous"),
        acled_row("SYR900006", actor2="Unidentified Armed Group (Syria)", notes=""),
    ]
    run_import(write_acled(tmp_path / "a.csv", rows))
    for row in rows:
        event = imported(row["event_id_cnty"])
        assert event.reconciled == {}  # stored when the claims are first read
        before = [getattr(event, c) for c in EVENT_COLUMNS] + [current_reconciled(event)]
        roles = sorted(event.actor_roles.values_list("role", "actor_id"))
        reconcile_record(event)
        event.refresh_from_db()
        after = [getattr(event, c) for c in EVENT_COLUMNS] + [event.reconciled]
        assert after == before, row["event_id_cnty"]
        assert sorted(event.actor_roles.values_list("role", "actor_id")) == roles


def test_an_imported_event_reads_the_same_before_and_after_its_claims_are_expanded(
    tmp_path, client_for
):
    run_import(write_acled(tmp_path / "a.csv", [acled_row("SYR900007", fatalities="3")]))
    event = imported("SYR900007")
    client = client_for("analyst")
    listed = client.get("/api/v1/events", {"q": event.title}).json()
    before = next(e for e in listed["items"] if e["id"] == event.pk)
    assert before["reconciled"]["killed"]["best"] == 3
    assert "اشتباك قرب القدموس" in before["reconciled"]["description"]["value"]
    detail = client.get(f"/api/v1/events/{event.pk}").json()  # reads, so expands, the claims
    event.refresh_from_db()
    assert event.reconciled == before["reconciled"] == detail["reconciled"]


def test_reimporting_the_same_file_adds_nothing(tmp_path, capsys):
    path = write_acled(tmp_path / "a.csv", [acled_row("SYR900010"), acled_row("SYR900011")])
    run_import(path)
    events, claims = Event.objects.count(), Claim.objects.count()
    run_import(path)
    assert (Event.objects.count(), Claim.objects.count()) == (events, claims)
    assert "0 event(s) created, 0 changed, 2 unchanged" in capsys.readouterr().out


def test_a_changed_row_adds_corrected_claims_not_a_copy(tmp_path):
    run_import(write_acled(tmp_path / "a.csv", [acled_row("SYR900020")]))
    run_import(write_acled(tmp_path / "b.csv", [acled_row("SYR900020", fatalities="5")]))
    assert Event.objects.filter(external_key="acled:SYR900020").count() == 1
    event = imported("SYR900020")
    killed = record_claims(event).filter(field="killed").order_by("id")
    assert [(c.num_best, c.status) for c in killed] == [
        (2, ClaimStatus.SUPERSEDED),
        (5, ClaimStatus.ACCEPTED),
    ]
    assert event.fatalities_best == 5
    assert record_claims(event).filter(field="event_type").count() == 1


def test_a_bad_row_is_reported_by_row_and_field_and_the_rest_goes_on(tmp_path, capsys):
    rows = [
        acled_row("SYR900030"),
        acled_row("SYR900031", event_date="2025-13-45"),
        acled_row("SYR900032", fatalities="many"),
        acled_row("SYR900033"),
    ]
    run_import(write_acled(tmp_path / "a.csv", rows))
    err = capsys.readouterr().err
    assert "row 3, event_date:" in err
    assert "row 4, fatalities:" in err
    assert not Event.objects.filter(external_key__in=["acled:SYR900031", "acled:SYR900032"])
    assert imported("SYR900033")


def test_strict_stops_at_a_bad_row_with_nothing_stored(tmp_path, capsys):
    rows = [acled_row("SYR900040"), acled_row("SYR900041", event_type="Picnic")]
    with pytest.raises(CommandError, match="nothing was imported"):
        run_import(write_acled(tmp_path / "a.csv", rows), "--strict")
    assert "row 3, event_type:" in capsys.readouterr().err
    assert not Event.objects.filter(external_key__startswith="acled:SYR90004").exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256"])
def test_it_reads_utf8_with_or_without_bom_and_windows_arabic(tmp_path, encoding):
    note = "قصف على القدموس\nالسطر الثاني"  # a quoted newline inside the notes
    rows = [acled_row("SYR900050", notes=note)]
    run_import(write_acled(tmp_path / "a.csv", rows, encoding=encoding))
    event = imported("SYR900050")
    assert current_reconciled(event)["description"]["value"] == note


def test_a_file_that_is_not_acled_is_refused_naming_the_missing_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,date\n1,2025-01-01\n")
    with pytest.raises(CommandError, match="missing column.*event_id_cnty"):
        run_import(path)


def test_each_import_is_audited_with_its_counts(tmp_path):
    run_import(write_acled(tmp_path / "a.csv", [acled_row("SYR900060")]))
    entry = AuditEntry.objects.filter(action="exchange.import").last()
    assert entry.changes["created"] == 1
    assert entry.changes["importer"] == "acled"


def test_a_village_missing_from_the_gazetteer_falls_back_to_its_sub_district(tmp_path):
    row = acled_row("SYR900070", location="Nowhere Village", latitude="", longitude="")
    run_import(write_acled(tmp_path / "a.csv", [row]))
    assert imported("SYR900070").place.pcode == "SY100602"


def test_a_place_named_by_imported_rows_cannot_be_deleted(tmp_path):
    from django.db.models import ProtectedError

    run_import(write_acled(tmp_path / "a.csv", [acled_row("SYR900060")]))
    from sulh.exchange.models import DatasetRow

    place = imported("SYR900060").place
    with pytest.raises(ProtectedError) as refused:
        place.delete()
    # The compact row's reference is not checked by the database, but still by the ORM.
    assert any(isinstance(o, DatasetRow) for o in refused.value.protected_objects)
