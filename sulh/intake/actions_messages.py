"""Writes of message imports: every WhatsApp or Telegram message becomes a report.

One transaction per file: a file that cannot be read stores nothing, and the error names the line.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sulh.audit.actions import do_audit
from sulh.intake.messaging.places import PlaceNamer
from sulh.intake.messaging.pseudonyms import Scrubber, label, pseudonym
from sulh.intake.messaging.telegram import TelegramError, parse_telegram
from sulh.intake.messaging.threats import Reason, threat_reasons
from sulh.intake.messaging.whatsapp import ChatLine, WhatsAppError, parse_whatsapp
from sulh.intake.models import (
    ExtractionStatus,
    ImportedMessage,
    MessageFormat,
    MessageImport,
    ThreatTarget,
)
from sulh.lib.arabic import has_arabic
from sulh.lib.crypto import keyed_hash
from sulh.places.models import Place
from sulh.sources.actions import do_create_report, do_create_source
from sulh.sources.models import ReportKind, Source, SourceKind

TITLES = {MessageFormat.WHATSAPP: "WhatsApp", MessageFormat.TELEGRAM: "Telegram"}


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValidationError({"file": f"line {line}: the file is not UTF-8 text"}) from None


def _zone(tz: str | None) -> tzinfo:
    try:
        return ZoneInfo(tz or settings.TIME_ZONE)
    except (KeyError, ValueError):
        raise ValidationError({"tz": f"{tz!r} is not a time zone"}) from None


@dataclass
class _Incoming:
    line: ChatLine
    sent_at: datetime
    sender: str  # pseudonym
    dedupe_key: str


def _incoming(fmt: str, lines: list[ChatLine], zone: tzinfo, senders: dict[str, str]) -> list:
    seen: Counter = Counter()
    out = []
    for line in lines:
        if line.kind != "message":
            continue
        when = line.sent_at
        when = timezone.make_aware(when, zone) if timezone.is_naive(when) else when
        sender = senders[line.sender or ""]
        if line.key:
            material = f"{fmt}|{line.key}"
        else:
            # Minute precision: iOS writes seconds, Android does not. The occurrence count keeps
            # two identical messages sent in one minute apart.
            minute = line.sent_at.strftime("%Y-%m-%dT%H:%M")
            seen[(sender, minute, line.text)] += 1
            material = f"{fmt}|{sender}|{minute}|{line.text}|{seen[(sender, minute, line.text)]}"
        out.append(_Incoming(line, when, sender, keyed_hash(material)))
    return out


def _existing(keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(
            ImportedMessage.objects.filter(dedupe_key__in=chunk).values_list(
                "dedupe_key", flat=True
            )
        )
    return found


class _Targets:
    """Places a threat targets: those it names near the import's place, else the import's place."""

    def __init__(self, place: Place | None) -> None:
        self.place = place
        self._namer: PlaceNamer | None = None

    def __call__(self, text: str) -> tuple[list[tuple[int, str]], list[Reason]]:
        if self._namer is None:
            self._namer = PlaceNamer(self.place)
        named = self._namer.place_ids(text)
        if named:
            reasons = [Reason("names_place", self._namer.labels[pk]) for pk in named]
            return [(pk, ThreatTarget.How.NAMED) for pk in named], reasons
        if self.place is not None:
            return [(self.place.pk, ThreatTarget.How.IMPORT_PLACE)], []
        return [], []


def _store(
    user: Any,
    batch: MessageImport,
    item: _Incoming,
    scrub: Scrubber,
    targets: _Targets,
    zone: tzinfo,
) -> bool:
    raw = item.line.text
    text = scrub(raw)
    reasons = threat_reasons(raw)
    places: list[tuple[int, str]] = []
    if reasons:
        places, named = targets(raw)
        reasons += named
    local = timezone.localtime(item.sent_at, zone)
    report = do_create_report(
        user,
        source=batch.source,
        text=text,
        kind=ReportKind.MESSAGE,
        title=f"{TITLES[batch.format]} {local:%Y-%m-%d %H:%M} {label(item.sender)}",
        language="ar" if has_arabic(text) else "en",
        received_at=item.sent_at,
        external_key=f"{batch.format[:2]}:{item.dedupe_key[:40]}",
    )
    message = ImportedMessage.objects.create(
        message_import=batch,
        report=report,
        dedupe_key=item.dedupe_key,
        sender_pseudonym=item.sender,
        sent_at=item.sent_at,
        day=item.line.sent_at.date() if timezone.is_naive(item.line.sent_at) else local.date(),
        is_threat=bool(reasons),
        threat_reasons=[{"code": r.code, "match": scrub(r.match)} for r in reasons],
        extraction_status=(
            ExtractionStatus.QUEUED
            if batch.format == MessageFormat.TELEGRAM
            else ExtractionStatus.NOT_QUEUED
        ),
    )
    ThreatTarget.objects.bulk_create(
        [ThreatTarget(message=message, place_id=pk, day=message.day, how=how) for pk, how in places]
    )
    return bool(reasons)


def _parse(fmt: str, text: str, date_order: str | None) -> tuple[dict, list[ChatLine]]:
    try:
        if fmt == MessageFormat.WHATSAPP:
            return {}, parse_whatsapp(text, date_order)
        if fmt == MessageFormat.TELEGRAM:
            return parse_telegram(text)
    except (WhatsAppError, TelegramError) as exc:
        raise ValidationError({"file": str(exc)}) from None
    raise ValidationError({"format": f"{fmt!r} is not whatsapp or telegram"})


def _telegram_source(user: Any, chat: dict) -> Source:
    """A public channel is a media source of its own, made on its first import."""
    if chat["type"] not in ("public_channel", "private_channel") or not chat["id"]:
        raise ValidationError({"source": "say which source this chat came from"})
    key = f"telegram:{chat['id']}"[:40]
    source = Source.objects.filter(dataset_key=key).first()
    return source or do_create_source(
        user,
        kind=SourceKind.MEDIA,
        safe_description=f"Telegram channel {chat['name']}"[:200],
        safe_description_ar=f"قناة تلغرام {chat['name']}"[:200],
        dataset_key=key,
    )


@transaction.atomic
def do_import_messages(
    user: Any,
    *,
    fmt: str,
    data: bytes | str,
    source: Source | None,
    place: Place | None = None,
    date_order: str | None = None,
    tz: str | None = None,
) -> MessageImport:
    """Store each new message of an export as a report; flag threats; count what was skipped."""
    from sulh.intake.access import place_in_areas

    # Like a proposal's location: a person limited to some areas files chats of those areas only.
    if place is not None and getattr(user, "pk", None) and not place_in_areas(user, place):
        raise ValidationError({"place": "this place is outside your areas"})
    zone = _zone(tz)
    text = _decode(data)
    chat, lines = _parse(fmt, text, date_order)
    if source is None:
        if fmt != MessageFormat.TELEGRAM:
            raise ValidationError({"source": "say which source this export came from"})
        source = _telegram_source(user, chat)
    namespace = f"telegram:{chat.get('id', '')}:" if fmt == MessageFormat.TELEGRAM else ""
    senders = {s: pseudonym(s, namespace) for s in {line.sender or "" for line in lines}}
    incoming = _incoming(fmt, lines, zone, senders)
    existing = _existing([item.dedupe_key for item in incoming])
    batch = MessageImport.objects.create(
        format=fmt,
        source=source,
        place=place,
        file_sha256=hashlib.sha256(text.encode()).hexdigest(),
        messages_total=len(incoming),
        system_lines=len(lines) - len(incoming),
        created_by=user if getattr(user, "pk", None) else None,
    )
    targets, scrub = _Targets(place), Scrubber(senders)
    new = threats = 0
    for item in incoming:
        if item.dedupe_key in existing:
            continue
        existing.add(item.dedupe_key)
        new += 1
        threats += _store(user, batch, item, scrub, targets, zone)
    batch.messages_new, batch.threats_new = new, threats
    batch.messages_duplicate = len(incoming) - new
    batch.save(update_fields=["messages_new", "threats_new", "messages_duplicate"])
    # Counts only: no sender, no text, no file name enters the audit log.
    do_audit(
        user,
        "intake.import_messages",
        batch,
        summary=f"{fmt}: {new} new, {batch.messages_duplicate} duplicates, {threats} threats",
        changes={"new": new, "duplicates": batch.messages_duplicate, "threats": threats},
    )
    if fmt == MessageFormat.TELEGRAM:
        # Channel posts are news-like: their events go to the review queue straight away.
        from sulh.intake.messaging.queue import batch_reports_queued, do_extract_queued

        do_extract_queued(user, batch_reports_queued(batch))
    return batch
