"""Speed of WhatsApp intake: parsing and importing, against baselines measured in the same run.

    .venv/bin/python bench/messages.py [--copies 10]

Parsing is compared with the least any parser does (split each line on the first " - " and ": ");
importing with storing the same messages as plain reports (``do_create_report``), so the ratio is
what pseudonyms, de-duplication, the threat lexicon and place naming cost on top.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SULH_DATA_DIR", tempfile.mkdtemp(prefix="sulh-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sulh.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "sulh/core/scenarios/qadmus/messages"
CHAT = (DEMO / "qadmus-council-whatsapp.txt").read_text(encoding="utf-8")


def big_export(copies: int) -> str:
    """The demo chat repeated, each copy a month later, so no message is a duplicate."""
    from sulh.intake.messaging.whatsapp import parse_whatsapp

    lines = parse_whatsapp(CHAT, "dmy")
    out = []
    for copy in range(copies):
        for line in lines:
            when = line.sent_at + timedelta(days=30 * copy)
            sender = line.sender or "system"
            out.append(f"{when:%d/%m/%Y, %H:%M} - {sender}: {line.text}")
    return "\n".join(out) + "\n"


def naive_parse(text: str) -> int:
    count = 0
    for line in text.splitlines():
        head, _sep, rest = line.partition(" - ")
        if "," in head:
            rest.partition(": ")
            count += 1
    return count


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=10)
    copies = parser.parse_args().copies
    call_command("migrate", verbosity=0)
    from sulh.accounts.models import User
    from sulh.intake.actions_messages import do_import_messages
    from sulh.intake.messaging.whatsapp import parse_whatsapp
    from sulh.places.gazetteer import load_gazetteer
    from sulh.places.models import Place
    from sulh.sources.actions import do_create_report, do_create_source

    load_gazetteer()
    user = User.objects.create_user("bench", role="documenter")
    source = do_create_source(user, kind="organisation", safe_description="bench source")
    qadmus = Place.objects.get(geonames_id=173389)
    text = big_export(copies)

    lines, parse_s = timed(parse_whatsapp, text, "dmy")
    naive, naive_s = timed(naive_parse, text)
    print(f"parse: {len(lines)} lines in {parse_s:.3f}s = {len(lines) / parse_s:,.0f} lines/s")
    print(f"  baseline split: {naive / naive_s:,.0f} lines/s; ratio {parse_s / naive_s:.1f}x")

    messages = [line for line in lines if line.kind == "message"]

    def plain_reports():
        for line in messages:
            do_create_report(
                user,
                source=source,
                text=line.text,
                kind="message",
                received_at=timezone.make_aware(line.sent_at),
            )

    _none, plain_s = timed(plain_reports)
    plain_rate = len(messages) / plain_s
    print(f"baseline: {len(messages)} plain reports in {plain_s:.2f}s = {plain_rate:,.0f}/s")
    batch, import_s = timed(
        lambda: do_import_messages(
            user, fmt="whatsapp", data=text, source=source, place=qadmus, date_order="dmy"
        )
    )
    rate = batch.messages_new / import_s
    print(f"import: {batch.messages_new} messages in {import_s:.2f}s = {rate:,.0f} messages/s")
    print(f"  threats flagged: {batch.threats_new}")

    print(f"  ratio to plain reports: {import_s / plain_s:.2f}x")
    again, again_s = timed(
        lambda: do_import_messages(
            user, fmt="whatsapp", data=text, source=source, place=qadmus, date_order="dmy"
        )
    )
    print(
        f"re-import: {again.messages_duplicate} duplicates in {again_s:.2f}s, "
        f"{again.messages_new} new"
    )


if __name__ == "__main__":
    main()
