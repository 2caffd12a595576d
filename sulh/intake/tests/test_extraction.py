"""What the built-in extractor proposes, read through ``sulh.intake.extract.extract``."""

from datetime import date

import pytest

from sulh.intake.extract import extract, extractor_names, get_extractor, register_extractor
from sulh.intake.extract.base import ProposedEvent

pytestmark = pytest.mark.django_db
REPORT = date(2025, 3, 10)


def one(text: str, report: date = REPORT) -> ProposedEvent:
    events = extract(text, report)
    assert len(events) == 1, [e.event_type for e in events]
    return events[0]


def counts(event: ProposedEvent) -> dict[str, tuple]:
    return {c.what: (c.value.low, c.value.best, c.value.high) for c in event.counts}


def test_the_gazetteer_names_al_qadmus_a_place_not_an_organisation(demo_key):
    event = one("Al-Qadmus: gunmen shot dead a shepherd on Friday, according to one activist.")
    assert event.place_id is not None
    from sulh.places.models import Place

    assert Place.objects.get(pk=event.place_id).geonames_id == 173389
    assert event.attribution == "one activist"
    assert event.date.start == date(2025, 3, 7)


def test_a_village_a_user_added_is_found_in_both_scripts(persona):
    from sulh.places.actions import do_add_place
    from sulh.places.models import Place

    parent = Place.objects.get(pcode="SY100602")
    added = do_add_place(
        persona("documenter"),
        name_en="Ain al-Shams",
        name_ar="عين الشمس",
        kind="locality",
        parent=parent,
    )
    assert one("Gunmen burned ten houses in Ain al-Shams yesterday.").place_id == added.pk
    assert one("أحرق مسلحون عشرة منازل في عين الشمس أمس.").place_id == added.pk


def test_counts_with_their_kind_and_ranges():
    event = one("About 1,500 armed men besieged Qadmus on 7 March.")
    assert counts(event)["armed_men"] == (1500, 1500, 1500)
    event = one("Police arrested 30 to 40 young men in Baniyas yesterday.")
    assert counts(event)["detained"] == (30, 35, 40)
    event = one("قتل ما لا يقل عن 14 شخصا في جبلة يوم الجمعة.")
    assert counts(event)["killed"] == (14, 14, None)
    event = one("سلّم الأهالي ستمئة قطعة سلاح إلى الأمن العام في القدموس أمس.")
    assert counts(event)["weapons"] == (600, 600, 600)


def test_each_proposal_keeps_the_spans_of_its_values():
    text = "On 6 March 2025, gunmen killed two farmers in Hataniah, according to one activist."
    event = one(text)
    assert text[event.date_span[0] : event.date_span[1]] == "6 March 2025"
    assert text[event.place_span[0] : event.place_span[1]] == "Hataniah"
    killed = next(c for c in event.counts if c.what == "killed")
    assert text[killed.span[0] : killed.span[1]] == "two"
    assert text[event.span[0] : event.span[1]].startswith("On 6 March")


def test_spans_stay_true_when_the_arabic_carries_vowel_marks():
    text = "قُتِلَ رَجُلٌ في القدموس أمس."
    event = one(text)
    killed = next(c for c in event.counts if c.what == "killed")
    assert text[killed.span[0] : killed.span[1]] == "قُتِلَ رَجُلٌ"


def test_a_text_that_tells_of_no_event_proposes_nothing():
    assert extract("Can anyone confirm the road from Tartus to Qadmus is open?", REPORT) == []


def test_a_threat_to_burn_is_a_threat_not_a_burning():
    event = one("They threatened to burn Qadmus if the council protects the villagers.")
    assert event.event_type == "threat"


def test_extractors_are_a_registry():
    class Nothing:
        name = "nothing"

        def extract(self, text, report_date, lang=""):
            return []

    register_extractor("nothing", Nothing)
    assert "builtin" in extractor_names() and "nothing" in extractor_names()
    assert extract("Gunmen killed two men in Qadmus.", REPORT, extractor="nothing") == []
    with pytest.raises(KeyError):
        get_extractor("no-such-model")


def test_a_report_stored_by_another_importer_can_be_queued_for_review(persona):
    from sulh.intake.actions import do_extract_report
    from sulh.sources.actions import do_create_report
    from sulh.sources.models import Source

    report = do_create_report(
        None,
        source=Source.objects.first(),
        text="Gunmen killed two shepherds near Tawahin yesterday.",
        kind="message",
    )
    [proposal] = do_extract_report(persona("documenter"), report)
    assert proposal.report == report and proposal.status == "proposed"
    assert proposal.quote == report.text
