"""Time the pages and API lists that read many events, on a database of N imported events.

    .venv/bin/python bench/pages.py [--events 200000] [--runs 9] [--only sqlite|postgresql]

Each backend runs on a fresh database (SQLite file, or PostgreSQL from --pg) holding the
gazetteer and N synthetic ACLED rows brought in by ``sulh import acled``. Each page is requested
through Django's test client as a signed-in analyst (one request first to warm caches) and timed
by median and 95th percentile. The baseline printed beside the figures is the plain SQL those
pages cannot do with less: the latest 50 events by date, through the date index.
"""

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The same timing and scratch PostgreSQL database as the dashboard benchmark beside this file.
from dashboard import recreate_pg, timed

ROOT = Path(__file__).resolve().parent.parent


def pages() -> list[tuple[str, str]]:
    from django.db.models import Count

    from sulh.events.models import Event, EventActor
    from sulh.places.models import Place

    top_actor = (
        EventActor.objects.values("actor_id").annotate(n=Count("id")).order_by("-n").first()
    )["actor_id"]
    busy_district = (
        Event.objects.values("adm2_id").annotate(n=Count("id")).order_by("-n").first()
    )["adm2_id"]
    district = Place.objects.get(pk=busy_district)
    latest = Event.objects.order_by("-date_start", "-id").first()
    return [
        ("web: event list, page 1", "/events/"),
        ("web: event list, page 100", "/events/?page=100"),
        ("web: event list, one type", "/events/?event_type=battles"),
        ("web: event list, busiest actor", f"/events/?actor={top_actor}"),
        ("web: busiest actor's page", f"/actors/{top_actor}/"),
        ("web: busiest district's page", f"/places/{district.pk}/"),
        ("web: an imported event", f"/events/{latest.pk}/"),
        ("api: events, 50", "/api/v1/events?limit=50"),
        ("api: events, 500", "/api/v1/events?limit=500"),
        ("api: events, offset 100,000", "/api/v1/events?limit=50&offset=100000"),
        ("api: map events (2,000)", "/api/v1/analysis/events/geojson"),
        ("api: map events, one district", f"/api/v1/analysis/events/geojson?area={district.pcode}"),
    ]


def run_backend(backend: str, n: int, runs: int, data: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from sulh.accounts.models import Role, User

    call_command("migrate", interactive=False, verbosity=0)
    call_command("places", "load", verbosity=0)
    start = time.perf_counter()
    call_command("import", "acled", data, "--no-progress", stdout=io.StringIO())
    imported = time.perf_counter() - start
    user, _ = User.objects.get_or_create(username="bench_pages", defaults={"role": Role.ANALYST})
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    def baseline() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, title, date_start, place_id FROM events_event "
                "ORDER BY date_start DESC, id DESC LIMIT 50"
            )
            cursor.fetchall()

    base, _ = timed(baseline, runs)
    print(f"\n[{backend}] {n:,} events imported in {imported:.1f} s")
    print(f"baseline (latest 50 by date, plain SQL): median {base:.1f} ms")
    print(f"{'page':<34}{'median ms':>10}{'p95 ms':>9}{'x baseline':>12}")
    for name, url in pages():
        status = []

        def get(url=url, status=status):
            response = client.get(url)
            status.append(response.status_code)

        median, p95 = timed(get, runs)
        bad = "" if set(status) == {200} else f"  status {sorted(set(status))}"
        print(f"{name:<34}{median:10.1f}{p95:9.1f}{median / base:12.0f}{bad}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/sulh_bench_pages")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        run_backend(args.backend, args.events, args.runs, args.data)
        return
    work = Path(tempfile.mkdtemp(prefix="sulh-pages-bench-"))
    data = work / f"acled_{args.events}.csv"
    subprocess.run(
        [sys.executable, "bench/generate_acled.py", str(args.events), "-o", str(data)],
        check=True,
        cwd=ROOT,
    )
    for backend in ["sqlite", "postgresql"]:
        if args.only and backend != args.only:
            continue
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sulh.settings"}
        env["SULH_DATA_DIR"] = str(work / backend)
        env.pop("DATABASE_URL", None)
        if backend == "postgresql":
            env["DATABASE_URL"] = args.pg
            recreate_pg(args.pg)
        command = [sys.executable, __file__, "--backend", backend, "--events", str(args.events)]
        subprocess.run(
            [*command, "--runs", str(args.runs), "--data", str(data)], env=env, check=True, cwd=ROOT
        )


if __name__ == "__main__":
    main()
