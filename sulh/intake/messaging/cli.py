"""``sulh ingest whatsapp|telegram FILE ...``: the handlers the ``ingest`` command registers.

Each format is an ``add_<format>_arguments(parser)`` and a ``handle_<format>(options, stdout)``,
registered in ``sulh/intake/management/commands/ingest.py``; they act as a named
user (``--user``, default the administrator ``admin``) through the same action as the web page.
"""

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from sulh.access.policy import can_write
from sulh.accounts.models import User
from sulh.intake.actions_messages import do_import_messages
from sulh.intake.models import MessageFormat, MessageImport
from sulh.places.models import Place
from sulh.places.search import best_place
from sulh.sources.models import Source


def resolve_place(ref: str) -> Place | None:
    """A place by id, OCHA P-code or name in any spelling."""
    ref = (ref or "").strip()
    if not ref:
        return None
    if ref.isdigit():
        return Place.objects.filter(pk=int(ref)).first()
    return Place.objects.filter(pcode__iexact=ref).first() or best_place(ref)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the export file")
    parser.add_argument("--place", default="", help="place the messages concern: id, P-code, name")
    parser.add_argument("--user", default="admin", help="act as this user (username)")
    parser.add_argument("--tz", default="", help="time zone of the phone (default: the instance's)")


def add_whatsapp_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument("--source", type=int, required=True, help="id of the source who sent it")
    parser.add_argument(
        "--date-order", choices=["dmy", "mdy", "ymd"], default=None, help="when dates are ambiguous"
    )


def add_telegram_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument("--source", type=int, help="source id (default: the channel itself)")


def summary_lines(batch: MessageImport) -> list[str]:
    return [
        f"messages: {batch.messages_total}",
        f"new: {batch.messages_new}",
        f"duplicates: {batch.messages_duplicate}",
        f"threats: {batch.threats_new}",
        f"system lines and media skipped: {batch.system_lines}",
    ]


def _run(fmt: str, options: dict[str, Any], stdout: TextIO) -> MessageImport:
    user = User.objects.filter(username=options["user"], is_active=True).first()
    if user is None:
        raise CommandError(f"no active user {options['user']!r}")
    if not can_write(user):
        raise CommandError(f"{options['user']} may not import messages")
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    place = resolve_place(options.get("place", ""))
    if options.get("place") and place is None:
        raise CommandError(f"--place: no place found for {options['place']!r}")
    source = None
    if options.get("source") is not None:
        source = Source.objects.filter(pk=options["source"]).first()
        if source is None:
            raise CommandError(f"--source: no source {options['source']}")
    try:
        batch = do_import_messages(
            user,
            fmt=fmt,
            data=path.read_bytes(),
            source=source,
            place=place,
            date_order=options.get("date_order"),
            tz=options.get("tz") or None,
        )
    except ValidationError as exc:
        errors = "; ".join(f"{field}: {', '.join(m)}" for field, m in exc.message_dict.items())
        raise CommandError(f"{path.name}: {errors}") from None
    stdout.write("\n".join(summary_lines(batch)) + "\n")
    return batch


def handle_whatsapp(options: dict[str, Any], stdout: TextIO | None = None) -> MessageImport:
    return _run(MessageFormat.WHATSAPP, options, stdout or sys.stdout)


def handle_telegram(options: dict[str, Any], stdout: TextIO | None = None) -> MessageImport:
    return _run(MessageFormat.TELEGRAM, options, stdout or sys.stdout)
