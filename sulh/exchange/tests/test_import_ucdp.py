import csv
from pathlib import Path

import pytest
from django.core.management import call_command

from sulh.claims.models import record_claims
from sulh.events.models import Event

pytestmark = pytest.mark.django_db

EXTRACT = Path(__file__).parent.parent / "data" / "ucdp_ged_syria_2016_2019_tartus_latakia_hama.csv"


def first_rows(tmp_path: Path, n: int) -> tuple[Path, list[dict]]:
    """The first ``n`` rows of the shipped UCDP extract, as a file of their own."""
    with open(EXTRACT, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for _, row in zip(range(n), reader, strict=False)]
        header = reader.fieldnames
    path = tmp_path / "ucdp.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, header)
        writer.writeheader()
        writer.writerows(rows)
    return path, rows


def test_it_imports_ucdp_rows_with_low_best_high_in_the_claims(tmp_path):
    path, rows = first_rows(tmp_path, 60)
    call_command("import", "ucdp", str(path), "--no-progress")
    assert Event.objects.filter(origin="ucdp").count() == len(rows)
    for row in rows[:20]:
        event = Event.objects.get(external_key=f"ucdp:{row['id']}")
        killed = record_claims(event).get(field="killed")
        expected = sorted(int(row[k]) for k in ("low", "best", "high"))
        assert (killed.num_low, killed.num_best, killed.num_high) == (
            expected[0],
            int(row["best"]),
            expected[2],
        )
        assert killed.source.safe_description.startswith("UCDP")


def test_where_prec_and_date_prec_become_sulh_precisions(tmp_path):
    path, rows = first_rows(tmp_path, 200)
    call_command("import", "ucdp", str(path), "--no-progress")
    kinds = {"1": {"locality", "adm3"}, "2": {"adm3", "locality"}, "3": {"adm2"}, "4": {"adm1"}}
    for row in rows:
        event = Event.objects.get(external_key=f"ucdp:{row['id']}")
        if row["where_prec"] in kinds:
            assert event.place.kind in kinds[row["where_prec"]], row["id"]
        date = record_claims(event).get(field="date")
        if row["date_prec"] == "1" and row["date_start"] == row["date_end"]:
            assert date.date_precision == "day"
        if row["date_prec"] == "4":
            assert date.date_precision == "month"
        assert str(date.date_start) == row["date_start"]


def test_a_hama_row_lands_in_hama_governorate(tmp_path):
    path, rows = first_rows(tmp_path, 30)
    call_command("import", "ucdp", str(path), "--no-progress")
    hama = [r for r in rows if r["adm_1"].startswith("Hamah")]
    event = Event.objects.get(external_key=f"ucdp:{hama[0]['id']}")
    assert event.adm1.pcode == "SY05"
