import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sulh.mediation.tests.conftest import IDENTITY_MARKERS

pytestmark = pytest.mark.django_db


def sulh(*args: str) -> str:
    out = StringIO()
    call_command("mediation", *args, stdout=out)
    return out.getvalue()


def test_the_desk_on_the_command_line(demo_user):
    demo_user("mediator")
    text = sulh("desk", "--user", "mediator")
    broken = text[text.index("Broken or refused:") :]
    assert "broken      Semi-independent military faction: Stop the night shooting" in broken
    assert "refused     Alawite sheikhs and mukhtars: Hand over about 30-40" in broken


def test_the_siege_story_in_order(demo_key, demo_user):
    case = demo_key("case-siege")
    text = sulh("show", str(case.pk), "--user", "mediator")
    lines = text.splitlines()
    assert lines[0] == "Siege of Qadmus, 6-9 March 2025 [closed]"
    days = [line[:10] for line in lines[1:]]
    assert days == sorted(days)
    assert "villager-run checkpoint" in lines[1]
    assert "enter Qadmus" in text


def test_cases_follow_visibility(persona):
    persona("outsider")
    persona("mediator")
    assert sulh("cases", "--user", "t_outsider") == ""
    listed = json.loads(sulh("cases", "--json", "--user", "t_mediator"))
    assert {c["status"] for c in listed} == {"active", "closed"}


def test_an_outsider_cannot_show_a_case(demo_key, persona):
    persona("outsider")
    with pytest.raises(CommandError, match="no such case"):
        sulh("show", str(demo_key("case-siege").pk), "--user", "t_outsider")


def test_a_partner_gets_the_brief_but_not_the_case(demo_key, safe_descriptions):
    case = demo_key("case-siege")
    brief = sulh("brief", str(case.pk), "--user", "partner")
    assert brief.startswith("# Siege of Qadmus")
    for description in safe_descriptions:
        assert description not in brief
    with pytest.raises(CommandError, match="may not"):
        sulh("show", str(case.pk), "--user", "partner")


def test_a_whole_case_from_the_command_line(demo_key, persona):
    from sulh.audit.models import AuditEntry
    from sulh.mediation.models import Case

    persona("mediator")
    user = ["--user", "t_mediator"]
    sulh("create-case", "--title", "Grazing rights", "--area", "Qadmus", *user)
    case = Case.objects.get(title="Grazing rights")
    council, villagers = demo_key("actor-local-council"), demo_key("actor-alawite-villagers")
    for actor in (council, villagers):
        sulh("add-party", str(case.pk), "--actor", str(actor.pk), *user)
    source = str(demo_key("src-activist-a").pk)
    out = sulh(
        "add-meeting", str(case.pk), "--title", "First talk", "--kind", "phone",
        "--held-at", timezone.localtime().isoformat(), "--attendee", str(council.pk),
        "--attendee", str(villagers.pk), "--others", "shepherds:about 5",
        "--source", source, *user,
    )  # fmt: skip
    assert out.startswith("meeting ")
    sulh(
        "add-position", str(case.pk), "--party", str(villagers.pk), "--kind", "demand",
        "--text", "Graze on the east slope", "--date", "2025-04", "--source", source, *user,
    )  # fmt: skip
    sulh(
        "add-agreement", str(case.pk), "--title", "Slopes by season", "--date", "2025-04-20",
        "--party", str(council.pk), "--party", str(villagers.pk), "--source", source, *user,
    )  # fmt: skip
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    out = sulh(
        "add-commitment", str(case.pk), "--obliged", str(villagers.pk), "--action",
        "Keep the herds off the west slope", "--deadline", tomorrow, "--source", source, *user,
    )  # fmt: skip
    assert f"due {tomorrow}" in out
    desk = sulh("desk", *user)
    assert "Keep the herds off the west slope" in desk[desk.index("Due this week:") :]
    commitment = case.commitments.get()
    out = sulh("set-status", str(commitment.pk), "--status", "kept", "--source", source, *user)
    assert out.strip() == f"commitment {commitment.pk}: pending -> kept"
    assert AuditEntry.objects.filter(action="mediation.commitment.status").exists()
    story = sulh("show", str(case.pk), *user)
    for marker in IDENTITY_MARKERS:
        assert marker not in story


def test_bad_input_names_the_field(demo_key, persona):
    from sulh.mediation.models import Commitment

    persona("mediator")
    case = demo_key("case-faction")
    before = Commitment.objects.count()
    with pytest.raises(CommandError, match="deadline"):
        sulh(
            "add-commitment", str(case.pk), "--obliged", str(demo_key("actor-faction").pk),
            "--action", "Stop", "--deadline", "whenever",
            "--source", str(demo_key("src-activist-a").pk), "--user", "t_mediator",
        )  # fmt: skip
    with pytest.raises(CommandError, match="evidence"):
        sulh("set-status", str(demo_key("com-amnesty").pk), "--status", "kept",
             "--user", "t_mediator")  # fmt: skip
    assert Commitment.objects.count() == before


def test_a_contact_person_is_added_by_role(demo_key, persona):
    persona("mediator")
    case = demo_key("case-faction")
    out = sulh(
        "add-contact", str(case.pk), "--role", "the faction's deputy",
        "--party", str(demo_key("actor-faction").pk), "--user", "t_mediator",
    )  # fmt: skip
    assert out.startswith("contact ")
    assert case.contacts.get(role="the faction's deputy").party.actor == demo_key("actor-faction")
    with pytest.raises(CommandError, match="party"):
        sulh("add-contact", str(case.pk), "--role", "x", "--party", "999999",
             "--user", "t_mediator")  # fmt: skip
