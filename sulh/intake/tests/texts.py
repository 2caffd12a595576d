"""Two accounts of one killing, written for these tests: an Arabic field note, an English brief."""

ARABIC_NOTE = (
    "ملاحظة ميدانية من القدموس.\n"
    "مساء أمس، الثاني عشر من نيسان ٢٠٢٥، قُتل راعٍ برصاص مسلحين مجهولين قرب قرية الطواحين، "
    "بحسب أحد الأهالي. وأُصيب شاب آخر كان برفقته."
)
ENGLISH_BRIEF = (
    "TARTUS, April 13 (news brief) — A shepherd was shot dead on Saturday evening near the "
    "village of Tawahin, outside Al-Qadmus, according to local sources. A second man was wounded."
)
REPORT_DATE = "2025-04-13"
