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


def scrub(text: str, senders: dict[str, str]) -> str:
    """The text with phone numbers and the chat's sender names replaced by pseudonym labels."""

    def phone(match: re.Match) -> str:
        value = match.group(0)
        if sum(ch.isdigit() for ch in value) < MIN_DIGITS:
            return value
        return label(keyed_hash(normalise_phone(value)))

    text = PHONE.sub(phone, text)
    for name in sorted(senders, key=len, reverse=True):
        if len(name) >= 3 and not is_phone(name):
            text = re.sub(
                rf"@?(?<!\w){re.escape(name)}(?!\w)", label(senders[name]), text, flags=re.I
            )
    return text
