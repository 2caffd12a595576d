"""``sulh mediation ...``: list and record mediation cases from the command line.

Every sub-command acts as a named user (``--user``), so the same visibility and the same actions
apply as on the web and the API, with the same audit entries.
"""

import json
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404

from sulh.access.policy import can_write, events_for_user
from sulh.accounts.models import User
from sulh.actors.models import Actor
from sulh.mediation import actions
from sulh.mediation.access import cases_for_user, get_case_for_user, get_case_page_for_user
from sulh.mediation.brief import brief_markdown
from sulh.mediation.forms import resolve_places
from sulh.mediation.models import Case, Commitment
from sulh.mediation.public import case_public, commitment_public, meeting_public
from sulh.mediation.queries import case_timeline, desk_for
from sulh.sources.models import Source


def _sourced(parser: Any) -> None:
    parser.add_argument("--source", type=int, required=True, help="source id")
    parser.add_argument("--credibility", type=int, default=6, help="1 (confirmed) to 6")
    parser.add_argument("--quote", default="")


class Command(BaseCommand):
    help = "Mediation cases: sulh mediation cases|show|desk|brief|create-case|add-... --user NAME"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        listing = sub.add_parser("cases", help="cases the user may see")
        listing.add_argument("--status", default="")
        listing.add_argument("--json", action="store_true")
        show = sub.add_parser("show", help="a case and its story, oldest first")
        show.add_argument("case", type=int)
        show.add_argument("--json", action="store_true")
        desk = sub.add_parser("desk", help="my cases, overdue and due commitments, meetings today")
        desk.add_argument("--json", action="store_true")
        brief = sub.add_parser("brief", help="the redacted brief, in Markdown")
        brief.add_argument("case", type=int)

        create = sub.add_parser("create-case")
        create.add_argument("--title", required=True)
        create.add_argument("--title-ar", default="")
        create.add_argument("--summary", default="")
        create.add_argument("--status", default="open")
        create.add_argument("--area", action="append", default=[], help="place name or id")
        status = sub.add_parser("case-status")
        status.add_argument("case", type=int)
        status.add_argument("--status", required=True)
        status.add_argument("--reason", default="")

        party = sub.add_parser("add-party")
        party.add_argument("case", type=int)
        party.add_argument("--actor", type=int, required=True)
        party.add_argument("--role", default="party")
        party.add_argument("--note", default="")
        contact = sub.add_parser("add-contact", help="a contact person, by role only")
        contact.add_argument("case", type=int)
        contact.add_argument("--role", required=True, help="a sheikh of Hamam Wasl; never a name")
        contact.add_argument("--party", type=int, help="actor id of the party they speak for")
        contact.add_argument("--source", type=int, help="the protected source this person is")
        mediator = sub.add_parser("add-mediator")
        mediator.add_argument("case", type=int)
        mediator.add_argument("--username", required=True)
        link = sub.add_parser("link-event")
        link.add_argument("case", type=int)
        link.add_argument("--event", type=int, required=True)
        link.add_argument("--relation", default="during")

        meeting = sub.add_parser("add-meeting", help="a meeting, visit, phone call or message")
        meeting.add_argument("case", type=int)
        meeting.add_argument("--title", required=True)
        meeting.add_argument("--held-at", required=True, help="2025-03-12T11:00+03:00")
        meeting.add_argument("--kind", default="meeting")
        meeting.add_argument("--place", default="", help="place name or id")
        meeting.add_argument("--convener", type=int)
        meeting.add_argument("--attendee", type=int, action="append", default=[], help="actor id")
        meeting.add_argument(
            "--others", action="append", default=[], help="a role and a count: 'elders:about 12'"
        )
        meeting.add_argument("--attendance", default=None)
        for name in ("agenda", "notes", "outcome", "follow-ups"):
            meeting.add_argument(f"--{name}", default="")
        _sourced(meeting)

        position = sub.add_parser("add-position", help="a demand or an offer")
        position.add_argument("case", type=int)
        position.add_argument("--party", type=int, required=True, help="actor id")
        position.add_argument("--kind", required=True, choices=["demand", "offer"])
        position.add_argument("--text", required=True)
        position.add_argument("--text-ar", default="")
        position.add_argument("--date", required=True)
        position.add_argument("--quantity", default=None)
        _sourced(position)

        agreement = sub.add_parser("add-agreement")
        agreement.add_argument("case", type=int)
        agreement.add_argument("--title", required=True)
        agreement.add_argument("--date", required=True)
        agreement.add_argument("--form", default="verbal")
        agreement.add_argument("--party", type=int, action="append", default=[])
        agreement.add_argument("--guarantor", type=int, action="append", default=[])
        agreement.add_argument("--witness", type=int, action="append", default=[])
        _sourced(agreement)

        commitment = sub.add_parser("add-commitment", help="a commitment, or a term (--agreement)")
        commitment.add_argument("case", type=int)
        commitment.add_argument("--obliged", type=int, required=True, help="actor id")
        commitment.add_argument("--action", required=True)
        commitment.add_argument("--deadline", default=None)
        commitment.add_argument("--quantity", default=None)
        commitment.add_argument("--agreement", type=int)
        commitment.add_argument("--meeting", type=int)
        commitment.add_argument("--condition", type=int, help="commitment id that must be kept")
        _sourced(commitment)

        change = sub.add_parser("set-status", help="a commitment's new status, with evidence")
        change.add_argument("commitment", type=int)
        change.add_argument("--status", required=True)
        change.add_argument("--event", type=int, help="evidence: an event id")
        change.add_argument("--source", type=int, help="evidence: a source id")
        change.add_argument("--credibility", type=int, default=6)
        change.add_argument("--quote", default="")
        change.add_argument("--note", default="")
        for command in sub.choices.values():
            command.add_argument("--user", required=True, help="act as this user (username)")

    def handle(self, *args, verb: str, user: str, **options):
        acting = User.objects.filter(username=user, is_active=True).first()
        if acting is None:
            raise CommandError(f"no active user {user!r}")
        self.user = acting
        handler = getattr(self, "do_" + verb.replace("-", "_"))
        try:
            handler(options)
        except ValidationError as exc:
            raise CommandError(_errors(exc)) from None
        except Http404:
            raise CommandError(f"no such case or record visible to {user}") from None
        except PermissionDenied:
            raise CommandError(f"{user} may not do this") from None

    # Reads ------------------------------------------------------------------------------------

    def _json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))

    def do_cases(self, options: dict) -> None:
        cases = cases_for_user(self.user)
        if options["status"]:
            cases = cases.filter(status=options["status"])
        if options["json"]:
            return self._json([case_public(c, self.user) for c in cases])
        for case in cases:
            self.stdout.write(f"{case.pk:>4}  {case.status:<7} {case.title}")

    def do_show(self, options: dict) -> None:
        case, _writable = get_case_page_for_user(self.user, options["case"])
        entries = list(reversed(case_timeline(case, self.user)))
        if options["json"]:
            from sulh.mediation.api import _detail

            return self._json(_detail(case, self.user))
        self.stdout.write(f"{case.title} [{case.status}]")
        for entry in entries:
            self.stdout.write(f"{entry.when:<24} {entry.kind:<10} {_line(entry)}")

    def do_desk(self, options: dict) -> None:
        desk = desk_for(self.user)
        if options["json"]:
            return self._json(
                {
                    "cases": [case_public(c, self.user) for c in desk.cases],
                    "overdue": [commitment_public(c, self.user) for c in desk.overdue],
                    "due_this_week": [commitment_public(c, self.user) for c in desk.due_this_week],
                    "broken_or_refused": [commitment_public(c, self.user) for c in desk.broken],
                    "meetings_today": [meeting_public(m, self.user) for m in desk.meetings_today],
                }
            )
        self.stdout.write("My cases:")
        for case in desk.cases:
            self.stdout.write(f"  {case.pk:>4}  {case.status:<7} {case.title}")
        for title, rows in (
            ("Overdue", desk.overdue),
            ("Due this week", desk.due_this_week),
            ("Broken or refused", desk.broken),
        ):
            self.stdout.write(f"{title}:")
            for c in rows:
                due = f" by {c.deadline}" if c.deadline else ""
                self.stdout.write(f"  {c.pk:>4}  {c.status:<11} {c.obliged}: {c.action}{due}")
        self.stdout.write("Meetings today:")
        for m in desk.meetings_today:
            self.stdout.write(f"  {m.held_at:%H:%M}  {m.title} ({m.case})")

    def do_brief(self, options: dict) -> None:
        case, _writable = get_case_for_user(self.user, options["case"])
        self.stdout.write(brief_markdown(case, self.user))

    # Writes -----------------------------------------------------------------------------------

    def _case(self, pk: int) -> Case:
        case, writable = get_case_page_for_user(self.user, pk)
        if not writable:
            raise PermissionDenied
        return case

    def do_create_case(self, options: dict) -> None:
        if not can_write(self.user):
            raise PermissionDenied
        areas, missing = resolve_places(",".join(options["area"]))
        if missing:
            raise ValidationError({"area": f"no place found for: {', '.join(missing)}"})
        case = actions.do_create_case(
            self.user,
            title=options["title"],
            title_ar=options["title_ar"],
            summary=options["summary"],
            status=options["status"],
            areas=areas,
            mediators=[self.user],
        )
        self.stdout.write(f"case {case.pk} opened: {case.title}")

    def do_case_status(self, options: dict) -> None:
        case = self._case(options["case"])
        actions.do_set_case_status(self.user, case, options["status"], options["reason"])
        self.stdout.write(f"case {case.pk} is {case.status}")

    def do_add_party(self, options: dict) -> None:
        case = self._case(options["case"])
        actor = _get(Actor, options["actor"], "actor")
        party = actions.do_add_party(self.user, case, actor, options["role"], options["note"])
        self.stdout.write(f"party {party.pk}: {actor} as {party.role}")

    def do_add_contact(self, options: dict) -> None:
        case = self._case(options["case"])
        party = None
        if options["party"] is not None:
            party = case.parties.filter(actor_id=options["party"]).first()
            if party is None:
                raise ValidationError({"party": f"actor {options['party']} is not a party here"})
        contact = actions.do_add_contact_person(
            self.user,
            case,
            role=options["role"],
            party=party,
            source=_get(Source, options["source"], "source"),
        )
        self.stdout.write(f"contact {contact.pk}: {contact.role}")

    def do_add_mediator(self, options: dict) -> None:
        case = self._case(options["case"])
        mediator = User.objects.filter(username=options["username"], is_active=True).first()
        if mediator is None:
            raise ValidationError({"username": f"no active user {options['username']!r}"})
        actions.do_add_case_mediator(self.user, case, mediator)
        self.stdout.write(f"{mediator.username} mediates case {case.pk}")

    def do_link_event(self, options: dict) -> None:
        case = self._case(options["case"])
        event = _get(events_for_user(self.user).model, options["event"], "event")
        if not events_for_user(self.user).filter(pk=event.pk).exists():
            raise ValidationError({"event": f"no event with id {options['event']}"})
        actions.do_link_case_event(self.user, case, event, options["relation"])
        self.stdout.write(f"event {event.pk} linked to case {case.pk}")

    def do_add_meeting(self, options: dict) -> None:
        case = self._case(options["case"])
        try:
            held_at = datetime.fromisoformat(options["held_at"])
        except ValueError:
            raise ValidationError({"held_at": "give a date and time: 2025-03-12T11:00"}) from None
        places, missing = resolve_places(options["place"])
        if missing:
            raise ValidationError({"place": f"no place found for: {', '.join(missing)}"})
        attendees: list[dict] = [{"actor": _get(Actor, a, "attendee")} for a in options["attendee"]]
        for other in options["others"]:
            role, _sep, count = other.partition(":")
            attendees.append({"role": role, "count": count})
        meeting = actions.do_record_meeting(
            self.user,
            case,
            title=options["title"],
            kind=options["kind"],
            held_at=held_at,
            place=places[0] if places else None,
            convener=_get(Actor, options["convener"], "convener"),
            attendees=attendees,
            attendance=options["attendance"],
            agenda=options["agenda"],
            notes=options["notes"],
            outcome=options["outcome"],
            follow_ups=options["follow_ups"],
            **self._source(options),
        )
        self.stdout.write(f"meeting {meeting.pk} recorded: {meeting.title}")

    def do_add_position(self, options: dict) -> None:
        case = self._case(options["case"])
        position = actions.do_record_position(
            self.user,
            case,
            party=_get(Actor, options["party"], "party"),
            kind=options["kind"],
            text=options["text"],
            text_ar=options["text_ar"],
            date=options["date"],
            quantity=options["quantity"],
            **self._source(options),
        )
        self.stdout.write(f"position {position.pk} recorded")

    def do_add_agreement(self, options: dict) -> None:
        case = self._case(options["case"])
        signatories = [
            (_get(Actor, pk, "signatories"), role)
            for role, key in (
                ("party", "party"),
                ("guarantor", "guarantor"),
                ("witness", "witness"),
            )
            for pk in options[key]
        ]
        agreement = actions.do_record_agreement(
            self.user,
            case,
            title=options["title"],
            date=options["date"],
            form=options["form"],
            signatories=signatories,
            **self._source(options),
        )
        self.stdout.write(f"agreement {agreement.pk} recorded: {agreement.title}")

    def do_add_commitment(self, options: dict) -> None:
        case = self._case(options["case"])
        commitment = actions.do_add_commitment(
            self.user,
            case,
            obliged=_get(Actor, options["obliged"], "obliged"),
            action=options["action"],
            deadline=options["deadline"],
            quantity=options["quantity"],
            agreement=_get(case.agreements.model, options["agreement"], "agreement", case=case),
            meeting=_get(case.meetings.model, options["meeting"], "meeting", case=case),
            condition=_get(Commitment, options["condition"], "condition", case=case),
            **self._source(options),
        )
        due = f", due {commitment.deadline}" if commitment.deadline else ""
        self.stdout.write(f"commitment {commitment.pk} recorded (pending{due})")

    def do_set_status(self, options: dict) -> None:
        commitment = Commitment.objects.filter(pk=options["commitment"]).first()
        if commitment is None:
            raise Http404
        self._case(commitment.case_id)
        event = None
        if options["event"] is not None:
            event = events_for_user(self.user).filter(pk=options["event"]).first()
            if event is None:
                raise ValidationError({"event": f"no event with id {options['event']}"})
        change = actions.do_change_commitment_status(
            self.user,
            commitment,
            options["status"],
            event=event,
            source=_get(Source, options["source"], "source"),
            credibility=options["credibility"],
            quote=options["quote"],
            note=options["note"],
        )
        self.stdout.write(f"commitment {commitment.pk}: {change.previous} -> {change.status}")

    def _source(self, options: dict) -> dict:
        return {
            "source": _get(Source, options["source"], "source"),
            "credibility": options["credibility"],
            "quote": options["quote"],
        }


def _get(model: type, pk: int | None, field: str, **scope: Any) -> Any:
    if pk is None:
        return None
    found = model.objects.filter(pk=pk, **scope).first()
    if found is None:
        raise ValidationError({field: f"no {model._meta.verbose_name} with id {pk}"})
    return found


def _errors(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return "; ".join(exc.messages)


def _line(entry: Any) -> str:
    obj = entry.obj
    if entry.kind == "meeting":
        return f"[{obj.kind}] {obj.title}"
    if entry.kind == "position":
        return f"{obj.party} ({obj.kind}): {obj.text}"
    if entry.kind == "agreement":
        return f"{obj.title} ({obj.form})"
    if entry.kind == "commitment":
        return f"{obj.commitment.obliged}: {obj.commitment.action} {obj.previous} -> {obj.status}"
    return obj.title
