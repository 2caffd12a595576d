import pytest

pytestmark = pytest.mark.django_db


def test_loading_the_demo_again_adds_no_case(demo_user):
    from sulh.core.scenario import QADMUS, load_scenario
    from sulh.mediation.models import Case, CommitmentChange

    cases, changes = Case.objects.count(), CommitmentChange.objects.count()
    created = load_scenario(QADMUS, demo_user("admin"))
    assert not any(name.startswith("mediation_") for name in created)
    assert (Case.objects.count(), CommitmentChange.objects.count()) == (cases, changes)


def test_the_demo_numbers_are_claims_of_their_sources(demo_key):
    from sulh.claims.models import record_claims

    passage = demo_key("com-besiegers-let-police-pass")
    quantity = record_claims(passage).get(field="quantity")
    assert (quantity.num_low, quantity.num_high) == (20, 20)
    assert quantity.source == demo_key("src-negotiator")
    leaders = demo_key("com-hand-over-leaders")
    assert (leaders.quantity_low, leaders.quantity_high) == (30, 40)
    assert leaders.status == "refused"
    status = record_claims(leaders).get(field="status")
    assert status.value == "refused" and status.source == demo_key("src-activist-a")


def test_every_demo_audit_entry_is_free_of_identities(demo_key):
    from sulh.audit.models import AuditEntry

    for entry in AuditEntry.objects.filter(action__startswith="mediation."):
        text = f"{entry.summary} {entry.changes}"
        assert "Demo Person" not in text
        assert "900 000" not in text


def test_the_admin_shows_mediation_records_read_only(client_for, demo_key):
    client = client_for("admin")
    assert "Siege of Qadmus" in client.get("/admin/mediation/case/").text
    meeting = demo_key("mtg-safe-passage")
    page = client.get(f"/admin/mediation/meeting/{meeting.pk}/change/").text
    assert "Morning negotiation" in page
    assert "took part in the negotiations" not in page
