from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "samenspel.agreements"

    def ready(self):
        # Imported here: handlers use models, which load only once the app
        # registry is ready (Django's rule for ready()).
        from samenspel.agreements import handlers
        from samenspel.circles.events import MemberLeftAgenda
        from samenspel.common import events

        events.subscribe(MemberLeftAgenda, handlers.member_left_agenda)
