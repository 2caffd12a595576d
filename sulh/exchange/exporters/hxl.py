"""HXL-tagged CSV: ACLED's columns plus P-codes and the fatality range, under a row of HXL
hashtags (hxlstandard.org) so humanitarian tools (HDX, HXL Proxy, libhxl) know what each is."""

from collections.abc import Iterable, Iterator

from sulh.exchange.exporters import register_exporter
from sulh.exchange.exporters.acled import acled_values
from sulh.exchange.exporters.base import Exporter, ExportRow, csv_line, csv_lines

# (header, hashtag, value) in column order.
COLUMNS = [
    ("event_id_cnty", "#event+code"),
    ("event_date", "#date+occurred"),
    ("time_precision", "#date+precision"),
    ("event_type", "#event+type"),
    ("sub_event_type", "#event+type+sub"),
    ("actor1", "#group+name+first"),
    ("actor2", "#group+name+second"),
    ("admin1", "#adm1+name"),
    ("admin1_pcode", "#adm1+code"),
    ("admin2", "#adm2+name"),
    ("admin2_pcode", "#adm2+code"),
    ("admin3", "#adm3+name"),
    ("admin3_pcode", "#adm3+code"),
    ("location", "#loc+name"),
    ("latitude", "#geo+lat"),
    ("longitude", "#geo+lon"),
    ("geo_precision", "#geo+precision"),
    ("fatalities", "#affected+killed"),
    ("fatalities_low", "#affected+killed+min"),
    ("fatalities_high", "#affected+killed+max"),
    ("source", "#meta+source"),
    ("notes", "#description"),
]


def hxl_values(row: ExportRow, places: dict | None = None) -> list[str]:
    values = acled_values(row, places)
    for level, unit in zip((1, 2, 3), row.admin, strict=True):
        values[f"admin{level}_pcode"] = (unit.pcode or "") if unit else ""
    low, _best, high = row.fatalities
    values["fatalities_low"] = "" if low is None else str(low)
    values["fatalities_high"] = "" if high is None else str(high)
    return [values[name] for name, _ in COLUMNS]


class HxlExporter(Exporter):
    name = "hxl"
    label = "HXL CSV"
    content_type = "text/csv; charset=utf-8"
    extension = "csv"

    def stream(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        yield csv_line([name for name, _ in COLUMNS])
        yield csv_line([tag for _, tag in COLUMNS])
        places: dict = {}
        yield from csv_lines(hxl_values(row, places) for row in rows)


register_exporter(HxlExporter())
