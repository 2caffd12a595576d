"""The built-in extractor's word lists: what kind of event a sentence tells of, what a number
counts, and who the text says the information came from. English and Arabic side by side.

Arabic patterns are written in the folded form ``fold_for_search`` produces (ا for أ إ آ, ي for ى,
ه for ة) and allow the clitics و ف ب ل and the article before a stem.
"""

import re
from dataclasses import dataclass

AR = r"(?<![\w])(?:و|ف|ب|ل|وب|ول|لل)?(?:ال)?"  # clitics and article before an Arabic stem
EN = r"\b"


@dataclass(frozen=True)
class Trigger:
    event_type: str
    sub_event_type: str
    priority: int
    pattern: re.Pattern


def _t(event_type: str, sub: str, priority: int, english: str, arabic: str) -> Trigger:
    pattern = rf"{EN}(?:{english})|{AR}(?:{arabic})"
    return Trigger(event_type, sub, priority, re.compile(pattern, re.I))


VAC = "violence_against_civilians"
STRATEGIC = "strategic_developments"
EXPLOSIONS = "explosions_remote_violence"

TRIGGERS = [
    _t(
        EXPLOSIONS,
        "remote_explosive_landmine_ied",
        90,
        r"land\s*mines?|IEDs?\b|explosive\s+device|car\s+bomb|roadside\s+bomb|bomb\s+exploded",
        r"لغم|الغام|عبوه\s+ناسفه|عبوات\s+ناسفه|سياره\s+مفخخه|مفخخ",
    ),
    # An explosion heard is weaker evidence than the fighting or killing told beside it.
    _t(
        EXPLOSIONS,
        "remote_explosive_landmine_ied",
        58,
        r"explosions?|blasts?|exploded",
        r"انفجار\S*|انفجر\S*",
    ),
    _t(EXPLOSIONS, "grenade", 89, r"grenades?", r"قنبله\s+يدويه|قنابل\s+يدويه"),
    _t(
        EXPLOSIONS,
        "air_drone_strike",
        88,
        r"air\s*strikes?|drone\s+strikes?|drones?\b|warplanes?|bombed\s+from\s+the\s+air",
        r"غاره|غارات|طائره\s+مسيره|طائرات\s+مسيره|الطيران\s+المسير|مسيره\s+انتحاريه|طيران\s+حربي",
    ),
    _t(
        EXPLOSIONS,
        "shelling_artillery_missile_attack",
        85,
        r"shell(?:ed|ing|s)\b|mortars?|artillery|rockets?|missiles?",
        r"قصف|قذيفه|قذائف|هاون|صاروخ|صواريخ|مدفعي",
    ),
    _t(
        "battles",
        "armed_clash",
        80,
        r"clash(?:es|ed)?|fire\s*fight|gun\s*battles?|exchanged?\s+(?:of\s+)?fire|"
        r"exchange\s+of\s+(?:gun)?fire|(?:heavy\s+|fierce\s+)?fighting|fought",
        r"اشتباك|اشتباكات|اشتبك|معارك|معركه|تبادل\s+(?:ل)?اطلاق\s+النار|مواجهات\s+مسلحه",
    ),
    _t(
        VAC,
        "sexual_violence",
        61,
        r"rape[ds]?|sexual(?:ly)?\s+(?:assault|abuse)",
        r"اغتصاب|اعتداء\s+جنسي|تحرش",
    ),
    _t(
        VAC,
        "attack",
        60,
        r"killed|killing|kills?\b|murder(?:ed|s)?|shot\s+dead|gunned\s+down|executed|"
        r"assassinat\w*|died|dead\b|bod(?:y|ies)\s+of|death\s+toll|lynch\w*|slain|stabbed",
        r"مقتل|قتل|قتيل|قتلي|مصرع|اغتيال|اعدام|اعدم|جثه|جثث|لقي\s+حتف|ارداه|تصفيه|استشهاد|"
        r"استشهد|حصيله\s+الضحايا|(?<!وقف\s)(?<!وقف\sل)اطلاق\s+(?:ال)?نار|اطلقوا\s+النار|اطلق\s+النار",
    ),
    _t(
        VAC,
        "abduction_forced_disappearance",
        55,
        r"abduct\w*|kidnap\w*|forcibly\s+disappeared|disappeared|taken\s+hostage|hostages?|"
        r"whereabouts\s+(?:are|remain)\s+unknown",
        r"اختطاف|اختطف|خطف|مخطوف|مختطف|اختفاء\s+قسري|مجهول\s+المصير|مجهولي\s+المصير|مفقود",
    ),
    # "they took my cousin from his shop": an abduction told in plain words.
    _t(
        VAC,
        "abduction_forced_disappearance",
        54,
        r"(?:took|taken|grabbed|snatched|seized|dragged)\s+(?:away\s+)?(?:my|his|her|their|our|a|an)\s+"
        r"(?:\S+\s+){0,1}(?:cousin|brother|son|father|husband|nephew|uncle|neighbou?r|friend|man|"
        r"boy|girl|woman|relative)s?\b",
        r"(?:اخدوا|اخذوا|سحبوا|شالوا|اقتادوا|اقتاد)\s+(?:\S+\s+){0,1}(?:ابن|اخ|اخو|زوج|ابو|جار|رفيق|"
        r"صديق|شاب|رجل|بنت|ولد)\S*",
    ),
    _t(
        STRATEGIC,
        "arrests",
        50,
        r"arrest(?:ed|ing|s)?\b(?!\s+warrant)|detain(?:ed|ing|s)?\b|taken\s+into\s+custody|"
        r"rounded\s+up",
        r"اعتقال|اعتقل|احتجاز|احتجز|توقيف|اوقف|القاء\s+القبض|القي\s+القبض|اعتقالات",
    ),
    _t(
        STRATEGIC,
        "looting_property_destruction",
        45,
        r"burn(?:ed|t|ing)?\s+(?:down\s+)?(?:\w+\s+){0,2}(?:homes?|houses?|shops?|cars?|fields?)|"
        r"(?:homes?|houses?|shops?)\s+(?:\w+\s+){0,3}(?:burn(?:ed|t)|torched|set\s+on\s+fire|looted)|"
        r"torch\w*|set\s+(?:\w+\s+){0,3}(?:on\s+)?fire|set\s+alight|loot\w*|ransack\w*|demolish\w*|"
        r"vandali\w*",
        r"احراق|حرق|احرق|اضرام\s+النار|اضرموا|نهب|سرقه\s+(?:منازل|محلات)|سلب|تخريب|هدم",
    ),
    _t("riots", "mob_violence", 42, r"riot\w*|mob\b|angry\s+crowd", r"شغب|غوغاء|حشد\s+غاضب"),
    _t(
        "armed_mobilisation",
        "siege",
        35,
        r"besieg\w*|siege|surround(?:ed|ing)\s+the\s+(?:town|village|city)|encircl\w*",
        r"حصار|محاصره|يحاصر|حاصر|تطويق|طوق",
    ),
    _t(
        "weapons_handed_over",
        "",
        33,
        r"hand(?:ed|ing)?\s+over\s+(?:\w+\s+){0,3}(?:weapons|arms|rifles|guns)|"
        r"(?:weapons|arms|rifles)\s+(?:\w+\s+){0,2}handed\s+over|"
        r"surrender(?:ed)?\s+(?:\w+\s+){0,2}(?:weapons|arms)|turned\s+in\s+(?:\w+\s+){0,2}weapons|"
        r"(?:handed|gave|delivered|turned)\s+(?:\w+\s+){0,2}(?:weapons|arms|rifles|guns)\s+"
        r"(?:over\s+)?(?:to|in)\s+(?:the\s+)?(?:general\s+security|security|police|authorities|"
        r"army|government|state|council)",
        r"تسليم\s+(?:\S+\s+){0,2}(?:السلاح|الاسلحه|اسلحت\S*|سلاح\S*|قطع)|"
        r"سلم\S*\s+(?:\S+\s+){0,3}(?:اسلحت\S*|سلاح\S*|السلاح|الاسلحه|بنادق\S*|"
        r"بندقي\S*|رشاش\S*)",
    ),
    _t(
        "weapons_distributed",
        "",
        32,
        r"distribut\w*\s+(?:\w+\s+){0,2}(?:weapons|arms|rifles|guns)|"
        r"(?:weapons|arms|rifles)\s+(?:\w+\s+){0,2}distributed|(?:handed\s+out|gave|supplied|"
        r"armed)\s+(?:\w+\s+){0,2}(?:weapons|rifles|guns|arms|kalashnikovs)\b",
        r"توزيع\s+(?:ال)?(?:سلاح|اسلحه|بنادق)|(?:وزع|سلح|زود)\S*\s+(?:\S+\s+){0,2}(?:ال)?"
        r"(?:سلاح|اسلحه|بنادق|بندقيه|رشاشات)",
    ),
    _t(
        "checkpoint_established",
        "checkpoint_programme",
        31,
        r"(?:set\s+up|established?|erected|install\w*|opened)\s+(?:\w+\s+){0,3}checkpoints?|"
        r"checkpoints?\s+(?:\w+\s+){0,2}(?:set\s+up|established|erected|installed)",
        r"(?:اقام\S*|نصب\S*|اقامه|انشاء|نشر\S*|وضع\S*|تركيب)\s+(?:\S+\s+){0,3}حواجز|"
        r"(?:اقام\S*|نصب\S*|اقامه|انشاء|وضع\S*)\s+(?:\S+\s+){0,2}حاجز",
    ),
    _t(
        "threat",
        "threat_message",
        30,
        r"threat\w*|ultimatum|warn(?:ed|ing)\s+(?:\w+\s+){0,4}(?:or\s+else|to\s+leave)",
        r"تهديد|تهديدات|هدد|يهدد|توعد|وعيد|انذار|مهله",
    ),
    _t(
        "displacement",
        "",
        27,
        r"fled|displaced|displacement|forced\s+to\s+leave|evacuat\w*",
        r"نزوح|نزح|نازحين|فروا|هرب\S*|تهجير|هجروا|اخلاء|غادر\S*\s+(?:\S+\s+){0,2}منازلهم",
    ),
    _t(
        "armed_mobilisation",
        "volunteers_armed",
        26,
        r"armed\s+volunteers|volunteers\s+(?:\w+\s+){0,2}armed|armed\s+(?:\w+\s+){0,2}volunteers",
        r"تسليح\s+(?:ال)?متطوعين|متطوعين\s+مسلحين|(?:ال)?متطوعين\s+(?:ال)?مسلحين",
    ),
    _t(
        "armed_mobilisation",
        "forces_arrive",
        25,
        r"reinforcements|convoys?\s+of\s+(?:\w+\s+){0,2}(?:fighters|armed|gunmen|vehicles)|"
        r"deploy\w*|mobili[sz]\w*|forces\s+(?:arrived|entered|reached)|massing|gathered\s+(?:near|"
        r"outside|around)",
        r"تعزيزات|انتشار|انتشرت|وصول\s+(?:\S+\s+){0,1}قوات|وصلت\s+(?:\S+\s+){0,1}قوات|"
        r"دخلت\s+(?:\S+\s+){0,1}قوات|حشد|حشود|رتل|ارتال|تجمع\s+(?:\S+\s+){0,2}مسلحين",
    ),
    _t(
        "agreement",
        "",
        24,
        r"agreement|agreed|deal\b|truce|cease-?fire|accord\b",
        r"اتفاق|اتفق\S*|اتفاقيه|هدنه|وقف\s+(?:ل)?اطلاق\s+النار|تفاهم",
    ),
    _t("movement_restriction", "curfew", 23, r"curfew", r"حظر\s+(?:ال)?تجول"),
    _t(
        "movement_restriction",
        "roadblock",
        23,
        r"road\s*blocks?|blocked\s+the\s+road|road\s+(?:was\s+)?closed|closed\s+the\s+road",
        r"قطع\s+(?:ال)?طريق|اغلاق\s+(?:ال)?طريق|اغلقوا\s+(?:ال)?طريق",
    ),
    _t(
        "negotiation",
        "",
        22,
        r"negotiat\w*|talks\s+with|mediat\w*|safe\s+passage|handover\s+terms|amnesty",
        r"تفاوض|مفاوضات|وساطه|وسطاء|ممر\s+امن|عفو|تسويه",
    ),
    _t(
        "protests",
        "peaceful_protest",
        21,
        r"protest\w*|demonstrat\w*|rall(?:y|ies)|sit-in|marched",
        r"مظاهره|مظاهرات|تظاهر\S*|احتجاج\S*|وقفه\s+احتجاجيه|اعتصام|مسيره\s+احتجاجيه",
    ),
    _t(
        "aid_movement",
        "aid_blocked",
        23,
        r"aid\s+convoy|relief\s+convoy|humanitarian\s+aid",
        r"قافله\s+مساعدات|مساعدات\s+انسانيه|المساعدات|الاغاثه",
    ),
    _t(
        "meeting",
        "",
        20,
        r"met\b|convened|meeting|held\s+talks|visited|toured|gathering\s+of",
        r"اجتماع|اجتمع|التقي|لقاء|زار|جوله",
    ),
    _t("pledge", "", 19, r"pledg\w*|promised|vowed\s+to\s+protect", r"تعهد\S*|وعد\S*"),
]
# "threatened to burn the village" is a threat, not a burning.
MODAL_BEFORE = re.compile(
    r"(?:threaten\w*|vow\w*|warn\w*|promis\w*|will|would|to|"
    r"تهديد\S*|هدد\S*|يهدد\S*|توعد\S*|سوف|سن|سي|بال|ب)\s*(?:\S+\s+){0,2}$",
    re.I,
)
THREAT_SIGNAL = re.compile(rf"{EN}threat\w*|{EN}threaten\w*|{AR}(?:تهديد|هدد|يهدد|توعد|وعيد)", re.I)

SUB_TYPE_REFINEMENTS = {
    "threat": [
        (
            re.compile(
                r"in\s+person|face\s+to\s+face|at\s+the\s+checkpoint|وجها\s+لوجه|شفهي", re.I
            ),
            "threat_in_person",
        ),
        (re.compile(r"ultimatum|مهله|انذار", re.I), "siege_ultimatum"),
    ],
    "protests": [
        (
            re.compile(r"fired\s+on|live\s+(?:fire|ammunition)|قمع|اطلاق\s+النار\s+علي", re.I),
            "excessive_force_against_protesters",
        ),
        (re.compile(r"dispersed|arrested|تفريق|فرقت", re.I), "protest_with_intervention"),
    ],
    "aid_movement": [
        (re.compile(r"escort\w*|رافق\S*|مرافقه", re.I), "aid_escorted"),
    ],
    "checkpoint_established": [
        (re.compile(r"\ba\s+(?:new\s+)?checkpoint\b|حاجز(?!\S)", re.I), "single_checkpoint"),
    ],
}

# What a number counts, read from the words after it (nouns) or before it (verbs).
COUNT_AFTER = [
    (
        "killed",
        r"(?:\w+\s+){0,3}(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|"
        r"deaths|fatalities|bodies|murdered|shot\s+dead|executed|slain)\b|"
        r"(?:\S+\s+){0,1}(?:قتلي|قتيلا|قتيل|ضحايا|ضحيه|جثث|جثه|شهداء|شهيد|قتلوا|لقوا\s+حتفهم)",
    ),
    (
        "injured",
        r"(?:\w+\s+){0,3}(?:were\s+|was\s+)?(?:injured|wounded|hurt|injuries)\b|"
        r"(?:\S+\s+){0,1}(?:جرحي|جريحا|جريح|مصابين|مصابا|اصابات|اصيبوا|جرحوا)",
    ),
    (
        "abducted",
        r"(?:\w+\s+){0,3}(?:were\s+|was\s+)?(?:abducted|kidnapped|missing|hostages|"
        r"taken\s+hostage)\b|(?:\S+\s+){0,1}(?:مخطوفين|مختطفين|مخطوفا|مختطفا|اختطفوا|خطفوا|مفقودين)",
    ),
    (
        "detained",
        r"(?:\w+\s+){0,3}(?:were\s+|was\s+)?(?:detained|arrested|detainees|held)\b|"
        r"(?:\S+\s+){0,1}(?:معتقلين|معتقلا|موقوفين|محتجزين|اعتقلوا|اوقفوا)",
    ),
    (
        "homes_burned",
        r"(?:\w+\s+){0,1}(?:homes|houses|home|house|dwellings)\b|"
        r"(?:منازل|منزلا|منزل|بيوت|بيتا|منزلين|بيتين)",
    ),
    (
        "armed_men",
        r"(?:armed\s+men|gunmen|fighters|militants|attackers|armed\s+\w+|"
        r"masked\s+men|assailants)\b|(?:مسلحين|مسلحا|مسلح|عنصرا\s+مسلحا|مقاتلين|مقاتلا|ملثمين)",
    ),
    (
        "weapons",
        r"(?:\w+\s+){0,1}(?:weapons|rifles|guns|firearms|pieces\s+of\s+weaponry|"
        r"kalashnikovs)\b|(?:قطعه\s+سلاح|قطع\s+سلاح|قطعه|بندقيه|بنادق|سلاح)",
    ),
    ("villages", r"(?:\w+\s+){0,1}(?:villages|hamlets|towns)\b|(?:قريه|قري|بلدات)"),
    ("volunteers", r"(?:\w+\s+){0,1}volunteers\b|(?:متطوعين|متطوعا|متطوع)"),
    (
        "police",
        r"(?:\w+\s+){0,1}(?:police(?:men|\s+officers)?|officers)\b|"
        r"(?:شرطيا|شرطي|عناصر\s+شرطه|عنصر\s+شرطه|من\s+الشرطه)",
    ),
    (
        "people_moved",
        r"(?:\w+\s+){0,1}(?:families|people\s+fled|displaced)\b|(?:عائلات|عائله|اسر|اسره|نازح)",
    ),
    ("messages", r"(?:\w+\s+){0,2}(?:messages|threats|calls)\b|(?:رساله|رسائل)"),
    (
        "amount",
        r"(?:US\s+)?(?:dollars|USD|euros|EUR|Syrian\s+pounds|pounds|lira|SYP)\b|"
        r"(?:دولار|دولارا|يورو|ليره|ليرات)",
    ),
]
COUNT_AFTER_RE = [(what, re.compile(r"\s*(?:" + p + ")", re.I)) for what, p in COUNT_AFTER]
COUNT_BEFORE = [
    (
        "killed",
        r"(?:killing|killed|kill|bodies\s+of|death\s+toll\s+(?:\w+\s+){0,2}(?:to|at|of)|"
        r"مقتل|قتل\S*|مصرع|اعدام|اعدم\S*|جثث|جثامين|حصيله\s+(?:ال)?(?:قتلي|ضحايا)\s+(?:\S+\s+){0,1}(?:الي)?)",
    ),
    ("injured", r"(?:injuring|wounding|injured|wounded|اصابه|جرح\S*|اصيب\S*|اصاب\S*)"),
    ("abducted", r"(?:abducting|abducted|kidnapping|kidnapped|seized|اختطاف|خطف\S*|اختطف\S*)"),
    (
        "detained",
        r"(?:arresting|arrested|detaining|detained|اعتقال|اعتقل\S*|احتجاز|احتجز\S*|توقيف|اوقف\S*)",
    ),
    ("homes_burned", r"(?:burn(?:ed|t|ing)|torch(?:ed|ing)|احراق|حرق|احرقوا)"),
    ("amount", r"(?:\$|US\$|USD|ransom\s+of|فديه\s+(?:قدرها|بقيمه)?)"),
]
COUNT_BEFORE_RE = [
    (what, re.compile(rf"(?:{p})\s*(?:\S+\s+){{0,3}}$", re.I)) for what, p in COUNT_BEFORE
]
PEOPLE_WORDS = (
    r"people|persons|civilians|men|women|children|residents|villagers|farmers|shepherds|"
    r"young\s+men|members|soldiers|youths|others|suspects|brothers|relatives|passengers|workers|"
    r"students|patients|travell?ers|"
    r"اشخاص|شخصا|شخص|مدنيين|مدنيا|رجال|شبان|اطفال|نساء|مواطنين|عناصر|افراد|اخرين|اخرون|اخري|"
    r"شبابا|شابا|شاب|شب|رجلا|رجل|طفلا|طفل|امراه|مدني|عنصرا|عنصر|مواطنا|مواطن|راعيا|رعاه|"
    r"مشتبهين|مشتبها|مشتبه|اشقاء|اقارب|ركاب|عمال|طلاب|مسافرين"
)
GENERIC_PEOPLE = re.compile(rf"\s*(?:{PEOPLE_WORDS}|من\s+\S+)", re.I)
PEOPLE_BEFORE = re.compile(rf"(?:ال)?(?:{PEOPLE_WORDS})\s*$", re.I)
# Things counted that are not people: "armed men in two cars kidnapped ..." counts no victims.
NOT_PEOPLE_AFTER = re.compile(
    r"\s*(?:cars?|vehicles?|trucks?|pickups?|days?|hours?|weeks?|months?|times|rounds|shells|"
    r"sides|groups|سيارات|سيارتين|سياره|ايام|يومين|ساعات|اسابيع|اشهر|مرات|قذائف)\b",
    re.I,
)
# Two of something written as one word (the Arabic dual, -ين or -ان).
# Broken-plural nouns, whose -ين form is only ever a dual ...
_DUAL_STEMS = "شخص شاب رجل طفل قتيل جريح عنصر منزل بيت قريت شقيق امرات فتي"
# ... and sound-plural ones, whose -ين form is usually the plural: a dual only as -ان or with اثنين.
_PLURAL_STEMS = "مسلح مدني مزارع مختطف معتقل مواطن"
DUALS = re.compile(
    rf"{AR}(?:(?:{'|'.join(_DUAL_STEMS.split())})(?:ين|ان)(?:\s+اثن(?:ين|ان))?|"
    rf"(?:{'|'.join(_PLURAL_STEMS.split())})(?:ان|ين\s+اثنين|ان\s+اثنان))(?!\S)",
    re.I,
)
DUAL_KIND = {"قتيل": "killed", "جريح": "injured", "منزل": "homes_burned", "بيت": "homes_burned"}
DUAL_KIND |= {"قريت": "villages", "مسلح": "armed_men", "مختطف": "abducted", "معتقل": "detained"}
VICTIM_NOUNS_EN = (
    r"man|woman|child|boy|girl|civilian|farmer|shepherd|teacher|person|resident|villager|member|"
    r"driver|doctor|student|teenager|father|mother|son|daughter|brother|sister|wife|husband|"
    r"mukhtar|sheikh|nurse|worker|officer|soldier"
)
VICTIM_NOUNS_AR = (
    r"شاب|رجل|امراه|طفل|مدني|مزارع|راع|راعي|عنصر|شخص|سائق|مواطن|فتاه|فتي|طبيب|مدرس|مختار|"
    r"والد\S*|ابن\S*|شقيق\S*|زوج\S*|ابو\s+\S+|شيخ|اخو\S*|جار\S*"
)
_VERBS_EN = r"killed|shot\s+dead|murdered|injured|wounded|abducted|kidnapped|detained|arrested"
SINGLE_VICTIM = re.compile(
    rf"(?:\b(?:a|an|one|his|her|their)\s+(?:\S+\s+){{0,2}}(?:{VICTIM_NOUNS_EN})\s+"
    rf"(?:\w+\s+){{0,4}}?(?:was\s+|were\s+|has\s+been\s+)?(?:\w+ly\s+)?(?P<en>{_VERBS_EN})\b)|"
    rf"(?:\b(?P<en2>{_VERBS_EN}|took|taken|seized|snatched)\s+(?:away\s+)?(?:a|an|one|my|his|her|"
    rf"their|our)\s+(?:\S+\s+){{0,2}}(?:{VICTIM_NOUNS_EN}|cousin|nephew|uncle|neighbou?r|friend)\b)|"
    rf"(?:{AR}(?P<ar>مقتل|قتل|مصرع|اغتيال|اصابه|اصيب|اصيبت|جرح|اختطاف|اختطف|خطف|اعتقال|اعتقل|"
    rf"توقيف|اخدوا|اخذوا|اقتادوا)\s+(?:\S+\s+){{0,3}}?(?:ال)?(?:{VICTIM_NOUNS_AR})(?!\S))",
    re.I,
)
SINGLE_KIND = {
    "killed": "killed",
    "shot dead": "killed",
    "murdered": "killed",
    "injured": "injured",
    "wounded": "injured",
    "abducted": "abducted",
    "kidnapped": "abducted",
    "detained": "detained",
    "arrested": "detained",
    "مقتل": "killed",
    "قتل": "killed",
    "مصرع": "killed",
    "اغتيال": "killed",
    "اصابه": "injured",
    "اختطاف": "abducted",
    "خطف": "abducted",
    "اعتقال": "detained",
    "توقيف": "detained",
    "اصيب": "injured",
    "جرح": "injured",
    "اختطف": "abducted",
    "اعتقل": "detained",
    "اصيبت": "injured",
    "took": "abducted",
    "taken": "abducted",
    "seized": "abducted",
    "snatched": "abducted",
    "اخدوا": "abducted",
    "اخذوا": "abducted",
    "اقتادوا": "abducted",
}
AT_LEAST_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:at\s+least|علي\s+الاقل)", re.I)

ATTRIBUTION = [
    re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:\n]{3,80})", re.I),
    re.compile(
        r"(?P<who>\b(?:a|an|one|two|three|several|local|the)\s+[^,.;:\n]{2,60}?)\s+"
        r"(?:told|said|reported|confirmed|stated)\b",
        re.I,
    ),
    re.compile(
        r"(?<![\w])(?:بحسب|حسب|وفقا\s+ل|وفق|نقلا\s+عن|كما\s+افاد|افاد|افادت|قال|قالت|اكد|اكدت|"
        r"ذكر|ذكرت|روي)\s+(?:ما\s+(?:افاد|ذكر|قال)\s+)?(?P<who>[^,.؛\n]{3,60})",
        re.I,
    ),
]

# Words that make a trigger not (yet) an event: "no news about the dead", "would hand over".
NOT_AN_EVENT_BEFORE = re.compile(
    r"(?:\bno|\bnobody|\bno\s+one|\bnone|\bnot|\bnever|\bwithout|\bwould|\bwill|\bplan(?:s|ned)?\s+to|\bagreed\s+to|"
    r"\bagreed\s+that|\bthat\s+(?:has|have|had)|\bwhich\s+(?:has|have|had)|\bsince|"
    r"\bdemand\w*|\brelease\s+of|\bfear\w*|(?<!\S)لا|(?<!\S)لم|(?<!\S)لن|(?<!\S)ما\s+في|"
    r"(?<!\S)بدون|(?<!\S)دون|(?<!\S)سوف|علي\s+ان|(?<!\S)ان\s+ي\S*|خوفا\s+من|(?<!\S)رح|"
    r"(?<!\S)حي)(?!\w)\s*(?:\S+\s+){0,3}$",
    re.I,
)
# Types that a sentence may report beside its main event ("the siege ended when weapons were
# handed over", "they burned houses and people fled").
INDEPENDENT = {
    "weapons_handed_over",
    "weapons_distributed",
    "displacement",
    "checkpoint_established",
    "looting_property_destruction",
    "arrests",
}
# Casualty words that only add counts to a violent event just told (clashes, then "4 killed").
CASUALTY_ONLY = {"violence_against_civilians"}
VIOLENT = {"battles", "explosions_remote_violence", "violence_against_civilians", "riots"}
OUTCOMES = {
    ("meeting", "agreement"),
    ("negotiation", "agreement"),
    ("meeting", "negotiation"),
    ("meeting", "pledge"),
}
ORIGIN_BEFORE = re.compile(
    r"(?:(?:armed\s+men|gunmen|fighters|militants|faction|attackers|forces|men|convoy)\s+"
    r"(?:\w+\s+){0,2}from|(?:مسلحين|مسلحون|عناصر|فصيل|قوات|مقاتلين|القادم\S*|الوافد\S*)\s+"
    r"(?:\S+\s+){0,2}من|(?<!\S)ابناء|(?<!\S)اهالي)\s*$",
    re.I,
)
# "TARTUS, March 18 —": where the report was filed, not where its events happened.
DATELINE_PLACE = re.compile(r"^[^\n]{0,40}?(?:\d{4}|\d{1,2})?\s*(?:[—–:]|\s-\s|\()")
ROAD_BEFORE = re.compile(r"(?:\bthe\s*$|طريق\s*$|اوتوستراد\s*$)", re.I)
ROAD_AFTER = re.compile(r"^\s*(?:road|highway|motorway)\b", re.I)
