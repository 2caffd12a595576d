from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "sulh.exchange"
    verbose_name = "Exchange"
