"""A small lexicon that flags threatening messages, in English and Arabic (MSA and Levantine).

Each pattern belongs to a reason (death threat, burning, "traitor"...). Patterns aim at the forms
threats take — first person future ("we will burn", "رح نحرقكم", "سنذبحكم"), orders ("leave or"),
death wishes ("death to") — so that a report *about* a burning ("they burned the fields") is not
flagged. A negation just before a match ("we will not kill", "لن نقتل", "ما رح نحرق") cancels it.
Texts are folded first (Arabic letter variants, diacritics, tatweel), and patterns are folded the
same way, so they can be written as people spell them.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sulh.lib.arabic import ARABIC_DIACRITICS, ARABIC_FOLDS, TATWEEL, fold_digits

REASONS = {
    "death": _("death threat"),
    "burning": _("threat to burn"),
    "massacre": _("threat of a massacre or expulsion"),
    "abduction": _("threat to abduct"),
    "traitor": _("called traitor or collaborator"),
    "knows_where": _("says they know where people live"),
    "names_place": _("names a targeted place"),
    "names_person": _("names a targeted person"),
}
# Reasons that make a message a threat on their own; the naming reasons only describe the target.
THREAT_CODES = ("death", "burning", "massacre", "abduction", "traitor", "knows_where")

# Arabic future / intent markers before a first-person plural verb: سنقتل، رح نقتل، بدنا نقتل، حنقتل
AR_WE_WILL = r"(?:س|ح|رح\s+|راح\s+|رايحين\s+|بدنا\s+|لازم\s+|حا\s+|ل)?"
# Object pronouns after the verb (نقتلكم، نحرقها); the word must end there ("نقتلع" is not "kill").
AR_OBJ = r"(?:كم|كن|هم|هن|ك|ه|ها|كو|ن|و|وا)?\b"
AR_OBJ_REQUIRED = r"(?:كم|كن|هم|هن|ك|ه|ها|كو)\b"

# "we will", "we're going to", "we'll surely": one free word is allowed, unless it negates.
EN_WE_WILL = (
    r"\bwe(?:'ll|\s+will|\s+shall|\s+are\s+going\s+to|'re\s+going\s+to|'re\s+gonna|"
    r"\s+are\s+gonna|\s+gonna)\s+(?:(?!not\b|never\b)\w+\s+)?"
)
EN_YOU_WILL = r"\b(?:you|you all|all of you)(?:'ll|\s+will|\s+are\s+going\s+to)\s+(?:all\s+)?"

PATTERNS: dict[str, list[str]] = {
    "death": [
        EN_WE_WILL + r"(?:kill|slaughter|behead|execute|shoot|finish|butcher)\b",
        EN_YOU_WILL + r"(?:die|be killed|be slaughtered|be executed|pay with your blood)\b",
        r"\bdeath\s+to\b",
        r"\byour\s+blood\s+(?:will|is|shall)\b",
        r"\byou(?:'re| are)\s+(?:dead|next)\b",
        r"\bheads?\s+will\s+roll\b",
        AR_WE_WILL + r"ن(?:قتل|دبح|ذبح|عدم|فخت|سحق|دعس|فجر)" + AR_OBJ,
        r"\b(?:نشرب|رح\s+نشرب|سنشرب)\s+من\s+دم\w*",
        AR_WE_WILL + r"ن(?:صفي|صف)" + AR_OBJ_REQUIRED,
        r"\b(?:ستموت|رح\s+تموت|حتموت|راح\s+تموت)\w*",
        r"\bالموت\s+(?:ل|لل)\w*",
        r"\b(?:دم|دماء)\w*\s+(?:مهدور|مباح|حلال)\w*",
        r"\bمهدور(?:ين|ه)?\s+(?:ال)?دم\w*",
        r"\b(?:جايينكم|جاييكم|جايين\s+لعندكم)\s+(?:بالسكاكين|بالسلاح|للذبح|لنذبح)\w*",
        r"\bقطع\s+(?:ال)?(?:رؤوس|روس|راس)\w*",
    ],
    "burning": [
        EN_WE_WILL + r"burn\b",
        r"\bwill\s+(?:be\s+)?burn(?:ed|t)?\s+(?:down|to the ground)\b",
        r"\bburn\s+(?:your|their|the)\s+(?:houses|homes|village|town|shops|land)\b",
        AR_WE_WILL + r"ن(?:حرق|ولع|ولّع|هدم|دمر)" + AR_OBJ,
        r"\b(?:ستحترق|رح\s+تحترق|حتحترق|راح\s+تحترق)\w*",
        r"\bحرق\s+(?:بيوت|منازل|بيت|محلات|ضيع|قري|قرى)\w*",
    ],
    "massacre": [
        r"\b(?:massacre|wipe\s+(?:you|them)\s+out|exterminate|annihilate)\b(?!\s+(?:in|at|of)\b)",
        r"\b(?:leave|get out)\b.{0,40}\b(?:or else|or you will|before we|or we)\b",
        r"\b(?:last|final)\s+warning\b",
        r"\byou\s+have\s+\d+\s+(?:hours|days)\b",
        AR_WE_WILL + r"ن(?:بيد|محي|مسح|هجر|طرد)" + AR_OBJ_REQUIRED,
        r"\b(?:مجزره|مجازر)\s+(?:بحقكم|فيكم|جديده|تانيه|ثانيه)\b",
        r"\b(?:ارحلوا|اطلعوا|اتركوا|اخرجوا|فلّوا|فلوا)\b",
        r"\b(?:اخر|آخر)\s+(?:تحذير|انذار|إنذار)\b",
        r"\bانذار\s+اخير\b",
        r"\bامامكم\s+\d+\s+(?:ساع|يوم|ايام)\w*",
    ],
    "abduction": [
        EN_WE_WILL + r"(?:kidnap|abduct|take)\s+(?:you|your|them|their)\b",
        AR_WE_WILL + r"ن(?:خطف|شحط)" + AR_OBJ,
        r"\b(?:ولادكم|اولادكم|بناتكم|نسوانكم)\s+(?:رح|ح|س)\s*(?:ينخطفوا|نخطفهم|ياخدوهم)\b",
    ],
    "traitor": [
        r"\b(?:traitors?|collaborators?|sell-?outs?|informants?)\b",
        r"\b(?:agents?|lackeys?)\s+of\b",
        r"\b(?:يا\s+)?(?:عميل|عملاء|عميله|خاين|خائن|خونه|خاينين|خائنين|مخبر|مخبرين|جواسيس|"
        r"جاسوس|ازلام|أزلام)\b",
    ],
    "knows_where": [
        r"\bwe\s+know\s+where\s+(?:you|your|they)\b",
        r"\b(?:we(?:'re| are)\s+)?coming\s+for\s+(?:you|your)\b",
        r"\b(?:منعرف|نعرف|بنعرف|عارفين)\s+(?:وين|بيوت|بيت|عناوين|عنوان|مكان|ولادكم|اولادكم)\w*",
        r"\b(?:جايينكم|جاييكم|جايين\s+لعندكم)\b",
    ],
}
# A negation word, then at most two words, just before the match: "we will not kill", "لن نقتل".
NEGATION = re.compile(
    r"(?:\b(?:not|never|no one|won't|don't|do not)|(?:^|\s)(?:لن|لا|ما|مش|مو|ماح|مارح))"
    r"\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
# A person named in a threat: a mention, a kunya ("Abu Ali", "أبو علي") or a title with a name.
PERSON = re.compile(
    r"@\S+|\b(?:abu|umm|sheikh|mukhtar)\s+[a-z]\w+|(?:^|\s)(?:ابو|ام|الشيخ|شيخ|المختار|مختار)"
    r"\s+[\u0621-\u064a]{2,}",
    re.IGNORECASE,
)


def strip_marks(text: str) -> str:
    return ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")


def fold(text: str) -> str:
    """Fold Arabic spelling variants and digits so one pattern meets the ways people type.

    Character for character on a text without diacritics, so spans found in the folded text
    point at the same words of ``strip_marks(text)``.
    """
    return fold_digits(strip_marks(text)).translate(ARABIC_FOLDS).lower()


def _compile(pattern: str) -> re.Pattern:
    # Arabic words have no \b before an attached future particle; anchor them on a non-letter.
    pattern = fold(pattern)
    if not pattern.startswith(r"\b"):
        pattern = r"(?:^|(?<=[^\w]))" + pattern
    return re.compile(pattern, re.IGNORECASE)


COMPILED = {code: [_compile(p) for p in patterns] for code, patterns in PATTERNS.items()}


@dataclass(frozen=True)
class Reason:
    code: str
    match: str  # the words that matched, for readers cleared to see the message

    @property
    def label(self) -> str:
        return str(REASONS[self.code])

    def as_dict(self) -> dict:
        return {"code": self.code, "match": self.match}


def _negated(folded: str, start: int) -> bool:
    return bool(NEGATION.search(folded[max(0, start - 30) : start]))


def threat_reasons(text: str) -> list[Reason]:
    """Why a message threatens: one reason per matched kind, empty when it does not threaten."""
    text = strip_marks(text)
    folded = fold(text)
    found: list[Reason] = []
    for code in THREAT_CODES:
        for pattern in COMPILED[code]:
            match = next(
                (m for m in pattern.finditer(folded) if not _negated(folded, m.start())), None
            )
            if match:
                found.append(Reason(code, text[match.start() : match.end()].strip()))
                break
    if found:
        person = PERSON.search(folded)
        if person:
            found.append(Reason("names_person", text[person.start() : person.end()].strip()))
    return found


def reason_label(code: str) -> str:
    return str(REASONS.get(code, code))
