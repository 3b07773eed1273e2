from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    name = "samenspel.invitations"

    def ready(self):
        # Imported here: handlers use models, which load only once the app
        # registry is ready (Django's rule for ready()).
        from samenspel.circles.events import MemberLeftAgenda
        from samenspel.common import events
        from samenspel.invitations import handlers

        events.subscribe(MemberLeftAgenda, handlers.member_left_agenda)
