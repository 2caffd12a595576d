"""A large file read and checked by a second process gives exactly what reading it in the
importing process gives: the same events, claims, bad-row reports and errors."""

import time

import pytest

from sulh.claims.models import Claim
from sulh.events.models import Event
from sulh.exchange import parsing
from sulh.exchange.actions import BadRow
from sulh.exchange.models import ImportJob
from sulh.exchange.reading import FileError
from sulh.exchange.tests.helpers import acled_row, write_acled
from sulh.exchange.tests.test_import_acled import run_import

pytestmark = pytest.mark.django_db


def rows(prefix: str) -> list[dict]:
    return [
        acled_row(f"{prefix}01"),
        acled_row(f"{prefix}02", event_date="2025-13-45"),  # bad: row 3
        acled_row(f"{prefix}03", fatalities="7", actor2=""),
        acled_row(f"{prefix}04", event_type="Protests", sub_event_type="Peaceful protest"),
        acled_row(f"{prefix}05", fatalities="many"),  # bad: row 6
        acled_row(f"{prefix}06", admin3="Latakia", location=""),
        acled_row(f"{prefix}01", fatalities="9"),  # the same id again: corrects the first
        acled_row(f"{prefix}08", event_date="2024-12-30"),
    ]


def outcome(prefix: str) -> tuple:
    events = Event.objects.filter(external_key__startswith=f"acled:{prefix}")
    columns = sorted(
        (key.removeprefix(f"acled:{prefix}"), *rest)
        for key, *rest in events.values_list(
            "external_key", "event_type", "date_start", "place_id", "fatalities_best", "title"
        )
    )
    claims = Claim.objects.filter(record_id__in=events.values("id")).count()
    job = ImportJob.objects.order_by("-id").first()
    return columns, claims, job.counts, job.errors, job.rows_done


@pytest.mark.parametrize("chunk", [3, 2000])
def test_a_file_read_beside_imports_as_it_does_in_process(tmp_path, settings, monkeypatch, chunk):
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = 10**9
    run_import(write_acled(tmp_path / "a.csv", rows("SYR9701")))
    in_process = outcome("SYR9701")

    forked = []
    real = parsing.parsed_beside
    monkeypatch.setattr(
        "sulh.exchange.actions.parsed_beside", lambda *a: forked.append(1) or real(*a)
    )
    monkeypatch.setattr(parsing, "CHUNK", chunk)  # rows cross many chunks, or fit in one
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = 0
    run_import(write_acled(tmp_path / "b.csv", rows("SYR9702")))
    assert forked, "the second process read the file"
    assert outcome("SYR9702") == in_process
    counts, errors = in_process[2], in_process[3]
    assert counts["bad"] == 2 and [(e["row"], e["field"]) for e in errors] == [
        (3, "event_date"),
        (6, "fatalities"),
    ]


def test_an_unreadable_file_fails_beside_as_it_does_in_process(tmp_path, settings):
    from django.core.management.base import CommandError

    from sulh.exchange.tests.helpers import acled_text

    # Good UTF-8 for longer than the encoding is sniffed, then a byte that is not UTF-8.
    good = acled_text([acled_row(f"SYR9703{n:03d}") for n in range(400)]).encode()
    path = tmp_path / "bad.csv"
    path.write_bytes(good + acled_text([acled_row("SYR9704")]).split("\r\n", 1)[1].encode()
                     .replace(b"SYR9704", b"SYR\xff9704"))  # fmt: skip
    messages = []
    for threshold in (10**9, 0):
        settings.SULH_IMPORT_PARSE_BESIDE_ROWS = threshold
        with pytest.raises(CommandError) as caught:
            run_import(path)
        messages.append(str(caught.value))
    # The header and 400 rows, then the bad byte in the first column of row 402.
    assert messages[0] == (
        "row 402, column event_id_cnty: the file is not utf-8 text (invalid start byte); if it "
        "is Arabic saved by Windows, import it again as Windows-1256 (cp1256)"
    )
    assert messages[1] == messages[0]


def test_the_second_process_hands_back_rows_errors_and_stops_when_asked():
    sent = [(2, BadRow(2, "event_date", "not a date")), (3, BadRow(3, "(row)", "2 values"))]
    assert list(parsing.parsed_beside(lambda: iter(sent))) == sent

    def broken():
        yield 2, BadRow(2, "x", "y")
        raise FileError("row 3: the file is not utf-8 text (invalid start byte)")

    with pytest.raises(FileError, match="row 3: the file is not utf-8 text"):
        list(parsing.parsed_beside(broken))

    def endless():
        n = 0
        while True:
            n += 1
            yield n, BadRow(n, "x", "y")

    rows_ = parsing.parsed_beside(endless)
    assert next(rows_)[0] == 1
    start = time.monotonic()
    rows_.close()  # the reader stops early: the child is killed and reaped
    assert time.monotonic() - start < 5


def test_the_web_form_reads_its_upload_in_its_own_process(client_for, settings, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sulh.exchange.tests.helpers import acled_text

    forked = []
    monkeypatch.setattr("sulh.exchange.actions.parsed_beside", lambda *a: forked.append(1))
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = 0  # even a file that counts as large
    upload = SimpleUploadedFile("a.csv", acled_text([acled_row("SYR970901")]).encode())
    response = client_for("analyst").post("/exchange/", {"format": "acled", "file": upload})
    assert response.status_code == 200
    assert Event.objects.filter(external_key="acled:SYR970901").exists()
    assert not forked  # a web server's worker thread does not fork


@pytest.mark.parametrize("suffix", [".csv", ".csv.gz"])
def test_the_progress_bar_follows_the_reading_process(tmp_path, settings, monkeypatch, suffix):
    import gzip

    from sulh.exchange import actions
    from sulh.exchange.tests.helpers import acled_text

    # A gzip reader's position is its own object's: the importing process's copy never moves,
    # so the position must come from the process that reads.
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = 0
    monkeypatch.setattr(parsing, "CHUNK", 50)
    text = acled_text([acled_row(f"SYR9705{n:04d}") for n in range(1200)]).encode()
    path = tmp_path / f"many{suffix}"
    path.write_bytes(gzip.compress(text) if suffix.endswith(".gz") else text)
    positions = []
    real = actions._run_batches

    def watched(parsed, tell, *args):
        return real(parsed, lambda: positions.append(tell()) or positions[-1], *args)

    monkeypatch.setattr(actions, "_run_batches", watched)
    run_import(path, "--batch-size", "200")
    assert len(positions) >= 5
    assert positions == sorted(positions)
    assert 0 < positions[0] < positions[-2] < len(text)  # it moved while rows were coming
