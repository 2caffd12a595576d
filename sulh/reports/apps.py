from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "sulh.reports"
    verbose_name = "Reports"
    nav = [(22, _("Dashboard"), "reports:dashboard"), (23, _("Map"), "reports:map")]

    def ready(self) -> None:
        from sulh.reports import sitrep, summary

        summary.connect()
        sitrep.register_builtin_sections()
