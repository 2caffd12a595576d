"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import AREA_WRITERS, WRITERS, page, write


def demo_alert(demo_key):
    """The demo's alert on violence around Qadmus, 9 March 2025 (raised when the demo loads)."""
    return demo_key("rule-violence-qadmus").alerts.order_by("day").first().pk


ALERT = {"pk": demo_alert}
RULE = {"pk": "rule-aid-blocked"}  # on the Qadmus sub-district: outside the outsider's area

WEB = {
    "warning:alerts": page(200, anonymous=302),
    "warning:alert": page(200, outsider=404, anonymous=302, args=ALERT),
    "warning:acknowledge": write(allowed=AREA_WRITERS, outsider=404, anonymous=302, args=ALERT),
    "warning:risk": page(200, anonymous=302),
    "warning:rules": page(200, anonymous=302),
    "warning:rule_create": page(200, partner=403, anonymous=302),
    "warning:rule": page(200, partner=403, outsider=404, anonymous=302, args=RULE),
}
API = {
    "GET /warning/alerts": page(200, anonymous=401),
    "GET /warning/alerts/{alert_id}": page(
        200, outsider=404, anonymous=401, args={"alert_id": demo_alert}
    ),
    "POST /warning/alerts/{alert_id}/acknowledge": write(
        allowed=AREA_WRITERS, outsider=404, anonymous=401, args={"alert_id": demo_alert}
    ),
    "GET /warning/indicators": page(
        200, outsider=404, anonymous=401, args={}, query={"place": "place-hataniah"}
    ),
    "GET /warning/risk": page(200, anonymous=401),
    "GET /warning/rules": page(200, anonymous=401),
    "POST /warning/rules": write(allowed=WRITERS, anonymous=401),
    "PUT /warning/rules/{rule_id}": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        method="PUT",
        args={"rule_id": "rule-aid-blocked"},
    ),
}
