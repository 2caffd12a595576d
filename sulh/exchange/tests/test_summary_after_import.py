"""The dashboard's summary after an import is what a full rebuild from the events gives.

A bulk import counts its new events as it writes them instead of re-reading the table; these
tests compare that summary, cell by cell, with ``refresh_all``'s, in the cases where counting
could go wrong: weeks that already had events, rows changed by a re-import, the same row twice
in one file, UCDP's fatality ranges, and a resumed import.
"""

import pytest
from django.core.management import call_command

from sulh.exchange.tests.helpers import acled_row, write_acled
from sulh.exchange.tests.test_import_ucdp import first_rows
from sulh.reports.models import Cell
from sulh.reports.summary import refresh_all

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def current_summary(db):
    """Start from a summary that matches the events already there (the demo's, if loaded)."""
    refresh_all()


@pytest.fixture(autouse=True, params=["read here", "read beside"])
def reading(request, settings):
    """Every test twice: the file read and counted in the importing process, and in a second
    process that hands the counted cells over (what ``sulh import`` does with a large file)."""
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = 10**9 if request.param == "read here" else 0
    return request.param


@pytest.fixture
def run_import(django_capture_on_commit_callbacks):
    """``sulh import``, with what waits for a commit run as it would outside a test's
    transaction (changed events recompute their weeks then)."""

    def run(path, fmt: str = "acled", *args: str) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import", fmt, str(path), "--no-progress", *args)

    return run


COLUMNS = (
    "cube", "week", "adm1_id", "adm2_id", "adm3_id", "event_type", "place_id", "actor_id",
    "events", "unknown", "fatalities_low", "fatalities_best", "fatalities_high",
)  # fmt: skip


def summary() -> list[tuple]:
    return sorted(Cell.objects.values_list(*COLUMNS), key=repr)


def assert_summary_is_current() -> None:
    after_import = summary()
    refresh_all()
    assert after_import == summary()
    assert after_import  # an empty summary would make the comparison meaningless


ROWS = [
    acled_row("SYR910001"),
    acled_row("SYR910002", event_date="2025-03-07", fatalities="0", actor2=""),
    acled_row("SYR910003", event_type="Protests", sub_event_type="Peaceful protest"),
    acled_row("SYR910004", admin1="Latakia", admin2="Latakia", admin3="Latakia", location=""),
    acled_row("SYR910005", time_precision="3", geo_precision="3", location="Qadmous"),
    acled_row("SYR910006", actor2="Unidentified Armed Group (Syria)", fatalities="7"),
    acled_row("SYR910007", event_date="2024-12-30", fatalities="1"),
]


def test_a_first_import_counts_every_cube_as_a_rebuild_does(tmp_path, run_import):
    run_import(write_acled(tmp_path / "a.csv", ROWS))
    assert_summary_is_current()


def test_a_second_file_into_the_same_weeks_adds_to_the_cells_already_there(tmp_path, run_import):
    run_import(write_acled(tmp_path / "a.csv", ROWS))
    more = [
        acled_row("SYR910101"),  # the same week, place, type and parties as SYR910001
        acled_row("SYR910102", event_date="2025-03-04", fatalities="3"),
        acled_row("SYR910103", event_date="2025-05-01", event_type="Riots",
                  sub_event_type="Mob violence"),
    ]  # fmt: skip
    run_import(write_acled(tmp_path / "b.csv", more))
    assert_summary_is_current()


def test_changed_and_repeated_rows_are_not_counted_twice(tmp_path, run_import):
    run_import(write_acled(tmp_path / "a.csv", ROWS))
    changed = [
        acled_row("SYR910001", fatalities="9"),  # a correction to an imported event
        acled_row("SYR910002", event_date="2025-04-20"),  # moves to another week
        acled_row("SYR910201"),  # new, in a week that also has a changed event
        acled_row("SYR910202", fatalities="4"),
        acled_row("SYR910202", fatalities="6"),  # the same id twice in one file
    ]
    run_import(write_acled(tmp_path / "b.csv", changed))
    assert_summary_is_current()


def test_changed_rows_taken_away_after_several_flushes_and_hand_overs(
    tmp_path, run_import, monkeypatch
):
    from sulh.exchange import actions
    from sulh.reports.summary import Tally

    # Cells handed over every few rows and flushed to the staging table every few cells, so
    # rows found not new are taken away from cells already staged (they sum below zero there
    # until their own counts arrive, or net to nothing).
    monkeypatch.setattr(actions, "COUNT_EVERY", 2)
    monkeypatch.setattr(actions, "HAND_OVER_AT", 1)
    monkeypatch.setattr(Tally, "FLUSH_AT", 3)
    run_import(write_acled(tmp_path / "a.csv", ROWS), "acled", "--batch-size", "2")
    assert_summary_is_current()
    again = [
        *ROWS[:3],  # unchanged
        acled_row("SYR910004", admin1="Latakia", admin2="Latakia", admin3="Latakia",
                  location="", fatalities="12"),  # changed
        acled_row("SYR910401", event_date="2025-03-07"),
        acled_row("SYR910401", event_date="2025-03-08"),  # twice in one file
    ]  # fmt: skip
    run_import(write_acled(tmp_path / "b.csv", again), "acled", "--batch-size", "2")
    assert_summary_is_current()
    assert not Cell.objects.filter(events__lte=0).exists()


def test_a_file_of_rows_already_imported_adds_no_cell(tmp_path, run_import):
    path = write_acled(tmp_path / "a.csv", ROWS)
    run_import(path)
    before = summary()
    run_import(write_acled(tmp_path / "same.csv", ROWS))  # the same rows, another file
    assert summary() == before


def test_ucdp_ranges_are_carried_into_the_summary(tmp_path, run_import):
    path, _rows = first_rows(tmp_path, 160)  # rows 101 and 153 carry ranges
    run_import(path, "ucdp")
    assert_summary_is_current()
    low, best, high = (sum(c) for c in zip(*Cell.objects.filter(cube="t").values_list(
        "fatalities_low", "fatalities_best", "fatalities_high"), strict=True))  # fmt: skip
    assert low <= best <= high and low < high  # the extract's rows carry real ranges


def test_a_resumed_import_leaves_the_summary_current(tmp_path, run_import):
    from sulh.exchange.models import ImportJob

    path = write_acled(tmp_path / "a.csv", ROWS)
    run_import(path)
    # As if the run had been killed after its first rows: the job is still running.
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.RUNNING, rows_done=3)
    run_import(path)
    assert_summary_is_current()


def test_a_large_merge_rebuilds_the_summary_indexes_it_set_aside(tmp_path, run_import, monkeypatch):
    from django.db import connection

    from sulh.lib.bulksql import index_statements
    from sulh.reports.summary import Tally

    # As if the file made more cells than the summary held (SQLite drops and rebuilds then).
    monkeypatch.setattr(Tally, "worth_rebuilding", lambda self, cursor, n: True)
    run_import(write_acled(tmp_path / "a.csv", ROWS))
    assert_summary_is_current()
    wanted = {name for name, _sql, _columns in index_statements(Cell)}
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Cell._meta.db_table)
    assert wanted and wanted <= {name for name, info in constraints.items() if info["index"]}


def test_counts_handed_to_the_staging_table_in_several_flushes_add_up(
    tmp_path, run_import, monkeypatch
):
    from sulh.reports.summary import Tally

    monkeypatch.setattr(Tally, "FLUSH_AT", 2)  # memory stays flat: flush every two combinations
    run_import(write_acled(tmp_path / "a.csv", ROWS), "acled", "--batch-size", "3")
    more = [acled_row("SYR910301"), acled_row("SYR910302", fatalities="8")]
    run_import(write_acled(tmp_path / "b.csv", more), "acled", "--batch-size", "1")
    assert_summary_is_current()


def test_weeks_the_summary_has_never_seen_are_written_with_every_cube(
    tmp_path, run_import, monkeypatch
):
    from sulh.reports.summary import Tally

    written = []
    direct = Tally._write_new_weeks
    monkeypatch.setattr(Tally, "_write_new_weeks", lambda self: written.append(1) or direct(self))
    old = [
        acled_row("SYR919001", event_date="2019-02-05", fatalities="2"),
        acled_row("SYR919002", event_date="2019-02-06", actor2="", fatalities="0"),
        acled_row("SYR919003", event_date="2019-07-14", event_type="Protests",
                  sub_event_type="Peaceful protest"),
        # Both parties the same actor: counted once under it.
        acled_row("SYR919004", event_date="2019-07-15", actor1="Military Forces of Syria (2024-)",
                  inter1="1"),
    ]  # fmt: skip
    run_import(write_acled(tmp_path / "old.csv", old))
    assert written, "a file of new weeks is written straight into the summary"
    assert Cell.objects.filter(week__year=2019, cube="t").count() == 3
    assert_summary_is_current()


def test_packed_measures_add_up_like_the_columns_they_stand_for():
    from sulh.reports.summary import _measures, _packed

    events = [(None, None, None), (1, 2, 3), (None, 40_000_000, None), (0, 0, 7)]
    total = sum(_packed(*e) for e in events)
    assert _measures(total) == (4, 1, 1 + 40_000_000, 2 + 40_000_000, 3 + 40_000_000 + 7)
    with pytest.raises(ValueError, match="negative"):
        _packed(-1, 0, 0)
    # Taken away again (rows counted, then found not new), through zero and below on the way.
    assert _measures(total - _packed(1, 2, 3)) == (3, 1, 40_000_000, 40_000_000, 40_000_007)
    below = _packed(0, 0, 7) - _packed(1, 2, 3) - _packed(None, 5, None)
    assert _measures(below) == (-1, 0, -6, -7, -1)
    assert _measures(below + _packed(1, 2, 3) + _packed(None, 5, None)) == (1, 0, 0, 0, 7)


@pytest.mark.parametrize("staged", [False, True])
def test_cells_counted_and_taken_away_again_are_not_written(staged):
    from sulh.reports.summary import Tally, _packed

    week = "2031-06-02"  # a week no event has
    cell = ("3t", week, None, None, None, "battles", None, None)
    kept = ("3t", week, None, None, None, "protests", None, None)
    tally = Tally()
    tally.add({cell: _packed(2, 2, 2), kept: _packed(1, 1, 1)}, {})
    if staged:
        tally.flush()  # the positive counts already in the staging table
    tally.add({cell: _packed(2, 2, 2)}, {}, sign=-1)
    tally.merge()
    written = Cell.objects.filter(week="2031-06-02")
    # The kept event in each cube (the coarser ones summed from it), nothing of the other.
    assert sorted(written.values_list("cube", "event_type", "events")) == [
        ("1", "", 1), ("1t", "protests", 1), ("2", "", 1), ("2t", "protests", 1), ("3", "", 1),
        ("3t", "protests", 1), ("t", "protests", 1),
    ]  # fmt: skip
