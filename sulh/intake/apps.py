from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "sulh.intake"
    verbose_name = "Intake"
    nav = [
        (45, _("Intake"), "intake:queue"),
        (75, _("Threats"), "intake:threats"),
    ]
