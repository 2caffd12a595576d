"""A byte that is not text in the file's encoding is reported at the exact spreadsheet row and
column that hold it, however far into the file it is: the reader decodes the file in 8 KB
blocks ahead of the CSV rows, so where the reader stood when decoding failed is only near it."""

import codecs
import gzip
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError

from sulh.events.models import Event
from sulh.exchange import parsing
from sulh.exchange.actions import do_import_file
from sulh.exchange.models import DatasetRow, ImportJob
from sulh.exchange.reading import FileError, open_table
from sulh.exchange.tests.helpers import acled_row, acled_text
from sulh.exchange.tests.test_import_acled import run_import


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Counts the imports whose file is read by a second process."""
    forked: list[int] = []
    real = parsing.parsed_beside
    monkeypatch.setattr(
        "sulh.exchange.actions.parsed_beside", lambda *a: forked.append(1) or real(*a)
    )
    return forked


# Added when the encoding was detected as UTF-8 (the start of the file read as UTF-8, no BOM).
HINT = "; if it is Arabic saved by Windows, import it again as Windows-1256 (cp1256)"
TWO_LINES = "Clashes near the town.\r\nA second line in the same quoted field."
GOOD = 400  # rows 2-401: the bad row is row 402, far past the first 8 KB (and the 64 KB sniffed)


def good_rows(prefix: str, notes: str = TWO_LINES) -> list[dict]:
    """ASCII rows, every one holding a quoted newline: the file has more lines than rows."""
    return [acled_row(f"{prefix}{n:04d}", notes=notes) for n in range(GOOD)]


def with_bad_byte(text: str, marker: str, bad: bytes, encoding: str = "utf-8") -> bytes:
    """The file encoded, with ``marker`` (found once) replaced by ``bad`` bytes."""
    data = text.encode(encoding)
    assert data.count(marker.encode()) == 1
    return data.replace(marker.encode(), bad)


def read_all(data: bytes, encoding: str | None = None) -> list[int]:
    """The row numbers ``open_table`` yields for a good file."""
    numbers: list[int] = []
    table = open_table(io.BytesIO(data), encoding)
    for number, _ in table.rows:
        numbers.append(number)
    return numbers


def error_of(data: bytes, encoding: str | None = None) -> tuple[str, list[int]]:
    """The FileError's message, and the row numbers yielded before it."""
    raw = io.BytesIO(data)
    numbers: list[int] = []
    with pytest.raises(FileError) as caught:
        table = open_table(raw, encoding)
        numbers.extend(number for number, _ in table.rows)
    assert not raw.closed  # the caller's file stays open
    return str(caught.value), numbers


def stored(*prefixes: str) -> bool:
    return any(
        Event.objects.filter(external_key__startswith=f"acled:{p}").exists() for p in prefixes
    )


def test_a_bad_byte_far_into_a_utf8_file_is_reported_at_its_row_and_column():
    # The bad byte is on the second line of a quoted field: still row 402.
    rows = [*good_rows("SYR9800"), acled_row("SYR9801", notes="first line\r\nsecond MARK")]
    message, numbers = error_of(with_bad_byte(acled_text(rows), "MARK", b"\xff"))
    assert (
        message == "row 402, column notes: the file is not utf-8 text (invalid start byte)" + HINT
    )
    # The same numbering as the good rows get: without the bad row, the last one is row 401
    # (each quoted newline inside its row); the rows yielded before the error agree.
    assert read_all(acled_text(rows[:-1]).encode()) == list(range(2, 402))
    assert numbers == list(range(2, len(numbers) + 2)) and len(numbers) > 300


def test_the_row_named_is_the_number_the_same_row_gets_when_it_is_good():
    # Blank lines are rows too (a spreadsheet shows them): the bad row comes after two.
    rows = [*good_rows("SYR9822"), acled_row("SYR9823", notes="MARK")]
    text = acled_text(rows).replace("\r\nSYR9823", "\r\n\r\n\r\nSYR9823")
    good = open_table(io.BytesIO(text.replace("MARK", "fine").encode()))
    assert [number for number, values in good.rows if values[0] == "SYR9823"] == [404]
    message, _ = error_of(with_bad_byte(text, "MARK", b"\xff"))
    assert (
        message == "row 404, column notes: the file is not utf-8 text (invalid start byte)" + HINT
    )


def test_rows_after_the_bad_byte_do_not_move_it():
    rows = [
        *good_rows("SYR9802"),
        acled_row("SYR9803", actor2="MARK"),
        *good_rows("SYR9804"),
    ]
    message, _ = error_of(with_bad_byte(acled_text(rows), "MARK", b"\x80"))
    assert (
        message == "row 402, column actor2: the file is not utf-8 text (invalid start byte)" + HINT
    )


def test_a_bad_byte_in_a_utf8_file_with_a_bom_and_lf_line_ends():
    rows = [*good_rows("SYR9805", notes="one\ntwo\nthree"), acled_row("SYR9806", location="MARK")]
    data = codecs.BOM_UTF8 + with_bad_byte(acled_text(rows, line_end="\n"), "MARK", b"Q\xc3(")
    message, numbers = error_of(data)
    assert message == (
        # No hint: a file that starts with a UTF-8 byte-order mark is not Windows-1256.
        "row 402, column location: the file is not utf-8-sig text (invalid continuation byte)"
    )
    assert numbers == list(range(2, len(numbers) + 2)) and len(numbers) > 300


def test_a_windows_1256_file_whose_arabic_starts_late_is_not_utf8_at_the_first_arabic_row():
    # The first 64 KB are ASCII, so the file is taken for UTF-8; Arabic in Windows-1256 comes
    # later. (Every byte is a character in Python's cp1256: a file read as Windows-1256 never
    # fails to decode, so this is how one meets the error.)
    rows = [*good_rows("SYR9807"), acled_row("SYR9808")]  # BASE's notes are Arabic
    data = acled_text(rows).encode("cp1256")
    assert all(bytes([b]).decode("cp1256") for b in range(256))
    message, numbers = error_of(data)
    assert message == (
        "row 402, column notes: the file is not utf-8 text (invalid continuation byte)" + HINT
    )
    assert numbers == list(range(2, len(numbers) + 2)) and len(numbers) > 300
    # Read as what it is, the whole file comes out.
    assert read_all(data, "cp1256") == list(range(2, 403))


def test_a_bad_byte_in_the_first_block_is_placed_too():
    # The reader fails on its first block, before the header is even parsed.
    rows = [acled_row(f"SYR9809{n}", notes=TWO_LINES) for n in range(3)]
    rows.append(acled_row("SYR9810", source="MARK"))
    message, numbers = error_of(with_bad_byte(acled_text(rows), "MARK", b"\xfe"), "utf-8")
    assert message == "row 5, column source: the file is not utf-8 text (invalid start byte)"
    assert numbers == []


def test_a_bad_byte_in_the_header_names_the_column_by_its_position():
    data = with_bad_byte(acled_text([acled_row("SYR9811")]), "event_date", b"event\xffdate")
    message, _ = error_of(data, "utf-8")
    assert message == "row 1, column 2: the file is not utf-8 text (invalid start byte)"


def test_a_file_cut_inside_a_character_is_reported_at_its_last_row():
    rows = [*good_rows("SYR9812"), acled_row("SYR9813", timestamp="MARK")]
    text = acled_text(rows).removesuffix("\r\n")  # the last column, the last bytes of the file
    data = with_bad_byte(text, "MARK", "قتيل".encode()[:-1])  # the last letter cut in half
    assert data.endswith(b"\xd9")
    message, _ = error_of(data)
    assert message == (
        "row 402, column timestamp: the file is not utf-8 text (unexpected end of data)" + HINT
    )


def test_a_file_that_cannot_be_read_again_keeps_the_nearby_row():
    class Unseekable(io.BytesIO):
        def seekable(self) -> bool:
            return False

    rows = [*good_rows("SYR9814"), acled_row("SYR9815", notes="MARK")]
    raw = Unseekable(with_bad_byte(acled_text(rows), "MARK", b"\xff"))
    with pytest.raises(FileError) as caught:
        list(open_table(raw).rows)
    # Today's message, as the reader stood: some rows before the bad one (the 8 KB block effect
    # the other tests' files are large enough to show).
    where, message = str(caught.value).split(": ", 1)
    assert where.startswith("row ") and 2 < int(where.removeprefix("row ")) < 402
    assert message == "the file is not utf-8 text (invalid start byte)" + HINT


@pytest.mark.django_db
@pytest.mark.parametrize("second_process", [False, True])
def test_the_import_names_the_row_and_stores_nothing(
    tmp_path, persona, settings, forks, second_process
):
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = 0  # with second_process, a child reads the file
    rows = [*good_rows("SYR9816"), acled_row("SYR9817", admin2="MARK")]
    path = tmp_path / "bad.csv"
    path.write_bytes(with_bad_byte(acled_text(rows), "MARK", b"\xff"))
    jobs = ImportJob.objects.count()
    with path.open("rb") as raw, pytest.raises(FileError) as caught:
        do_import_file(persona("analyst"), "acled", raw, "bad.csv", second_process=second_process)
    assert str(caught.value) == (
        "row 402, column admin2: the file is not utf-8 text (invalid start byte)" + HINT
    )
    assert len(forks) == int(second_process)
    assert not stored("SYR9816", "SYR9817")
    # As before: the job is left running with nothing done (the same file, fixed, is new).
    job = ImportJob.objects.order_by("-id").first()
    assert ImportJob.objects.count() == jobs + 1
    assert (job.status, job.rows_done, job.counts["created"]) == (ImportJob.RUNNING, 0, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("threshold", [10**9, 0])
def test_the_command_names_the_row_in_a_gzip_file(tmp_path, settings, forks, threshold):
    settings.SULH_IMPORT_PARSE_BESIDE_ROWS = threshold  # 0: a child reads the file
    rows = [*good_rows("SYR9824"), acled_row("SYR9825", notes="MARK")]
    path = tmp_path / "bad.csv.gz"
    path.write_bytes(gzip.compress(with_bad_byte(acled_text(rows), "MARK", b"\xff")))
    message = "row 402, column notes: the file is not utf-8 text (invalid start byte)" + HINT
    with pytest.raises(CommandError) as caught:
        run_import(path)
    assert str(caught.value) == message
    assert len(forks) == int(threshold == 0)
    assert not stored("SYR9824", "SYR9825")


@pytest.mark.django_db
def test_strict_import_names_the_row_too(persona):
    rows = [*good_rows("SYR9818"), acled_row("SYR9819", notes="MARK")]
    raw = io.BytesIO(with_bad_byte(acled_text(rows), "MARK", b"\xff"))
    jobs = ImportJob.objects.count()
    with pytest.raises(FileError, match=r"^row 402, column notes: the file is not utf-8 text"):
        do_import_file(persona("analyst"), "acled", raw, "bad.csv", strict=True)
    assert ImportJob.objects.count() == jobs  # the check comes before anything is written


def test_the_page_shows_the_row_and_column(client_for):
    rows = [*good_rows("SYR9820"), acled_row("SYR9821", notes="MARK")]
    upload = SimpleUploadedFile("bad.csv", with_bad_byte(acled_text(rows), "MARK", b"\xff"))
    response = client_for("analyst").post("/exchange/", {"format": "acled", "file": upload})
    assert response.status_code == 200
    assert "row 402, column notes: the file is not utf-8 text (invalid start byte)" in (
        response.text
    )
    assert not stored("SYR9820", "SYR9821")


def test_the_page_offers_the_encoding_the_message_suggests(client_for):
    # Windows-1256 Arabic that starts after the first 64 KB: detected as UTF-8, it fails with
    # the hint; imported again with the encoding chosen, every row comes in.
    rows = [*good_rows("SYR9826"), acled_row("SYR9827")]  # the last row's notes are Arabic
    data = acled_text(rows).encode("cp1256")
    client = client_for("analyst")
    detected = client.post(
        "/exchange/", {"format": "acled", "file": SimpleUploadedFile("a.csv", data)}
    )
    assert "import it again as Windows-1256 (cp1256)" in detected.text
    assert not stored("SYR9826", "SYR9827")
    chosen = client.post(
        "/exchange/",
        {"format": "acled", "encoding": "cp1256", "file": SimpleUploadedFile("a.csv", data)},
    )
    assert chosen.status_code in (200, 302)
    assert Event.objects.filter(external_key__startswith="acled:SYR982").count() == GOOD + 1
    row = DatasetRow.objects.get(event__external_key="acled:SYR9827")
    assert row.description == "اشتباك قرب القدموس، وأفيد بسقوط قتيلين."
