"""`sulh audit verify` names the first altered, removed or re-ordered entry; passes otherwise."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from sulh.audit.actions import do_audit, do_audit_export
from sulh.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _verify() -> str:
    from io import StringIO

    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def _append_three(persona) -> list[AuditEntry]:
    user = persona("analyst")
    return [do_audit(user, "test.step", summary=f"step {i}") for i in range(3)]


def _sql(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_intact_log_verifies(persona):
    _append_three(persona)
    assert "audit log intact" in _verify()


def test_an_altered_entry_is_named(persona):
    first, second, _third = _append_three(persona)
    _sql("UPDATE audit_auditentry SET summary = %s WHERE id = %s", ["nothing here", second.pk])
    with pytest.raises(CommandError, match=f"#{second.pk} was altered"):
        _verify()


def test_an_entry_whose_hash_was_rewritten_is_named(persona):
    first, second, _third = _append_three(persona)
    forged = AuditEntry.objects.get(pk=second.pk)
    forged.summary = "a forged summary"
    forged.hash = forged.compute_hash()
    _sql(
        "UPDATE audit_auditentry SET summary = %s, hash = %s WHERE id = %s",
        [forged.summary, forged.hash, second.pk],
    )
    # The forged entry hashes right, but the next one still points at the true hash.
    with pytest.raises(CommandError, match=f"#{_third.pk} does not follow"):
        _verify()


def test_a_removed_entry_is_named_by_the_entry_after_it(persona):
    _first, second, third = _append_three(persona)
    _sql("DELETE FROM audit_auditentry WHERE id = %s", [second.pk])
    with pytest.raises(CommandError, match=f"#{third.pk} does not follow.*removed or re-ordered"):
        _verify()


def test_reordered_entries_are_named(persona):
    _first, second, third = _append_three(persona)
    # Swap the two rows' ids through a free id, as someone re-ordering the table would.
    free = AuditEntry.objects.order_by("-id").first().pk + 1000
    _sql("UPDATE audit_auditentry SET id = %s WHERE id = %s", [free, second.pk])
    _sql("UPDATE audit_auditentry SET id = %s WHERE id = %s", [second.pk, third.pk])
    _sql("UPDATE audit_auditentry SET id = %s WHERE id = %s", [third.pk, free])
    with pytest.raises(CommandError, match=f"#{second.pk} does not follow"):
        _verify()


def test_a_cut_off_tail_fails_against_a_noted_head(persona):
    entries = _append_three(persona)
    noted = f"{entries[-1].pk} {entries[-1].hash}"
    _sql("DELETE FROM audit_auditentry WHERE id = %s", [entries[-1].pk])
    assert "audit log intact" in _verify()  # the chain alone cannot see a cut tail...
    with pytest.raises(CommandError, match="no longer in the log"):
        call_command("audit", "verify", "--head", noted)  # ...a head noted elsewhere can


def test_the_cli_exits_non_zero_on_a_broken_log(persona):
    from sulh.cli import main

    _first, second, _third = _append_three(persona)
    _sql("UPDATE audit_auditentry SET action = %s WHERE id = %s", ["other", second.pk])
    with pytest.raises(SystemExit) as exit_info:
        main(["audit", "verify"])
    assert exit_info.value.code != 0


def test_an_export_is_audited_with_its_filters_and_count(persona):
    entry = do_audit_export(persona("partner"), "events.csv", {"district": "Baniyas"}, 42)
    assert entry.action == "export" and entry.username == "t_partner"
    assert entry.changes == {"kind": "events.csv", "filters": {"district": "Baniyas"}, "count": 42}
