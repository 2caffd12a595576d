"""Who gets what from each early-warning route: see sulh/access/tests/matrix.py.

Alerts have no demo keys (the loader raises them by running its rules), so the walk takes the
first alert of the demo's threat rule, at Qadmus; rules are the demo's own.
"""

from sulh.access.tests.matrix import AREA_WRITERS, WRITERS, page, write


def alert_in_qadmus(demo_key) -> int:
    from sulh.warning.models import Alert

    rule = demo_key("rule-threat-surge-qadmus")
    return Alert.objects.filter(rule=rule).order_by("day", "pk").first().pk


def qadmus(demo_key) -> int:
    return demo_key("rule-threat-surge-qadmus").place_id


ALERT = {"pk": alert_in_qadmus}
API_ALERT = {"alert_id": alert_in_qadmus}
RULE = {"pk": "rule-threat-surge-qadmus"}

WEB = {
    "warning:alerts": page(200, anonymous=302),
    "warning:alert": page(200, outsider=404, anonymous=302, args=ALERT),
    "warning:acknowledge": write(allowed=AREA_WRITERS, outsider=404, anonymous=302, args=ALERT),
    "warning:rules": page(200, anonymous=302),
    "warning:rule_create": page(200, partner=403, anonymous=302),
    "warning:rule": page(200, partner=403, outsider=404, anonymous=302, args=RULE),
    "warning:risk": page(200, anonymous=302),
}

API = {
    "GET /warning/alerts": page(200, anonymous=401),
    "GET /warning/alerts/{alert_id}": page(200, outsider=404, anonymous=401, args=API_ALERT),
    "POST /warning/alerts/{alert_id}/acknowledge": write(
        allowed=AREA_WRITERS, outsider=404, anonymous=401, args=API_ALERT
    ),
    "GET /warning/rules": page(200, anonymous=401),
    "POST /warning/rules": write(allowed=WRITERS, anonymous=401),
    "PUT /warning/rules/{rule_id}": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        method="PUT",
        args={"rule_id": "rule-threat-surge-qadmus"},
    ),
    "GET /warning/risk": page(200, anonymous=401),
    "GET /warning/indicators": page(
        200, outsider=404, anonymous=401, query={"place": qadmus, "date": "2025-03-08"}
    ),
}
