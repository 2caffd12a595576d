import json

from django.core.management.base import BaseCommand

from sulh.places.gazetteer import load_gazetteer
from sulh.places.search import find_places


class Command(BaseCommand):
    help = "The gazetteer: sulh places find TEXT [--json] | sulh places load"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        find = sub.add_parser("find", help="best matches for a name, in any spelling or script")
        find.add_argument("text")
        find.add_argument("--json", action="store_true")
        find.add_argument("--limit", type=int, default=10)
        sub.add_parser("load", help="load or update the shipped Syrian gazetteer")

    def handle(self, *args, verb, **options):
        if verb == "load":
            counts = load_gazetteer()
            self.stdout.write(
                f"gazetteer: {counts['created']} created, {counts['updated']} updated"
            )
            return
        matches = find_places(options["text"], limit=options["limit"])
        rows = [
            {
                "id": m.place.pk,
                "name_en": m.place.name_en,
                "name_ar": m.place.name_ar,
                "kind": m.place.kind,
                "pcode": m.place.pcode,
                "geonames_id": m.place.geonames_id,
                "parent": m.place.parent.name_en if m.place.parent else None,
                "lat": m.place.latitude,
                "lon": m.place.longitude,
                "score": m.score,
                "matched": m.matched,
            }
            for m in matches
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("no match")
        for row in rows:
            where = f" in {row['parent']}" if row["parent"] else ""
            self.stdout.write(
                f"{row['score']:5.1f}  {row['name_en']} / {row['name_ar']}  "
                f"[{row['kind']}{where}]  id={row['id']}  matched {row['matched']!r}"
            )
