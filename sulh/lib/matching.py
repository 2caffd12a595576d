"""Find names across spellings, transliterations, scripts and typos (places, actors)."""

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from sulh.lib.arabic import has_arabic, normalise, skeleton

EXACT = 100.0
SKELETON = 94.0
MIN_SCORE = 70.0


@dataclass(frozen=True)
class NameMatch:
    id: int
    score: float
    name: str  # the spelling that matched


class NameIndex:
    """An in-memory index of (id, names); a few thousand names search in about a millisecond."""

    def __init__(self, entries: Iterable[tuple[int, Iterable[str]]]) -> None:
        self._ids: list[int] = []
        self._names: list[str] = []
        self._normal: list[str] = []
        self._skeletons: list[str] = []
        for ident, names in entries:
            for name in names:
                if not name:
                    continue
                self._ids.append(ident)
                self._names.append(name)
                self._normal.append(normalise(name))
                self._skeletons.append(skeleton(name))

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int, str, str, list[str] | None]]) -> "NameIndex":
        """From (id, English name, Arabic name, aliases) rows, as a values_list gives them."""
        return cls((ident, [en, ar, *(aliases or [])]) for ident, en, ar, aliases in rows)

    def search(self, query: str, limit: int = 10, min_score: float = MIN_SCORE) -> list[NameMatch]:
        norm, skel = normalise(query), skeleton(query)
        if not norm or limit < 1:
            # rapidfuzz crashes the process on a negative limit, so none reaches it.
            return []
        best: dict[int, NameMatch] = {}

        def offer(index: int, score: float) -> None:
            ident = self._ids[index]
            if score >= min_score and (ident not in best or best[ident].score < score):
                best[ident] = NameMatch(ident, round(score, 1), self._names[index])

        for index, candidate in enumerate(self._normal):
            if candidate == norm:
                offer(index, EXACT)
            elif skel and len(skel) >= 2 and self._skeletons[index] == skel:
                offer(index, SKELETON)
        # Typos: fuzzy ratio on the normalised forms of the same script, then on skeletons,
        # which compare across scripts.
        cutoff = min_score
        for _name, score, index in process.extract(
            norm, self._normal, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=cutoff
        ):
            offer(index, min(score, 92.0) if score < EXACT else score)
        if skel and len(skel) >= 3:
            for _name, score, index in process.extract(
                skel, self._skeletons, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=85
            ):
                offer(index, min(score * 0.9, 90.0))
        ranked = sorted(best.values(), key=lambda m: -m.score)
        return ranked[:limit]


def script_of(text: str) -> str:
    return "ar" if has_arabic(text) else "latin"
