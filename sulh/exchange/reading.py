"""Reading a CSV as people send it: UTF-8 with or without BOM or Windows-1256 Arabic, CRLF line
ends, quoted newlines. Rows come out with their spreadsheet row number (the header is row 1)."""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

SNIFF_BYTES = 1 << 16


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
    encoding = encoding or detect_encoding(head)
    text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    reader = csv.reader(text)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration as exc:
        raise FileError("the file is empty") from exc
    except UnicodeDecodeError as exc:
        raise FileError(f"the file is not {encoding} text: {exc.reason}") from exc

    def numbered() -> Iterator[tuple[int, list[str]]]:
        number = 1
        try:
            for values in reader:
                number += 1
                if values:
                    yield number, values
        except UnicodeDecodeError as exc:
            raise FileError(
                f"row {number + 1}: the file is not {encoding} text ({exc.reason})"
            ) from exc
        except csv.Error as exc:
            raise FileError(f"row {number + 1}: {exc}") from exc
        finally:
            text.detach()  # the caller's file stays open (a strict import reads it twice)

    return Table(encoding, header, numbered(), raw)
