"""Telegram Desktop JSON exports of a channel: reports queued for extraction."""

import json

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from sulh.intake.messaging.queue import do_mark_extracted, reports_queued_for_extraction
from sulh.intake.messaging.telegram import TelegramError, parse_telegram
from sulh.intake.models import ImportedMessage
from sulh.intake.tests.messages.exports import import_chat
from sulh.places.models import Place
from sulh.sources.models import Source

pytestmark = pytest.mark.django_db

CHANNEL = {
    "name": "Coast News Test",
    "type": "public_channel",
    "id": 1999000111,
    "messages": [
        {"id": 1, "type": "service", "date": "2025-03-06T20:00:00", "action": "create_channel"},
        {
            "id": 2,
            "type": "message",
            "date": "2025-03-06T21:15:00",
            "date_unixtime": "1741284900",
            "from": "Coast News Test",
            "from_id": "channel1999000111",
            "text": "Armed men gathered near Qadmus this evening, according to residents.",
        },
        {
            "id": 3,
            "type": "message",
            "date": "2025-03-07T08:02:00",
            "date_unixtime": "1741323720",
            "from": "Coast News Test",
            "from_id": "channel1999000111",
            "text": [
                "عاجل: ",
                {"type": "bold", "text": "تهديدات"},
                " لأهالي القدموس: ",
                {"type": "italic", "text": "رح نحرق القدموس"},
            ],
        },
        {"id": 4, "type": "message", "date": "2025-03-07T09:00:00", "photo": "photos/1.jpg"},
    ],
}


def export(channel: dict) -> str:
    return json.dumps(channel, ensure_ascii=False, indent=1)


def test_each_post_becomes_a_report_queued_for_extraction(persona):
    batch = import_chat(persona("documenter"), export(CHANNEL), source=None, fmt="telegram")
    assert (batch.messages_new, batch.system_lines, batch.threats_new) == (2, 2, 1)
    assert batch.source.safe_description == "Telegram channel Coast News Test"
    queued = reports_queued_for_extraction().filter(imported_message__message_import=batch)
    assert [r.text for r in queued] == [
        "Armed men gathered near Qadmus this evening, according to residents.",
        "عاجل: تهديدات لأهالي القدموس: رح نحرق القدموس",
    ]
    do_mark_extracted(persona("documenter"), queued[0])
    assert (
        reports_queued_for_extraction().filter(imported_message__message_import=batch).count() == 1
    )


def test_a_threat_in_a_post_counts_for_the_place_it_names(persona):
    batch = import_chat(persona("documenter"), export(CHANNEL), source=None, fmt="telegram")
    threat = ImportedMessage.objects.get(message_import=batch, is_threat=True)
    qadmus = Place.objects.get(geonames_id=173389)
    assert [(t.place_id, t.day.isoformat()) for t in threat.targets.all()] == [
        (qadmus.pk, "2025-03-07")
    ]


def test_importing_the_channel_again_adds_nothing_and_reuses_its_source(persona):
    first = import_chat(persona("documenter"), export(CHANNEL), source=None, fmt="telegram")
    more = dict(CHANNEL, messages=[*CHANNEL["messages"], {**CHANNEL["messages"][2], "id": 5}])
    again = import_chat(persona("documenter"), export(more), source=None, fmt="telegram")
    assert (again.messages_new, again.messages_duplicate) == (1, 2)
    assert again.source == first.source
    assert Source.objects.filter(dataset_key="telegram:1999000111").count() == 1


def test_a_broken_export_names_the_line(persona):
    broken = export(CHANNEL).replace('"id": 3,', '"id": 3,,')
    with pytest.raises(ValidationError) as caught:
        import_chat(persona("documenter"), broken, source=None, fmt="telegram")
    line = export(CHANNEL).splitlines().index(' "messages": [') + 1
    assert caught.value.message_dict["file"][0].startswith("line ")
    assert int(caught.value.message_dict["file"][0].split()[1].rstrip(":")) > line


def test_a_private_group_needs_a_source(persona):
    group = dict(CHANNEL, type="private_group")
    with pytest.raises(ValidationError, match="say which source"):
        import_chat(persona("documenter"), export(group), source=None, fmt="telegram")


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=12,
    )
)
def test_any_json_is_read_or_refused_with_where(document):
    try:
        _chat, lines = parse_telegram(json.dumps(document))
    except TelegramError as exc:
        assert str(exc).startswith(("line ", "message "))
    else:
        assert all(line.key for line in lines)
