"""Find gazetteer places and registered actors named in running text, in either script.

Every word sequence of up to four words is looked up by its normalised form (and, for Arabic, with
the clitics و ب ل ف ك taken off), so "بالقدموس", "Al-Qadmus" and "Qadmous" all meet the place. The
best place for a matched phrase is then chosen by ``sulh.places.search.find_places``, the same
ranking the search page uses, so places users added count like shipped ones. Nothing here guesses
names outside the gazetteer and the registry: they win over any other reading of the text.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from threading import Lock

from sulh.lib.arabic import has_arabic, normalise, skeleton

_normalise = lru_cache(maxsize=100_000)(normalise)
_skeleton = lru_cache(maxsize=100_000)(skeleton)

WORD = re.compile(r"\w[\w’'-]*")
CLITICS = ("وبال", "وال", "بال", "فال", "لل", "كال", "و", "ب", "ل", "ف", "ك")
MAX_WORDS = 4
# Gazetteer names that are also everyday words; they count only after a place cue (in, في ...).
COMMON_WORDS = {
    normalise(word)
    for w in [
        "الكرامة",
        "النصر",
        "السلام",
        "الثورة",
        "الحرية",
        "الجديدة",
        "المدينة",
        "القرية",
        "البلدة",
        "الشيخ",
        "العين",
        "الحي",
        "المزرعة",
        "الخير",
        "الجبل",
        "السوق",
        "الشمالي",
        "الجنوبي",
        "الغربي",
        "الشرقي",
        "الساحل",
        "البحر",
        "الوادي",
        "الحاجز",
        "الدولة",
        "المركز",
        "New",
        "Center",
        "Centre",
        "Market",
        "Al",
        "Sheikh",
        # prepositions and directions that are also village names (الحول, بين ...)
        "حول",
        "بين",
        "عند",
        "تحت",
        "فوق",
        "وسط",
        "شرق",
        "غرب",
        "شمال",
        "جنوب",
        "قرب",
        "خلف",
        "امام",
        "داخل",
        # everyday nouns and adjectives that name villages too
        "اشاره باب بلبل تل ثوره جديده جلاء حاجب حاضر حديده حراك حصان حوله خريبه داليه راعي ربيعه "
        "روضه زياره سجن سلوك سوده شجره صور ضمير طبقه قاره قنوات قبو كرامه كرمه كسره كريمه مزرعه "
        "ملح منصوره ناصره هول عوج صدد ميادين وعره هادر حمراء حمره سوداء سودا فيق شين غانيه",
    ]
    for word in w.split()
}
PLACE_CUE = re.compile(
    r"(?:\b(?:in|at|near|into|to|outside|village of|town of|city of|outskirts of|around|"
    r"(?:south|north|east|west)\s+of)|"
    r"(?:في|قرب|قريه|بلده|مدينه|بلدات|قري|حي|منطقه|ريف|اطراف|محيط|داخل|حول|الي|خارج|جنوب|شمال|شرق|غرب|جنوبي|شمالي|شرقي|غربي))\s*$",
    re.I,
)


@dataclass(frozen=True)
class Found:
    ids: frozenset[int]
    start: int
    end: int
    text: str


class Lexicon:
    """Names (and Latin-script skeletons) of places or actors, looked up phrase by phrase."""

    def __init__(self, rows, *, use_skeletons: bool, meta: dict | None = None) -> None:
        self.meta = meta or {}  # id -> (kind, English name)
        self.resolved: dict[str, int] = {}  # a matched phrase -> the place find_places ranks first
        self.names: dict[str, set[int]] = defaultdict(set)
        self.skeletons: dict[str, set[int]] = defaultdict(set)
        for ident, *names in rows:
            for name in names:
                if not name:
                    continue
                key = normalise(name)
                if len(key) >= 2:
                    self.names[key].add(ident)
                skel = skeleton(name)
                if use_skeletons and len(skel.replace(" ", "")) >= 4:
                    self.skeletons[skel].add(ident)

    def scan(self, text: str, *, latin_needs_capital: bool) -> list[Found]:
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        found: list[Found] = []
        index = 0
        while index < len(words):
            hit = None
            for n in range(min(MAX_WORDS, len(words) - index), 0, -1):
                start, end = words[index][0], words[index + n - 1][1]
                hit = self._lookup(text, start, end, latin_needs_capital)
                if hit:
                    found.append(Found(hit, start, end, text[start:end]))
                    index += n
                    break
            if not hit:
                index += 1
        return found

    def _lookup(
        self, text: str, start: int, end: int, latin_needs_capital: bool
    ) -> frozenset[int] | None:
        phrase = text[start:end]
        arabic = has_arabic(phrase)
        if not arabic and latin_needs_capital and not phrase[:1].isupper():
            return None
        variants = [phrase]
        if arabic:
            for clitic in CLITICS:
                if phrase.startswith(clitic) and len(phrase) - len(clitic) >= 3:
                    rest = phrase[len(clitic) :]
                    variants.append(("ال" + rest) if clitic.endswith(("ال", "لل")) else rest)
        for variant in variants:
            key = _normalise(variant)
            ids = self.names.get(key)
            if ids:
                if key in COMMON_WORDS and not PLACE_CUE.search(text[max(0, start - 20) : start]):
                    continue
                return frozenset(ids)
        if not arabic and phrase[:1].isupper() and self.skeletons:
            ids = self.skeletons.get(_skeleton(phrase))
            if ids and len(_normalise(phrase)) >= 5:
                return frozenset(ids)
        return None


_lock = Lock()
_cache: dict[str, tuple] = {}


def _cached(kind: str, version: tuple, build) -> Lexicon:
    with _lock:
        cached = _cache.get(kind)
        if cached is None or cached[0] != version:
            cached = (version, build())
            _cache[kind] = cached
        return cached[1]


def _lexicon_of(model, key: str, *, use_skeletons: bool) -> Lexicon:
    """The names of a model's rows (BilingualName), rebuilt when rows are added or changed."""
    from django.db.models import Count, Max

    agg = model.objects.aggregate(n=Count("id"), last=Max("id"), changed=Max("created_at"))

    def build() -> Lexicon:
        rows = list(model.objects.values_list("id", "name_en", "name_ar", "aliases", "kind"))
        return Lexicon(
            ((i, en, ar, *(al or [])) for i, en, ar, al, _k in rows),
            use_skeletons=use_skeletons,
            meta={i: (kind, en) for i, en, _ar, _al, kind in rows},
        )

    return _cached(key, (agg["n"], agg["last"], agg["changed"]), build)


def place_lexicon() -> Lexicon:
    from sulh.places.models import Place

    return _lexicon_of(Place, "places", use_skeletons=True)


def actor_lexicon() -> Lexicon:
    from sulh.actors.models import Actor

    return _lexicon_of(Actor, "actors", use_skeletons=False)
