"""Early-warning benchmark: the risk table and a rule on every locality, on synthetic events.

    python bench/warning_bench.py [--events 100000] [--days 365] [--repeat 5]

Builds a throw-away SQLite database (or uses DATABASE_URL) with the gazetteer and N violent
events spread over its localities and a year, then prints the median and 95th percentile of:
the risk table for one day (every indicator, every locality touched), one "all localities"
violent-events rule evaluated with a 14-day baseline, and — the baseline of this run — one plain
SQL count of the violent events in the same 14-day window (the least any indicator could cost).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def timed(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    runs.sort()
    p95 = runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))]
    return statistics.median(runs), p95


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("SULH_DATA_DIR", tempfile.mkdtemp(prefix="sulh-bench-warning-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sulh.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from sulh.accounts.models import User
    from sulh.events.models import Event
    from sulh.places.gazetteer import load_gazetteer
    from sulh.places.models import Place
    from sulh.warning.engine import evaluate_rule
    from sulh.warning.models import AlertRule
    from sulh.warning.queries import risk_table

    load_gazetteer()
    places = list(Place.objects.filter(kind="locality").exclude(latitude=None))
    rng = random.Random(7)
    start = date(2025, 1, 1)
    t0 = time.perf_counter()
    batch = []
    for i in range(args.events - Event.objects.filter(origin="bench").count()):
        p = rng.choice(places)
        day = start + timedelta(days=rng.randrange(args.days))
        batch.append(
            Event(
                title=f"bench {i}",
                event_type=rng.choice(["battles", "violence_against_civilians", "protests"]),
                date_start=day,
                date_end=day,
                week=day - timedelta(days=day.weekday()),
                place=p,
                adm1_id=p.adm1_id,
                adm2_id=p.adm2_id,
                adm3_id=p.adm3_id,
                latitude=p.latitude,
                longitude=p.longitude,
                origin="bench",
            )
        )
        if len(batch) == 5000:
            Event.objects.bulk_create(batch, batch_size=500)
            batch = []
    Event.objects.bulk_create(batch, batch_size=500)
    load_s = time.perf_counter() - t0
    analyst = User.objects.filter(username="bench").first() or User.objects.create(
        username="bench", role="analyst"
    )
    day = start + timedelta(days=args.days // 2)
    rule = AlertRule(
        indicator="violent_events",
        mode="baseline",
        threshold=3,
        factor=3,
        baseline_days=14,
        window_days=1,
        radius_km=10,
    )
    first = day - timedelta(days=13)
    sql = (
        "SELECT COUNT(*) FROM events_event WHERE event_type IN ('battles', "
        "'violence_against_civilians') AND date_start <= %s AND date_end >= %s"
    )

    def plain_count() -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, [day, first])
            cursor.fetchone()

    base = timed(plain_count, args.repeat)
    risk = timed(lambda: risk_table(analyst, day), args.repeat)
    rule_run = timed(lambda: evaluate_rule(rule, day), args.repeat)
    rows = len(risk_table(analyst, day))
    print(
        f"database: {connection.vendor}; {args.events} events over {args.days} days, "
        f"{len(places)} localities (loaded in {load_s:.1f} s)"
    )
    print(f"plain SQL count of the 14-day window: median {base[0]:.1f} ms, p95 {base[1]:.1f} ms")
    figures = [("risk table, one day", risk), ("rule on all localities", rule_run)]
    for name, (median, p95) in figures:
        print(
            f"{name}: median {median:.0f} ms, p95 {p95:.0f} ms, "
            f"{median / max(base[0], 0.001):.0f}x the plain count"
        )
    print(f"risk table rows: {rows}")


if __name__ == "__main__":
    main()
