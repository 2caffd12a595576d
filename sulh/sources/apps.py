from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sulh.sources"
    verbose_name = "Sources and reports"
    nav = [(60, _("Sources"), "sources:list")]
