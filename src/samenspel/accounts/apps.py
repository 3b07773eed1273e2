from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samenspel.accounts"
    verbose_name = "Accounts"
