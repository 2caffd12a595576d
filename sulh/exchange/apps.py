from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "sulh.exchange"
    verbose_name = "Exchange"
    nav = [(70, _("Import and export"), "exchange:index")]

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sulh.claims.models import (
            CLAIM_EXPANDERS,
            RECONCILED_PREFETCHES,
            RECONCILED_PREVIEWS,
        )
        from sulh.exchange.compact import expand_record, prefetch_rows, preview_reconciled
        from sulh.exchange.indexes import restore_indexes

        # An import killed while the events' lookup indexes were set aside: migrate restores them.
        post_migrate.connect(restore_indexes, sender=self, dispatch_uid="exchange_restore_indexes")

        if expand_record not in CLAIM_EXPANDERS:
            CLAIM_EXPANDERS.append(expand_record)
        if preview_reconciled not in RECONCILED_PREVIEWS:
            RECONCILED_PREVIEWS.append(preview_reconciled)
        if prefetch_rows not in RECONCILED_PREFETCHES:
            RECONCILED_PREFETCHES.append(prefetch_rows)
