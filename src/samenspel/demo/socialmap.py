"""The sociale kaart of the demo gemeente Lindeveen: wijken and about 70 offers.

A professional who sees an overloaded carer should find the logeerhuis, the
steunpunt and the vrijwillige thuishulp in the client's wijk; a lonely client
the maatjesproject, the buurtkamer, the wandelclub or the church's visiting
service (seed 003: "ken de sociale kaart in de wijk": care and welfare, but
also culture, sport, churches, neighbourhood networks, citizens' initiatives).

All organisations, names, addresses and phone numbers are fictional (e-mail
and web addresses use the reserved `.example` domain). A few entries were last
checked more than a year ago, so the "check this entry" flag shows. The
`kaartbeheerder` log-in maintains every entry. Everything is idempotent.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from samenspel.accounts.models import Person, User
from samenspel.circles.models import Circle
from samenspel.demo import names
from samenspel.domain.socialmap import Category as C
from samenspel.domain.socialmap import Cost
from samenspel.domain.socialmap import TargetGroup as T
from samenspel.organisations.models import Organisation
from samenspel.socialmap.models import Offer

MAINTAINER_LOGIN = "kaartbeheerder"
MAINTAINER_NAME = ("Ingrid", "Verbeek")

# The wijken of Lindeveen and their postcodes; Noord's team covers the first two.
WIJKEN = {
    "Lindeveen-Noord": "8311-8312",
    "Oude Dorp": "8310",
    "Lindeveen-Centrum": "8313",
    "Lindeveen-Zuid": "8314-8315",
    "De Veenhoeve": "8316",
}
TEAM_WIJKEN = {
    "Wijkteam Lindeveen-Noord": ["Lindeveen-Noord", "Oude Dorp"],
    "Wijkteam Lindeveen-Zuid": ["Lindeveen-Zuid", "Lindeveen-Centrum", "De Veenhoeve"],
}
NOORD = ["Lindeveen-Noord", "Oude Dorp"]
ZUID = ["Lindeveen-Zuid", "Lindeveen-Centrum", "De Veenhoeve"]
ALL = list(WIJKEN)

K = Organisation.Kind
FREE, OWN, IND = Cost.FREE, Cost.OWN_CONTRIBUTION, Cost.INDICATION

# key → (name, kind, web slug, address). "gemeente", "steunpunt", "schakel" and
# "linde" are the demo's existing organisations (names from demo/names.py).
ORGANISATIONS = {
    "logeerhuis": ("Logeerhuis De Lindenhof", K.CARE_PROVIDER, "lindenhof", "Hofstraat 4"),
    "boomgaard": ("Dagbesteding De Boomgaard", K.CARE_PROVIDER, "boomgaard", "Appelgaard 10"),
    "zorgboerderij": ("Zorgboerderij Veenzicht", K.CARE_PROVIDER, "veenzicht", "Veenweg 31"),
    "herberg": ("Ontmoetingscentrum De Herberg", K.CARE_PROVIDER, "herberg", "Kerkplein 2"),
    "vptz": ("VPTZ Lindeveen", K.VOLUNTEER_ORGANISATION, "vptz-lindeveen", ""),
    "humanitas": ("Humanitas Lindeveen", K.VOLUNTEER_ORGANISATION, "humanitas-lv", ""),
    "schuldmaatje": (
        "Schuldhulpmaatje Lindeveen",
        K.VOLUNTEER_ORGANISATION,
        "schuldmaatje",
        "",
    ),
    "vluchtelingen": (
        "Vluchtelingenwerk Lindeveen",
        K.VOLUNTEER_ORGANISATION,
        "vluchtelingenwerk-lv",
        "Stationsweg 7",
    ),
    "welzijn": ("Welzijn Lindeveen", K.COMMUNITY, "welzijn-lindeveen", "Marktstraat 15"),
    "bibliotheek": ("Bibliotheek Lindeveen", K.COMMUNITY, "bieb-lindeveen", "Marktstraat 1"),
    "pkn": ("Protestantse Gemeente Lindeveen", K.COMMUNITY, "pg-lindeveen", "Kerkstraat 9"),
    "parochie": ("Parochie Heilige Bonifatius", K.COMMUNITY, "bonifatius", "Molenweg 3"),
    "moskee": ("Moskee Al-Amal", K.COMMUNITY, "al-amal", "Industrieweg 22"),
    "lvv": ("Sportvereniging LVV Lindeveen", K.COMMUNITY, "lvv", "Sportlaan 1"),
    "stappers": ("Wandelclub De Stappers", K.COMMUNITY, "destappers", ""),
    "koor": ("Seniorenkoor Vox Lindeveen", K.COMMUNITY, "voxlindeveen", ""),
    "buurt_od": ("Buurtvereniging Oude Dorp", K.COMMUNITY, "oudedorp", "Dorpsstraat 40"),
    "buurt_vh": (
        "Bewonersvereniging De Veenhoeve",
        K.COMMUNITY,
        "veenhoeve-bewoners",
        "Turfstraat 2",
    ),
    "cultuurhuis": ("Cultuurhuis De Kom", K.COMMUNITY, "dekom", "Havenkade 5"),
    "ouderenbond": ("Ouderenbond Lindeveen", K.COMMUNITY, "ouderenbond-lv", ""),
    "lindewoon": ("Woningcorporatie Lindewoon", K.COMMUNITY, "lindewoon", "Havenkade 20"),
    "brug": ("Inloophuis De Brug", K.COMMUNITY, "inloophuis-debrug", "Brugstraat 11"),
    "clientondersteuning": (
        "Cliëntondersteuning Veenland",
        K.CARE_PROVIDER,
        "clientondersteuning-veenland",
        "",
    ),
}
EXISTING = {
    "gemeente": "Raadhuisplein 1",
    "steunpunt": "Marktstraat 15",
    "schakel": "Marktstraat 15",
    "linde": "Zorgweg 8",
}

# (organisation, name, categories, wmo fields, target groups, wijken, cost,
#  contact, opening hours, description, accessibility)
ENTRIES: list[tuple] = [
    (
        "logeerhuis",
        "Logeren in De Lindenhof",
        [C.RESPITE],
        [4, 6],
        [T.OLDER_PEOPLE, T.DEMENTIA, T.CARERS],
        ALL,
        IND,
        "Marja Tuinstra",
        "Het hele jaar, dag en nacht. Aanmelden op werkdagen 9-17 uur.",
        (
            "Uw naaste logeert een weekend of een week in een huiselijk logeerhuis met zes "
            "kamers. Zo kunt u als mantelzorger even bijkomen of op vakantie."
        ),
        "Gelijkvloers, kamers met aangepaste badkamer.",
    ),
    (
        "logeerhuis",
        "Weekendopvang voor mensen met dementie",
        [C.RESPITE],
        [4, 5],
        [T.DEMENTIA, T.CARERS],
        ALL,
        IND,
        "Marja Tuinstra",
        "Vrijdag 17 uur tot zondag 17 uur.",
        (
            "Eén of twee weekenden per maand logeert uw naaste met dementie bij ons. Vaste "
            "begeleiders, rustige groep."
        ),
        "Gelijkvloers, beveiligde tuin.",
    ),
    (
        "linde",
        "Zorg thuis overnemen (respijtzorg aan huis)",
        [C.RESPITE, C.HOME_CARE],
        [4, 6],
        [T.CARERS, T.OLDER_PEOPLE],
        ALL,
        IND,
        "Monique de Graaf",
        "Op afspraak, ook 's avonds en in het weekend.",
        (
            "Een verzorgende van Thuiszorg De Linde neemt de zorg een dagdeel van u over. U kunt "
            "dan weg zonder zorgen."
        ),
        "",
    ),
    (
        "schakel",
        "Vrijwillige thuishulp",
        [C.RESPITE, C.VOLUNTEER_CENTRE],
        [4],
        [T.CARERS, T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Wilma Kok",
        "Aanvragen op werkdagen 9-12 uur.",
        (
            "Een vrijwilliger komt een paar uur per week bij uw naaste. Koffie drinken, een "
            "spelletje, een wandeling. U heeft dan even tijd voor uzelf."
        ),
        "",
    ),
    (
        "vptz",
        "Vrijwilligers bij ernstig zieken en stervenden",
        [C.RESPITE],
        [4],
        [T.CARERS, T.EVERYONE],
        ALL,
        FREE,
        "Hanneke Dolstra",
        "Dag en nacht bereikbaar via de coördinator.",
        (
            "Getrainde vrijwilligers waken 's nachts of zijn overdag aanwezig bij iemand die "
            "thuis gaat sterven. De familie kan dan even rusten."
        ),
        "",
    ),
    (
        "zorgboerderij",
        "Logeren op de zorgboerderij",
        [C.RESPITE, C.DAY_ACTIVITIES],
        [4, 5],
        [T.DISABILITY, T.CARERS],
        ALL,
        IND,
        "Gert-Jan Hofstede",
        "Weekenden en schoolvakanties.",
        (
            "Voor kinderen en volwassenen met een beperking: logeren op de boerderij, tussen de "
            "dieren. Ouders en partners krijgen een adempauze."
        ),
        "Een deel van de kamers is rolstoeltoegankelijk.",
    ),
    (
        "steunpunt",
        "Respijtzorgwijzer: welke adempauze past bij u?",
        [C.RESPITE, C.CARER_SUPPORT, C.INFORMATION],
        [3, 4],
        [T.CARERS],
        ALL,
        FREE,
        "Esther Willems",
        "Spreekuur dinsdag en donderdag 9-12 uur.",
        (
            "Samen zoeken we uit welke vorm van respijtzorg bij u past, wat het kost en hoe u het"
            " aanvraagt."
        ),
        "Spreekuur op de begane grond, invalidentoilet aanwezig.",
    ),
    (
        "steunpunt",
        "Gesprek met een mantelzorgconsulent",
        [C.CARER_SUPPORT],
        [4],
        [T.CARERS],
        ALL,
        FREE,
        "Esther Willems",
        "Werkdagen 9-17 uur, ook op huisbezoek.",
        (
            "Een consulent komt bij u thuis of u komt langs. We praten over hoe het met u gaat en"
            " wat u nodig heeft."
        ),
        "",
    ),
    (
        "steunpunt",
        "Lotgenotengroep voor partners",
        [C.CARER_SUPPORT],
        [4],
        [T.CARERS],
        ALL,
        FREE,
        "Esther Willems",
        "Elke tweede woensdag van de maand, 19.30-21.30 uur.",
        "Praten met andere mensen die voor hun partner zorgen. Herkenning, tips en steun.",
        "Zaal op de begane grond, ringleiding.",
    ),
    (
        "steunpunt",
        "Jonge mantelzorgers: JMZ Lindeveen",
        [C.CARER_SUPPORT],
        [2, 4],
        [T.YOUTH, T.CARERS],
        ALL,
        FREE,
        "Daan Vermeer",
        "Woensdagmiddag, en via WhatsApp.",
        (
            "Voor jongeren van 12 tot 24 jaar die zorgen voor een ouder, broer of zus. Uitjes, "
            "een luisterend oor en hulp bij school."
        ),
        "",
    ),
    (
        "steunpunt",
        "Training: omgaan met dementie",
        [C.CARER_SUPPORT],
        [4, 5],
        [T.CARERS, T.DEMENTIA],
        ALL,
        FREE,
        "Esther Willems",
        "Vier avonden in het voorjaar en in het najaar.",
        (
            "Wat gebeurt er bij dementie, en hoe gaat u ermee om? Vier avonden met uitleg, "
            "oefeningen en tijd voor vragen."
        ),
        "",
    ),
    (
        "steunpunt",
        "Mantelzorgwaardering",
        [C.CARER_SUPPORT],
        [4],
        [T.CARERS],
        ALL,
        FREE,
        "Daan Vermeer",
        "Aanvragen van september tot en met november.",
        (
            "Eén keer per jaar een cadeaubon of een uitje als dank voor wat u doet. Aanvragen kan"
            " ook voor iemand anders."
        ),
        "",
    ),
    (
        "steunpunt",
        "Werk en mantelzorg: advies voor werkende mantelzorgers",
        [C.CARER_SUPPORT, C.INFORMATION],
        [3, 4],
        [T.CARERS],
        ALL,
        FREE,
        "Daan Vermeer",
        "Op afspraak, ook 's avonds.",
        (
            "Hoe combineert u werk en zorg? Uitleg over zorgverlof, gesprekken met uw werkgever "
            "en slim plannen."
        ),
        "",
    ),
    (
        "brug",
        "Steungroep naasten van mensen met psychische klachten",
        [C.CARER_SUPPORT],
        [4, 8, 9],
        [T.CARERS, T.MENTAL_HEALTH],
        ALL,
        FREE,
        "Rianne Kooistra",
        "Eens per maand, maandagavond.",
        (
            "Voor familie en vrienden van iemand met psychische problemen of een verslaving. "
            "Delen, leren en steun vinden."
        ),
        "",
    ),
    (
        "schakel",
        "Vacaturebank vrijwilligerswerk",
        [C.VOLUNTEER_CENTRE],
        [4],
        [T.EVERYONE],
        ALL,
        FREE,
        "Wilma Kok",
        "Maandag tot en met donderdag 9-12 uur.",
        (
            "Wilt u vrijwilligerswerk doen, of zoekt u een vrijwilliger? De Schakel brengt vraag "
            "en aanbod bij elkaar."
        ),
        "Ingang aan de zijkant, met hellingbaan.",
    ),
    (
        "schakel",
        "Burenhulp: een klus of boodschap",
        [C.VOLUNTEER_CENTRE, C.NEIGHBOURHOOD],
        [1, 4],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ALL,
        FREE,
        "Wilma Kok",
        "Bellen op werkdagen 9-12 uur.",
        (
            "Een buurtgenoot helpt met een kleine klus, een boodschap of een ritje naar de "
            "apotheek. Voor als er even niemand anders is."
        ),
        "",
    ),
    (
        "schakel",
        "Invalkracht bij een vast gat in de week",
        [C.VOLUNTEER_CENTRE],
        [4],
        [T.CARERS],
        ALL,
        FREE,
        "Wilma Kok",
        "Aanvragen op werkdagen.",
        (
            "Staat er elke week een moment open in de zorg? De Schakel zoekt een vaste "
            "vrijwilliger die op dat moment komt."
        ),
        "",
    ),
    (
        "schakel",
        "Automaatje: vrijwilligers rijden u",
        [C.TRANSPORT, C.VOLUNTEER_CENTRE],
        [1, 6],
        [T.OLDER_PEOPLE, T.DISABILITY],
        ALL,
        OWN,
        "Kees Wiersma",
        "Rit aanvragen twee werkdagen van tevoren, 9-12 uur.",
        (
            "Een vrijwilliger rijdt u in zijn eigen auto naar de dokter, de kapper of familie. U "
            "betaalt een kleine vergoeding per kilometer."
        ),
        "Niet geschikt voor een rolstoel die niet inklapt.",
    ),
    (
        "boomgaard",
        "Dagbesteding voor ouderen",
        [C.DAY_ACTIVITIES],
        [5, 6],
        [T.OLDER_PEOPLE, T.DEMENTIA],
        ALL,
        IND,
        "Loes Hiemstra",
        "Maandag tot en met vrijdag 9.30-16 uur.",
        (
            "Een dag vol met samen koken, bewegen, muziek en tuinieren. Met vervoer van en naar "
            "huis."
        ),
        "Gelijkvloers, aangepast toilet, rustruimte.",
    ),
    (
        "boomgaard",
        "Ontmoetingsgroep Oude Dorp",
        [C.DAY_ACTIVITIES, C.NEIGHBOURHOOD],
        [1, 5],
        [T.OLDER_PEOPLE],
        ["Oude Dorp"],
        OWN,
        "Loes Hiemstra",
        "Dinsdag en vrijdag 10-15 uur.",
        (
            "Laagdrempelige dagopvang in het dorpshuis. Samen lunchen en activiteiten. Geen "
            "indicatie nodig."
        ),
        "",
    ),
    (
        "zorgboerderij",
        "Dagbesteding op de boerderij",
        [C.DAY_ACTIVITIES],
        [5],
        [T.DISABILITY, T.MENTAL_HEALTH, T.DEMENTIA],
        ALL,
        IND,
        "Gert-Jan Hofstede",
        "Maandag tot en met zaterdag 9-16 uur.",
        "Buiten werken met dieren en planten, in een vaste groep. Voor jong en oud.",
        "Erf is verhard, niet alle stallen zijn toegankelijk met een rolstoel.",
    ),
    (
        "herberg",
        "Ontmoetingscentrum voor mensen met dementie en hun naasten",
        [C.DAY_ACTIVITIES, C.CARER_SUPPORT],
        [4, 5],
        [T.DEMENTIA, T.CARERS],
        ALL,
        OWN,
        "Sevda Aydın",
        "Maandag, woensdag en donderdag 10-16 uur.",
        (
            "Overdag een zinvolle dag voor mensen met beginnende dementie. Hun mantelzorgers "
            "krijgen tegelijk advies en steun."
        ),
        "Gelijkvloers.",
    ),
    (
        "brug",
        "Inloop en dagactiviteiten",
        [C.DAY_ACTIVITIES],
        [5, 8],
        [T.MENTAL_HEALTH],
        ALL,
        FREE,
        "Rianne Kooistra",
        "Maandag tot en met vrijdag 10-16 uur.",
        (
            "Binnenlopen voor koffie en een praatje. Creatieve activiteiten en samen eten op "
            "donderdag."
        ),
        "",
    ),
    (
        "schakel",
        "Maatjesproject Samen op Pad",
        [C.BUDDY],
        [1, 4],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ALL,
        FREE,
        "Jolanda Brink",
        "Aanmelden op werkdagen.",
        (
            "Een vaste maatje komt eens per week. Samen wandelen, naar de markt of gewoon praten."
            " Tegen eenzaamheid."
        ),
        "",
    ),
    (
        "humanitas",
        "Maatje voor mensen met psychische klachten",
        [C.BUDDY],
        [5, 8],
        [T.MENTAL_HEALTH],
        ALL,
        FREE,
        "Arjen Pool",
        "Bellen op dinsdag en donderdag.",
        ("Een vrijwilliger trekt een jaar lang met u op. Samen dingen ondernemen en weer meedoen."),
        "",
    ),
    (
        "humanitas",
        "Maatje voor nieuwe Lindeveners",
        [C.BUDDY],
        [1, 5],
        [T.NEWCOMERS],
        ALL,
        FREE,
        "Arjen Pool",
        "Op afspraak.",
        (
            "Net in Lindeveen komen wonen? Een maatje helpt de weg te vinden in de buurt en "
            "oefent Nederlands met u."
        ),
        "",
    ),
    (
        "welzijn",
        "Telefooncirkel: elke ochtend even bellen",
        [C.BUDDY, C.NEIGHBOURHOOD],
        [1],
        [T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Truus Jonker",
        "Elke ochtend tussen 9 en 10 uur.",
        (
            "Wie alleen woont, wordt elke ochtend gebeld door een vrijwilliger. Neemt u niet op, "
            "dan komt er iemand kijken."
        ),
        "",
    ),
    (
        "herberg",
        "Maatje voor mensen met dementie",
        [C.BUDDY],
        [4, 5],
        [T.DEMENTIA],
        ALL,
        FREE,
        "Sevda Aydın",
        "Op afspraak.",
        (
            "Een vaste vrijwilliger gaat wekelijks iets leuks doen met iemand met dementie: "
            "wandelen, muziek, de markt."
        ),
        "",
    ),
    (
        "buurt_od",
        "Buurtkamer Oude Dorp",
        [C.NEIGHBOURHOOD],
        [1],
        [T.EVERYONE, T.OLDER_PEOPLE],
        ["Oude Dorp"],
        FREE,
        "Bert Zijlstra",
        "Maandag tot en met vrijdag 10-12 uur.",
        "Binnenlopen voor koffie, de krant en een praatje met buurtgenoten. Iedereen is welkom.",
        "Drempelvrij.",
    ),
    (
        "buurt_od",
        "Repair Café",
        [C.NEIGHBOURHOOD],
        [1],
        [T.EVERYONE],
        NOORD,
        FREE,
        "Bert Zijlstra",
        "Eerste zaterdag van de maand, 10-13 uur.",
        "Vrijwilligers repareren samen met u kapotte spullen: een lamp, een broek, een fiets.",
        "",
    ),
    (
        "buurt_vh",
        "Buurtmaaltijd De Veenhoeve",
        [C.NEIGHBOURHOOD, C.MEALS],
        [1],
        [T.EVERYONE, T.OLDER_PEOPLE],
        ["De Veenhoeve"],
        OWN,
        "Gonnie Stam",
        "Elke donderdag om 17.30 uur. Opgeven tot woensdag.",
        "Samen eten met buren, voor een klein bedrag. Buren koken om de beurt.",
        "Drempelvrij, rolstoel past aan tafel.",
    ),
    (
        "buurt_vh",
        "Burennetwerk Veenhoeve",
        [C.NEIGHBOURHOOD],
        [1, 4],
        [T.EVERYONE],
        ["De Veenhoeve"],
        FREE,
        "Gonnie Stam",
        "Via de app en het buurtpunt.",
        (
            "Buren helpen elkaar: de hond uitlaten, een boodschap, samen naar de dokter. "
            "Aanmelden als helper kan ook."
        ),
        "",
    ),
    (
        "welzijn",
        "Buurtpunt Lindeveen-Zuid",
        [C.NEIGHBOURHOOD, C.INFORMATION],
        [1, 3],
        [T.EVERYONE],
        ["Lindeveen-Zuid"],
        FREE,
        "Youssef El Ouardi",
        "Dinsdag en donderdag 13-16 uur.",
        (
            "Een plek in de wijk voor vragen, ideeën en ontmoeting. De opbouwwerker helpt "
            "bewoners een eigen initiatief te starten."
        ),
        "",
    ),
    (
        "gemeente",
        "Wijkbudget: geld voor uw buurtidee",
        [C.NEIGHBOURHOOD],
        [1],
        [T.EVERYONE],
        ALL,
        FREE,
        "Koen Postma",
        "Aanvragen het hele jaar.",
        (
            "Heeft u een idee voor de buurt, zoals een buurtfeest of een moestuin? U kunt tot "
            "1.500 euro aanvragen."
        ),
        "",
    ),
    (
        "lvv",
        "Walking football voor 60-plussers",
        [C.SPORT],
        [1],
        [T.OLDER_PEOPLE],
        ALL,
        OWN,
        "Ruud Hoekman",
        "Woensdag 10-11.30 uur, daarna koffie.",
        "Voetbal in wandeltempo. Gezellig, veilig, en je hoeft niet fit te zijn om te beginnen.",
        "Kleedkamers op de begane grond.",
    ),
    (
        "lvv",
        "G-voetbal",
        [C.SPORT],
        [5],
        [T.DISABILITY, T.YOUTH],
        ALL,
        OWN,
        "Ruud Hoekman",
        "Zaterdag 10-11 uur.",
        "Voetballen voor kinderen en volwassenen met een beperking, met getrainde begeleiders.",
        "",
    ),
    (
        "stappers",
        "Wandelclub De Stappers",
        [C.SPORT, C.NEIGHBOURHOOD],
        [1],
        [T.EVERYONE, T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Annie Groeneveld",
        "Maandag en donderdag 9.30 uur, start bij de kerk.",
        (
            "Elke week samen een uur wandelen in en rond Lindeveen, in een rustig tempo. Daarna "
            "koffie."
        ),
        "Routes zijn verhard; een rollator kan mee.",
    ),
    (
        "stappers",
        "Duofietsen met een vrijwilliger",
        [C.SPORT, C.BUDDY],
        [1, 5],
        [T.OLDER_PEOPLE, T.DEMENTIA, T.DISABILITY],
        ALL,
        FREE,
        "Annie Groeneveld",
        "April tot en met oktober, op afspraak.",
        ("Samen fietsen op een duofiets: u zit naast een vrijwilliger en trapt mee zoveel u kunt."),
        "Instappen met hulp is mogelijk.",
    ),
    (
        "welzijn",
        "Meer bewegen voor ouderen",
        [C.SPORT],
        [1, 6],
        [T.OLDER_PEOPLE],
        ZUID,
        OWN,
        "Truus Jonker",
        "Dinsdag 10 uur in het buurtpunt, vrijdag 10 uur in De Veenhoeve.",
        "Gym op muziek, op de stoel of staand. Goed voor balans en spieren, en gezellig.",
        "",
    ),
    (
        "welzijn",
        "Valpreventie: sterk en stevig",
        [C.SPORT, C.INFORMATION],
        [3, 6],
        [T.OLDER_PEOPLE],
        ALL,
        OWN,
        "Truus Jonker",
        "Cursus van tien weken, twee keer per jaar.",
        (
            "Oefenen om minder snel te vallen, met een fysiotherapeut. Ook tips voor een veilig "
            "huis."
        ),
        "",
    ),
    (
        "koor",
        "Seniorenkoor Vox Lindeveen",
        [C.CULTURE],
        [1],
        [T.OLDER_PEOPLE],
        ALL,
        OWN,
        "Jan Bergsma",
        "Repetitie maandag 14-16 uur in het Cultuurhuis.",
        "Zingen is goed voor lijf en humeur. Geen auditie, noten lezen is niet nodig.",
        "Lift aanwezig in het Cultuurhuis.",
    ),
    (
        "koor",
        "Zingen voor mensen met dementie en hun mantelzorger",
        [C.CULTURE, C.CARER_SUPPORT],
        [4, 5],
        [T.DEMENTIA, T.CARERS],
        ALL,
        FREE,
        "Jan Bergsma",
        "Laatste vrijdag van de maand, 14 uur.",
        (
            "Samen bekende liedjes zingen. Muziek maakt herinneringen los, ook als praten "
            "moeilijk wordt."
        ),
        "",
    ),
    (
        "cultuurhuis",
        "Creatief atelier voor 55-plussers",
        [C.CULTURE],
        [1],
        [T.OLDER_PEOPLE],
        ALL,
        OWN,
        "Lotte Vink",
        "Woensdagochtend 10-12 uur.",
        "Schilderen, tekenen en kleien onder begeleiding. Beginners zijn welkom.",
        "Lift aanwezig, aangepast toilet.",
    ),
    (
        "cultuurhuis",
        "Samen naar de film: middagvoorstelling",
        [C.CULTURE, C.NEIGHBOURHOOD],
        [1],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ALL,
        OWN,
        "Lotte Vink",
        "Elke tweede dinsdag, 14 uur.",
        (
            "Een film met koffie en gebak, en na afloop napraten. Halen en brengen door "
            "vrijwilligers is mogelijk."
        ),
        "Rolstoelplaatsen in de zaal, ringleiding.",
    ),
    (
        "bibliotheek",
        "Voorlezen aan huis",
        [C.CULTURE, C.BUDDY],
        [1, 5],
        [T.OLDER_PEOPLE, T.DISABILITY],
        ALL,
        FREE,
        "Femke Zandstra",
        "Op afspraak.",
        (
            "Een vrijwilliger van de bibliotheek komt voorlezen of brengt boeken aan huis als u "
            "niet meer zelf kunt komen."
        ),
        "",
    ),
    (
        "bibliotheek",
        "Taalcafé",
        [C.CULTURE, C.NEIGHBOURHOOD],
        [1],
        [T.NEWCOMERS],
        ALL,
        FREE,
        "Femke Zandstra",
        "Donderdag 14-15.30 uur.",
        (
            "Nederlands oefenen in een gesprek bij de koffie, met vrijwilligers en andere "
            "deelnemers."
        ),
        "Drempelvrij, lift aanwezig.",
    ),
    (
        "pkn",
        "Bezoekdienst van de kerk",
        [C.RELIGION, C.BUDDY],
        [1],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ALL,
        FREE,
        "Dineke Hoogland",
        "Aanvragen via het kerkelijk bureau, dinsdag en vrijdag 9-12 uur.",
        (
            "Vrijwilligers van de kerk komen op bezoek bij ouderen en zieken, ook als u geen lid "
            "bent."
        ),
        "",
    ),
    (
        "pkn",
        "Open kerk en koffieochtend",
        [C.RELIGION, C.NEIGHBOURHOOD],
        [1],
        [T.EVERYONE],
        ["Lindeveen-Centrum"],
        FREE,
        "Dineke Hoogland",
        "Zaterdag 10-12 uur.",
        "De kerk is open voor een kop koffie, een kaarsje of een gesprek. Iedereen is welkom.",
        "Hellingbaan bij de zij-ingang.",
    ),
    (
        "parochie",
        "Zieken- en ouderenbezoek",
        [C.RELIGION, C.BUDDY],
        [1],
        [T.OLDER_PEOPLE],
        NOORD,
        FREE,
        "Theo Kuijpers",
        "Via het parochiesecretariaat, woensdag 9-11 uur.",
        (
            "Een bezoekersgroep van de parochie komt langs voor een praatje, en op verzoek voor "
            "een gebed of de communie."
        ),
        "",
    ),
    (
        "moskee",
        "Bezoekgroep voor ouderen en zieken",
        [C.RELIGION, C.BUDDY],
        [1],
        [T.OLDER_PEOPLE, T.NEWCOMERS],
        ALL,
        FREE,
        "Hakan Yıldız",
        "Na het vrijdaggebed, of bellen.",
        (
            "Vrijwilligers van de moskee bezoeken ouderen en zieken thuis of in het ziekenhuis, "
            "in het Turks, Arabisch of Nederlands."
        ),
        "",
    ),
    (
        "moskee",
        "Vrouwenochtend met voorlichting",
        [C.RELIGION, C.INFORMATION],
        [1, 3],
        [T.EVERYONE, T.NEWCOMERS],
        ALL,
        FREE,
        "Aylin Doğan",
        "Dinsdag 10-12 uur.",
        (
            "Ontmoeting voor vrouwen, met elke maand voorlichting, bijvoorbeeld over mantelzorg "
            "of gezondheid."
        ),
        "",
    ),
    (
        "humanitas",
        "Steun bij rouw en verlies",
        [C.RELIGION, C.BUDDY],
        [1, 4],
        [T.EVERYONE],
        ALL,
        FREE,
        "Arjen Pool",
        "Op afspraak.",
        (
            "Een getrainde vrijwilliger praat met u na het overlijden van een dierbare, ook als "
            "de zorg lang heeft geduurd."
        ),
        "",
    ),
    (
        "schuldmaatje",
        "Schuldhulpmaatje",
        [C.DEBT, C.BUDDY],
        [3],
        [T.EVERYONE],
        ALL,
        FREE,
        "Wim Haverkamp",
        "Aanmelden via de website of bellen op maandag.",
        (
            "Een getrainde vrijwilliger helpt u overzicht te krijgen in uw geldzaken en schulden,"
            " en gaat mee naar instanties."
        ),
        "",
    ),
    (
        "gemeente",
        "Schuldhulpverlening van de gemeente",
        [C.DEBT],
        [3, 7],
        [T.EVERYONE],
        ALL,
        FREE,
        "Marieke Hoekstra",
        "Werkdagen 9-17 uur.",
        (
            "Heeft u schulden of kunt u de rekeningen niet meer betalen? De gemeente helpt u "
            "gratis een oplossing te vinden."
        ),
        "Gemeentehuis: drempelvrij, lift.",
    ),
    (
        "humanitas",
        "Thuisadministratie",
        [C.DEBT, C.VOLUNTEER_CENTRE],
        [3],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ALL,
        FREE,
        "Arjen Pool",
        "Op afspraak.",
        (
            "Een vrijwilliger helpt bij de post, de rekeningen en de formulieren. Ook handig als "
            "uw partner dit altijd deed."
        ),
        "",
    ),
    (
        "ouderenbond",
        "Belastingservice voor ouderen",
        [C.DEBT, C.INFORMATION],
        [3],
        [T.OLDER_PEOPLE],
        ALL,
        OWN,
        "Gerrit Wolters",
        "Februari tot en met mei, op afspraak.",
        "Een vrijwilliger vult uw belastingaangifte in en vraagt toeslagen aan.",
        "",
    ),
    (
        "gemeente",
        "Woonloket: langer thuis wonen",
        [C.HOUSING, C.INFORMATION],
        [3, 6],
        [T.OLDER_PEOPLE, T.DISABILITY],
        ALL,
        FREE,
        "Linda Kramer",
        "Spreekuur maandag en woensdag 9-12 uur.",
        (
            "Advies over een aanpassing in huis (traplift, douche), een andere woning of een Wmo-"
            "voorziening."
        ),
        "Gemeentehuis: drempelvrij, lift.",
    ),
    (
        "lindewoon",
        "Woonconsulent voor huurders",
        [C.HOUSING],
        [6],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ALL,
        FREE,
        "Saskia Bouwman",
        "Werkdagen 9-13 uur.",
        (
            "Voor huurders van Lindewoon: hulp bij verhuizen naar een gelijkvloerse woning of een"
            " kleine aanpassing."
        ),
        "",
    ),
    (
        "lindewoon",
        "Mantelzorgwoning: wonen bij elkaar in de buurt",
        [C.HOUSING, C.CARER_SUPPORT],
        [4, 6],
        [T.CARERS],
        ALL,
        FREE,
        "Saskia Bouwman",
        "Op afspraak.",
        (
            "Voorrang bij een woning dicht bij degene voor wie u zorgt, of andersom. Vraag naar "
            "de voorwaarden."
        ),
        "",
    ),
    (
        "buurt_od",
        "Klussendienst voor ouderen",
        [C.HOUSING, C.NEIGHBOURHOOD],
        [1, 6],
        [T.OLDER_PEOPLE],
        NOORD,
        OWN,
        "Bert Zijlstra",
        "Aanvragen op maandag en donderdag.",
        (
            "Vrijwilligers doen kleine klussen in en om het huis: een lamp ophangen, een "
            "rookmelder plaatsen."
        ),
        "",
    ),
    (
        "gemeente",
        "Wmo-vervoer: Regiotaxi Veenland",
        [C.TRANSPORT],
        [6],
        [T.OLDER_PEOPLE, T.DISABILITY],
        ALL,
        IND,
        "Linda Kramer",
        "Ritten elke dag van 7 tot 24 uur; een uur van tevoren bellen.",
        "Deur-tot-deur taxivervoer in de regio voor een laag tarief. U heeft een Wmo-pas nodig.",
        "Taxibussen met rolstoellift.",
    ),
    (
        "welzijn",
        "Boodschappenbus",
        [C.TRANSPORT, C.NEIGHBOURHOOD],
        [1, 6],
        [T.OLDER_PEOPLE],
        ZUID,
        OWN,
        "Youssef El Ouardi",
        "Dinsdag en vrijdag, ophalen vanaf 9.30 uur.",
        (
            "Een bus haalt u op, rijdt naar de supermarkt en brengt u met de boodschappen weer "
            "thuis."
        ),
        "Bus met lage instap; een rollator kan mee.",
    ),
    (
        "gemeente",
        "Wmo-loket",
        [C.INFORMATION],
        [3, 6],
        [T.EVERYONE],
        ALL,
        FREE,
        "Naima El Idrissi",
        "Werkdagen 9-17 uur, telefonisch en op afspraak.",
        (
            "Voor hulp bij het huishouden, begeleiding, vervoer of een aanpassing in huis. Een "
            "consulent komt bij u thuis voor een gesprek."
        ),
        "Gemeentehuis: drempelvrij, lift.",
    ),
    (
        "clientondersteuning",
        "Onafhankelijke cliëntondersteuning",
        [C.INFORMATION],
        [3, 5],
        [T.EVERYONE, T.DISABILITY, T.CARERS],
        ALL,
        FREE,
        "Remco Hulshof",
        "Werkdagen 9-17 uur.",
        (
            "Een cliëntondersteuner helpt u bij het gesprek met de gemeente of het zorgkantoor en"
            " staat aan uw kant."
        ),
        "",
    ),
    (
        "bibliotheek",
        "Informatiepunt Digitale Overheid",
        [C.INFORMATION],
        [3],
        [T.EVERYONE, T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Femke Zandstra",
        "Woensdag 10-12 uur en op afspraak.",
        "Hulp bij DigiD, toeslagen en formulieren van de overheid op internet.",
        "Drempelvrij, lift aanwezig.",
    ),
    (
        "bibliotheek",
        "Klik en Tik: cursus tablet en computer",
        [C.INFORMATION, C.CULTURE],
        [1, 3],
        [T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Femke Zandstra",
        "Cursus van zes weken, maandagmiddag.",
        (
            "Leren werken met een tablet: beeldbellen met de kleinkinderen, de agenda en de app "
            "van de huisarts."
        ),
        "",
    ),
    (
        "welzijn",
        "Ouderenadviseur",
        [C.INFORMATION],
        [3, 6],
        [T.OLDER_PEOPLE, T.CARERS],
        ALL,
        FREE,
        "Truus Jonker",
        "Werkdagen, ook op huisbezoek.",
        (
            "Met al uw vragen over ouder worden: wonen, geld, zorg en eenzaamheid. De adviseur "
            "zoekt het met u uit."
        ),
        "",
    ),
    (
        "vluchtelingen",
        "Spreekuur voor nieuwkomers",
        [C.INFORMATION],
        [1, 3],
        [T.NEWCOMERS],
        ALL,
        FREE,
        "Mirjam Boer",
        "Maandag en donderdag 10-13 uur.",
        (
            "Hulp bij brieven, zorgverzekering en de weg in Lindeveen, ook voor nieuwkomers die "
            "voor familie zorgen."
        ),
        "",
    ),
    (
        "ouderenbond",
        "Seniorenvoorlichter",
        [C.INFORMATION],
        [3],
        [T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Gerrit Wolters",
        "Op afspraak, ook thuis.",
        "Een vrijwilliger vertelt welke regelingen en hulp er zijn in Lindeveen.",
        "",
    ),
    (
        "linde",
        "Wijkverpleging",
        [C.HOME_CARE],
        [6],
        [T.EVERYONE, T.OLDER_PEOPLE],
        ALL,
        IND,
        "Monique de Graaf",
        "Dag en nacht bereikbaar.",
        (
            "Verpleging en verzorging thuis: wassen, wondzorg, medicijnen, insuline. De "
            "wijkverpleegkundige bepaalt wat nodig is."
        ),
        "",
    ),
    (
        "linde",
        "Hulp bij het huishouden (Wmo)",
        [C.HOME_CARE],
        [6],
        [T.OLDER_PEOPLE, T.DISABILITY],
        ALL,
        IND,
        "Yvonne Maas",
        "Werkdagen.",
        (
            "Hulp bij schoonmaken en de was, als u dat zelf niet meer kunt. Aanvragen via het "
            "Wmo-loket."
        ),
        "",
    ),
    (
        "linde",
        "Personenalarmering",
        [C.HOME_CARE, C.HOUSING],
        [6],
        [T.OLDER_PEOPLE],
        ALL,
        OWN,
        "Dennis Prins",
        "Aanvragen op werkdagen; alarm werkt dag en nacht.",
        (
            "Een alarmknop om uw pols of nek. Drukt u erop, dan komt er hulp van de buren, "
            "familie of de thuiszorg."
        ),
        "",
    ),
    (
        "linde",
        "Nachtzorg thuis",
        [C.HOME_CARE, C.RESPITE],
        [4, 6],
        [T.OLDER_PEOPLE, T.CARERS],
        ALL,
        IND,
        "Monique de Graaf",
        "Tussen 23 en 7 uur.",
        (
            "Een verzorgende komt 's nachts langs of blijft een nacht, zodat de mantelzorger kan "
            "doorslapen."
        ),
        "",
    ),
    (
        "welzijn",
        "Maaltijdservice: warme maaltijd aan huis",
        [C.MEALS],
        [6],
        [T.OLDER_PEOPLE, T.DISABILITY],
        ALL,
        OWN,
        "Youssef El Ouardi",
        "Bezorging elke dag tussen 11.30 en 13 uur.",
        "Een warme maaltijd aan huis, ook dieet of halal. De bezorger maakt meteen een praatje.",
        "",
    ),
    (
        "welzijn",
        "Eetpunt in het buurtpunt",
        [C.MEALS, C.NEIGHBOURHOOD],
        [1],
        [T.OLDER_PEOPLE, T.EVERYONE],
        ["Lindeveen-Zuid", "Lindeveen-Centrum"],
        OWN,
        "Youssef El Ouardi",
        "Woensdag 12.30 uur. Opgeven tot dinsdag.",
        "Samen een driegangenmaaltijd eten. Vervoer kan worden geregeld.",
        "Drempelvrij.",
    ),
    (
        "parochie",
        "Kookclub Samen aan tafel",
        [C.MEALS, C.RELIGION],
        [1],
        [T.OLDER_PEOPLE, T.EVERYONE],
        NOORD,
        OWN,
        "Theo Kuijpers",
        "Eerste en derde vrijdag van de maand, 17.30 uur.",
        "Samen koken en eten in het parochiehuis. Juist voor wie vaak alleen eet.",
        "",
    ),
    (
        "ouderenbond",
        "Gezond eten: advies van een diëtist",
        [C.MEALS, C.INFORMATION],
        [3, 6],
        [T.OLDER_PEOPLE],
        ALL,
        FREE,
        "Gerrit Wolters",
        "Voorlichting in het voorjaar en het najaar.",
        "Een diëtist vertelt over eten en drinken als je ouder wordt, en over ondervoeding.",
        "",
    ),
]

# Entries (by index) not checked for more than a year: every tenth one.
STALE_EVERY = 10


def _slug(org_key: str) -> str:
    if org_key in ORGANISATIONS:
        return ORGANISATIONS[org_key][2]
    return {
        "gemeente": "gemeente-lindeveen",
        "steunpunt": "mantelzorg-lindeveen",
        "schakel": "deschakel",
        "linde": "thuiszorgdelinde",
    }[org_key]


def _organisations() -> dict[str, Organisation]:
    existing = {
        "gemeente": (names.MUNICIPALITY_NAME, K.MUNICIPALITY),
        "steunpunt": (names.CARER_SUPPORT, K.CARER_SUPPORT),
        "schakel": (names.VOLUNTEER_CENTRE, K.VOLUNTEER_ORGANISATION),
        "linde": (names.CARE_PROVIDER, K.CARE_PROVIDER),
    }
    orgs = {
        key: Organisation.objects.get(name=name, kind=kind)
        for key, (name, kind) in existing.items()
    }
    for key, (name, kind, *_rest) in ORGANISATIONS.items():
        orgs[key], _created = Organisation.objects.get_or_create(name=name, kind=kind)
    return orgs


def _maintainer() -> User:
    """The kaartbeheerder log-in, made here if the demo predates it."""
    user = User.objects.filter(username=MAINTAINER_LOGIN).first()
    if user is None:
        user = User(username=MAINTAINER_LOGIN)
        user.set_password(names.DEMO_PASSWORD)
        user.save()
    first, last = MAINTAINER_NAME
    if not Person.objects.filter(user=user).exists():
        Person.objects.create(
            first_name=first, last_name=last, email="ingrid.verbeek@example.com", user=user
        )
        User.objects.filter(pk=user.pk).update(
            first_name=first, last_name=last, email="ingrid.verbeek@example.com"
        )
    permission = Permission.objects.get(
        content_type__app_label="socialmap", codename="manage_socialmap"
    )
    user.user_permissions.add(permission)
    return user


def _phone(index: int) -> str:
    """A fictional number: the area code 0399 is not in use."""
    return f"0399 {20 + index // 10:02d} {(index * 37) % 90 + 10:02d} {10 + index:02d}"


def _address(org_key: str) -> str:
    street = ORGANISATIONS[org_key][3] if org_key in ORGANISATIONS else EXISTING[org_key]
    return f"{street}, Lindeveen" if street else ""


def set_circle_wijken(circles) -> int:
    """Give every demo circle without a wijk one of its team's wijken, in turn."""
    changed = 0
    turn: dict[int, int] = {}
    for circle in circles.select_related("team").order_by("pk"):
        wijken = TEAM_WIJKEN.get(circle.team.name if circle.team else "", ALL)
        index = turn.get(circle.team_id, 0)
        turn[circle.team_id] = index + 1
        if not circle.wijk:
            Circle.objects.filter(pk=circle.pk).update(wijk=wijken[index % len(wijken)])
            changed += 1
    return changed


def add_socialmap(circles, *, seed: int, today: date | None = None) -> int:
    """Wijken on the circles, the kaartbeheerder and the offers; returns offers added.

    Idempotent: offers are only added when the kaartbeheerder maintains none yet.
    """
    set_circle_wijken(circles)
    maintainer = _maintainer()
    if Offer.objects.filter(maintainer=maintainer).exists():
        return 0
    rng = random.Random(seed + 3003)
    today = today or timezone.localdate()
    orgs = _organisations()
    offers = []
    for index, entry in enumerate(ENTRIES):
        key, name, cats, wmo, groups, wijken, cost, contact, hours, text, access = entry
        slug = _slug(key)
        if index % STALE_EVERY == STALE_EVERY // 2:
            verified = today - timedelta(days=rng.randint(380, 600))
        else:
            verified = today - timedelta(days=rng.randint(5, 330))
        wijken = list(wijken)
        postcodes = ", ".join(WIJKEN[w] for w in wijken) if wijken != ALL else ""
        offers.append(
            Offer(
                organisation=orgs[key],
                name=name,
                description=text,
                categories=[str(c) for c in cats],
                wmo_fields=list(wmo),
                target_groups=[str(g) for g in groups],
                wijken=wijken,
                postcode_ranges=postcodes,
                address=_address(key),
                contact_name=contact,
                contact_phone=_phone(index),
                contact_email=f"{contact.split()[0].lower()}@{slug}.example",
                website=f"https://www.{slug}.example/",
                opening_hours=hours,
                cost=str(cost),
                accessibility=access,
                last_verified=verified,
                maintainer=maintainer,
            )
        )
    for offer in offers:
        offer.refresh_search_fields()  # bulk_create skips Offer.save()
    return len(Offer.objects.bulk_create(offers))
