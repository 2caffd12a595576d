"""The threat series other apps read: counts per targeted place and day, and the messages."""

from datetime import date

import pytest

from sulh.intake.tests.messages.exports import ANDROID_24, import_chat
from sulh.intake.threats import daily_threat_counts, threat_messages
from sulh.places.models import Place

pytestmark = pytest.mark.django_db
MARCH_1, MARCH_31 = date(2025, 3, 1), date(2025, 3, 31)


def test_threats_are_counted_per_place_and_day(persona, qadmus, source):
    before = daily_threat_counts([qadmus.pk], MARCH_1, MARCH_31).get(qadmus.pk, {})
    import_chat(persona("documenter"), ANDROID_24, source=source, place=qadmus)
    series = daily_threat_counts([qadmus.pk], MARCH_1, MARCH_31)[qadmus.pk]
    # 7 March: the message naming Qadmus and the one sent to the Qadmus council naming no place.
    assert series[date(2025, 3, 7)] - before.get(date(2025, 3, 7), 0) == 2
    assert series[date(2025, 3, 8)] - before.get(date(2025, 3, 8), 0) == 1
    assert date(2025, 3, 5) not in series or series[date(2025, 3, 5)] == before[date(2025, 3, 5)]


def test_days_outside_the_range_and_other_places_are_absent(persona, qadmus, source):
    import_chat(persona("documenter"), ANDROID_24, source=source, place=qadmus)
    series = daily_threat_counts([qadmus.pk], date(2025, 3, 8), date(2025, 3, 8))
    assert set(series[qadmus.pk]) == {date(2025, 3, 8)}
    aleppo = Place.objects.get(pcode="SY02")
    assert daily_threat_counts([aleppo.pk], MARCH_1, MARCH_31) == {}


def test_a_place_named_in_a_threat_is_its_target(persona, qadmus, source):
    masyaf_area = Place.objects.get(pcode="SY1006")  # the Qadmus district, not named in the text
    hataniah = Place.objects.get(name_en="Hataniah")
    text = "09/03/2025, 03:10 - +963 944 555 009: سنحرق الحطانية الليلة\n"
    import_chat(persona("documenter"), text, source=source, place=masyaf_area, date_order="dmy")
    series = daily_threat_counts(None, date(2025, 3, 9), date(2025, 3, 9))
    assert series[hataniah.pk][date(2025, 3, 9)] >= 1
    assert masyaf_area.pk not in series


def test_the_facts_behind_a_count_are_the_flagged_reports(persona, qadmus, source):
    import_chat(persona("documenter"), ANDROID_24, source=source, place=qadmus)
    reports = list(threat_messages(qadmus.pk, date(2025, 3, 8)))
    mine = [r for r in reports if "We will burn your houses" in r.text]
    assert len(mine) == 1
    assert {reason["code"] for reason in mine[0].imported_message.threat_reasons} == {
        "burning",
        "traitor",
    }
    assert all(r.imported_message.is_threat for r in reports)
