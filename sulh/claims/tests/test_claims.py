import pytest
from django.core.exceptions import ValidationError

from sulh.claims.actions import do_add_claim, do_correct_claim, do_review_claim
from sulh.claims.models import Claim, record_claims

pytestmark = pytest.mark.django_db


def test_the_demo_pledge_currency_is_disputed_between_dollars_and_euros(demo_key):
    event = demo_key("ev-pledge")
    currency = event.reconciled["currency"]
    assert currency["disputed"] is True
    assert set(currency["values"]) == {"USD", "EUR"}


def test_the_hataniah_perpetrator_stays_unknown(demo_key):
    event = demo_key("ev-hataniah")
    assert event.reconciled["perpetrator"]["value"] == "unknown"
    assert event.reconciled["perpetrator"]["disputed"] is False
    assert event.actor_roles.get(role="perpetrator").actor is None


def test_the_resident_contradicts_the_council_on_whether_it_happened(demo_key):
    event = demo_key("ev-insurgents-reported")
    assert event.disputed and "occurred" in event.disputed_fields


def test_a_proposed_claim_counts_only_once_a_person_accepts_it(demo_key, persona):
    event, source = demo_key("ev-weapons-handover"), demo_key("src-negotiator")
    claim = do_add_claim(
        persona("analyst"), event, "weapons", "650", source=source, credibility=2, status="proposed"
    )
    event.refresh_from_db()
    assert event.reconciled["weapons"]["high"] == 600
    do_review_claim(persona("analyst"), claim, "accepted")
    event.refresh_from_db()
    assert event.reconciled["weapons"]["high"] == 650


def test_a_correction_supersedes_without_deleting(demo_key, persona):
    event = demo_key("ev-safe-passage")
    original = record_claims(event).get(field="police")
    correction = do_correct_claim(
        persona("analyst"), original, "about 20", note="rounded in the notes"
    )
    original.refresh_from_db()
    assert original.status == "superseded" and correction.supersedes == original
    assert Claim.objects.filter(pk=original.pk).exists()
    event.refresh_from_db()
    assert event.reconciled["police"]["claims"] == 1


def test_a_wrong_value_names_the_field_and_stores_nothing(demo_key, persona):
    event, source = demo_key("ev-weapons-handover"), demo_key("src-activist-a")
    before = Claim.objects.count()
    with pytest.raises(ValidationError) as error:
        do_add_claim(persona("analyst"), event, "date", "16 March", source=source)
    assert "date" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        do_add_claim(persona("analyst"), event, "colour", "red", source=source)
    assert "field" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        do_add_claim(persona("analyst"), event, "currency", "gold", source=source)
    assert "currency" in error.value.message_dict
    assert Claim.objects.count() == before


def test_the_span_of_the_words_is_found_in_the_report(demo_key):
    claim = record_claims(demo_key("ev-village-checkpoints")).get(field="villages", num_low=30)
    assert claim.report.text[claim.span_start : claim.span_end] == "in thirty to forty villages"


def test_regrading_a_source_reconciles_its_records_again(demo_key, persona):
    from sulh.sources.actions import do_grade_source

    event = demo_key("ev-pledge")
    do_grade_source(persona("admin"), demo_key("src-outlet-b"), "E")
    do_grade_source(persona("admin"), demo_key("src-activist-a"), "E")
    event.refresh_from_db()
    assert event.reconciled["currency"]["disputed"] is False
    assert event.reconciled["currency"]["value"] == "USD"
