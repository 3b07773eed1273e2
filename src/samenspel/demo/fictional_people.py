"""Fictional people for the demo: first names by generation, surnames, and
what moves people to care ("Wat mij beweegt").

Data, kept apart from the builder that draws from it: common Dutch first
names and surnames combined at random (seeded), so nobody real is meant.
"""

from __future__ import annotations

# fmt: off
OLDER_WOMEN = [
    "Riet", "Annie", "Corrie", "Truus", "Mien", "Joke", "Gerda", "Ria", "Wil", "Tiny",
    "Nel", "Ans", "Lies", "Marijke", "Thea", "Bep", "Diny", "Els", "Hennie", "Jannie",
    "Rina", "Leny", "Coby", "Willy", "Toos", "Aaltje", "Betty", "Dina", "Fenna", "Gonny",
]
OLDER_MEN = [
    "Kees", "Jan", "Piet", "Gerrit", "Wim", "Cor", "Hans", "Ton", "Frans", "Bert",
    "Harry", "Jaap", "Klaas", "Ad", "Theo", "Sjaak", "Dirk", "Gijs", "Herman", "Joop",
    "Arie", "Evert", "Henk", "Rinus", "Bram", "Leo", "Nico", "Rien", "Fons", "Gerard",
]
YOUNGER_WOMEN = [
    "Anouk", "Lotte", "Femke", "Marloes", "Inge", "Esther", "Linda", "Monique", "Sandra",
    "Kim", "Iris", "Eva", "Nicole", "Ilse", "Petra", "Yvonne", "Miriam", "Fatima", "Naima",
    "Aylin", "Saskia", "Wendy", "Karin", "Manon", "Renske", "Sabine", "Judith", "Daphne",
    "Hanneke", "Sevda", "Mirjam", "Bianca", "Chantal", "Laura", "Maaike", "Romy",
]
YOUNGER_MEN = [
    "Mark", "Jeroen", "Bas", "Thijs", "Ruben", "Sander", "Erik", "Dennis", "Martijn",
    "Joost", "Rob", "Tim", "Youssef", "Mehmet", "Stefan", "Niels", "Koen", "Wouter",
    "Michiel", "Remco", "Arjan", "Vincent", "Patrick", "Hakan", "Frank", "Maarten",
    "Pieter", "Roel", "Daan", "Jesse",
]
SURNAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "Dijkstra", "Smits", "van der Meer",
    "van der Linden", "Kok", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "van der Heijden", "van Vliet", "van de Ven", "Maas",
    "Verhoeven", "Koster", "van Dam", "Blom", "Huisman", "Peeters", "Kuiper", "Veenstra",
    "Kramer", "van Wijk", "Bosch", "Evers", "Schipper", "Hermans", "Lammers", "Wouters",
    "van Rijn", "Gerritsen", "Bakx", "Zwart", "Molenaar", "Boersma", "Postema",
]
# fmt: on

# --- "Wat mij beweegt": short, first person, plain Dutch ---------------------
# Placeholders: {partner} "mijn vrouw"/"mijn man", {parent} "mijn moeder"/"mijn vader",
# {Parent} capitalised, {child} "mijn dochter"/"mijn zoon", {pron} "haar"/"hem",
# {Subj} "Zij"/"Hij", {subj} "ze"/"hij", {poss} "haar"/"zijn".

MOTIVATIONS: dict[str, list[str]] = {
    "partner": [
        "Wij zijn al {years} jaar samen. Dan laat je elkaar niet vallen.",
        "Ik wil dat {partner} zo lang mogelijk thuis kan blijven wonen.",
        "Ik doe het uit liefde, maar soms wordt het me te veel.",
        "{Subj} zorgde jarenlang voor ons gezin. Nu is het mijn beurt.",
        "Ik ken {pron} het best. Ik zie meteen als het niet goed gaat.",
        "We hebben altijd alles samen gedaan. Dat wil ik zo houden.",
        "Ik beloofde het bij ons trouwen: in goede en in slechte tijden.",
    ],
    "child": [
        "Ik doe het omdat {parent} er altijd voor mij was.",
        "{Parent} wil graag thuis blijven wonen. Ik help om dat mogelijk te maken.",
        "Ik woon dichtbij, dus het komt vaak op mij neer. Dat vind ik niet erg.",
        "Ik regel de papieren. Dan hoeft {parent} zich daar geen zorgen over te maken.",
        "Ik woon ver weg, maar ik bel elke week en kom als het kan.",
        "Het voelt goed om iets terug te doen.",
        "Ik wil niet dat {parent} zich eenzaam voelt.",
        "Mijn broers wonen ver weg. Ik ben de enige die vlakbij woont.",
    ],
    "parent": [
        "Als ouder blijf je zorgen, ook als je kind volwassen is.",
        "Ik wil dat {child} een zo gewoon mogelijk leven heeft.",
        "Ik maak me zorgen over later, als ik het zelf niet meer kan.",
    ],
    "sibling": [
        "We zijn samen opgegroeid. Dan help je elkaar.",
        "Ik kom elke week langs voor koffie en een praatje.",
        "Ik heb zelf tijd, mijn kinderen zijn de deur uit.",
    ],
    "other_family": [
        "Ik ben familie. Als ik kan helpen, doe ik dat graag.",
        "Ik help met de computer en de post. Dat kan ik goed.",
        "Als kind logeerde ik vaak bij {pron}. Dat vergeet ik nooit.",
    ],
    "friend": [
        "We kennen elkaar al van school. Zo'n vriendschap laat je niet los.",
        "Ik kom graag even langs. Samen koffie drinken doet ons allebei goed.",
        "We zongen jaren samen in het koor. Ik wil het contact houden.",
        "Ik had zelf hulp nodig toen het slecht ging. Nu help ik graag terug.",
        "We wandelen samen. Dan kan {subj} even {poss} verhaal kwijt.",
    ],
    "neighbour": [
        "Ik woon naast de deur. Even boodschappen doen is zo gebeurd.",
        "Ik let een beetje op. Als de gordijnen dicht blijven, ga ik kijken.",
        "We zijn al twintig jaar buren. Dan help je elkaar.",
        "Ik breng af en toe een pan soep. Meer kan ik nu niet doen.",
        "Ik rijd toch naar de markt, dan kan {subj} mooi mee.",
    ],
    "volunteer": [
        "Ik ben met pensioen en heb tijd over. Zo doe ik iets nuttigs.",
        "Ik vind het fijn om iemand een mooie middag te geven.",
        "Na de dood van mijn man was ik zelf eenzaam. Ik weet hoe dat voelt.",
        "Ik rijd graag. Zo kan iemand toch naar de dokter of de markt.",
        "Ik leer er zelf ook veel van. Elke week hoor ik mooie verhalen.",
        "Ik wil iets terugdoen voor mijn buurt.",
        "Naast mijn studie wil ik iets betekenen voor een ander.",
        "Samen een spelletje doen of een stukje lopen. Dat maakt de week van ons allebei.",
    ],
    "professional": [
        "Ik wil dat mensen zo lang mogelijk zelf de regie houden.",
        "Ik zie hoe hard mantelzorgers werken. Ik wil dat zij ook steun krijgen.",
        "Samen met de familie bereik je meer dan alleen.",
        "Ik vind het mooi om te zien wat mensen zelf kunnen.",
        "Goede zorg begint met goed luisteren.",
        "Ik wil dat niemand er alleen voor staat.",
        "Ik kom graag bij mensen thuis. Daar zie je wat er echt nodig is.",
        "Ik puzzel graag mee tot het thuis weer goed loopt.",
    ],
}
