from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    name = "samenspel.invitations"
