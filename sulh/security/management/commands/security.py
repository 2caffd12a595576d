"""sulh security: list and record checkpoints, weapons transfers, armed units and aid movements.

Every run acts as a named user (--as), so the same area scope, redaction and audit apply as on
the web and the API.
"""

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from sulh.access.policy import can_write
from sulh.accounts.models import User
from sulh.actors.models import Actor
from sulh.lib.numbers import QUALIFIER_LABELS
from sulh.places.models import Place
from sulh.security import actions
from sulh.security.access import REGISTERS, get_register_for_user
from sulh.security.geojson import aid_geojson, checkpoints_geojson
from sulh.security.models import AidMovement, ArmedUnit, Checkpoint, CheckpointProgramme
from sulh.security.public import PUBLIC
from sulh.security.queries import RegisterFilters, find_area, registers, weapons_balance
from sulh.sources.models import Report, Source

KINDS = {
    "programmes": "programme",
    "checkpoints": "checkpoint",
    "transfers": "transfer",
    "units": "unit",
    "aid": "aid",
}
CREATE = {
    "programme": actions.do_create_checkpoint_programme,
    "checkpoint": actions.do_create_checkpoint,
    "transfer": actions.do_create_weapons_transfer,
    "unit": actions.do_create_armed_unit,
    "aid": actions.do_create_aid_movement,
}


def _filters_args(parser: Any) -> None:
    parser.add_argument("--place", default="", help="an area: a name in any spelling, or an id")
    parser.add_argument("--from", dest="date_from", default=None, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", default=None, help="YYYY-MM-DD")


def _grade_args(parser: Any) -> None:
    parser.add_argument("--source", required=True, help="source id")
    parser.add_argument("--credibility", type=int, default=6, help="1 (confirmed) to 6")
    parser.add_argument("--report", default=None, help="report id from that source")
    parser.add_argument("--quote", default="", help="the words of the source")


class Command(BaseCommand):
    help = (
        "Security registers: sulh security list checkpoints|programmes|transfers|units|aid, "
        "balance, geojson, record KIND, status checkpoint|aid ID, unit-report ID (all --as USER)"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--as", dest="username", required=True, help="act as this user")
        sub = parser.add_subparsers(dest="verb", required=True)
        listing = sub.add_parser("list", help="rows of one register")
        listing.add_argument("register", choices=sorted(KINDS))
        listing.add_argument("--json", action="store_true")
        _filters_args(listing)
        balance = sub.add_parser("balance", help="weapons balance, every figure a range")
        balance.add_argument("--json", action="store_true")
        _filters_args(balance)
        geo = sub.add_parser("geojson", help="checkpoints or aid movements as GeoJSON")
        geo.add_argument("register", choices=["checkpoints", "aid"])
        _filters_args(geo)
        record = sub.add_parser("record", help="record a row; --value FIELD=VALUE, repeatable")
        record.add_argument("kind", choices=sorted(CREATE))
        record.add_argument("--name", required=True)
        record.add_argument("--name-ar", default="")
        record.add_argument("--value", action="append", default=[], metavar="FIELD=VALUE")
        record.add_argument("--status", default="", help="first status (checkpoint, aid)")
        record.add_argument("--retry-of", type=int, default=None, help="aid movement id")
        record.add_argument("--programme", type=int, default=None, help="programme id")
        _grade_args(record)
        status = sub.add_parser("status", help="append a status to a checkpoint or aid movement")
        status.add_argument("kind", choices=["checkpoint", "aid"])
        status.add_argument("id", type=int)
        status.add_argument("--status", required=True)
        status.add_argument("--date", required=True)
        status.add_argument("--checkpoint", type=int, default=None, help="where aid was blocked")
        status.add_argument("--place", type=int, default=None, help="place id, if no checkpoint")
        status.add_argument("--actor", type=int, default=None, help="actor id, who blocked it")
        status.add_argument("--note", default="")
        _grade_args(status)
        report = sub.add_parser("unit-report", help="a dated size or flag of an armed unit")
        report.add_argument("id", type=int)
        report.add_argument("--field", required=True, help="size, armed, paid or integrated")
        report.add_argument("--value", required=True, help="'about 60', or yes / no")
        report.add_argument("--date", required=True)
        report.add_argument("--note", default="")
        _grade_args(report)

    def handle(self, *args: Any, verb: str, username: str, **options: Any) -> None:
        self.user = User.objects.filter(username=username, is_active=True).first()
        if self.user is None:
            raise CommandError(f"no active user {username!r}")
        try:
            getattr(self, f"do_{verb.replace('-', '_')}")(**options)
        except ValidationError as exc:
            detail = "; ".join(f"{f}: {', '.join(m)}" for f, m in exc.message_dict.items())
            raise CommandError(f"not recorded: {detail}") from exc
        except Http404 as exc:
            raise CommandError("no such record, or not in your areas") from exc

    # -- reading

    def _filters(self, options: dict) -> RegisterFilters:
        place = None
        if raw := (options.get("place") or "").strip():
            place = find_area(raw)
            if place is None:
                raise CommandError(f"no place matches {raw!r}")
        return RegisterFilters(
            place_id=place.pk if place else None,
            date_from=options.get("date_from"),
            date_to=options.get("date_to"),
        )

    def _print(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))

    def do_list(self, register: str, json: bool = False, **options: Any) -> None:
        kind = KINDS[register]
        rows = [
            PUBLIC[kind](r, self.user)
            for r in registers(self.user, REGISTERS[kind], self._filters(options))
        ]
        if json:
            for row in rows:
                row["events"] = [e["id"] for e in row["events"]]
            self._print(rows)
            return
        if not rows:
            self.stdout.write("nothing recorded")
        for row in rows:
            place = (row["place"] or {}).get("name_en", "")
            figure = _headline(kind, row)
            sources = "; ".join(s["safe_description"] for s in row["sources"])
            self.stdout.write(
                f"{row['id']:>5}  {row['date'] or '—':<24}  {row['name']}  [{place}]"
                f"{'  ' + figure if figure else ''}  ({sources})"
            )

    def do_balance(self, json: bool = False, **options: Any) -> None:
        transfers = registers(self.user, REGISTERS["transfer"], self._filters(options))
        balance = weapons_balance(self.user, transfers)
        rows = [
            {
                "direction": d["direction"],
                "low": d["total"].low,
                "best": d["total"].best,
                "high": d["total"].high,
                "text": f"{QUALIFIER_LABELS[d['qualifier']]} {d['total']}".strip(),
                "sources": [s["safe_description"] for s in d["sources"]],
            }
            for d in balance["directions"]
        ]
        if json:
            self._print(rows)
            return
        for row in rows:
            self.stdout.write(
                f"{row['direction']:<12} {row['text']:>14}  ({'; '.join(row['sources'])})"
            )

    def do_geojson(self, register: str, **options: Any) -> None:
        filters = self._filters(options)
        if register == "checkpoints":
            data = checkpoints_geojson(registers(self.user, Checkpoint, filters), self.user)
        else:
            data = aid_geojson(registers(self.user, AidMovement, filters), self.user)
        self._print(data)

    # -- writing

    def _writer(self) -> None:
        if not can_write(self.user):
            raise CommandError(f"{self.user.username} cannot record security arrangements")

    def _grade(self, options: dict) -> dict:
        source = Source.objects.filter(pk=_int("source", options["source"])).first()
        if source is None:
            raise ValidationError({"source": f"no source with id {options['source']}"})
        report = None
        if options.get("report"):
            report = Report.objects.filter(pk=_int("report", options["report"])).first()
            if report is None or report.source_id != source.pk:
                raise ValidationError({"report": "no such report from that source"})
        return {"source": source, "credibility": options["credibility"], "report": report}

    def do_record(self, kind: str, **options: Any) -> None:
        self._writer()
        values = {}
        for pair in options["value"]:
            field, sep, value = pair.partition("=")
            if not sep:
                raise CommandError(f"--value {pair!r}: write FIELD=VALUE")
            values[field.strip()] = value.strip()
        extra: dict[str, Any] = {}
        if kind in ("checkpoint", "aid") and options["status"]:
            extra["status"] = options["status"]
        if kind == "aid" and options["retry_of"]:
            extra["retry_of"], _ = get_register_for_user(
                self.user, AidMovement, options["retry_of"]
            )
        if kind == "checkpoint" and options["programme"]:
            extra["programme"] = CheckpointProgramme.objects.filter(pk=options["programme"]).first()
        grade = self._grade(options)
        record = CREATE[kind](
            self.user,
            name=options["name"],
            name_ar=options["name_ar"],
            values=values,
            quotes={next(iter(values)): options["quote"]} if options["quote"] and values else {},
            **grade,
            **extra,
        )
        self.stdout.write(f"recorded {kind} {record.pk}: {record.name}")

    def do_status(self, kind: str, id: int, **options: Any) -> None:
        self._writer()
        model = Checkpoint if kind == "checkpoint" else AidMovement
        record, _ = get_register_for_user(self.user, model, id)
        grade = self._grade(options)
        common = {"quote": options["quote"], "note": options["note"], **grade}
        if kind == "checkpoint":
            actions.do_record_checkpoint_status(
                self.user, record, options["status"], options["date"], **common
            )
        else:
            checkpoint = None
            if options["checkpoint"]:
                checkpoint, _ = get_register_for_user(self.user, Checkpoint, options["checkpoint"])
            actions.do_record_aid_status(
                self.user,
                record,
                options["status"],
                options["date"],
                checkpoint=checkpoint,
                place=_get(Place, options["place"], "place"),
                actor=_get(Actor, options["actor"], "actor"),
                **common,
            )
        record.refresh_from_db()
        self.stdout.write(f"{kind} {record.pk}: {record.status}")

    def do_unit_report(self, id: int, **options: Any) -> None:
        self._writer()
        unit, _ = get_register_for_user(self.user, ArmedUnit, id)
        actions.do_record_unit_report(
            self.user,
            unit,
            options["field"],
            options["value"],
            options["date"],
            quote=options["quote"],
            note=options["note"],
            **self._grade(options),
        )
        self.stdout.write(f"unit {unit.pk}: {options['field']} {options['value']}")


def _int(field: str, raw: Any) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError) as exc:
        raise ValidationError({field: f"{raw!r} is not an id"}) from exc


def _get(model: Any, pk: int | None, field: str) -> Any:
    if pk is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise ValidationError({field: f"no {field} with id {pk}"})
    return obj


def _headline(kind: str, row: dict) -> str:
    if kind == "programme" and row["villages"]:
        disputed = " disputed" if row["villages"]["disputed"] else ""
        return f"villages {row['villages']['text']}{disputed}"
    if kind == "transfer" and row["count"]:
        return f"{row['direction']} {row['count']['text']} {row['category']}"
    if kind == "unit" and row["size"]:
        return f"size {row['size']['text']} as of {row['size_as_of']}"
    if kind in ("checkpoint", "aid"):
        return row["status"]
    return ""
