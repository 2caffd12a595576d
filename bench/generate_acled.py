"""Synthetic ACLED-format rows for benchmarks: `python bench/generate_acled.py N -o FILE`.

Places are real names from the gazetteer shipped in sulh/places/data (admin1-3 as ACLED writes
them, coordinates of the locality), notes are short Arabic and English sentences. The events are
invented: no ACLED data is used or reproduced (ACLED's terms forbid redistributing its rows).
"""

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "sulh" / "places" / "data"
sys.path.insert(0, str(ROOT))

from sulh.exchange.formats import ACLED_COLUMNS  # noqa: E402

TYPES = [
    ("Political violence", "Battles", "Armed clash", 0.25),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack", 0.2),
    ("Political violence", "Explosions/Remote violence", "Air/drone strike", 0.1),
    ("Political violence", "Violence against civilians", "Attack", 0.12),
    ("Political violence", "Violence against civilians", "Abduction/forced disappearance", 0.05),
    ("Demonstrations", "Protests", "Peaceful protest", 0.12),
    ("Demonstrations", "Riots", "Mob violence", 0.03),
    ("Strategic developments", "Strategic developments", "Arrests", 0.06),
    ("Strategic developments", "Strategic developments", "Looting/property destruction", 0.04),
    ("Strategic developments", "Strategic developments", "Other", 0.03),
]
ACTORS = [
    ("Military Forces of Syria (2024-)", 1),
    ("Police Forces of Syria (2024-)", 1),
    ("Unidentified Armed Group (Syria)", 3),
    ("Alawite Ethnic Militia (Syria)", 4),
    ("Druze Ethnic Militia (Syria)", 4),
    ("Syrian Democratic Forces", 2),
    ("Islamic State (Syria)", 2),
    ("Protesters (Syria)", 6),
    ("Rioters (Syria)", 5),
    ("Civilians (Syria)", 7),
    ("Military Forces of Israel (2022-)", 8),
]
NOTES = [
    "اشتباك مسلح قرب {place} بين مجموعتين مسلحتين، وأفادت مصادر محلية بسقوط ضحايا.",
    "On {date}, an armed group attacked a checkpoint near {place}; casualties were reported.",
    "قصف مدفعي استهدف أطراف {place} صباح اليوم. [عدد الضحايا غير مؤكد]",
    "On {date}, residents of {place} protested against rising prices.",
    "اختطاف شاب من {place} على يد مسلحين مجهولين، وطالب الخاطفون بفدية.",
]
SOURCES = [
    ("Syrian Observatory for Human Rights", "Other"),
    ("Enab Baladi", "National"),
    ("SANA", "National"),
    ("Local sources", "Local partner-Other"),
]


def load_places() -> list[dict]:
    """Localities with the names of their governorate, district and sub-district."""
    with open(DATA / "syria_admin_hierarchy.csv", encoding="utf-8") as handle:
        units = {r["ocha_pcode"]: r for r in csv.DictReader(handle)}
    subdistricts = [u for u in units.values() if u["admin_level"] == "3" and u["centroid_lat"]]
    places = []
    with open(DATA / "syria_geonames_cities500.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["latitude"]), float(row["longitude"])
            adm3 = min(
                subdistricts,
                key=lambda u: (
                    (float(u["centroid_lat"]) - lat) ** 2 + (float(u["centroid_lon"]) - lon) ** 2
                ),
            )
            adm2 = units[adm3["parent_ocha_pcode"]]
            adm1 = units[adm2["parent_ocha_pcode"]]
            places.append(
                {
                    "admin1": adm1["name_en"],
                    "admin2": adm2["name_en"],
                    "admin3": adm3["name_en"],
                    "location": row["name"],
                    "latitude": f"{lat:.4f}",
                    "longitude": f"{lon:.4f}",
                }
            )
    return places


def rows(n: int, seed: int = 7):
    rng = random.Random(seed)
    places = load_places()
    weights = [t[3] for t in TYPES]
    start = date(2024, 12, 9)
    for i in range(1, n + 1):
        disorder, etype, sub, _w = rng.choices(TYPES, weights)[0]
        place = rng.choice(places)
        day = start + timedelta(days=rng.randrange(365))
        (a1, i1), (a2, i2) = rng.sample(ACTORS, 2)
        if etype in ("Protests", "Riots"):
            a1, i1 = ACTORS[7] if etype == "Protests" else ACTORS[8]
        if etype == "Violence against civilians":
            a2, i2 = ACTORS[9]
        if etype == "Strategic developments" and rng.random() < 0.5:
            a2, i2 = "", ""
        violent = disorder == "Political violence"
        source, scale = rng.choice(SOURCES)
        yield [
            f"SYR{i}",
            day.isoformat(),
            str(day.year),
            str(rng.choices([1, 2, 3], [0.85, 0.1, 0.05])[0]),
            disorder,
            etype,
            sub,
            a1,
            "",
            str(i1),
            a2,
            "",
            str(i2) if i2 else "0",
            f"{i1}{i2 or 0}",
            "Civilian targeting" if etype == "Violence against civilians" else "",
            "760",
            "Middle East",
            "Syria",
            place["admin1"],
            place["admin2"],
            place["admin3"],
            place["location"],
            place["latitude"],
            place["longitude"],
            str(rng.choices([1, 2, 3], [0.7, 0.2, 0.1])[0]),
            source,
            scale,
            rng.choice(NOTES).format(place=place["location"], date=day.isoformat()),
            str(rng.choice([0, 0, 0, 1, 2, 3, 5]) if violent else 0),
            "",
            str(1_700_000_000 + i),
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many rows")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        writer.writerows(rows(args.n, args.seed))


if __name__ == "__main__":
    main()
