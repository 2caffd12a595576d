from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sulh.sources"
    verbose_name = "Sources and reports"
    nav = [(60, _("Sources"), "sources:list")]

    def ready(self) -> None:
        from sulh.sources import checks  # noqa: F401  (registers the identity key check)
        from sulh.sources.actions import phone_hash_of
        from sulh.sources.models import Source
        from sulh.sources.sealing import ensure_instance_key, register_sealed

        register_sealed(Source, "identity_sealed", hashes={"phone_hash": phone_hash_of})
        post_migrate.connect(ensure_instance_key, sender=self, dispatch_uid="sulh-instance-key")
