"""Senders become keyed hashes; their names and numbers are also taken out of message texts.

A phone number hashes as ``sulh.sources`` hashes a source's phone (``keyed_hash`` of the
normalised number), so the same number gets the same pseudonym in every import and matches a
source registered with that number. A name (a saved contact) hashes under a "name:" prefix.
"""

import re

from sulh.lib.crypto import keyed_hash, normalise_phone

PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-().]{6,}\d(?!\w)")
MIN_DIGITS = 8


def is_phone(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return digits >= MIN_DIGITS and not re.search(r"[^\d\s+\-().]", value)


def pseudonym(sender: str, namespace: str = "") -> str:
    sender = sender.strip()
    if is_phone(sender):
        return keyed_hash(normalise_phone(sender))
    return keyed_hash(f"name:{namespace}{' '.join(sender.casefold().split())}")


def label(pseudonym_hash: str) -> str:
    return f"⟨{pseudonym_hash[:8]}⟩"


class Scrubber:
    """Replaces phone numbers and the chat's sender names in a text by pseudonym labels."""

    def __init__(self, senders: dict[str, str]) -> None:
        names = [n for n in senders if len(n) >= 3 and not is_phone(n)]
        self._labels = {n.casefold(): label(senders[n]) for n in names}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._names = (
            re.compile(rf"@?(?<!\w)({alternatives})(?!\w)", re.IGNORECASE) if names else None
        )

    @staticmethod
    def _phone(match: re.Match) -> str:
        value = match.group(0)
        if sum(ch.isdigit() for ch in value) < MIN_DIGITS:
            return value
        return label(keyed_hash(normalise_phone(value)))

    def __call__(self, text: str) -> str:
        text = PHONE.sub(self._phone, text)
        if self._names is not None:
            text = self._names.sub(lambda m: self._labels[m.group(1).casefold()], text)
        return text
