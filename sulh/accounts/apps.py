from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sulh.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from sulh.accounts import signals  # noqa: F401  (connects the login audit)
