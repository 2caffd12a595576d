"""Import and export benchmark: `python bench/exchange.py [N]` (default 1,000,000 rows).

Prints, in one run: `sulh import acled` of N synthetic ACLED rows against a plain sqlite3
`executemany` of the same rows into one table (both including CSV parsing), the export of those
N events, peak memory of each command, and the same on PostgreSQL against `COPY` (rows parsed by
the same csv module and streamed with psycopg's `copy.write_row`). Every step is a separate
process, timed by wall clock and by CPU (user + system, from wait4), so a busy machine shows up
as a gap between the two. Set BENCH_PG_URL to a PostgreSQL server (default: the local one) or to
"" to skip PostgreSQL.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")

SQLITE_BASELINE = """
import csv, itertools, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = csv.reader(f)
    header = next(rows)
    db.execute("CREATE TABLE raw (%s)" % ", ".join('"%s" text' % c for c in header))
    sql = "INSERT INTO raw VALUES (%s)" % ", ".join("?" * len(header))
    while batch := list(itertools.islice(rows, 5000)):
        db.executemany(sql, batch)
        db.commit()
"""

PG_BASELINE = """
import csv, psycopg, sys
with psycopg.connect(sys.argv[2]) as db, open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = csv.reader(f)
    header = next(rows)
    db.execute("DROP TABLE IF EXISTS bench_raw")
    db.execute("CREATE TABLE bench_raw (%s)" % ", ".join('"%s" text' % c for c in header))
    with db.cursor() as cur, cur.copy("COPY bench_raw FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    db.execute("DROP TABLE bench_raw")
"""


def timed(command: list[str], env: dict) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak memory (MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run(command: list[str], env: dict) -> None:
    subprocess.run(command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def sulh(*args: str) -> list[str]:
    return [PYTHON, "-m", "sulh.cli", *args]


def prepare(env: dict) -> None:
    """A fresh sulh database with the gazetteer and one user to export as (not timed)."""
    run(sulh("manage", "migrate", "-v0"), env)
    run(sulh("places", "load"), env)
    code = (
        "from sulh.accounts.models import User, Role; "
        "User.objects.get_or_create(username='bench', defaults={'role': Role.ANALYST})"
    )
    run(sulh("manage", "shell", "-c", code), env)


def line(label: str, n: int, figures: tuple[float, float, float], base=None) -> str:
    wall, cpu, mem = figures
    text = (
        f"  {label:<34} {wall:7.1f} s wall {cpu:7.1f} s cpu {n / wall:9,.0f} rows/s {mem:6.0f} MB"
    )
    if base:
        text += f"   ratio {wall / base[0]:.2f}x wall, {cpu / base[1]:.2f}x cpu"
    return text


def bench_backend(name: str, env: dict, data: Path, work: Path, n: int, baseline: list) -> None:
    prepare(env)
    base = timed(baseline, env)
    imported = timed(sulh("import", "acled", str(data), "--no-progress"), env)
    exported = timed(sulh("export", "acled", "-o", str(work / "out.csv"), "--user", "bench"), env)
    print(f"{name}, {n:,} rows")
    print(
        line("baseline (one table, " + ("executemany)" if name == "SQLite" else "COPY)"), n, base)
    )
    print(line("sulh import acled", n, imported, base))
    print(line("sulh export acled", n, exported))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--workdir", help="keep files here (default: a temporary directory)")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="sulh-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"acled_{args.n}.csv"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if not data.exists():
        run([PYTHON, "bench/generate_acled.py", str(args.n), "-o", str(data)], env)
    print(f"data: {data} ({data.stat().st_size / 1e6:.0f} MB), {os.cpu_count()} CPUs")

    sqlite_dir = work / "sqlite"
    shutil.rmtree(sqlite_dir, ignore_errors=True)
    sqlite_dir.mkdir()
    env_sqlite = {**env, "SULH_DATA_DIR": str(sqlite_dir)}
    baseline = [PYTHON, "-c", SQLITE_BASELINE, str(data), str(sqlite_dir / "baseline.sqlite3")]
    bench_backend("SQLite", env_sqlite, data, work, args.n, baseline)

    if PG_URL:
        import psycopg

        db_name = "sulh_bench_exchange"
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {db_name}")
            admin.execute(f"CREATE DATABASE {db_name}")
        url = PG_URL.rsplit("/", 1)[0] + "/" + db_name
        env_pg = {**env, "DATABASE_URL": url, "SULH_DATA_DIR": str(sqlite_dir)}
        bench_backend(
            "PostgreSQL", env_pg, data, work, args.n, [PYTHON, "-c", PG_BASELINE, str(data), url]
        )


if __name__ == "__main__":
    main()
