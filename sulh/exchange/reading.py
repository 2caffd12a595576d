"""Reading a CSV as people send it: UTF-8 with or without BOM or Windows-1256 Arabic, CRLF line
ends, quoted newlines. Rows come out with their spreadsheet row number (the header is row 1)."""

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

SNIFF_BYTES = 1 << 16
# Read again with ``surrogateescape``, each byte the encoding cannot decode becomes one of these
# lone surrogates, which decoded UTF-8 or Windows-1256 text never holds.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class FileError(ValueError):
    """The file as a whole cannot be read (wrong columns, undecodable text)."""


def detect_encoding(head: bytes) -> str:
    """``utf-8-sig`` when there is a BOM, ``utf-8`` when the start decodes, else Windows-1256."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1256"
    return "utf-8"


@dataclass
class Table:
    """An open CSV: its header and an iterator of (row number, values) pairs."""

    encoding: str
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    raw: BinaryIO

    def bytes_read(self) -> int:
        return self.raw.tell()


def open_table(raw: BinaryIO, encoding: str | None = None) -> Table:
    head = raw.read(SNIFF_BYTES)
    raw.seek(0)
    detected = not encoding
    encoding = encoding or detect_encoding(head)
    text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    reader = csv.reader(text)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration as exc:
        text.detach()
        raise FileError("the file is empty") from exc
    except UnicodeDecodeError as exc:
        text.detach()
        raise _not_text(raw, encoding, exc, near="", detected=detected) from exc

    def numbered() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            for values in reader:
                number += 1
                if values:
                    yield number, values
        except UnicodeDecodeError as exc:
            raise _not_text(
                raw, encoding, exc, near=f"row {number + 1}", detected=detected
            ) from exc
        except csv.Error as exc:
            raise FileError(f"row {number + 1}: {exc}") from exc
        finally:
            text.detach()  # the caller's file stays open (a strict import reads it twice)

    return Table(encoding, header, numbered(), raw)


def _not_text(
    raw: BinaryIO, encoding: str, exc: UnicodeDecodeError, near: str, detected: bool = False
) -> FileError:
    """The error for a byte that is not ``encoding`` text, at the row and column holding it.

    The reader decodes the file in 8 KB blocks ahead of the CSV rows, so the row it was at when a
    block failed (``near``) can be a dozen rows or more before the bad byte. The exact place is
    worked out only now, by reading the file again from its start: good files pay nothing.
    """
    where = _place_of_first_undecodable(raw, encoding) or near
    message = f"the file is not {encoding} text ({exc.reason})"
    if detected and encoding == "utf-8":
        # The start of the file read as UTF-8; Arabic saved by Windows further down does not.
        message += "; if it is Arabic saved by Windows, import it again as Windows-1256 (cp1256)"
    return FileError(f"{where}: {message}" if where else message)


def _place_of_first_undecodable(raw: BinaryIO, encoding: str) -> str | None:
    """The place ("row N, column NAME") of the first undecodable byte; None if the file cannot be
    read again from its start."""
    try:
        if not raw.seekable():
            return None
        raw.seek(0)
    except (AttributeError, OSError, ValueError):
        return None
    # Undecodable bytes are kept (as lone surrogates) instead of raised, so the CSV records come
    # out exactly as the failed read would have made them up to the bad byte, and it lands in
    # the field that holds it: row numbers count records as ``open_table`` does, quoted newlines
    # and all, and a BOM or CRLF makes no difference.
    text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
    try:
        return _first_escaped(csv.reader(text))
    except (csv.Error, OSError, ValueError):
        # A field past csv's size limit, or an encoding whose bad bytes cannot be escaped (one
        # not ASCII-based, given with --encoding): the caller keeps ``near``.
        return None
    finally:
        text.detach()  # the caller's file stays open


def _first_escaped(records: Iterable[list[str]]) -> str | None:
    """The place ("row N, column NAME") of the first record holding an escaped byte, if any."""
    header: list[str] = []
    for number, values in enumerate(records, start=1):  # the header is row 1
        if any(map(_ESCAPED_BYTE.search, values)):
            index = next(i for i, value in enumerate(values) if _ESCAPED_BYTE.search(value))
            return f"row {number}, column {_column_name(header, index)}"
        if number == 1:
            header = [name.strip() for name in values]
    return None


def _column_name(header: list[str], index: int) -> str:
    """The header's name for a field; its position (from 1) in the header itself, past the
    header's end, or where the name is empty."""
    if index < len(header) and header[index]:
        return header[index]
    return str(index + 1)
