"""The situation report's "alerts of the period" section, added to the reports registry.

Registered under the name "alerts" so that registering it again (from the reports app, say)
replaces it rather than printing the alerts twice.
"""

from typing import Any

from django.utils.translation import gettext as _

from sulh.warning.queries import alerts_for_period


def alerts_section(report: Any) -> Any:
    from sulh.reports.sections import Section

    rows = alerts_for_period(report.user, report.area, report.date_from, report.date_to)
    if not rows:
        return None
    arabic = report.language == "ar"
    for row in rows:
        place = row["place"] or {}
        row["place_name"] = (arabic and place.get("name_ar")) or place.get("name_en", "")
    return Section(_("Alerts"), "warning/sitrep_alerts.html", {"alerts": rows})


def register() -> None:
    try:
        from sulh.reports.sections import sitrep_section
    except ImportError:  # a deployment without the reports app
        return
    sitrep_section(60, "alerts")(alerts_section)
