import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def sulh_security(*args: str) -> str:
    out = StringIO()
    call_command("security", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_weapons_balance_of_the_district_with_sources():
    out = sulh_security("--as", "coordinator", "balance", "--place", "SY1006")
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert lines["distributed"].startswith("about 80") and "an Ismaili activist in Qadmus" in out
    assert lines["handed_over"].startswith("nearly 600")
    data = json.loads(sulh_security("--as", "coordinator", "balance", "--json"))
    assert {d["direction"]: d["low"] for d in data} == {"distributed": 80, "handed_over": 600}


def test_it_lists_the_disputed_programme():
    out = sulh_security("--as", "analyst", "list", "programmes")
    assert "Police checkpoints inside the Alawite villages" in out
    assert "villages 8–40 disputed" in out


def test_a_coordinator_records_a_blocked_movement_and_a_retry(demo_key):
    from sulh.security.models import AidMovement

    source = str(demo_key("src-alawite-resident").pk)
    checkpoint = demo_key("sec-cp-faction-road")
    out = sulh_security(
        "--as",
        "coordinator",
        "record",
        "aid",
        "--name",
        "Bread to the villages",
        "--value",
        "date=2025-03-25",
        "--value",
        f"origin={demo_key('place-hataniah').pk}",
        "--value",
        "cargo=bread",
        "--source",
        source,
        "--credibility",
        "3",
    )
    movement = AidMovement.objects.get(name="Bread to the villages")
    assert out.strip() == f"recorded aid {movement.pk}: Bread to the villages"
    out = sulh_security(
        "--as",
        "coordinator",
        "status",
        "aid",
        str(movement.pk),
        "--status",
        "blocked",
        "--date",
        "2025-03-25",
        "--checkpoint",
        str(checkpoint.pk),
        "--source",
        source,
    )
    assert out.strip().endswith("blocked")
    sulh_security(
        "--as",
        "coordinator",
        "record",
        "aid",
        "--name",
        "Bread, escorted",
        "--value",
        "date=2025-03-26",
        "--value",
        f"escorted_by={demo_key('actor-general-security').pk}",
        "--status",
        "escorted",
        "--retry-of",
        str(movement.pk),
        "--source",
        source,
    )
    geo = json.loads(sulh_security("--as", "coordinator", "geojson", "aid"))
    names = {f["properties"]["name"]: f["properties"] for f in geo["features"]}
    assert names["Bread to the villages"]["blocked_by"] == "Semi-independent military faction"
    assert names["Bread, escorted"]["retry_of"] == movement.pk
    listed = sulh_security("--as", "coordinator", "list", "aid", "--from", "2025-03-25")
    assert "Bread to the villages" in listed and "blocked" in listed


def test_bad_values_name_the_field_and_store_nothing(demo_key):
    from sulh.security.models import WeaponsTransfer

    before = WeaponsTransfer.objects.count()
    with pytest.raises(CommandError, match="count"):
        sulh_security(
            "--as",
            "coordinator",
            "record",
            "transfer",
            "--name",
            "x",
            "--value",
            "direction=seized",
            "--value",
            "count=many",
            "--source",
            str(demo_key("src-activist-a").pk),
        )
    assert WeaponsTransfer.objects.count() == before


def test_partners_cannot_record_and_outsiders_see_nothing(demo_key, persona):
    persona("partner")
    persona("outsider")
    with pytest.raises(CommandError, match="cannot record"):
        sulh_security(
            "--as",
            "t_partner",
            "unit-report",
            str(demo_key("sec-unit-ismaili-volunteers").pk),
            "--field",
            "size",
            "--value",
            "70",
            "--date",
            "2025-04",
            "--source",
            str(demo_key("src-activist-a").pk),
        )
    assert sulh_security("--as", "t_outsider", "list", "checkpoints").strip() == (
        "nothing recorded"
    )
    with pytest.raises(CommandError, match="not in your areas"):
        sulh_security(
            "--as",
            "t_outsider",
            "status",
            "checkpoint",
            str(demo_key("sec-cp-kaf-jaa").pk),
            "--status",
            "removed",
            "--date",
            "2025-04-01",
            "--source",
            str(demo_key("src-activist-a").pk),
        )


def test_the_cli_never_prints_a_source_identity():
    for args in (
        ["list", "checkpoints", "--json"],
        ["list", "aid"],
        ["balance"],
        ["geojson", "checkpoints"],
    ):
        out = sulh_security("--as", "admin", *args)
        assert "Demo Person" not in out and "900 000" not in out
