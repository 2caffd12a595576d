"""Places named in a message: gazetteer names found word for word in the text.

Names are folded with ``sulh.lib.arabic.normalise``, the key ``sulh.places.search`` indexes, and
looked up as runs of one to three words; Arabic words may carry an attached preposition or
conjunction ("بالقدموس", "وحطانية"). Only places near the import's place are considered (the same
district), so that a village named like a common word elsewhere in Syria is not taken for a target.
"""

import re
from collections import defaultdict

from sulh.lib.arabic import normalise
from sulh.places.models import Place, PlaceKind

# A name shared by a town and the units named after it means the town: the most specific wins.
NAMED_KINDS = {
    PlaceKind.SITE: 4,
    PlaceKind.LOCALITY: 3,
    PlaceKind.SUBDISTRICT: 2,
    PlaceKind.DISTRICT: 1,
}
AR_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?(?=[\u0621-\u064a]{3,})")
MIN_NAME = 4


class PlaceNamer:
    def __init__(self, near: Place | None) -> None:
        places = Place.objects.filter(kind__in=list(NAMED_KINDS))
        if near is not None:
            area = near.adm2_id or near.adm1_id
            if area:
                places = (
                    places.filter(adm2_id=area) if near.adm2_id else places.filter(adm1_id=area)
                )
        ranked: dict[str, dict[int, int]] = defaultdict(dict)
        rows = places.values_list("id", "kind", "name_en", "name_ar", "aliases")
        self.labels: dict[int, str] = {}
        for pk, kind, name_en, name_ar, aliases in rows:
            self.labels[pk] = name_en
            for name in [name_en, name_ar, *(aliases or [])]:
                key = normalise(name or "")
                if len(key.replace(" ", "")) >= MIN_NAME:
                    ranked[key][pk] = NAMED_KINDS[kind]
        self.names: dict[str, list[int]] = {
            key: sorted(pk for pk, rank in ids.items() if rank == max(ids.values()))
            for key, ids in ranked.items()
        }

    def _words(self, text: str) -> list[list[str]]:
        """Each word of the text with the forms it may take without an attached particle."""
        out = []
        for word in normalise(text).split():
            forms = [word]
            bare = AR_PREFIX.sub("", word)
            if bare != word:
                forms.append(bare)
            out.append(forms)
        return out

    def place_ids(self, text: str) -> list[int]:
        words = self._words(text)
        found: list[int] = []
        for start in range(len(words)):
            for size in (3, 2, 1):
                if start + size > len(words):
                    continue
                tail = " ".join(w[0] for w in words[start + 1 : start + size])
                for first in words[start]:
                    key = f"{first} {tail}".strip()
                    for pk in self.names.get(key, ()):
                        if pk not in found:
                            found.append(pk)
        return found
