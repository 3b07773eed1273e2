"""Why, in words: the exclusions and the reasons a candidate fits.

A coordinator must be able to follow every proposal, and a volunteer reads
the same reasons about themselves; so every reason is a `Text` with a
variant spoken to the volunteer (`YOU_REASONS`), good news first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from samenspel.domain.i18n import gettext_noop as _
from samenspel.domain.matching_constraints import Checks, boundary_finding, hard_wishes
from samenspel.domain.matching_facts import (
    CLASH_CODES,
    WISH_CODES,
    Exclusion,
    RequestFacts,
    VolunteerFacts,
    normalise_wijk,
)
from samenspel.domain.matching_texts import NEAR_KM, Labels, Text, format_km, km_words
from samenspel.domain.volunteering import LANGUAGE_LABELS, MOTIVE_LABELS, SKILL_LABELS

_HARD_REASONS = {
    "women_only": _("De cliënt wil alleen een vrouw. Deze vrijwilliger past daar niet bij."),
    "men_only": _("De cliënt wil alleen een man. Deze vrijwilliger past daar niet bij."),
}
_WISH_REASONS = {
    "older_people": _("Werkt graag met ouderen"),
    "young_people": _("Werkt graag met jongeren"),
    "dementia": _("Kan omgaan met dementie"),
}
_CLASH_REASONS = {
    "pets": _("Er zijn huisdieren, en deze vrijwilliger heeft liever geen huisdieren"),
    "smoking": _("Er wordt gerookt, en deze vrijwilliger wil dat liever niet"),
}

# Every reason of `score` (third person, for the coordinator and the client
# side) → the same reason spoken to the volunteer. None: it reads the same.
YOU_REASONS = {
    _("Kent de cliënt al"): _("U kent de cliënt al"),
    _("Spreekt {languages}, net als de cliënt"): _("U spreekt {languages}, net als de cliënt"),
    _("Spreekt geen taal van de cliënt"): _("U spreekt geen taal van de cliënt"),
    _("Kan helpen met: {skills}"): _("U kunt helpen met: {skills}"),
    _("Heeft dit niet opgegeven: {skills}"): _(
        "Dit heeft u niet opgegeven bij wat u kunt: {skills}"
    ),
    _("Past bij wat de vrijwilliger zoekt: {motives}"): _("Past bij wat u zoekt: {motives}"),
    _WISH_REASONS["older_people"]: _("U werkt graag met ouderen"),
    _WISH_REASONS["young_people"]: _("U werkt graag met jongeren"),
    _WISH_REASONS["dementia"]: _("U kunt omgaan met dementie"),
    _CLASH_REASONS["pets"]: _("Er zijn huisdieren, en u heeft liever geen huisdieren"),
    _CLASH_REASONS["smoking"]: _("Er wordt gerookt, en u wilt dat liever niet"),
    _("De afstand is niet bekend"): None,
    _("Woont in dezelfde wijk"): _("U woont in dezelfde wijk"),
    _("Woont dichtbij (minder dan 1 km)"): _("U woont dichtbij (minder dan 1 km)"),
    _("Woont op {km} km"): _("U woont op {km} km afstand"),
    _("Kan op alle gevraagde tijden"): _("U kunt op alle gevraagde tijden"),
    _("Kan op {covered} van de {asked} gevraagde tijden"): _(
        "U kunt op {covered} van de {asked} gevraagde tijden"
    ),
}

# Which labels a value in a reason holds, and how they are written.
_LABEL_PARAMS = {
    "skills": (SKILL_LABELS, True, False),
    "motives": (MOTIVE_LABELS, True, False),
    "languages": (LANGUAGE_LABELS, False, True),
}


def _reason(msgid: str, **params: str | Labels) -> Text:
    return Text(msgid, you=YOU_REASONS[msgid], **params)


def _label_values(name: str, codes: Iterable[str]) -> Labels:
    labels, lower, conjunction = _LABEL_PARAMS[name]
    return Labels(tuple(labels.get(c, c) for c in sorted(codes)), lower, conjunction)


def _distance_reason(km: float) -> Text:
    if km < NEAR_KM:
        return _reason(_("Woont dichtbij (minder dan 1 km)"))
    return _reason(_("Woont op {km} km"), km=format_km(km))


def exclusions_at(request: RequestFacts, volunteer: VolunteerFacts, checks: Checks, i: int):
    found: list[Exclusion] = []
    if checks.boundary[i]:
        group = 2 * volunteer.trained_personal_care + volunteer.organisation_allows_personal_care
        finding = boundary_finding(request.task_category, request.task_reserved, group)
        found.append(Exclusion("boundary", Text(finding.reason, **dict(finding.params))))
    if checks.vog[i]:
        found.append(
            Exclusion(
                "vog",
                Text(
                    _("Voor deze hulp is een VOG nodig. Deze vrijwilliger heeft geen geldige VOG.")
                ),
            )
        )
    if checks.no_slots[i]:
        found.append(
            Exclusion("availability", Text(_("Deze vrijwilliger heeft nog geen tijden opgegeven.")))
        )
    if checks.no_overlap[i]:
        found.append(
            Exclusion("availability", Text(_("Deze vrijwilliger kan niet op de gevraagde tijden.")))
        )
    if checks.too_far[i]:
        found.append(
            Exclusion(
                "distance",
                Text(
                    _("Woont op {km} km. Deze vrijwilliger wil niet verder reizen dan {max} km."),
                    km=km_words(float(checks.distance[i])),
                    max=format_km(volunteer.max_distance_km),
                ),
            )
        )
    if checks.preference[i]:
        for code in hard_wishes(request):
            if code not in volunteer.preferences:
                found.append(Exclusion("preference", Text(_HARD_REASONS[code])))
    if checks.no_capacity[i]:
        found.append(
            Exclusion(
                "capacity",
                Text(_("Deze vrijwilliger heeft nu geen ruimte voor nog een hulpvraag.")),
            )
        )
    return found


def reasons_for(request: RequestFacts, volunteer: VolunteerFacts, distance: float) -> tuple:
    """Sentences, good news first, then what is less good."""
    good: list[Text] = []
    less: list[Text] = []
    if request.circle_id in volunteer.circle_ids:
        good.append(_reason(_("Kent de cliënt al")))
    shared_languages = request.languages & volunteer.languages
    if shared_languages:
        good.append(
            _reason(
                _("Spreekt {languages}, net als de cliënt"),
                languages=_label_values("languages", shared_languages),
            )
        )
    elif request.languages:
        less.append(_reason(_("Spreekt geen taal van de cliënt")))
    has = request.wanted_skills & volunteer.skills
    lacks = request.wanted_skills - volunteer.skills
    if has:
        good.append(_reason(_("Kan helpen met: {skills}"), skills=_label_values("skills", has)))
    if lacks:
        less.append(
            _reason(_("Heeft dit niet opgegeven: {skills}"), skills=_label_values("skills", lacks))
        )
    motives = request.motive_fit & volunteer.motives
    if motives:
        good.append(
            _reason(
                _("Past bij wat de vrijwilliger zoekt: {motives}"),
                motives=_label_values("motives", motives),
            )
        )
    for code in WISH_CODES:
        if code in request.client_preferences and code in volunteer.preferences:
            good.append(_reason(_WISH_REASONS[code]))
    for code, volunteer_code in sorted(CLASH_CODES.items()):
        if code in request.client_preferences and volunteer_code in volunteer.preferences:
            less.append(_reason(_CLASH_REASONS[code]))
    if math.isnan(distance):
        less.append(_reason(_("De afstand is niet bekend")))
    elif (
        distance == 0
        and normalise_wijk(request.place.wijk)
        and normalise_wijk(request.place.wijk) == normalise_wijk(volunteer.place.wijk)
        and (request.place.lat is None or volunteer.place.lat is None)
    ):
        good.append(_reason(_("Woont in dezelfde wijk")))
    else:
        good.append(_distance_reason(distance))
    if request.slots:
        covered = len(request.slots & volunteer.availability)
        if covered == len(request.slots):
            good.append(_reason(_("Kan op alle gevraagde tijden")))
        else:
            less.append(
                _reason(
                    _("Kan op {covered} van de {asked} gevraagde tijden"),
                    covered=str(covered),
                    asked=str(len(request.slots)),
                )
            )
    return tuple(good + less)
