"""Writes of the exchange app: importing a dataset file, and the audit entry of every export."""

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any, BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from sulh.audit.actions import do_audit
from sulh.claims.actions import do_add_claim, do_correct_claim, reconcile_record
from sulh.claims.models import ClaimStatus, record_claims
from sulh.events.models import Event
from sulh.exchange.bulk import READY_HASH, READY_KEY, BulkWriter, CountedCells, count_ready
from sulh.exchange.compact import row_claims
from sulh.exchange.importers import get_importer
from sulh.exchange.importers.base import Importer, Parsed, RowError
from sulh.exchange.indexes import restore_indexes, set_aside_indexes, worth_setting_aside
from sulh.exchange.models import ImportJob
from sulh.exchange.parsing import Progress, can_fork, parsed_beside
from sulh.exchange.placeindex import PlaceIndex
from sulh.exchange.reading import open_table
from sulh.lib.bulksql import sqlite_pragmas
from sulh.reports.summary import Counts, refresh_all, refresh_later
from sulh.sources.actions import do_create_source
from sulh.sources.models import Source, SourceKind

BATCH_SIZE = 5000
# Rows read are counted for the summary this many at a time; their cells are handed to the
# writer when this many are held (and at the end), which bounds the reader's memory.
COUNT_EVERY = 5000
HAND_OVER_AT = 250_000
MAX_LISTED_ERRORS = 1000


@dataclass
class BadRow:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.field}: {self.message}"


@dataclass
class ImportRejected(Exception):
    """``--strict`` found bad rows: nothing was stored."""

    errors: list[BadRow] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.errors)} bad row(s); nothing was imported"


def dataset_source(user: Any, importer: Importer) -> Source:
    """The one Source standing for a dataset (created on its first import)."""
    source = Source.objects.filter(kind=SourceKind.DATASET, dataset_key=importer.name).first()
    if source is None:
        source = do_create_source(
            user,
            kind=SourceKind.DATASET,
            safe_description=importer.source_description,
            safe_description_ar=importer.source_description_ar,
            reliability=importer.reliability,
            dataset_key=importer.name,
        )
    return source


def file_hash(raw: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: raw.read(1 << 20), b""):
        digest.update(chunk)
    raw.seek(0)
    return digest.hexdigest()


def _parsed_rows(
    importer: Importer, raw: BinaryIO, encoding: str | None, places: PlaceIndex, skip_to: int = 0
) -> Iterator[tuple[int, Parsed | BadRow]]:
    table = open_table(raw, encoding)
    parse = importer.row_parser(importer.columns(table.header), places)
    width = len(table.header)
    for number, values in table.rows:
        if number <= skip_to:
            continue
        if len(values) != width:
            yield number, BadRow(number, "(row)", f"{len(values)} values for {width} columns")
            continue
        try:
            yield number, parse(values)
        except RowError as exc:
            yield number, BadRow(number, exc.field, exc.message)


def _ready_rows(
    importer: Importer,
    raw: BinaryIO,
    encoding: str | None,
    places: PlaceIndex,
    skip_to: int,
    ready: Callable[[Parsed], tuple],
) -> Iterator[tuple[int, tuple | BadRow | CountedCells]]:
    """The file's rows as the writer takes them (``Reconciler.ready``), bad rows as they are,
    and every so often (and at the end) the summary's cells of the rows read so far, as a
    ``CountedCells`` item: counting is part of reading, so for a large file the second process
    does it."""
    counts = Counts()
    waiting: list[tuple] = []
    for number, item in _parsed_rows(importer, raw, encoding, places, skip_to):
        if type(item) is not BadRow:
            item = ready(item)
            waiting.append(item)
            if len(waiting) >= COUNT_EVERY:
                count_ready(counts, waiting)
                waiting.clear()
                if counts.size() >= HAND_OVER_AT:
                    counts.settle()
                    if counts.size() >= HAND_OVER_AT:
                        yield number, CountedCells(*counts.take())
        yield number, item
    count_ready(counts, waiting)
    yield skip_to, CountedCells(*counts.take())


def do_import_file(
    user: Any,
    importer_name: str,
    raw: BinaryIO,
    file_name: str,
    *,
    strict: bool = False,
    encoding: str | None = None,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    second_process: bool = False,
) -> ImportJob:
    """Import a dataset file as events with one claim per field from the dataset's source.

    Rows are committed in batches with a checkpoint, so a run that is killed resumes where it
    stopped when the same file is imported again; a row already imported unchanged adds nothing,
    a changed row adds corrected claims to its event. A bad row is reported (row number and
    column) and skipped; with ``strict`` any bad row stops the import before anything is stored.
    ``second_process`` lets a large file be read by a forked child while this process writes:
    for the command line, not inside a threaded web server.
    """
    importer = get_importer(importer_name)
    digest = file_hash(raw)
    places = PlaceIndex()
    if strict:
        errors = [
            r for _, r in _parsed_rows(importer, raw, encoding, places) if isinstance(r, BadRow)
        ]
        raw.seek(0)
        if errors:
            raise ImportRejected(errors)
    with transaction.atomic():
        job = ImportJob.objects.filter(
            importer=importer.name, file_hash=digest, status=ImportJob.RUNNING
        ).first()
        if job is None:
            job = ImportJob.objects.create(
                importer=importer.name,
                file_name=file_name[:255],
                file_hash=digest,
                created_by=user if getattr(user, "pk", None) else None,
                counts={"created": 0, "changed": 0, "unchanged": 0, "bad": 0},
            )
        source = dataset_source(user, importer)
    writer = BulkWriter(user, source, importer.credibility, origin=importer.name)
    resumed = job.rows_done > 0
    size = raw.seek(0, 2)
    raw.seek(0)
    bar = tqdm(total=size, unit="B", unit_scale=True, disable=not progress, desc=importer.label)
    # Every id written is a real row by construction (reserved event ids, the in-memory place and
    # actor indexes, the source), so SQLite's per-row foreign key checks are skipped for the bulk
    # inserts (a no-op inside an outer transaction and on PostgreSQL).
    # A run killed while the lookup indexes were set aside left them missing: back first.
    restore_indexes()
    estimated = _estimated_rows(raw, size)
    aside = worth_setting_aside(estimated)
    # A large file is read and checked by a second process while this one writes.
    beside = (
        second_process and estimated >= settings.SULH_IMPORT_PARSE_BESIDE_ROWS and can_fork(raw)
    )
    if aside:
        set_aside_indexes()
    # Changed events are saved through the model, whose signals recompute their weeks from the
    # table; ``refresh_later`` holds that until the new events' counts are merged, so a week is
    # never counted twice.
    with _large_page_cache(), refresh_later():
        try:
            with connection.constraint_checks_disabled(), _cyclic_gc_paused():
                rows = partial(
                    _ready_rows, importer, raw, encoding, places, job.rows_done,
                    writer.reconciler.ready,
                )  # fmt: skip
                if beside:
                    # A gzip reader's position is its own: this process's copy never moves.
                    progress = Progress()
                    parsed, tell = parsed_beside(rows, raw.tell, progress), progress.tell
                else:
                    parsed, tell = rows(), raw.tell
                _run_batches(parsed, tell, writer, job, bar, batch_size)
        finally:
            if aside:
                restore_indexes()
        bar.update(size - bar.n)
        bar.close()
        # New events are written past the model signals, so the writer counted them as they went
        # by. A resumed import cannot know what its killed run wrote: it rebuilds the summary.
        if resumed:
            refresh_all()
        else:
            writer.tally.merge()
    with transaction.atomic():
        job.status = ImportJob.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at"])
        do_audit(
            user,
            "exchange.import",
            job,
            summary=f"{importer.label} {file_name}"[:300],
            changes={"importer": importer.name, **job.counts},
        )
    return job


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector paused while the rows stream through, and run once after.

    A million-row import allocates a few objects per value and keeps large caches (places,
    actors, the summary's cells) that every full collection walks again; nothing it makes per
    row forms a cycle, so reference counting frees it all the same. Measured at 1M rows: 39.5 s
    -> 36.9 s inside the process.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _estimated_rows(raw: BinaryIO, size: int) -> int:
    """Rows in the file, estimated from the line length of its first 256 KB."""
    head = raw.read(1 << 18)
    raw.seek(0)
    return size * head.count(b"\n") // max(len(head), 1)


def _large_page_cache():
    """SQLite keeps 2 MB of pages by default; a million-row import touches a few hundred hot
    spots in each of a dozen indexes, which fit in 64 MB (a fixed amount: memory stays flat).
    Each batch writes more than the default 1,000-page WAL, so every commit would copy it into
    the database file; 64 MB of WAL between copies. Durability is unchanged: a commit is in the
    WAL either way."""
    return sqlite_pragmas(cache_size=-65536, wal_autocheckpoint=16384)


def _run_batches(
    parsed: Iterator[tuple[int, tuple | BadRow | CountedCells]],
    tell: Callable[[], int],
    writer: BulkWriter,
    job: ImportJob,
    bar: tqdm,
    batch_size: int,
) -> None:
    batch: list[tuple] = []
    errors: list[BadRow] = []
    last = job.rows_done
    seen = 0
    for number, item in parsed:
        if type(item) is CountedCells:
            writer.add_counted(item)
            continue
        last = number
        if type(item) is BadRow:
            errors.append(item)
        else:
            batch.append(item)
        if len(batch) >= batch_size:
            _commit_batch(writer, job, batch, errors, last)
            batch, errors = [], []
            at = tell()
            bar.update(at - seen)
            seen = at
    _commit_batch(writer, job, batch, errors, last)


def _commit_batch(
    writer: BulkWriter, job: ImportJob, batch: list[tuple], errors: list[BadRow], last: int
) -> None:
    with transaction.atomic():
        fresh: dict[str, tuple] = {}
        later: list[tuple] = []
        known = writer.existing(r[READY_KEY] for r in batch)
        held = writer.held_elsewhere(r[READY_KEY] for r in batch if r[READY_KEY] not in known)
        unchanged = changed = 0

        def update(ready: tuple) -> None:
            nonlocal unchanged, changed
            key, row_hash = ready[READY_KEY], ready[READY_HASH]
            event_id, old_hash = known[key]
            touched = old_hash != row_hash and _apply_change(writer, event_id, ready)
            changed += int(touched)
            unchanged += int(not touched)
            known[key] = (event_id, row_hash)

        for ready in batch:
            key = ready[READY_KEY]
            if key in held:
                unchanged += 1  # sulh's own export coming back: the event is here already
            elif key in known:
                update(ready)
            elif key in fresh:
                later.append(ready)  # the same id twice in one file: the later row corrects
            else:
                fresh[key] = ready
        if len(fresh) < len(batch):
            writer.not_new_rows([r for r in batch if fresh.get(r[READY_KEY]) is not r])
        writer.new_events(list(fresh.values()))
        writer.tally.flush_if_large()
        if later:
            known = writer.existing(r[READY_KEY] for r in later)
            for ready in later:
                update(ready)
        counts = job.counts
        counts["created"] += len(fresh)
        counts["changed"] += changed
        counts["unchanged"] += unchanged
        counts["bad"] += len(errors)
        room = MAX_LISTED_ERRORS - len(job.errors)
        job.errors = job.errors + [
            {"row": e.row, "field": e.field, "message": e.message} for e in errors[:room]
        ]
        job.rows_done = last
        job.save(update_fields=["counts", "errors", "rows_done"])


def _comparable(kind: str, columns: dict[str, Any]) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in columns.items() if v is not None))


def _claim_columns(claim: Any, columns: dict[str, Any]) -> dict[str, Any]:
    return {k: getattr(claim, k) for k in columns}


def _raw_value(kind: str, columns: dict[str, Any]) -> Any:
    if kind == "number":
        return {"low": columns["num_low"], "best": columns["num_best"], "high": columns["num_high"]}
    if kind == "date":
        return {
            "start": columns["date_start"].isoformat(),
            "end": columns["date_end"].isoformat(),
            "precision": columns["date_precision"],
        }
    if kind == "place":
        return columns["place_id"]
    if kind == "actor":
        return columns["actor_id"]
    if kind == "text":
        return columns["text"]
    return columns["value"]


def _apply_change(writer: BulkWriter, event_id: int, ready: tuple) -> bool:
    """A row imported before comes back different: its changed fields become corrections from
    the dataset's source (the earlier claims stay, superseded). True if a claim changed."""
    event = Event.objects.get(pk=event_id)
    new_row = writer.compact_row(ready, event_id)
    current = list(
        record_claims(event)
        .filter(source=writer.source, status=ClaimStatus.ACCEPTED)
        .order_by("id")
    )
    wanted: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name, kind, columns in row_claims(new_row):
        wanted.setdefault(name, []).append((kind, columns))
    touched = False
    user = writer.user
    for name, values in wanted.items():
        old = [c for c in current if c.field == name]
        if sorted(_comparable(k, c) for k, c in values) == sorted(
            _comparable(c.kind, _claim_columns(c, values[0][1])) for c in old
        ):
            continue
        touched = True
        for index, (kind, columns) in enumerate(values):
            value = _raw_value(kind, columns)
            common = {"credibility": writer.credibility, "reconcile_now": False}
            if index < len(old):
                do_correct_claim(
                    user, old[index], value, note="corrected by a dataset import", **common
                )
            else:
                do_add_claim(user, event, name, value, source=writer.source, **common)
    if touched:
        reconcile_record(event)
    new_row.expanded = True
    new_row.save()
    return touched


def do_record_export(user: Any, fmt: str, filters: dict, rows: int) -> None:
    """The audit entry of one export: who, which format, which filters, how many rows."""
    if fmt == "":
        raise ValidationError({"format": "say which format"})
    do_audit(
        user,
        "exchange.export",
        summary=f"{fmt} export of {rows} event(s)",
        changes={"format": fmt, "filters": filters, "rows": rows},
        record_type="exchange.export",
    )
