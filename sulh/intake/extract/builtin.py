"""The built-in extractor: sentences, trigger words, the gazetteer, the actor registry and the
date and number readers of ``sulh.lib``. Offline, deterministic, a few milliseconds a text.

How a text becomes events: each sentence that names a kind of event (``rules.TRIGGERS``) proposes
one; sentences without a trigger lend their counts, date and place to the event before them; two
proposals of the same type whose places and dates agree are merged (a headline and its body).
"""

import re
import threading
from datetime import date

from sulh.intake.extract import rules
from sulh.intake.extract.base import ProposedActor, ProposedCount, ProposedEvent, Span
from sulh.intake.extract.lexicon import PLACE_CUE, Found, actor_lexicon, place_lexicon
from sulh.lib.arabic import fold_for_search
from sulh.lib.dates import DateMention, DateSpan, find_dates
from sulh.lib.numbers import NumberMention, NumberRange, find_numbers

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n\s*\n|\n(?=\s*(?:[-*•]|\[|\d{1,2}[:/.]))|\n")
KIND_RANK = {"site": 0, "locality": 1, "adm3": 2, "adm2": 3, "adm1": 4}
BY_BEFORE = re.compile(r"(?:\bby|\bfrom|على\s+يد|من\s+قبل)\s*(?:the\s+)?$", re.I)
TARGET_KINDS = {"civilians", "community"}


_local = threading.local()


def _plex():
    return getattr(_local, "places", None) or place_lexicon()


def _alex():
    return getattr(_local, "actors", None) or actor_lexicon()


def sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class RuleExtractor:
    name = "builtin"

    def extract(self, text: str, report_date: date, lang: str = "") -> list[ProposedEvent]:
        """Events in ``text``; Arabic diacritics and tatweel are read past, spans stay true."""
        if not MARKS.search(text):
            return self._extract(text, report_date)
        kept = [i for i, ch in enumerate(text) if not MARKS.match(ch)]
        events = self._extract("".join(text[i] for i in kept), report_date)
        kept.append(len(text))
        for event in events:
            _remap(event, kept)
        return events

    def _extract(self, text: str, report_date: date) -> list[ProposedEvent]:
        _local.places, _local.actors = place_lexicon(), actor_lexicon()
        try:
            return self._read(text, report_date)
        finally:
            _local.places = _local.actors = None

    def _read(self, text: str, report_date: date) -> list[ProposedEvent]:
        folded = fold_for_search(text)
        self._text, self._folded = text, folded
        places = self._places(text)
        actors = self._actors(text)
        dates = find_dates(text, report_date)
        counts = self._counts(folded, dates)
        attributions = self._attributions(folded)
        events: list[ProposedEvent] = []
        current: ProposedEvent | None = None
        for start, end in sentences(text):
            sentence = folded[start:end]
            found = self._triggers(sentence)
            inside = _within(start, end)
            if not found:
                if current is not None:
                    self._lend(current, start, end, places, counts, dates)
                continue
            primary = found[0]
            group = [primary]
            for other in found[1:]:
                if (
                    _key(other) in rules.INDEPENDENT
                    and other[0] != primary[0]
                    and all(other[0] != g[0] for g in group)
                    and abs(other[3] - primary[3]) > 15
                ):
                    group.append(other)
            if (
                current is not None
                and len(group) == 1
                and primary[0] in rules.CASUALTY_ONLY
                and current.event_type in rules.VIOLENT
                and not self._new_context(current, start, end, places, dates)
            ):
                self._lend(current, start, end, places, counts, dates)
                continue
            sentence_counts = [c for c in counts if inside(c.span[0])]
            for etype, sub, word, pos in group:
                event = ProposedEvent(etype, sub, (start, end), trigger=word)
                mine = [c for c in sentence_counts if _owner(c, group, start) == pos]
                self._fill(event, sentence, start, end, places, actors, mine, dates, start + pos)
                if current is not None and (_same(current, event) or _outcome(current, event)):
                    _merge(current, event)
                    continue
                events.append(event)
                current = event
        fallback_place = self._main_place(places, 0, len(text), text)
        for event in events:
            self._finish(event, dates, fallback_place, attributions, report_date)
        return _dedupe(events)

    # --- one sentence ---------------------------------------------------------------------------
    def _triggers(self, sentence: str) -> list[tuple[str, str, str, int]]:
        """Kinds of event the sentence tells of, the strongest first: (type, sub-type, word, at)."""
        found: list[tuple[int, str, str, str, int]] = []
        threat_seen = bool(rules.THREAT_SIGNAL.search(sentence))
        for trigger in rules.TRIGGERS:
            for m in trigger.pattern.finditer(sentence):
                etype, sub, priority = trigger.event_type, trigger.sub_event_type, trigger.priority
                left = sentence[max(0, m.start() - 40) : m.start()]
                if (
                    threat_seen
                    and priority > 30
                    and etype not in ("battles", "explosions_remote_violence")
                    and rules.MODAL_BEFORE.search(left)
                ):
                    etype, sub, priority = "threat", "threat_message", 30
                elif etype != "threat" and rules.NOT_AN_EVENT_BEFORE.search(left):
                    continue
                found.append((priority, etype, sub, m.group(0), m.start()))
        found.sort(key=lambda f: (-f[0], f[4]))
        if found:
            # "met ... and agreed": the agreement or pledge is the meeting's outcome.
            gathering = [
                f for f in found if (f[1], found[0][1]) in rules.OUTCOMES and f[4] < found[0][4]
            ]
            if gathering:
                found.insert(0, found.pop(found.index(gathering[0])))
        result = []
        for _priority, etype, sub, word, at in found:
            for pattern, refined in rules.SUB_TYPE_REFINEMENTS.get(etype, []):
                if pattern.search(sentence):
                    sub = refined
                    break
            result.append((etype, sub, word, at))
        return result

    def _new_context(self, current, start, end, places, dates) -> bool:
        """Does this sentence move to another day or place than the event just told?"""
        for mention in dates:
            if (
                start <= mention.start < end
                and current.date
                and not mention.span.overlaps(current.date)
            ):
                return True
        main = self._main_place(places, start, end, None)
        return bool(main and current.place_id and _pick_place(main) != current.place_id)

    def _fill(self, event, sentence, start, end, places, actors, counts, dates, at) -> None:
        inside = _within(start, end)
        main = self._main_place(places, start, end, None)
        if main:
            event.place_id, event.place_span = _pick_place(main), (main.start, main.end)
        for found in actors:
            if inside(found.start):
                self._add_actor(event, found, sentence, start)
        for count in counts:
            _add_count(event, count)
        mentions = [d for d in dates if inside(d.start)]
        if mentions:
            chosen = _best_date(mentions, at, self._folded)
            event.date, event.date_span = chosen.span, (chosen.start, chosen.end)

    def _lend(self, event, start, end, places, counts, dates) -> None:
        inside = _within(start, end)
        for count in counts:
            if inside(count.span[0]):
                _add_count(event, count)
        if event.date is None:
            mentions = [d for d in dates if inside(d.start)]
            if mentions:
                chosen = _best_date(mentions, start, self._folded)
                event.date, event.date_span = chosen.span, (chosen.start, chosen.end)
        if event.place_id is None:
            main = self._main_place(places, start, end, None)
            if main:
                event.place_id, event.place_span = _pick_place(main), (main.start, main.end)

    def _finish(self, event, dates, fallback_place, attributions, report_date) -> None:
        if event.date is None:
            before = [d for d in dates if d.end <= event.span[0]]
            if before:
                chosen = max(before, key=lambda d: d.end)
                event.date, event.date_span = chosen.span, (chosen.start, chosen.end)
            elif dates:
                event.date, event.date_span = dates[0].span, (dates[0].start, dates[0].end)
            else:
                event.date = DateSpan(report_date, report_date, "day")
        if event.place_id is None and fallback_place is not None:
            event.place_id = _pick_place(fallback_place)
            event.place_span = (fallback_place.start, fallback_place.end)
        inside = [a for a in attributions if event.span[0] <= a[1][0] < event.span[1]]
        chosen_attr = (inside or attributions or [None])[0]
        if chosen_attr:
            event.attribution, event.attribution_span = chosen_attr

    # --- whole text -----------------------------------------------------------------------------
    def _places(self, text: str) -> list[Found]:
        return _plex().scan(text, latin_needs_capital=True)

    def _actors(self, text: str) -> list[Found]:
        return _alex().scan(text, latin_needs_capital=False)

    def _main_place(self, places, start, end, _text) -> Found | None:
        """The place an event happened at: introduced by "in"/"في", not "from"; most specific."""
        found = [p for p in places if start <= p.start < end]
        if not found:
            return None
        meta = _plex().meta
        kinds = {i: meta.get(i, ("", ""))[0] for i in {_pick_place(p) for p in found}}

        def score(p: Found) -> tuple:
            left = self._folded[max(0, p.start - 25) : p.start]
            cue = bool(PLACE_CUE.search(left)) or p.text.startswith(("ب", "وب", "في"))
            origin = bool(rules.ORIGIN_BEFORE.search(self._folded[max(0, p.start - 60) : p.start]))
            road = bool(
                rules.ROAD_BEFORE.search(left) and rules.ROAD_AFTER.match(self._folded[p.end :])
            ) or left.rstrip().endswith("طريق")
            rank = KIND_RANK.get(kinds.get(_pick_place(p), ""), 5)
            dateline = p.start < 25 and bool(rules.DATELINE_PLACE.match(self._folded[p.end :]))
            return (origin or road or dateline, not cue, rank, p.start)

        return min(found, key=score)

    def _counts(self, folded: str, dates: list[DateMention]) -> list[ProposedCount]:
        return find_counts(folded, dates)

    def _attributions(self, folded: str) -> list[tuple[str, Span]]:
        found = []
        for pattern in rules.ATTRIBUTION:
            for m in pattern.finditer(folded):
                found.append((m.start("who"), m.end("who")))
        found.sort()
        return [(self._text[s:e].strip(), (s, e)) for s, e in found]

    def _add_actor(self, event: ProposedEvent, found: Found, sentence: str, offset: int) -> None:
        actor_id = min(found.ids)
        if any(a.actor_id == actor_id for a in event.actors):
            return
        kind, name = _alex().meta.get(actor_id, ("", ""))
        left = sentence[max(0, found.start - offset - 15) : found.start - offset]
        if BY_BEFORE.search(left) and kind not in TARGET_KINDS:
            role = "perpetrator"
        elif kind in TARGET_KINDS and event.event_type in (
            "violence_against_civilians",
            "threat",
            "explosions_remote_violence",
        ):
            role = "target"
        else:
            role = "party"
        event.actors.append(ProposedActor(actor_id, name, role, (found.start, found.end)))


MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _remap(event: ProposedEvent, kept: list[int]) -> None:
    """Spans in the text without marks back to spans in the text as given."""

    def span(value):
        return (kept[value[0]], kept[value[1]])  # marks after the last letter stay in

    event.span = span(event.span)
    for name in ("date_span", "place_span", "attribution_span"):
        if getattr(event, name):
            setattr(event, name, span(getattr(event, name)))
    for item in [*event.actors, *event.counts]:
        item.span = span(item.span)


COUNT_AFFINITY = {
    "weapons": ("weapons_handed_over", "weapons_distributed"),
    "people_moved": ("displacement",),
    "homes_burned": ("strategic_developments",),
    "detained": ("strategic_developments",),
    "volunteers": ("weapons_distributed", "armed_mobilisation"),
}


def _key(trigger: tuple[str, str, str, int]) -> str:
    etype, sub = trigger[0], trigger[1]
    return {"looting_property_destruction": sub, "arrests": sub}.get(sub, etype)


def _owner(count: ProposedCount, group: list, start: int) -> int:
    """Which of a sentence's events a count belongs to: by kind, else the nearest trigger."""
    if len(group) == 1:
        return group[0][3]
    liked = [g for g in group if g[0] in COUNT_AFFINITY.get(count.what, ())]
    pool = liked or group
    return min(pool, key=lambda g: abs(start + g[3] - count.span[0]))[3]


def _outcome(current: ProposedEvent, event: ProposedEvent) -> bool:
    """An agreement reached at a meeting is the meeting's outcome, not another event."""
    if (current.event_type, event.event_type) not in rules.OUTCOMES:
        return False
    if current.place_id and event.place_id and current.place_id != event.place_id:
        return False
    return not (current.date and event.date and not current.date.overlaps(event.date))


def _within(start: int, end: int):
    return lambda pos: start <= pos < end


def _pick_place(found: Found) -> int:
    """One place for a phrase several places share: the one the gazetteer search ranks first."""
    if len(found.ids) == 1:
        return next(iter(found.ids))
    lexicon = _plex()
    key = f"{found.text}|{sorted(found.ids)}"
    if key not in lexicon.resolved:
        from sulh.places.search import find_places

        ranked = [m.place.pk for m in find_places(found.text, limit=10) if m.place.pk in found.ids]
        lexicon.resolved[key] = ranked[0] if ranked else min(found.ids)
    return lexicon.resolved[key]


# After a dateline ("TARTUS, March 18 —") or a message's timestamp ("[09/03/2025 08:14]").
DATELINE_AFTER = re.compile(r"^\s*(?:[—–:-]|\(|\n|$|,?\s*\d{1,2}:\d{2})")


def _is_dateline(mention: DateMention, folded: str) -> bool:
    """ "QADMUS, 7 March 2025 — ...": the date of the report, not of what it tells."""
    line_start = folded.rfind("\n", 0, mention.start) + 1
    stamp = mention.start - line_start < 3 and bool(
        re.match(r",?\s*\d{1,2}:\d{2}", folded[mention.end : mention.end + 8])
    )
    return stamp or (
        mention.start < 60 and bool(DATELINE_AFTER.match(folded[mention.end : mention.end + 4]))
    )


def _best_date(mentions: list[DateMention], at: int, folded: str) -> DateMention:
    """The date nearest the trigger word; a month alone or a dateline only when nothing else."""
    rank = {"month": 1}
    useful = [d for d in mentions if not _is_dateline(d, folded)] or mentions
    return min(
        useful,
        key=lambda d: (rank.get(d.kind, 0), min(abs(d.start - at), abs(d.end - at))),
    )


def _add_count(event: ProposedEvent, count: ProposedCount) -> None:
    for index, existing in enumerate(event.counts):
        if existing.what == count.what:
            if (count.value.best or 0) > (existing.value.best or 0):
                event.counts[index] = count
            return
    event.counts.append(count)


def _same(a: ProposedEvent, b: ProposedEvent) -> bool:
    if a.event_type != b.event_type:
        return False
    if a.place_id and b.place_id and a.place_id != b.place_id:
        return False
    return not (a.date and b.date and not a.date.overlaps(b.date))


def _merge(into: ProposedEvent, other: ProposedEvent) -> None:
    into.span = (min(into.span[0], other.span[0]), max(into.span[1], other.span[1]))
    if into.place_id is None:
        into.place_id, into.place_span = other.place_id, other.place_span
    if into.date is None:
        into.date, into.date_span = other.date, other.date_span
    for count in other.counts:
        _add_count(into, count)
    known = {a.actor_id for a in into.actors}
    into.actors += [a for a in other.actors if a.actor_id not in known]


def _dedupe(events: list[ProposedEvent]) -> list[ProposedEvent]:
    kept: list[ProposedEvent] = []
    for event in events:
        for other in kept:
            if _same(other, event):
                _merge(other, event)
                break
        else:
            kept.append(event)
    return kept


def find_counts(folded: str, dates: list[DateMention]) -> list[ProposedCount]:
    """Numbers that count something an event field holds, with what they count."""
    taken = [(d.start, d.end) for d in dates]
    found: list[ProposedCount] = []
    for mention in find_numbers(folded):
        if any(s <= mention.start < e for s, e in taken):
            continue
        what = _count_kind(folded, mention)
        if what:
            found.append(
                ProposedCount(
                    what, _postfix_qualifier(folded, mention), (mention.start, mention.end)
                )
            )
    for m in rules.DUALS.finditer(folded):
        word = re.sub(r"^(?:و|ف|ب|ل|وب|ول|لل)?(?:ال)?", "", m.group(0)).strip()
        stem = re.sub(r"(?:ين|ان)(?:\s+اثن(?:ين|ان))?$", "", word)
        what = rules.DUAL_KIND.get(stem) or _kind_before(folded, m.start())
        if not what:  # "قتل شقيقان": the dual names the victims of the verb after or before
            what = _kind_after_dual(folded, m.end())
        if what:
            found.append(ProposedCount(what, NumberRange.exact(2), (m.start(), m.end())))
    for m in rules.SINGLE_VICTIM.finditer(folded):
        verb = re.sub(r"\s+", " ", (m.group("en") or m.group("en2") or m.group("ar") or "").lower())
        what = rules.SINGLE_KIND.get(verb)
        if what and not any(
            s <= m.start() < e or m.start() <= s < m.end() for s, e in [c.span for c in found]
        ):
            found.append(ProposedCount(what, NumberRange.exact(1), (m.start(), m.end())))
    return sorted(found, key=lambda c: c.span[0])


def _count_kind(folded: str, mention: NumberMention) -> str:
    after = folded[mention.end : mention.end + 60]
    if re.match(
        r"\s*(?:-?\s*years?[\s-]+old|years?|عاما|سنه|سنوات|اعوام|عام|hours?|minutes?|"
        r"ساعه|ساعات|دقائق|km|كم|كيلومتر|metres|meters|متر|%|percent|بالمئه)",
        after,
        re.I,
    ):
        return ""
    if rules.NOT_PEOPLE_AFTER.match(after):
        return ""
    for what, pattern in rules.COUNT_AFTER_RE:
        if pattern.match(after):
            if what == "homes_burned" and not re.search(
                r"burn|torch|fire|حرق|احرق|محروق|احراق|النار",
                folded[mention.start - 60 : mention.end + 80],
                re.I,
            ):
                return ""
            return what
    if rules.GENERIC_PEOPLE.match(after) or not after.strip()[:1].isalpha():
        return _kind_before(folded, mention.start)
    noun = rules.PEOPLE_BEFORE.search(folded[max(0, mention.start - 30) : mention.start])
    if noun:  # "مشتبهين اثنين": the noun before the number word
        return _kind_before(folded, mention.start - (len(noun.group(0))))
    return _kind_before(folded, mention.start) if _people_follow(after) else ""


def _kind_after_dual(folded: str, end: int) -> str:
    after = folded[end : end + 25]
    for what, pattern in rules.COUNT_AFTER_RE:
        if what in ("killed", "injured", "abducted", "detained") and pattern.match(after):
            return what
    return ""


def _people_follow(after: str) -> bool:
    return bool(rules.GENERIC_PEOPLE.match(after))


def _kind_before(folded: str, start: int) -> str:
    before = folded[max(0, start - 60) : start]
    for what, pattern in rules.COUNT_BEFORE_RE:
        if pattern.search(before):
            return what
    return ""


def _postfix_qualifier(folded: str, mention: NumberMention) -> NumberRange:
    value = mention.value
    if value.qualifier or value.high != value.low:
        return value
    if rules.AT_LEAST_AFTER.match(folded[mention.end : mention.end + 40]):
        return NumberRange(value.low, value.best, None, "at_least")
    return value
