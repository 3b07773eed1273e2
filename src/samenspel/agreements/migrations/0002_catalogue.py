"""The first task catalogue. Data, not code: an administrator can change it afterwards."""

from django.db import migrations

# (name, category, reserved act under the Wet BIG, core task, description)
CATALOGUE = [
    ("Insuline spuiten", "nursing", True, True, "Injectie met insuline, volgens schema."),
    ("Injectie geven", "nursing", True, True, "Bijvoorbeeld een bloedverdunner."),
    ("Katheter inbrengen", "nursing", True, True, ""),
    ("Wondverzorging", "nursing", False, True, "Verband verwisselen, wond bekijken."),
    ("Medicijnen klaarzetten", "nursing", False, True, "In de medicijnrol of weekdoos."),
    ("Wassen en douchen", "personal_care", False, True, ""),
    ("Aankleden en uitkleden", "personal_care", False, True, ""),
    ("Steunkousen aan- en uittrekken", "personal_care", False, True, ""),
    ("Hulp bij eten en drinken", "personal_care", False, True, ""),
    ("Schoonmaken", "household", False, True, ""),
    ("Was doen", "household", False, True, ""),
    ("Maaltijd koken", "household", False, True, ""),
    ("Boodschappen doen", "practical", False, False, ""),
    ("Vervoer naar dokter of ziekenhuis", "practical", False, False, ""),
    ("Medicijnen ophalen bij de apotheek", "practical", False, False, ""),
    ("Klusjes in huis en tuin", "practical", False, False, ""),
    ("Hond uitlaten", "practical", False, False, ""),
    ("Post en rekeningen", "administration", False, False, ""),
    ("Afspraken met instanties regelen", "administration", False, False, ""),
    ("Op bezoek gaan", "wellbeing", False, False, "Gezelschap, een kop koffie, een praatje."),
    ("Samen wandelen", "wellbeing", False, False, ""),
    ("Meegaan naar een activiteit", "wellbeing", False, False, "Bijvoorbeeld de soos of de markt."),
    ("Dagelijks even bellen", "wellbeing", False, False, "Vragen hoe het gaat."),
    ("Luisterend oor", "wellbeing", False, False, "Tijd voor een goed gesprek."),
]


def add_catalogue(apps, schema_editor):
    CareTask = apps.get_model("agreements", "CareTask")
    for order, (name, category, reserved, core, description) in enumerate(CATALOGUE):
        CareTask.objects.get_or_create(
            name=name,
            defaults={
                "category": category,
                "reserved_act": reserved,
                "is_core": core,
                "description": description,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [migrations.RunPython(add_catalogue, migrations.RunPython.noop)]
