"""Quality and speed of the text extractor on the development set.

    .venv/bin/python bench/extraction.py [--extractor builtin] [--set dev|heldout|all]

Builds the demo world (gazetteer, user-added villages, actors) in a temporary SQLite database,
runs the extractor over bench/extraction_devset/*.yaml and prints precision, recall and F1 for
events (matched on type, place and date) and separately for dates, places and counts, then texts
per second beside a baseline measured in the same run (dateparser's own search_dates over the same
texts, the naive way to find dates alone).
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SULH_DATA_DIR", tempfile.mkdtemp(prefix="sulh-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sulh.settings")
os.environ.pop("DATABASE_URL", None)


def setup() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from sulh.core.demo import build_demo

    build_demo()


def load(name: str) -> list[dict]:
    folder = ROOT / "bench" / "extraction_devset"
    names = ["dev", "heldout", "fresh", "untouched"] if name == "all" else [name]
    items = []
    for part in names:
        items += yaml.safe_load((folder / f"{part}.yaml").read_text(encoding="utf-8"))
    return items


def resolve_place(ref: str | None):
    from sulh.places.models import Place

    if not ref:
        return None
    kind, _, value = ref.partition(":")
    if kind == "geonames":
        return Place.objects.get(geonames_id=int(value))
    if kind == "pcode":
        return Place.objects.get(pcode=value)
    return Place.objects.get(name_en=value)


def same_place(predicted_id: int | None, gold) -> bool:
    """The same place, or an admin unit of the same name that contains it (Dreikish)."""
    from sulh.lib.arabic import skeleton
    from sulh.places.models import Place

    if gold is None:
        return True
    if predicted_id is None:
        return False
    if predicted_id == gold.pk:
        return True
    predicted = Place.objects.filter(pk=predicted_id).first()
    if predicted is None:
        return False
    related = predicted.pk in {p.pk for p in gold.lineage()} or gold.pk in {
        p.pk for p in predicted.lineage()
    }
    return related and skeleton(predicted.name_en) == skeleton(gold.name_en)


def gold_span(value) -> tuple[date, date]:
    from sulh.lib.dates import parse_date_span

    span = parse_date_span(str(value))
    return span.start, span.end


def overlaps(predicted, gold: tuple[date, date]) -> bool:
    return predicted is not None and predicted.start <= gold[1] and gold[0] <= predicted.end


def count_matches(predicted, what: str, best: int) -> bool:
    return predicted.what == what and (predicted.value.low or 0) <= best <= (
        predicted.value.high or best
    )


class Score:
    def __init__(self) -> None:
        self.tp = self.predicted = self.gold = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def line(self, name: str) -> str:
        p = self.tp / self.predicted if self.predicted else 1.0
        r = self.tp / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        counts = f"({self.tp} right, {self.predicted} proposed, {self.gold} gold)"
        return f"{name:8} P {p:.2f}  R {r:.2f}  F1 {f:.2f}   {counts}"


def greedy(predicted: list, gold: list, match) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for index, p in enumerate(predicted):
            if index not in used and match(p, g):
                used.add(index)
                hits += 1
                break
    return hits


def evaluate(items: list[dict], extractor: str, show: bool) -> dict[str, Score]:
    from sulh.intake.extract import extract

    scores = {name: Score() for name in ("events", "dates", "places", "counts")}
    for item in items:
        report_date = item["report_date"]
        if isinstance(report_date, str):
            report_date = date.fromisoformat(report_date)
        predicted = extract(item["text"], report_date, item["lang"], extractor)
        gold = [
            {
                "type": g["type"],
                "date": gold_span(g["date"]),
                "place": resolve_place(g.get("place")),
                "counts": g.get("counts") or {},
            }
            for g in item["events"]
        ]
        hits = greedy(
            predicted,
            gold,
            lambda p, g: (
                p.event_type == g["type"]
                and same_place(p.place_id, g["place"])
                and overlaps(p.date, g["date"])
            ),
        )
        scores["events"].add(hits, len(predicted), len(gold))
        scores["dates"].add(
            greedy(predicted, gold, lambda p, g: overlaps(p.date, g["date"])),
            len(predicted),
            len(gold),
        )
        predicted_places = {p.place_id for p in predicted if p.place_id}
        gold_places = [g["place"] for g in gold if g["place"] is not None]
        unique_gold = {g.pk: g for g in gold_places}.values()
        scores["places"].add(
            greedy(list(predicted_places), list(unique_gold), same_place),
            len(predicted_places),
            len(unique_gold),
        )
        predicted_counts = [c for p in predicted for c in p.counts]
        gold_counts = [(w, b) for g in gold for w, b in g["counts"].items()]
        scores["counts"].add(
            greedy(predicted_counts, gold_counts, lambda p, g: count_matches(p, *g)),
            len(predicted_counts),
            len(gold_counts),
        )
        if show and hits != len(gold) or show and len(predicted) != len(gold):
            print(f"--- {item['id']}: {hits}/{len(gold)} gold, {len(predicted)} proposed")
            for p in predicted:
                counts = {c.what: c.value.best for c in p.counts}
                print(f"    got  {p.event_type} {p.date} place={p.place_id} {counts}")
            for g in gold:
                where = g["place"].pk if g["place"] else None
                print(f"    gold {g['type']} {g['date']} place={where} {g['counts']}")
    return scores


def speed(items: list[dict], extractor: str, rounds: int = 5) -> tuple[float, float]:
    import dateparser.search

    from sulh.intake.extract import extract

    texts = [(i["text"], date.fromisoformat(str(i["report_date"])), i["lang"]) for i in items]
    extract(*texts[0], extractor)  # warm the gazetteer index
    started = time.perf_counter()
    for _ in range(rounds):
        for text, day, lang in texts:
            extract(text, day, lang, extractor)
    ours = rounds * len(texts) / (time.perf_counter() - started)
    dateparser.search.search_dates(texts[0][0], languages=["en", "ar"])  # warm its language data
    started = time.perf_counter()
    for text, _day, lang in texts:
        dateparser.search.search_dates(text, languages=[lang])
    baseline = len(texts) / (time.perf_counter() - started)
    return ours, baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractor", default="builtin")
    parser.add_argument(
        "--set", default="all", choices=["dev", "heldout", "fresh", "untouched", "all"]
    )
    parser.add_argument("--show", action="store_true", help="print the texts that missed")
    args = parser.parse_args()
    setup()
    parts = ["dev", "heldout", "fresh", "untouched"] if args.set == "all" else [args.set]
    for part in parts:
        items = load(part)
        langs = {lang: sum(1 for i in items if i["lang"] == lang) for lang in ("en", "ar")}
        print(f"== {part}: {len(items)} texts ({langs['en']} English, {langs['ar']} Arabic)")
        for name, score in evaluate(items, args.extractor, args.show).items():
            print(score.line(name))
        for lang in ("en", "ar"):
            subset = [i for i in items if i["lang"] == lang]
            print(evaluate(subset, args.extractor, False)["events"].line(f"ev-{lang}"))
    items = load("all")
    ours, baseline = speed(items, args.extractor)
    print(
        f"speed    {ours:.0f} texts/s ({args.extractor}); baseline dateparser.search_dates "
        f"{baseline:.0f} texts/s; ratio {ours / baseline:.1f}x"
    )


if __name__ == "__main__":
    main()
