"""sulh warning: run the alert rules (the worker), list rules, alerts and the risk table.

``sulh warning run`` evaluates every active rule for today (or --date, or --from/--to) and is
safe to run from cron every few minutes: an alert is raised once per rule, locality and period.
The listings act as a named user (--as), so the same area scope and redaction apply as on the web.
"""

import json
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.utils import timezone

from sulh.accounts.models import User
from sulh.warning import actions
from sulh.warning.access import get_alert_for_user, rules_for_user
from sulh.warning.engine import run_rules
from sulh.warning.models import AlertRule
from sulh.warning.queries import alert_public, alerts_for_period, risk_table, rule_public


def _date(raw: str | None, name: str) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--{name}: {raw!r} is not a date (YYYY-MM-DD)") from None


def _user(username: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"--as: no active user {username!r}")
    return user


class Command(BaseCommand):
    help = "Early warning: sulh warning run|rules|alerts|risk|ack"

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        run = sub.add_parser("run", help="evaluate the active rules and raise new alerts")
        run.add_argument("--date", default=None, help="the day to evaluate (default today)")
        run.add_argument("--from", dest="date_from", default=None, help="first day, YYYY-MM-DD")
        run.add_argument("--to", dest="date_to", default=None, help="last day, YYYY-MM-DD")
        run.add_argument("--rule", type=int, action="append", help="only this rule id")
        run.add_argument("--no-email", action="store_true", help="raise alerts, send no email")
        for name, text in [
            ("rules", "the rules you may see"),
            ("alerts", "the alerts of your areas, newest first"),
            ("risk", "localities ranked by risk score"),
            ("ack", "acknowledge an alert"),
        ]:
            p = sub.add_parser(name, help=text)
            p.add_argument("--as", dest="username", required=True, help="act as this user")
            p.add_argument("--json", action="store_true")
        alerts = sub.choices["alerts"]
        alerts.add_argument("--from", dest="date_from", default=None)
        alerts.add_argument("--to", dest="date_to", default=None)
        alerts.add_argument("--open", action="store_true", help="only unacknowledged alerts")
        sub.choices["risk"].add_argument("--date", default=None, help="default today")
        ack = sub.choices["ack"]
        ack.add_argument("alert", type=int)
        ack.add_argument("--note", default="")

    def handle(self, *args: Any, **opts: Any) -> None:
        getattr(self, f"do_{opts['verb']}")(opts)

    def out(self, opts: dict, data: Any, lines: list[str]) -> None:
        if opts.get("json"):
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
        else:
            self.stdout.write("\n".join(lines) if lines else "nothing")

    def do_run(self, opts: dict) -> None:
        one = _date(opts["date"], "date")
        start, end = _date(opts["date_from"], "from"), _date(opts["date_to"], "to")
        if one and (start or end):
            raise CommandError("give --date, or --from and --to, not both")
        start = start or one or timezone.localdate()
        end = end or one or start
        if end < start:
            raise CommandError("--to is before --from")
        days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        rules = None
        if opts["rule"]:
            rules = list(AlertRule.objects.filter(pk__in=opts["rule"], active=True))
            missing = set(opts["rule"]) - {r.pk for r in rules}
            if missing:
                raise CommandError(f"--rule: no active rule {sorted(missing)[0]}")
        result = run_rules(days, rules, email=not opts["no_email"])
        self.stdout.write(
            f"{len(days)} day(s), {result.rules} rule(s): {result.firings} firing(s), "
            f"{len(result.raised)} new alert(s), {result.emailed} email(s) sent"
        )
        for alert in result.raised:
            self.stdout.write(
                f"  #{alert.pk} {alert.day} {alert.rule.name} · {alert.place.name_en}: "
                f"{alert.value:g} (needed {alert.bar:g})"
            )

    def do_rules(self, opts: dict) -> None:
        user = _user(opts["username"])
        rows = [rule_public(r, user) for r in rules_for_user(user).select_related("place")]
        lines = [
            f"#{r['id']} {'on ' if r['active'] else 'off'} {r['name']} · {r['indicator']} · "
            f"{r['condition']} · {(r['place'] or {}).get('name_en', 'all localities')}"
            for r in rows
        ]
        self.out(opts, rows, lines)

    def do_alerts(self, opts: dict) -> None:
        user = _user(opts["username"])
        start = _date(opts["date_from"], "from") or date.min
        end = _date(opts["date_to"], "to") or date.max
        rows = alerts_for_period(user, None, start, end)[::-1]
        if opts["open"]:
            rows = [r for r in rows if not r["acknowledged"]]
        lines = [
            f"#{a['id']} {a['day']} {a['rule']['name']} · {a['place']['name_en']}: "
            f"{a['indicator_label']} {a['value']:g} (needed {a['bar']:g}), "
            f"{len(a['facts'])} fact(s){' · acknowledged' if a['acknowledged'] else ''}"
            for a in rows
        ]
        self.out(opts, rows, lines)

    def do_risk(self, opts: dict) -> None:
        user = _user(opts["username"])
        day = _date(opts["date"], "date") or timezone.localdate()
        rows = risk_table(user, day)
        lines = [
            f"{r['score']:5.1f} {r['place']['name_en']}: "
            + ", ".join(f"{k} {c['value']:g}" for k, c in r["components"].items())
            for r in rows
        ]
        self.out(opts, rows, lines)

    def do_ack(self, opts: dict) -> None:
        user = _user(opts["username"])
        try:
            alert, writable = get_alert_for_user(user, opts["alert"])
        except Http404:
            raise CommandError(f"no alert {opts['alert']} in your areas") from None
        if not writable:
            raise CommandError("your role may not acknowledge alerts")
        try:
            actions.do_acknowledge_alert(user, alert, opts["note"])
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self.out(opts, alert_public(alert, user), [f"#{alert.pk} acknowledged"])
