"""The demo: the council's WhatsApp group and the surge of threats of 7-8 March 2025."""

from datetime import date

import pytest

from sulh.audit.models import AuditEntry
from sulh.core.scenario import QADMUS, load_scenario
from sulh.intake.models import ImportedMessage
from sulh.intake.tests.messages.exports import import_chat
from sulh.intake.threats import daily_threat_counts, threat_rows

pytestmark = pytest.mark.django_db


def test_the_surge_is_on_the_scenarios_two_days(qadmus):
    series = daily_threat_counts([qadmus.pk], date(2025, 2, 1), date(2025, 3, 31))[qadmus.pk]
    assert series[date(2025, 3, 7)] == 124 and series[date(2025, 3, 8)] == 103
    quiet = [n for day, n in series.items() if day < date(2025, 3, 6)]
    assert max(quiet) <= 2


def test_loading_the_demo_again_adds_nothing(persona, qadmus):
    messages = ImportedMessage.objects.count()
    assert "message_imports" not in load_scenario(QADMUS, persona("admin"))
    assert ImportedMessage.objects.count() == messages


def test_the_audit_log_has_counts_not_senders():
    entries = AuditEntry.objects.filter(action="intake.import_messages")
    assert entries.exists()
    for entry in entries:
        assert "+963" not in f"{entry.summary} {entry.changes}"


def test_a_district_includes_its_towns(persona, qadmus):
    rows = threat_rows(persona("analyst"), qadmus.adm2, date(2025, 3, 7), date(2025, 3, 7))
    assert [(row.place["id"], row.count) for row in rows] == [(qadmus.pk, 124)]


def test_partners_see_a_sensitive_target_as_its_sub_district(persona, source, demo_key):
    midan = demo_key("place-midan-al-atiq")
    text = "20/03/2025, 21:00 - +963 944 555 030: رح نحرق ميدان العتيق\n"
    import_chat(persona("documenter"), text, source=source, place=midan.adm2, date_order="dmy")
    day = date(2025, 3, 20)
    seen = threat_rows(persona("partner"), None, day, day)
    assert [(row.place["id"], row.place["coarsened"]) for row in seen] == [(midan.adm3_id, True)]
    seen = threat_rows(persona("analyst"), None, day, day)
    assert [row.place["id"] for row in seen] == [midan.pk]
