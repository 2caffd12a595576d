from datetime import date
from types import SimpleNamespace

import pytest

from sulh.warning.indicators import trouble_spans

pytestmark = pytest.mark.django_db


def indicators_at(api, place, day, **extra):
    response = api.get("/warning/indicators", place=place.pk, date=day, **extra)
    assert response.status_code == 200, response.content
    return {row["indicator"]: row for row in response.json()}


def test_violent_events_count_within_the_radius_and_not_beyond(api_for, qadmus, record_event):
    from sulh.places.models import Place

    api = api_for("analyst")
    before = indicators_at(api, qadmus, "2025-03-09", radius_km=5)["violent_events"]
    # 28 February at Kaf Jaa, 6 March at Midan al-Atiq, two on 9 March: 14 days, within 5 km.
    assert before["value"] == 4 and before["window_days"] == 14
    labels = " | ".join(f["label"] for f in before["facts"])
    assert "Attack on the Alawite village of Hataniah" in labels and "Kaf Jaa" in labels
    record_event("battles", "2025-03-08", Place.objects.get(pcode="SY02"), "Clash in Aleppo")
    record_event("battles", "2025-03-08", qadmus, "Clash at the edge of Qadmus")
    record_event("protests", "2025-03-08", qadmus, "A peaceful protest")
    after = indicators_at(api, qadmus, "2025-03-09", radius_km=5)["violent_events"]
    labels = {f["label"] for f in after["facts"]}
    assert after["value"] == 5 and "Clash at the edge of Qadmus" in labels
    assert "Clash in Aleppo" not in labels and "A peaceful protest" not in labels


def test_a_smaller_radius_leaves_out_the_next_village(api_for, qadmus):
    # Kaff al-Jaa is about 4.3 km from Qadmus: in at 5 km, out at 3 km.
    wide = indicators_at(api_for("analyst"), qadmus, "2025-03-01", radius_km=5)
    narrow = indicators_at(api_for("analyst"), qadmus, "2025-03-01", radius_km=3)
    assert wide["violent_events"]["value"] == 1 and narrow["violent_events"]["value"] == 0


def test_broken_commitments_carry_the_commitments_behind_them(api_for, qadmus, demo_key):
    rows = indicators_at(api_for("analyst"), qadmus, "2025-03-15")
    facts = rows["commitments"]["facts"]
    assert demo_key("com-stop-night-shooting").pk in {f["id"] for f in facts}
    assert all(f["url"].startswith("/mediation/cases/") for f in facts)


def test_blocked_aid_is_counted_at_the_sub_district(api_for, demo_key):
    from sulh.places.models import Place

    area = Place.objects.get(pcode="SY100602")
    row = indicators_at(api_for("coordinator"), area, "2025-03-12")["aid_blocked"]
    movement = demo_key("sec-aid-blocked-between-villages")
    assert row["value"] == 1 and row["facts"][0]["url"] == f"/security/aid/{movement.pk}/"
    assert indicators_at(api_for("coordinator"), area, "2025-03-05")["aid_blocked"]["value"] == 0


def test_an_outsider_gets_404_for_indicators_of_another_area(api_for, qadmus):
    assert api_for("outsider").get("/warning/indicators", place=qadmus.pk).status_code == 404


def _commitment(deadline, *changes):
    rows = [SimpleNamespace(effective_on=d, status=s, pk=i) for i, (d, s) in enumerate(changes)]
    return SimpleNamespace(deadline=deadline, changes=SimpleNamespace(all=lambda: rows))


def test_a_commitment_is_overdue_from_the_day_after_its_deadline_until_kept():
    c = _commitment(date(2025, 3, 11), (date(2025, 3, 20), "kept"))
    assert trouble_spans(c, date(2025, 3, 31)) == [(date(2025, 3, 12), date(2025, 3, 19))]


def test_a_broken_commitment_stays_broken_until_a_later_change():
    c = _commitment(None, (date(2025, 3, 13), "broken"))
    assert trouble_spans(c, date(2025, 3, 20)) == [(date(2025, 3, 13), date(2025, 3, 20))]
    renewed = _commitment(
        date(2025, 3, 11), (date(2025, 3, 13), "broken"), (date(2025, 3, 15), "kept")
    )
    assert trouble_spans(renewed, date(2025, 3, 20)) == [(date(2025, 3, 12), date(2025, 3, 14))]


def test_a_commitment_kept_on_time_was_never_in_trouble():
    c = _commitment(date(2025, 3, 16), (date(2025, 3, 16), "kept"))
    assert trouble_spans(c, date(2025, 3, 31)) == []
