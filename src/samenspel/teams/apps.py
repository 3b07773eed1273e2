from django.apps import AppConfig


class TeamsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "samenspel.teams"
    verbose_name = "Teams"

    def ready(self):
        # A broken instrument file must fail at start-up, not in front of a team.
        # Imported here: the app registry must be ready (Django's rule for ready()).
        from samenspel.teams import thermometer

        thermometer.instrument()
