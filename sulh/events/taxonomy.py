"""Event types: ACLED's typology plus the local types mediation work needs.

Each local type names the ACLED type and sub-type it exports as, so an ACLED-format export stays
valid (a threat is exported as a Strategic development / Other).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EventType:
    key: str
    label: str
    sub_types: tuple[tuple[str, str], ...]
    acled: str = ""  # ACLED event_type when key is local
    acled_sub: str = ""
    violent: bool = False


ACLED_TYPES = [
    EventType(
        "battles",
        _("Battles"),
        (
            ("armed_clash", _("Armed clash")),
            ("government_regains_territory", _("Government regains territory")),
            ("non_state_actor_overtakes_territory", _("Non-state actor overtakes territory")),
        ),
        "Battles",
        violent=True,
    ),
    EventType(
        "explosions_remote_violence",
        _("Explosions/Remote violence"),
        (
            ("chemical_weapon", _("Chemical weapon")),
            ("air_drone_strike", _("Air/drone strike")),
            ("suicide_bomb", _("Suicide bomb")),
            ("shelling_artillery_missile_attack", _("Shelling/artillery/missile attack")),
            ("remote_explosive_landmine_ied", _("Remote explosive/landmine/IED")),
            ("grenade", _("Grenade")),
        ),
        "Explosions/Remote violence",
        violent=True,
    ),
    EventType(
        "violence_against_civilians",
        _("Violence against civilians"),
        (
            ("sexual_violence", _("Sexual violence")),
            ("attack", _("Attack")),
            ("abduction_forced_disappearance", _("Abduction/forced disappearance")),
        ),
        "Violence against civilians",
        violent=True,
    ),
    EventType(
        "protests",
        _("Protests"),
        (
            ("peaceful_protest", _("Peaceful protest")),
            ("protest_with_intervention", _("Protest with intervention")),
            ("excessive_force_against_protesters", _("Excessive force against protesters")),
        ),
        "Protests",
    ),
    EventType(
        "riots",
        _("Riots"),
        (
            ("violent_demonstration", _("Violent demonstration")),
            ("mob_violence", _("Mob violence")),
        ),
        "Riots",
        violent=True,
    ),
    EventType(
        "strategic_developments",
        _("Strategic developments"),
        (
            ("agreement", _("Agreement")),
            ("arrests", _("Arrests")),
            ("change_to_group_activity", _("Change to group/activity")),
            ("disrupted_weapons_use", _("Disrupted weapons use")),
            ("headquarters_or_base_established", _("Headquarters or base established")),
            ("looting_property_destruction", _("Looting/property destruction")),
            ("non_violent_transfer_of_territory", _("Non-violent transfer of territory")),
            ("other", _("Other")),
        ),
        "Strategic developments",
    ),
]

LOCAL_TYPES = [
    EventType(
        "threat",
        _("Threat"),
        (
            ("threat_message", _("Threatening message")),
            ("threat_in_person", _("Threat in person")),
            ("siege_ultimatum", _("Siege or ultimatum")),
            ("rumour", _("Rumour of an armed group nearby")),
        ),
        "Strategic developments",
        "Other",
    ),
    EventType(
        "checkpoint_established",
        _("Checkpoint established"),
        (
            ("checkpoint_programme", _("Programme of checkpoints")),
            ("single_checkpoint", _("Single checkpoint")),
        ),
        "Strategic developments",
        "Headquarters or base established",
    ),
    EventType(
        "weapons_distributed",
        _("Weapons distributed"),
        (),
        "Strategic developments",
        "Change to group/activity",
    ),
    EventType(
        "weapons_handed_over",
        _("Weapons handed over"),
        (),
        "Strategic developments",
        "Disrupted weapons use",
    ),
    EventType(
        "armed_mobilisation",
        _("Armed mobilisation"),
        (
            ("siege", _("Siege")),
            ("volunteers_armed", _("Volunteers armed")),
            ("forces_arrive", _("Forces arrive")),
        ),
        "Strategic developments",
        "Change to group/activity",
    ),
    EventType(
        "negotiation",
        _("Negotiation"),
        (
            ("safe_passage", _("Safe passage")),
            ("handover_terms", _("Handover terms")),
            ("amnesty", _("Amnesty")),
        ),
        "Strategic developments",
        "Other",
    ),
    EventType("meeting", _("Meeting"), (), "Strategic developments", "Other"),
    EventType("agreement", _("Agreement"), (), "Strategic developments", "Agreement"),
    EventType(
        "aid_movement",
        _("Aid movement"),
        (
            ("aid_blocked", _("Aid blocked")),
            ("aid_escorted", _("Aid escorted")),
        ),
        "Strategic developments",
        "Other",
    ),
    EventType("pledge", _("Pledge"), (), "Strategic developments", "Other"),
    EventType(
        "movement_restriction",
        _("Movement restriction"),
        (
            ("curfew", _("Curfew")),
            ("roadblock", _("Roadblock")),
        ),
        "Strategic developments",
        "Other",
    ),
    EventType("displacement", _("Displacement"), (), "Strategic developments", "Other"),
]

EVENT_TYPES = {t.key: t for t in [*ACLED_TYPES, *LOCAL_TYPES]}
ACLED_LABEL_TO_KEY = {t.acled: t.key for t in ACLED_TYPES}


def event_type_choices() -> list[tuple[str, str]]:
    return [(t.key, t.label) for t in EVENT_TYPES.values()]


def sub_event_type_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for t in EVENT_TYPES.values():
        for key, label in t.sub_types:
            seen.setdefault(key, label)
    return list(seen.items())


def acled_names(event_type: str, sub_event_type: str) -> tuple[str, str]:
    """The ACLED event_type and sub_event_type an event exports as."""
    etype = EVENT_TYPES.get(event_type)
    if etype is None:
        return "Strategic developments", "Other"
    if etype.key in ACLED_LABEL_TO_KEY.values():
        sub = dict(etype.sub_types).get(sub_event_type, "")
        return etype.acled, str(sub)
    return etype.acled, etype.acled_sub


COUNT_FIELDS = [
    ("killed", _("killed")),
    ("injured", _("injured")),
    ("abducted", _("abducted")),
    ("detained", _("detained")),
    ("homes_burned", _("homes burned")),
    ("armed_men", _("armed men")),
    ("weapons", _("weapons")),
    ("villages", _("villages")),
    ("people_moved", _("people moved")),
    ("police", _("police officers")),
    ("volunteers", _("volunteers")),
    ("messages", _("messages")),
    ("wanted", _("wanted men")),
    ("amount", _("amount of money")),
]

OCCURRED = [("yes", _("it happened")), ("no", _("it did not happen"))]

CURRENCIES = [("USD", _("US dollars")), ("EUR", _("euros")), ("SYP", _("Syrian pounds"))]
