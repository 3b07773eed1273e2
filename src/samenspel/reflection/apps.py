from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "samenspel.reflection"
    verbose_name = "Reflectie op gelijkwaardigheid"

    def ready(self):
        # A broken instrument file must fail at start-up, not in front of a circle.
        # Imported here: the app registry must be ready (Django's rule for ready()).
        from samenspel.reflection import instrument

        instrument.instrument()
