from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "sulh.security"
    verbose_name = "Security"
    nav = [(35, _("Security"), "security:index")]

    def ready(self) -> None:
        from sulh.claims.registry import register_claimable
        from sulh.security import fields, models, panels  # noqa: F401 - panels register on import

        register_claimable(models.CheckpointProgramme, fields.PROGRAMME_FIELDS)
        register_claimable(models.Checkpoint, fields.CHECKPOINT_FIELDS)
        register_claimable(models.WeaponsTransfer, fields.TRANSFER_FIELDS)
        register_claimable(models.ArmedUnit, fields.UNIT_FIELDS)
        register_claimable(models.AidMovement, fields.AID_FIELDS)
