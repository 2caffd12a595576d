"""The sections of a situation report, as a registry other apps add to.

A section is a function taking the ``SitrepRequest`` and returning a ``Section`` (or None to stay
out of this report). Built-in sections (summary, chart, map, timeline, mediation) are registered
the same way in ``sulh.reports.sitrep``; another app registers its own in ``AppConfig.ready``::

    from sulh.reports.sections import Section, sitrep_section

    @sitrep_section(45)
    def alerts(report):
        rows = ...
        if not rows:
            return None
        return Section(gettext("Alerts"), "warning/sitrep_alerts.html", {"alerts": rows})

The template is rendered inside the report with the section's context plus ``report``; it must
show sources only through ``sulh.access.redact`` (the report may leave the organisation).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class SitrepRequest:
    user: Any
    area: Any  # places.Place
    date_from: date
    date_to: date
    language: str = "en"
    # Sections share what they compute for this report here (the timeline rows, say).
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def filename(self, extension: str) -> str:
        code = self.area.pcode or str(self.area.pk)
        return f"sitrep-{code}-{self.date_from}-{self.date_to}-{self.language}.{extension}"


@dataclass
class Section:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""


SectionFunction = Callable[[SitrepRequest], Section | None]
_SECTIONS: dict[str, tuple[int, SectionFunction]] = {}


def sitrep_section(
    order: int, name: str | None = None
) -> Callable[[SectionFunction], SectionFunction]:
    """Register a section; a lower ``order`` comes first. Registering a name again replaces it."""

    def register(function: SectionFunction) -> SectionFunction:
        _SECTIONS[name or f"{function.__module__}.{function.__name__}"] = (order, function)
        return function

    return register


def build_sections(report: SitrepRequest) -> list[Section]:
    sections = []
    for key, (_order, function) in sorted(_SECTIONS.items(), key=lambda item: item[1][0]):
        section = function(report)
        if section is not None:
            section.key = section.key or key.rsplit(".", 1)[-1]
            sections.append(section)
    return sections
