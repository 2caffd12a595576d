from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sulh.accounts"
    verbose_name = "Accounts"
