"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import AREA_WRITERS, WRITERS, page, write

WEB = {
    "security:aid": page(
        200, outsider=404, anonymous=302, args={"pk": "sec-aid-blocked-between-villages"}
    ),
    "security:aid_claim_add": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "sec-aid-blocked-between-villages"},
    ),
    "security:aid_create": page(200, partner=403, anonymous=302),
    "security:aid_event_link": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "sec-aid-blocked-between-villages"},
    ),
    "security:aid_list": page(200, anonymous=302),
    "security:aid_status": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "sec-aid-blocked-between-villages"},
    ),
    "security:checkpoint": page(200, outsider=404, anonymous=302, args={"pk": "sec-cp-kaf-jaa"}),
    "security:checkpoint_claim_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-cp-kaf-jaa"}
    ),
    "security:checkpoint_create": page(200, partner=403, anonymous=302),
    "security:checkpoint_event_link": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-cp-kaf-jaa"}
    ),
    "security:checkpoint_status": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-cp-kaf-jaa"}
    ),
    "security:checkpoints": page(200, anonymous=302),
    "security:index": page(200, anonymous=302),
    "security:programme": page(
        200, outsider=404, anonymous=302, args={"pk": "sec-programme-village-checkpoints"}
    ),
    "security:programme_claim_add": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "sec-programme-village-checkpoints"},
    ),
    "security:programme_create": page(200, partner=403, anonymous=302),
    "security:programme_event_link": page(
        200,
        partner=403,
        outsider=404,
        anonymous=302,
        args={"pk": "sec-programme-village-checkpoints"},
    ),
    "security:transfer": page(
        200, outsider=404, anonymous=302, args={"pk": "sec-tr-rifles-to-villagers"}
    ),
    "security:transfer_claim_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-tr-rifles-to-villagers"}
    ),
    "security:transfer_create": page(200, partner=403, anonymous=302),
    "security:transfer_event_link": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-tr-rifles-to-villagers"}
    ),
    "security:unit": page(
        200, outsider=404, anonymous=302, args={"pk": "sec-unit-ismaili-volunteers"}
    ),
    "security:unit_claim_add": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-unit-ismaili-volunteers"}
    ),
    "security:unit_create": page(200, partner=403, anonymous=302),
    "security:unit_event_link": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-unit-ismaili-volunteers"}
    ),
    "security:unit_report": page(
        200, partner=403, outsider=404, anonymous=302, args={"pk": "sec-unit-ismaili-volunteers"}
    ),
    "security:units": page(200, anonymous=302),
    "security:weapons": page(200, anonymous=302),
}
API = {
    "GET /security/aid-movements": page(200, anonymous=401),
    "GET /security/aid-movements/geojson": page(200, anonymous=401),
    "GET /security/aid-movements/{pk}": page(
        200, outsider=404, anonymous=401, args={"pk": "sec-aid-blocked-between-villages"}
    ),
    "GET /security/checkpoints": page(200, anonymous=401),
    "GET /security/checkpoints/geojson": page(200, anonymous=401),
    "GET /security/checkpoints/{pk}": page(
        200, outsider=404, anonymous=401, args={"pk": "sec-cp-kaf-jaa"}
    ),
    "GET /security/programmes": page(200, anonymous=401),
    "GET /security/programmes/{pk}": page(
        200, outsider=404, anonymous=401, args={"pk": "sec-programme-village-checkpoints"}
    ),
    "GET /security/transfers": page(200, anonymous=401),
    "GET /security/transfers/{pk}": page(
        200, outsider=404, anonymous=401, args={"pk": "sec-tr-rifles-to-villagers"}
    ),
    "GET /security/units": page(200, anonymous=401),
    "GET /security/units/{pk}": page(
        200, outsider=404, anonymous=401, args={"pk": "sec-unit-ismaili-volunteers"}
    ),
    "GET /security/weapons/balance": page(200, anonymous=401),
    "POST /security/aid-movements": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /security/aid-movements/{pk}/claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-aid-blocked-between-villages"},
    ),
    "POST /security/aid-movements/{pk}/events": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-aid-blocked-between-villages"},
    ),
    "POST /security/aid-movements/{pk}/status": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-aid-blocked-between-villages"},
    ),
    "POST /security/checkpoints": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /security/checkpoints/{pk}/claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-cp-kaf-jaa"},
    ),
    "POST /security/checkpoints/{pk}/events": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-cp-kaf-jaa"},
    ),
    "POST /security/checkpoints/{pk}/status": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-cp-kaf-jaa"},
    ),
    "POST /security/programmes": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /security/programmes/{pk}/claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-programme-village-checkpoints"},
    ),
    "POST /security/programmes/{pk}/events": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-programme-village-checkpoints"},
    ),
    "POST /security/transfers": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /security/transfers/{pk}/claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-tr-rifles-to-villagers"},
    ),
    "POST /security/transfers/{pk}/events": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-tr-rifles-to-villagers"},
    ),
    "POST /security/units": write(
        allowed=WRITERS,
        anonymous=401,
    ),
    "POST /security/units/{pk}/claims": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-unit-ismaili-volunteers"},
    ),
    "POST /security/units/{pk}/events": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-unit-ismaili-volunteers"},
    ),
    "POST /security/units/{pk}/reports": write(
        allowed=AREA_WRITERS,
        outsider=404,
        anonymous=401,
        args={"pk": "sec-unit-ismaili-volunteers"},
    ),
}
