"""Practical suggestions per factor for a low score. Our own texts, inspired by
the toolbox idea of seed 003; UI text, so translatable."""

from django.utils.translation import gettext_lazy as _

SUGGESTIONS = {
    "taakverdeling": (
        _("Maak bij elke cliënt een lijstje: wie doet wat, en wie springt in als iemand uitvalt."),
        _("Vraag de mantelzorger welke taken hij graag doet en welke liever niet."),
    ),
    "elkaar_nodig": (
        _("Bespreek in het teamoverleg één cliënt: wat doet de mantelzorger dat wij niet kunnen?"),
        _("Nodig iemand van het steunpunt mantelzorg uit in uw teamoverleg."),
    ),
    "contact": (
        _("Spreek met de mantelzorger af hoe vaak u contact hebt, en op welke manier."),
        _("Geef mantelzorgers en vrijwilligers één vast telefoonnummer of e-mailadres."),
    ),
    "ongelijkheid": (
        _("Vraag in een gesprek eerst wat de mantelzorger ziet, voordat u zelf iets zegt."),
        _("Gebruik gewone woorden en leg vaktaal uit."),
    ),
    "vertrouwen": (
        _("Doe wat u belooft, en laat het weten als iets niet lukt."),
        _("Vraag na een afspraak: ging het zoals we dachten? Wat kan beter?"),
    ),
    "verplaatsen": (
        _("Vraag de mantelzorger: hoe gaat het met u, naast de zorg?"),
        _("Kijk samen met de mantelzorger naar zijn draagkracht en draaglast."),
    ),
    "belangen": (
        _("Maak botsende wensen bespreekbaar: zet de wensen van iedereen naast elkaar."),
        _("Zoek samen een oplossing waar iedereen mee kan leven, en schrijf die op."),
    ),
    "dilemmas": (
        _("Zet lastige keuzes vast op de agenda van het teamoverleg."),
        _("Spreek af wat u doet als u zich zorgen maakt over een mantelzorger of vrijwilliger."),
    ),
    "evalueren": (
        _("Plan elk half jaar een kort gesprek met de mantelzorger: wat gaat goed, wat kan beter?"),
        _("Schrijf op wat u leert en bespreek het in het team."),
    ),
}


def for_factor(factor_id: str):
    return SUGGESTIONS.get(factor_id, ())
