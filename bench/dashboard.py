"""Time every dashboard query on a database of N synthetic events, on SQLite and PostgreSQL.

    .venv/bin/python bench/dashboard.py [--events 1000000] [--runs 15] [--pg URL] [--only sqlite]

Each backend runs in its own process on a fresh database: the gazetteer and demo are loaded, N
events are written with raw SQL (spread over Syria's sub-districts, weeks of 2017-2025 and event
types, skewed the way conflict data is), the summary is rebuilt, and each query of
``sulh.reports.dashboard.QUERIES`` is timed under several filters. The baseline printed beside each
query is the same figure counted straight from the events table with an indexed GROUP BY (what the
dashboard would do without its summary); the target is a median under 150 ms.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 150.0
TYPES = [
    ("explosions_remote_violence", 45),
    ("battles", 22),
    ("strategic_developments", 12),
    ("violence_against_civilians", 10),
    ("protests", 8),
    ("riots", 1),
    ("threat", 1),
    ("armed_mobilisation", 1),
]
# Governorates' share of events, roughly as in ACLED's Syria data (Idlib and Aleppo lead).
ADM1_WEIGHT = {
    "SY07": 30, "SY02": 22, "SY09": 10, "SY12": 9, "SY04": 6, "SY05": 5, "SY03": 4, "SY08": 4,
    "SY13": 3, "SY06": 3, "SY11": 2, "SY14": 1, "SY10": 1, "SY01": 1,
}  # fmt: skip


def fill(n: int, seed: int = 7) -> None:
    from django.db import connection

    from sulh.actors.models import Actor
    from sulh.events.models import Event, EventActor
    from sulh.places.models import Place

    rng = random.Random(seed)
    units = list(
        Place.objects.filter(kind="adm3").values_list(
            "pk", "adm1_id", "adm2_id", "adm1__pcode", "latitude", "longitude"
        )
    )
    localities = {}
    for pk, adm3, adm2, adm1, lat, lon in Place.objects.filter(kind="locality").values_list(
        "pk", "adm3_id", "adm2_id", "adm1_id", "latitude", "longitude"
    ):
        localities.setdefault(adm3, []).append((pk, adm1, adm2, adm3, lat, lon))
    weights = [ADM1_WEIGHT.get(u[3], 1) * rng.paretovariate(1.2) for u in units]
    weeks = [date(2017, 1, 2) + timedelta(weeks=i) for i in range(470)]
    week_weights = [1 + abs((i % 100) - 50) / 10 + rng.random() for i in range(len(weeks))]
    actors = []
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    with connection.cursor() as cursor:
        table = Actor._meta.db_table
        for i in range(300):
            cursor.execute(
                f"INSERT INTO {table} (name_en, name_ar, aliases, kind, role, description, "
                "match_keys, created_at) VALUES (%s, '', '[]', 'group', '', '', '', %s)",
                [f"Bench actor {i}", now],
            )
    actors = list(
        Actor.objects.filter(name_en__startswith="Bench actor").values_list("pk", flat=True)
    )
    actor_weights = [1 / (i + 1) for i in range(len(actors))]
    type_keys, type_weights = zip(*TYPES, strict=True)

    picks_unit = rng.choices(units, weights, k=n)
    # In date order, as a chronological import (ACLED, UCDP) writes them.
    picks_week = sorted(rng.choices(weeks, week_weights, k=n))
    picks_type = rng.choices(type_keys, type_weights, k=n)
    columns = (
        "uid, title, title_ar, event_type, sub_event_type, date_start, date_end, date_precision, "
        "week, latitude, longitude, geo_precision, fatalities_low, fatalities_best, "
        "fatalities_high, disputed, disputed_fields, reconciled, origin, created_at, updated_at, "
        "adm1_id, adm2_id, adm3_id, place_id"
    )
    rows = []
    for i in range(n):
        adm3, adm1, adm2, _code, lat, lon = picks_unit[i]
        place = adm3
        if localities.get(adm3) and rng.random() < 0.6:
            place, adm1, adm2, adm3, lat, lon = rng.choice(localities[adm3])
        day = picks_week[i] + timedelta(days=rng.randrange(7))
        r = rng.random()
        best = None if r < 0.08 else 0 if r < 0.6 else int(rng.paretovariate(1.5))
        low = high = best
        if best and rng.random() < 0.2:
            low, high = max(0, best - rng.randrange(3)), best + rng.randrange(5)
        rows.append(
            (
                uuid.UUID(int=rng.getrandbits(128)).hex, f"Bench event {i}", "", picks_type[i],
                "", day, day, "day", picks_week[i], lat, lon, 1, low, best, high, False, "[]",
                "{}", "bench", now, now, adm1, adm2, adm3, place,
            )
        )  # fmt: skip
    events_table, roles_table = Event._meta.db_table, EventActor._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {events_table}")
        first_id = cursor.fetchone()[0] + 1
        insert_rows(cursor, events_table, columns, rows)
        roles = []
        picks_actor = rng.choices(actors, actor_weights, k=2 * n)
        for i in range(n):
            roles.append((first_id + i, "actor1", picks_actor[2 * i], False))
            if rng.random() < 0.6:
                roles.append((first_id + i, "actor2", picks_actor[2 * i + 1], False))
        insert_rows(cursor, roles_table, "event_id, role, actor_id, disputed", roles)


def insert_rows(cursor, table: str, columns: str, rows: list[tuple]) -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns.split(",")))
    for start in range(0, len(rows), 50_000):
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows[start : start + 50_000]
        )


def timed(fn, runs: int) -> tuple[float, float]:
    fn()  # warm the caches once, as a page already visited would
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def scenarios():
    from django.db.models import Count

    from sulh.accounts.models import Role, User
    from sulh.events.models import EventActor
    from sulh.places.models import Place
    from sulh.reports.dashboard import DashboardFilters

    analyst, _ = User.objects.get_or_create(
        username="bench_analyst", defaults={"role": Role.ANALYST}
    )
    outsider, _ = User.objects.get_or_create(
        username="bench_outsider", defaults={"role": Role.MEDIATOR}
    )
    outsider.areas.set(Place.objects.filter(pcode="SY02"))
    idlib = Place.objects.get(pcode="SY07")
    busy_adm3 = Place.objects.filter(kind="adm3", adm1=idlib).order_by("pk").first()
    top_actor = (
        EventActor.objects.values("actor_id").annotate(n=Count("id")).order_by("-n").first()
    )["actor_id"]
    year = {"date_from": date(2024, 1, 10), "date_to": date(2024, 12, 20)}
    return [
        ("everything", analyst, DashboardFilters()),
        ("governorate", analyst, DashboardFilters(area=idlib)),
        ("sub-district", analyst, DashboardFilters(area=busy_adm3)),
        ("one year", analyst, DashboardFilters(**year)),
        ("type", analyst, DashboardFilters(event_type="battles")),
        ("top actor", analyst, DashboardFilters(actor_id=top_actor)),
        ("outsider (Aleppo)", outsider, DashboardFilters()),
        ("gov+year+type", analyst, DashboardFilters(area=idlib, event_type="battles", **year)),
    ]


def baseline(user, f):
    """The dashboard's by-week query straight from the events table, without the summary."""
    from django.db.models import Count, Sum

    from sulh.reports.dashboard import _all_events

    events = _all_events(user, f).order_by()
    return lambda: list(events.values("week").annotate(n=Count("id"), best=Sum("fatalities_best")))


def run_backend(backend: str, n: int, runs: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from sulh.core.demo import build_demo
    from sulh.reports.dashboard import QUERIES
    from sulh.reports.summary import refresh_all

    call_command("migrate", interactive=False, verbosity=0)
    build_demo()
    start = time.perf_counter()
    with transaction.atomic():
        fill(n)
    filled = time.perf_counter() - start
    start = time.perf_counter()
    refresh_all()
    refreshed = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from sulh.reports.models import Cell

    print(
        f"\n[{backend}] {n:,} events written in {filled:.1f} s; summary rebuilt in "
        f"{refreshed:.1f} s ({Cell.objects.count():,} cells)"
    )
    print(f"{'filter':<20}{'query':<10}{'median ms':>10}{'p95 ms':>9}{'baseline ms':>13}  target")
    worst = 0.0
    for name, user, f in scenarios():
        base_ms, _ = timed(baseline(user, f), max(3, runs // 5))
        for qname, query in QUERIES.items():
            median, p95 = timed(lambda q=query, u=user, ff=f: q(u, ff), runs)
            worst = max(worst, median)
            ok = "ok" if median < TARGET_MS else "SLOW"
            shown = f"{base_ms:13.1f}" if qname == "by_week" else " " * 13
            print(f"{name:<20}{qname:<10}{median:10.1f}{p95:9.1f}{shown}  {ok}")
    print(f"[{backend}] slowest median {worst:.1f} ms vs target {TARGET_MS:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/sulh_bench_dashboard")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        run_backend(args.backend, args.events, args.runs)
        return
    for backend in ["sqlite", "postgresql"]:
        if args.only and backend != args.only:
            continue
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sulh.settings"}
        data_dir = tempfile.mkdtemp(prefix="sulh-dashboard-bench-")
        env["SULH_DATA_DIR"] = data_dir
        env.pop("DATABASE_URL", None)
        if backend == "postgresql":
            env["DATABASE_URL"] = args.pg
            recreate_pg(args.pg)
        command = [sys.executable, __file__, "--backend", backend, "--events", str(args.events)]
        subprocess.run([*command, "--runs", str(args.runs)], env=env, check=True, cwd=ROOT)


def recreate_pg(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
