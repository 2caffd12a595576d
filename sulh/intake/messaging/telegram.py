"""Parse a Telegram Desktop JSON export of a channel or group ("Export chat history", JSON).

The export is ``{"name", "type", "id", "messages": [...]}``; a message's ``text`` is either a
string or a list of strings and entities (``{"type": "bold", "text": ...}``), which are joined.
Service entries (channel created, pinned message) and messages without text are skipped.
"""

import json
from datetime import UTC, datetime

from sulh.intake.messaging.whatsapp import ChatLine


class TelegramError(ValueError):
    """The file is not a Telegram JSON export; the message says where."""


def flatten(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in text
            if isinstance(part, str | dict)
        )
    return ""


def _when(message: dict, where: str) -> datetime:
    if message.get("date_unixtime"):
        try:
            return datetime.fromtimestamp(int(message["date_unixtime"]), tz=UTC)
        except (TypeError, ValueError, OverflowError, OSError):
            raise TelegramError(f"{where}: date_unixtime is not a time") from None
    try:
        return datetime.fromisoformat(str(message["date"]))
    except (KeyError, ValueError):
        raise TelegramError(f"{where}: no readable date") from None


def parse_telegram(data: str) -> tuple[dict, list[ChatLine]]:
    """The chat's name, type and id, and its messages (times aware when the export gives them)."""
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        raise TelegramError(f"line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        raise TelegramError("line 1: not a Telegram export (no list of messages)")
    chat = {
        "name": str(document.get("name", "")),
        "type": str(document.get("type", "")),
        "id": str(document.get("id", "")),
    }
    lines: list[ChatLine] = []
    for index, message in enumerate(document["messages"], start=1):
        if not isinstance(message, dict) or "id" not in message:
            raise TelegramError(f"message {index}: not a message object with an id")
        where = f"message {index} (id {message['id']})"
        when = _when(message, where)
        text = flatten(message.get("text", "")).strip()
        if message.get("type") != "message":
            kind = "system"
        elif not text:
            kind = "media"
        else:
            kind = "message"
        sender = str(message.get("from_id") or message.get("from") or chat["id"])
        lines.append(ChatLine(index, when, sender, text, kind, key=f"{chat['id']}:{message['id']}"))
    return chat, lines
