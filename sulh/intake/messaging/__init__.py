"""Messaging exports: WhatsApp and Telegram parsers, the threat lexicon, the import command."""
