"""Killing an import with SIGKILL loses nothing committed, and running it again finishes the job.

The import runs as a real ``sulh`` process on a scratch SQLite database of its own (the test
database lives inside this test's transaction, where another process cannot see it)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sulh.exchange.tests.helpers import acled_row, write_acled

ROWS = 12000
# The events' lookup indexes an import of this many rows sets aside (see sulh.exchange.indexes).
LOOKUP_INDEXES = (
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
    "('events_even_week_914f5e_idx', 'events_event_place_id_61ecc581', "
    "'events_even_actor_i_c81c44_idx')"
)


def sulh(env: dict, *args: str, **kwargs) -> subprocess.Popen:
    command = [sys.executable, "-m", "sulh.cli", *args]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs
    )


def _still_reading(path: Path, wait: float = 10.0) -> bool:
    """Whether some process still runs an import of this file after ``wait`` seconds."""
    deadline = time.time() + wait
    while True:
        running = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if str(path).encode() in cmdline.read_bytes():
                    running.append(cmdline)
            except OSError:
                continue  # ended while we looked
        if not running or time.time() > deadline:
            return bool(running)
        time.sleep(0.1)


def test_a_killed_import_resumes_and_finishes_without_copies(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SULH_DATA_DIR"] = str(tmp_path)
    env["SULH_IMPORT_SET_ASIDE_ROWS"] = "1000"  # this file counts as large
    env["SULH_IMPORT_PARSE_BESIDE_ROWS"] = "1000"  # and is read by a second process
    assert sulh(env, "manage", "migrate", "-v0").wait() == 0
    assert sulh(env, "places", "load").wait() == 0
    path = write_acled(tmp_path / "big.csv", [acled_row(f"SYR{n}") for n in range(ROWS)])
    db = tmp_path / "sulh.sqlite3"

    run = sulh(env, "import", "acled", str(path), "--batch-size", "300", "--no-progress")
    deadline = time.time() + 120
    done = 0
    while time.time() < deadline and run.poll() is None:
        with sqlite3.connect(db, timeout=30) as conn:
            row = conn.execute("SELECT rows_done FROM exchange_importjob").fetchone()
        done = row[0] if row else 0
        if done >= 1500:
            run.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    assert not _still_reading(path), "the process reading the file outlived the import"

    with sqlite3.connect(db, timeout=30) as conn:
        committed = conn.execute("SELECT COUNT(*) FROM events_event").fetchone()[0]
        checkpoint = conn.execute("SELECT rows_done FROM exchange_importjob").fetchone()[0]
    assert 0 < committed < ROWS
    assert committed == checkpoint - 1  # every committed batch is in the checkpoint (header row 1)
    with sqlite3.connect(db, timeout=30) as conn:
        assert conn.execute(LOOKUP_INDEXES).fetchone()[0] == 0, "killed with the indexes aside"
    # A migrate (as after an upgrade) puts the missing indexes back ...
    assert sulh(env, "manage", "migrate", "-v0").wait() == 0
    with sqlite3.connect(db, timeout=30) as conn:
        assert conn.execute(LOOKUP_INDEXES).fetchone()[0] == 3

    again = sulh(env, "import", "acled", str(path), "--no-progress")
    out, _err = again.communicate(timeout=300)
    assert again.returncode == 0
    # The job's totals: the rows committed before the kill were skipped, not re-read as unchanged.
    assert f"{ROWS} event(s) created, 0 changed, 0 unchanged" in out.decode()
    with sqlite3.connect(db) as conn:
        total, distinct = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT external_key) FROM events_event"
        ).fetchone()
        status = conn.execute("SELECT status FROM exchange_importjob").fetchone()[0]
        indexes = conn.execute(LOOKUP_INDEXES).fetchone()[0]
    assert total == distinct == ROWS
    assert status == "done"
    assert indexes == 3  # ... and so does the end of the import that set them aside again


def test_a_killed_import_with_its_indexes_aside_gets_them_back_on_the_next_import(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SULH_DATA_DIR"] = str(tmp_path)
    env["SULH_IMPORT_SET_ASIDE_ROWS"] = "1000"
    assert sulh(env, "manage", "migrate", "-v0").wait() == 0
    db = tmp_path / "sulh.sqlite3"
    with sqlite3.connect(db) as conn:  # what a run killed mid-import leaves behind
        conn.execute('DROP INDEX "events_even_week_914f5e_idx"')
        conn.execute('DROP INDEX "events_even_actor_i_c81c44_idx"')
    path = write_acled(tmp_path / "small.csv", [acled_row(f"SYR{n}") for n in range(20)])
    run = sulh(env, "import", "acled", str(path), "--no-progress")  # small: nothing set aside
    assert run.wait(timeout=300) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute(LOOKUP_INDEXES).fetchone()[0] == 3
