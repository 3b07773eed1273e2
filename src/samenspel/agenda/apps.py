from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "samenspel.agenda"

    def ready(self):
        # Imported here: handlers use models, which load only once the app
        # registry is ready (Django's rule for ready()).
        from samenspel.agenda import handlers
        from samenspel.agreements.events import AgreementChanged
        from samenspel.circles.events import MemberLeftAgenda
        from samenspel.common import events

        events.subscribe(AgreementChanged, handlers.agreement_changed)
        events.subscribe(MemberLeftAgenda, handlers.member_left_agenda)
