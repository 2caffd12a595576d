"""The threat lexicon: examples written for these tests, threats and near misses."""

import pytest

from sulh.intake.messaging.threats import threat_reasons

THREATS = [
    ("we will burn your houses tonight", "burning"),
    ("We're going to kill every one of you", "death"),
    ("You will all die, traitors", "death"),
    ("death to the collaborators", "death"),
    ("Leave the town or else", "massacre"),
    ("This is your last warning", "massacre"),
    ("we know where you live", "knows_where"),
    ("you are all traitors", "traitor"),
    ("agents of the regime, your time is coming", "traitor"),
    ("رح نحرق القدموس فوق راسكم", "burning"),
    ("سنحرق بيوتكم", "burning"),
    ("بدنا نولعها فيكم", "burning"),
    ("سنذبحكم واحد واحد", "death"),
    ("رح نقتلكم كلكم", "death"),
    ("بدنا نصفيكم", "death"),
    ("الموت للخونة", "death"),
    ("دمكم مهدور", "death"),
    ("ستموتون جميعاً", "death"),
    ("رح نمسحكم عن الخريطة", "massacre"),
    ("ارحلوا قبل الجمعة", "massacre"),
    ("آخر تحذير إلكم", "massacre"),
    ("أمامكم ٢٤ ساعة", "massacre"),
    ("يا عملاء الدولة", "traitor"),
    ("انتو خونة", "traitor"),
    ("منعرف وين ساكنين", "knows_where"),
    ("جايينكم الليلة", "knows_where"),
    ("we will kidnap your sons", "abduction"),
    ("رح نخطف ولادكم واحد واحد", "abduction"),
    ("بدنا نسحقكم", "death"),
    ("رح نشرب من دمكم", "death"),
    ("سَنَحْرِقُكُم", "burning"),  # with diacritics
    ("سنـــحرقكم", "burning"),  # with tatweel
]

NOT_THREATS = [
    "They burned the fields yesterday, according to a farmer",
    "We will not kill anyone; we want safe passage",
    "Reports of a massacre in Baniyas are being checked",
    "The meeting with the sheikhs is at ten",
    "لن نقتل أحداً ولن نؤذي أحداً",
    "ما رح نحرق شي، نحنا أهل سلم",
    "صباح الخير، اجتماع المجلس الساعة العاشرة",
    "الحرائق بالأحراش قريبة من الضيعة",
    "قسمنا الخبز نصفين",
    "نقتلع الأعشاب من الحديقة",
    "خطفوا شابين على طريق مصياف أمس",
    "نفجرت قسطل المي بالحارة",
    "الكهربا مقطوعة من الصبح",
    "نحن نحرص على سلامة الجميع",
    "الله يرحمه، العزاء بعد العصر",
]


@pytest.mark.parametrize(("text", "code"), THREATS)
def test_threats_are_flagged_with_their_reason(text, code):
    assert code in [reason.code for reason in threat_reasons(text)]


@pytest.mark.parametrize("text", NOT_THREATS)
def test_ordinary_messages_and_reports_of_violence_are_not(text):
    assert threat_reasons(text) == []


def test_the_reason_quotes_the_words_that_matched():
    reasons = threat_reasons("والله رح نحرقكم يا خونة")
    assert [(r.code, r.match) for r in reasons] == [
        ("burning", "رح نحرقكم"),
        ("traitor", "يا خونة"),
    ]


def test_a_named_person_is_part_of_the_reason():
    reasons = threat_reasons("أبو علي عميل وحسابه جاي")
    assert ("names_person", "أبو علي") in [(r.code, r.match) for r in reasons]
    assert threat_reasons("أبو علي وصل عالمجلس") == []


def test_a_word_that_only_begins_like_a_negation_does_not_cancel():
    assert [r.code for r in threat_reasons("لأهالي القدموس: رح نحرق القدموس")] == ["burning"]
    assert threat_reasons("ما رح نحرق القدموس") == []
