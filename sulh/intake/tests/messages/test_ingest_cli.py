"""``sulh ingest whatsapp|telegram FILE``: the same import from the command line."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sulh.intake.models import MessageImport
from sulh.intake.tests.messages.exports import ANDROID_24, IOS_12
from sulh.intake.tests.messages.test_telegram import CHANNEL

pytestmark = pytest.mark.django_db


def sulh(*args: str) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def chat(tmp_path):
    def write(text: str, name: str = "WhatsApp Chat with Abu Samir.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_ingest_whatsapp_prints_the_summary(chat, demo_key, persona):
    persona("documenter")
    source = str(demo_key("src-council-whatsapp").pk)
    args = ("whatsapp", chat(ANDROID_24), "--place", "Qadmus", "--source", source)
    out = sulh(*args, "--user", "t_documenter")
    assert "new: 5" in out and "threats: 3" in out and "duplicates: 0" in out
    assert "new: 0" in sulh(*args, "--user", "t_documenter")
    assert "duplicates: 2" not in sulh("whatsapp", chat(IOS_12), "--source", source)


def test_the_import_is_done_as_the_named_user(chat, demo_key, persona):
    user = persona("analyst")
    source = str(demo_key("src-council-whatsapp").pk)
    sulh("whatsapp", chat(ANDROID_24), "--source", source, "--user", "t_analyst")
    assert MessageImport.objects.latest("pk").created_by == user


def test_errors_name_the_line_the_place_and_the_user(chat, demo_key, persona):
    source = str(demo_key("src-council-whatsapp").pk)
    with pytest.raises(CommandError, match="file: line 1: not a WhatsApp export line"):
        sulh("whatsapp", chat("Notes from the meeting\n"), "--source", source)
    with pytest.raises(CommandError, match="--place: no place found for 'Atlantis'"):
        sulh("whatsapp", chat(ANDROID_24), "--source", source, "--place", "Atlantis")
    persona("partner")
    with pytest.raises(CommandError, match="t_partner may not import messages"):
        sulh("whatsapp", chat(ANDROID_24), "--source", source, "--user", "t_partner")
    with pytest.raises(CommandError, match="--source: no source 999999"):
        sulh("whatsapp", chat(ANDROID_24), "--source", "999999")


def test_an_ambiguous_date_order_is_given_on_the_command_line(chat, demo_key):
    source = str(demo_key("src-council-whatsapp").pk)
    path = chat("04/03/2025, 09:00 - +963 944 555 020: الموت للخونة\n")
    with pytest.raises(CommandError, match="day/month or month/day"):
        sulh("whatsapp", path, "--source", source)
    assert "threats: 1" in sulh("whatsapp", path, "--source", source, "--date-order", "dmy")


def test_ingest_telegram(chat):
    out = sulh("telegram", chat(json.dumps(CHANNEL, ensure_ascii=False), "result.json"))
    assert "new: 2" in out and "threats: 1" in out
