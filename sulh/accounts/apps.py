from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sulh.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from sulh.accounts import signals  # noqa: F401  (connects the login audit)
        from sulh.accounts.models import User
        from sulh.sources.sealing import register_sealed

        register_sealed(User, "totp_sealed")  # rotated with the identity key
