from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "sulh.mediation"
    verbose_name = "Mediation"
    nav = [(30, _("Mediation desk"), "mediation:desk"), (31, _("Cases"), "mediation:cases")]

    def ready(self) -> None:
        from sulh.claims.registry import register_claimable
        from sulh.mediation import fields, panels  # noqa: F401 - panels register themselves
        from sulh.mediation.models import Agreement, Commitment, Meeting, Position

        register_claimable(Meeting, fields.MEETING_FIELDS)
        register_claimable(Position, fields.POSITION_FIELDS)
        register_claimable(Agreement, fields.AGREEMENT_FIELDS)
        register_claimable(Commitment, fields.COMMITMENT_FIELDS)
