from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "sulh.exchange"
    verbose_name = "Exchange"
    nav = [(70, _("Import and export"), "exchange:index")]

    def ready(self) -> None:
        from sulh.claims.models import CLAIM_EXPANDERS
        from sulh.exchange.compact import expand_record

        if expand_record not in CLAIM_EXPANDERS:
            CLAIM_EXPANDERS.append(expand_record)
