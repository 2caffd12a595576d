import pytest

from sulh.lib.arabic import normalise, skeleton


@pytest.mark.parametrize(
    "spellings",
    [
        ["Misyaf", "Masyaf", "Massiaf", "Misiaf", "مصياف"],
        ["Qadmus", "Al Qadmūs", "al-Qadmus", "El Qadmus", "Qadmous", "Kadmous", "القدموس"],
        ["Hamam Wasl", "Ḩammām Wāşil", "Hammam Wasil", "حمام واصل"],
        ["Kaf Jaa", "Kaff al-Jaa", "كاف الجاع"],
        ["Salamiyah", "As Salamīyah", "Salamiyeh", "سلمية", "السلمية"],
        ["Baniyas", "Banias", "Bāniyās", "بانياس"],
    ],
)
def test_spellings_of_one_place_share_a_skeleton(spellings):
    assert len({skeleton(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("أحمد", "احمد"),  # hamza on alef
        ("إدلب", "ادلب"),
        ("آمنة", "امنه"),  # madda, taa marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("القَدْمُوس", "قدموس"),  # diacritics and the article
        ("القــدموس", "قدموس"),  # tatweel
        ("١٢٣", "123"),  # Arabic-Indic digits
    ],
)
def test_arabic_orthographic_variants_fold_together(variant, plain):
    assert normalise(variant) == plain


def test_latin_accents_articles_and_apostrophes_fold():
    assert normalise("Ţarţūs") == "tartus"
    assert normalise("al-Qadmus") == normalise("El Qadmus") == "qadmus"
    assert normalise("Ma'arrat") == "maarrat"


def test_different_places_keep_different_skeletons():
    assert skeleton("Qadmus") != skeleton("Masyaf")
    assert skeleton("Hama") != skeleton("Homs")
