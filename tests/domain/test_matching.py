"""Matching volunteers to help requests: hard constraints, score, shortlist, batch."""

import itertools
import json
import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.domain import matching as m
from samenspel.domain.matching import (
    Place,
    RequestFacts,
    Text,
    VolunteerFacts,
    assign_greedy,
    assign_optimal,
    candidate_pool,
    exclusions,
    score,
    shortlist,
)

CENTRE = Place("Centrum", 52.0900, 5.1200)
# 1.2 km north of the centre (1 degree latitude ≈ 111.2 km).
NEAR = Place("Noord", 52.0900 + 1.2 / 111.195, 5.1200)
FAR = Place("Noord", 52.0900 + 12 / 111.195, 5.1200)


def request(**kw) -> RequestFacts:
    base = dict(id=1, circle_id=10, task_category="wellbeing", task_reserved=False)
    base.update(kw)
    return RequestFacts(**base)


def volunteer(**kw) -> VolunteerFacts:
    base = dict(id=1, availability=frozenset({"0-morning"}), vog_valid=True)
    base.update(kw)
    return VolunteerFacts(**base)


def codes(request_, volunteer_):
    return [e.code for e in exclusions(request_, volunteer_)]


# --- Hard constraints ----------------------------------------------------------


@given(
    trained=st.booleans(),
    allows=st.booleans(),
    category=st.sampled_from([c.value for c in m.TaskCategory]),
)
@settings(max_examples=40, deadline=None, derandomize=True)
def test_voorbehouden_handeling_never_reaches_a_volunteer(trained, allows, category):
    asked = request(task_category=category, task_reserved=True)
    helper = volunteer(trained_personal_care=trained, organisation_allows_personal_care=allows)
    assert "boundary" in codes(asked, helper)
    assert shortlist(asked, [helper])[0] == []
    assert assign_optimal([asked], [helper]).pairs == {}
    assert assign_greedy([asked], [helper]).pairs == {}


@pytest.mark.parametrize(("trained", "allows"), list(itertools.product([False, True], repeat=2)))
def test_nursing_never_reaches_a_volunteer(trained, allows):
    asked = request(task_category="nursing")
    helper = volunteer(trained_personal_care=trained, organisation_allows_personal_care=allows)
    found = exclusions(asked, helper)
    assert [e.code for e in found] == ["boundary"]
    assert found[0].reason == (
        "Deze taak is verpleging. Dat is formele zorg en niet voor vrijwilligers."
    )
    assert assign_optimal([asked], [helper]).unassigned == (1,)


@pytest.mark.parametrize(
    ("trained", "allows", "allowed"),
    [(False, False, False), (True, False, False), (False, True, False), (True, True, True)],
)
def test_personal_care_only_when_trained_and_organisation_allows(trained, allows, allowed):
    asked = request(task_category="personal_care")
    helper = volunteer(trained_personal_care=trained, organisation_allows_personal_care=allows)
    assert ("boundary" not in codes(asked, helper)) is allowed
    assert bool(assign_optimal([asked], [helper]).pairs) is allowed


def test_wellbeing_is_fine_for_any_volunteer():
    assert exclusions(request(), volunteer()) == []


def test_vog_only_where_the_request_needs_it():
    without = volunteer(vog_valid=False)
    assert codes(request(needs_vog=True), without) == ["vog"]
    assert codes(request(needs_vog=False), without) == []
    assert codes(request(needs_vog=True), volunteer(vog_valid=True)) == []


def test_volunteer_without_availability_is_excluded_with_a_reason():
    found = exclusions(request(), volunteer(availability=frozenset()))
    assert [e.code for e in found] == ["availability"]
    assert "geen tijden" in found[0].reason


def test_availability_must_overlap_unless_the_request_is_flexible():
    helper = volunteer(availability=frozenset({"0-morning", "1-evening"}))
    assert codes(request(slots=frozenset({"1-evening", "3-morning"})), helper) == []
    assert codes(request(slots=frozenset({"3-morning"})), helper) == ["availability"]
    assert codes(request(slots=frozenset()), helper) == []


def test_distance_is_haversine_and_too_far_is_excluded():
    asked = request(place=CENTRE)
    near = score(asked, volunteer(place=NEAR))
    assert near.parts["distance"] == pytest.approx(15 * (1 - 1.2 / 10), abs=0.01)
    assert "Woont op 1,2 km" in near.reasons
    found = exclusions(asked, volunteer(place=FAR, max_distance_km=10))
    assert [e.code for e in found] == ["distance"]
    assert found[0].reason == "Woont op 12 km. Deze vrijwilliger wil niet verder reizen dan 10 km."
    assert codes(asked, volunteer(place=FAR, max_distance_km=15)) == []


def test_same_wijk_without_coordinates_is_zero_km():
    asked = request(place=Place("Haven"))
    helper = volunteer(place=Place("Haven"), max_distance_km=0.5)
    assert codes(asked, helper) == []
    candidate = score(asked, helper)
    assert candidate.parts["distance"] == 15
    assert "Woont in dezelfde wijk" in candidate.reasons


def test_unknown_distance_is_not_excluded_but_mentioned():
    asked = request(place=Place("Haven"))
    helper = volunteer(place=Place("Zuid"), max_distance_km=0.5)
    assert codes(asked, helper) == []
    candidate = score(asked, helper)
    assert candidate.parts["distance"] == 7.5
    assert "De afstand is niet bekend" in candidate.reasons
    assert codes(request(place=Place()), volunteer(place=NEAR)) == []


def test_gender_wish_of_the_client_is_hard():
    asked = request(client_preferences=frozenset({"women_only"}))
    found = exclusions(asked, volunteer())
    assert [e.code for e in found] == ["preference"]
    assert "alleen een vrouw" in found[0].reason
    assert codes(asked, volunteer(preferences=frozenset({"women_only"}))) == []
    assert codes(request(), volunteer(preferences=frozenset({"women_only"}))) == []


def test_volunteer_without_capacity_is_excluded():
    assert codes(request(), volunteer(capacity=0)) == ["capacity"]


def test_several_reasons_at_once():
    asked = request(task_category="nursing", slots=frozenset({"2-evening"}))
    helper = volunteer(vog_valid=False, availability=frozenset({"0-morning"}))
    assert codes(asked, helper) == ["boundary", "vog", "availability"]


# --- Score parts ------------------------------------------------------------------


def test_a_perfect_fit_scores_100_and_parts_add_up():
    asked = request(
        place=CENTRE,
        slots=frozenset({"0-morning"}),
        wanted_skills=frozenset({"company"}),
        languages=frozenset({"tr"}),
        client_preferences=frozenset({"dementia"}),
        motive_fit=frozenset({"social_contact"}),
    )
    helper = volunteer(
        place=CENTRE,
        skills=frozenset({"company", "walking"}),
        motives=frozenset({"social_contact"}),
        languages=frozenset({"tr", "nl"}),
        preferences=frozenset({"dementia"}),
        circle_ids=frozenset({10}),
    )
    candidate = score(asked, helper)
    assert candidate.score == pytest.approx(100)
    assert candidate.score == pytest.approx(sum(candidate.parts.values()))
    assert set(candidate.parts) == set(m.PART_NAMES)
    assert m.MAX_SCORE == 100


def test_skills_part_is_the_share_of_wanted_skills():
    asked = request(wanted_skills=frozenset({"company", "walking", "shopping", "digital"}))
    assert score(asked, volunteer(skills=frozenset({"company"}))).parts["skills"] == 7.5
    assert score(asked, volunteer(skills=frozenset())).parts["skills"] == 0
    assert score(request(), volunteer()).parts["skills"] == 30


def test_motive_part():
    asked = request(motive_fit=frozenset({"social_contact"}))
    assert score(asked, volunteer(motives=frozenset({"social_contact"}))).parts["motives"] == 10
    assert score(asked, volunteer(motives=frozenset({"learn"}))).parts["motives"] == 0


def test_language_part_and_reason():
    asked = request(languages=frozenset({"tr"}))
    fits = score(asked, volunteer(languages=frozenset({"tr", "nl"})))
    assert fits.parts["languages"] == 15
    assert "Spreekt Turks, net als de cliënt" in fits.reasons
    misses = score(asked, volunteer(languages=frozenset({"nl"})))
    assert misses.parts["languages"] == 0
    assert "Spreekt geen taal van de cliënt" in misses.reasons
    both = score(
        request(languages=frozenset({"tr", "ar"})), volunteer(languages=frozenset({"tr", "ar"}))
    )
    assert "Spreekt Arabisch en Turks, net als de cliënt" in both.reasons


def test_preference_part_wishes_and_clashes():
    asked = request(client_preferences=frozenset({"older_people", "dementia"}))
    one = score(asked, volunteer(preferences=frozenset({"dementia"})))
    assert one.parts["preferences"] == 5
    assert "Kan omgaan met dementie" in one.reasons
    pets = request(client_preferences=frozenset({"pets"}))
    clash = score(pets, volunteer(preferences=frozenset({"no_pets"})))
    assert clash.parts["preferences"] == 5
    assert any("huisdieren" in reason for reason in clash.reasons)
    assert score(pets, volunteer()).parts["preferences"] == 10


def test_availability_part_is_the_share_of_asked_slots():
    asked = request(slots=frozenset({"0-morning", "1-morning"}))
    half = score(asked, volunteer(availability=frozenset({"0-morning"})))
    assert half.parts["availability"] == 5
    assert "Kan op 1 van de 2 gevraagde tijden" in half.reasons
    flexible = request()
    assert score(flexible, volunteer(availability=frozenset({"0-morning"}))).parts[
        "availability"
    ] == pytest.approx(10 / 3)
    many = frozenset({"0-morning", "1-morning", "2-morning", "3-morning"})
    assert score(flexible, volunteer(availability=many)).parts["availability"] == 10


def test_distance_part_drops_to_zero_at_10_km():
    asked = request(place=CENTRE)
    assert score(asked, volunteer(place=CENTRE)).parts["distance"] == 15
    assert score(asked, volunteer(place=FAR, max_distance_km=20)).parts["distance"] == 0


def test_continuity_bonus_for_a_volunteer_already_in_the_circle():
    known = score(request(circle_id=10), volunteer(circle_ids=frozenset({10})))
    assert known.parts["continuity"] == 10
    assert known.reasons[0] == "Kent de cliënt al"
    assert (
        score(request(circle_id=11), volunteer(circle_ids=frozenset({10}))).parts["continuity"] == 0
    )


def test_reasons_keep_their_msgid_for_translation():
    candidate = score(request(place=CENTRE), volunteer(place=NEAR))
    text = next(r for r in candidate.reasons if r.startswith("Woont op"))
    assert isinstance(text, Text)
    assert text.msgid == "Woont op {km} km"
    assert (
        text.render(lambda s: {"Woont op {km} km": "Lives {km} km away"}.get(s, s))
        == "Lives 1,2 km away"
    )
    assert m.render_text("gewoon", str.upper) == "GEWOON"


def test_more_than_64_codes_still_count():
    many = frozenset(f"skill{i}" for i in range(70))
    asked = request(wanted_skills=frozenset({"skill69", "skill1"}))
    assert score(asked, volunteer(skills=many)).parts["skills"] == 30
    result = shortlist(asked, [volunteer(id=1, skills=many), volunteer(id=2)])[0]
    assert [c.volunteer_id for c in result] == [1, 2]


# --- Shortlist ------------------------------------------------------------------------


def test_shortlist_ranks_by_score_then_id_and_explains_the_rest():
    asked = request(place=CENTRE, languages=frozenset({"tr"}))
    people = [
        volunteer(id=5, place=NEAR),
        volunteer(id=3, place=NEAR),
        volunteer(id=4, place=NEAR, languages=frozenset({"tr"})),
        volunteer(id=9, vog_valid=False),
        volunteer(id=8, place=FAR),
    ]
    ranked, excluded = shortlist(asked, people)
    assert [c.volunteer_id for c in ranked] == [4, 3, 5]
    assert ranked[0].score > ranked[1].score == ranked[2].score
    assert set(excluded) == {8, 9}
    assert [e.code for e in excluded[9]] == ["vog"]
    assert [e.code for e in excluded[8]] == ["distance"]
    assert [c.volunteer_id for c in shortlist(asked, people, limit=2)[0]] == [4, 3]


def test_shortlist_of_nobody():
    assert shortlist(request(), []) == ([], {})


# --- Batch --------------------------------------------------------------------------

SKILLS = ["company", "shopping", "transport"]
SLOTS = ["0-morning", "0-evening", "5-afternoon"]


def places():
    return st.one_of(
        st.builds(Place, wijk=st.sampled_from(["", "A", "B"])),
        st.builds(
            Place,
            wijk=st.sampled_from(["A", "B"]),
            lat=st.floats(52.0, 52.06),
            lon=st.floats(5.0, 5.08),
        ),
    )


@st.composite
def volunteers(draw, max_size=4):
    n = draw(st.integers(0, max_size))
    return [
        VolunteerFacts(
            id=i + 1,
            skills=draw(st.frozensets(st.sampled_from(SKILLS))),
            motives=draw(st.frozensets(st.sampled_from(["social_contact", "learn"]))),
            languages=draw(st.frozensets(st.sampled_from(["nl", "tr"]))),
            availability=draw(st.frozensets(st.sampled_from(SLOTS), min_size=0)),
            place=draw(places()),
            max_distance_km=draw(st.sampled_from([1.0, 3.0, 10.0])),
            preferences=draw(st.frozensets(st.sampled_from(["dementia", "no_pets", "women_only"]))),
            trained_personal_care=draw(st.booleans()),
            vog_valid=draw(st.booleans()),
            organisation_allows_personal_care=draw(st.booleans()),
            circle_ids=draw(st.frozensets(st.integers(1, 3), max_size=1)),
            capacity=draw(st.integers(0, 2)),
        )
        for i in range(n)
    ]


@st.composite
def requests(draw, max_size=5):
    n = draw(st.integers(0, max_size))
    return [
        RequestFacts(
            id=100 + i,
            circle_id=draw(st.integers(1, 3)),
            task_category=draw(
                st.sampled_from(["wellbeing", "practical", "personal_care", "nursing"])
            ),
            task_reserved=draw(st.sampled_from([False, False, False, True])),
            slots=draw(st.frozensets(st.sampled_from(SLOTS))),
            place=draw(places()),
            wanted_skills=draw(st.frozensets(st.sampled_from(SKILLS))),
            languages=draw(st.frozensets(st.sampled_from(["nl", "tr"]))),
            client_preferences=draw(
                st.frozensets(st.sampled_from(["dementia", "pets", "women_only"]))
            ),
            motive_fit=draw(st.frozensets(st.sampled_from(["social_contact", "learn"]))),
            needs_vog=draw(st.booleans()),
            urgency=draw(st.integers(1, 3)),
        )
        for i in range(n)
    ]


def allowed_scores(reqs, vols):
    """Score of every allowed pair with a score above 0, through the one-pair API."""
    found = {}
    for r in reqs:
        for v in vols:
            if not exclusions(r, v):
                points = score(r, v).score
                if points > 0:
                    found[(r.id, v.id)] = points
    return found


def brute_force(reqs, vols, scores) -> float:
    """Best total over every way to give each request one volunteer or none."""
    capacity = {v.id: v.capacity for v in vols}
    best = 0.0

    def walk(i, total):
        nonlocal best
        if i == len(reqs):
            best = max(best, total)
            return
        walk(i + 1, total)
        for v in vols:
            points = scores.get((reqs[i].id, v.id))
            if points is not None and capacity[v.id] > 0:
                capacity[v.id] -= 1
                walk(i + 1, total + points)
                capacity[v.id] += 1

    walk(0, 0.0)
    return best


def assert_valid(result, reqs, vols, scores):
    assert set(result.pairs) | set(result.unassigned) == {r.id for r in reqs}
    assert not set(result.pairs) & set(result.unassigned)
    for pair in result.pairs.items():
        assert pair in scores  # never a disallowed pair
    used = {}
    for v in result.pairs.values():
        used[v] = used.get(v, 0) + 1
    capacity = {v.id: v.capacity for v in vols}
    assert all(count <= capacity[v] for v, count in used.items())
    assert result.total_score == pytest.approx(sum(scores[p] for p in result.pairs.items()))


BATCH = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@given(reqs=requests(), vols=volunteers())
@BATCH
def test_optimal_equals_brute_force_and_beats_greedy(reqs, vols):
    scores = allowed_scores(reqs, vols)
    optimal = assign_optimal(reqs, vols)
    greedy = assign_greedy(reqs, vols)
    assert_valid(optimal, reqs, vols, scores)
    assert_valid(greedy, reqs, vols, scores)
    assert optimal.total_score == pytest.approx(brute_force(reqs, vols, scores))
    assert optimal.total_score >= greedy.total_score - 1e-9
    blocked = {r.id for r in reqs if r.task_reserved or r.task_category == "nursing"}
    assert not blocked & set(optimal.pairs)
    assert not blocked & set(greedy.pairs)


@given(reqs=requests(max_size=4), vols=volunteers(max_size=5))
@settings(max_examples=40, deadline=None, derandomize=True)
def test_batch_scores_are_the_one_pair_scores(reqs, vols):
    pool = candidate_pool(reqs, vols)
    from_pool = {}
    for r, (idx, points) in zip(reqs, pool.lists, strict=True):
        for i, p in zip(idx.tolist(), points.tolist(), strict=True):
            from_pool[(r.id, vols[i].id)] = p
    assert from_pool == pytest.approx(allowed_scores(reqs, vols))


def test_greedy_can_be_strictly_worse():
    # The urgent request grabs Anna, its best; the other request only fits Anna.
    anna = volunteer(id=1, skills=frozenset({"company", "shopping"}))
    bram = volunteer(id=2, skills=frozenset({"company"}))
    urgent = request(id=1, urgency=3, wanted_skills=frozenset({"company", "shopping"}))
    other = request(
        id=2, wanted_skills=frozenset({"shopping"}), client_preferences=frozenset({"women_only"})
    )
    anna = replace(anna, preferences=frozenset({"women_only"}))
    greedy = assign_greedy([urgent, other], [anna, bram])
    optimal = assign_optimal([urgent, other], [anna, bram])
    assert greedy.pairs == {1: 1}
    assert optimal.pairs == {1: 2, 2: 1}
    assert optimal.total_score > greedy.total_score


def test_capacity_is_respected_and_used():
    reqs = [request(id=i) for i in range(1, 5)]
    busy = volunteer(id=1, capacity=3)
    result = assign_optimal(reqs, [busy])
    assert list(result.pairs.values()) == [1, 1, 1]
    assert len(result.unassigned) == 1
    assert len(assign_greedy(reqs, [busy]).pairs) == 3
    assert assign_optimal(reqs, [volunteer(capacity=0)]).pairs == {}


def test_capped_candidates_stay_valid():
    reqs = [request(id=i, place=CENTRE) for i in range(1, 4)]
    vols = [volunteer(id=i, place=NEAR if i % 2 else CENTRE) for i in range(1, 7)]
    # With one candidate each, all three requests only see volunteer 2 (best, lowest id).
    capped = assign_optimal(reqs, vols, max_candidates_per_request=1)
    assert list(capped.pairs.values()) == [2]
    exact = assign_optimal(reqs, vols)
    assert sorted(exact.pairs.values()) == [2, 4, 6]
    assert exact.total_score > capped.total_score


def test_empty_batch():
    assert assign_optimal([], []).pairs == {}
    assert assign_greedy([request()], []).unassigned == (1,)
    assert math.isclose(
        assign_optimal([request()], [volunteer()]).total_score, score(request(), volunteer()).score
    )


def test_excluded_pairs_are_removed_before_solving():
    """A pair blocked outside the matching rules must not spend the volunteer:
    the second-best volunteer takes the request instead."""
    asked = request(id=1, wanted_skills=frozenset({"company"}))
    best = volunteer(id=1, skills=frozenset({"company"}))
    second = volunteer(id=2)
    assert assign_optimal([asked], [best, second]).pairs == {1: 1}
    excluded = {1: {1}}
    assert assign_optimal([asked], [best, second], excluded=excluded).pairs == {1: 2}
    assert assign_greedy([asked], [best, second], excluded=excluded).pairs == {1: 2}
    pool = candidate_pool([asked], [best, second], excluded=excluded)
    assert pool.pair_count == 1
    # Only the excluded request loses the pair; another request may still use it.
    other = request(id=2, circle_id=11, wanted_skills=frozenset({"company"}))
    result = assign_optimal([asked, other], [best, second], excluded=excluded)
    assert result.pairs == {1: 2, 2: 1}


def test_wijk_names_are_compared_trimmed_and_case_folded():
    asked = request(place=Place(" noord "))
    helper = volunteer(place=Place("Noord"))
    candidate = score(asked, helper)
    assert candidate.parts["distance"] == m.DISTANCE_POINTS
    assert "Woont in dezelfde wijk" in candidate.reasons
    assert m.normalise_wijk("  NoORD ") == "noord"


# --- Words for the reader: labels translated, the volunteer spoken to --------------


def _english(msgid: str) -> str:
    return {
        "Kan helpen met: {skills}": "Can help with: {skills}",
        "Wandelen of een uitje": "Walking or an outing",
        "Computer, tablet en telefoon": "Computer, tablet and phone",
        "Spreekt {languages}, net als de cliënt": "Speaks {languages}, like the client",
        "Nederlands": "Dutch",
        "Turks": "Turkish",
        "en": "and",
    }.get(msgid, msgid)


def test_labels_in_a_reason_are_translated_with_the_sentence():
    asked = request(
        wanted_skills=frozenset({"walking", "digital"}), languages=frozenset({"nl", "tr"})
    )
    candidate = score(
        asked,
        volunteer(skills=frozenset({"walking", "digital"}), languages=frozenset({"nl", "tr"})),
    )
    skills = next(r for r in candidate.reasons if r.startswith("Kan helpen"))
    assert skills == "Kan helpen met: computer, tablet en telefoon, wandelen of een uitje"
    assert (
        skills.render(_english) == "Can help with: computer, tablet and phone, walking or an outing"
    )
    languages = next(r for r in candidate.reasons if r.startswith("Spreekt"))
    assert languages.render(_english) == "Speaks Dutch and Turkish, like the client"


def test_reasons_speak_to_the_volunteer_when_asked():
    asked = request(
        wanted_skills=frozenset({"walking", "company"}), motive_fit=frozenset({"learn"})
    )
    candidate = score(asked, volunteer(skills=frozenset({"walking"}), motives=frozenset({"learn"})))
    spoken = [r.render(you=True) for r in candidate.reasons]
    assert "U kunt helpen met: wandelen of een uitje" in spoken
    assert "Dit heeft u niet opgegeven bij wat u kunt: gezelschap en een praatje" in spoken
    assert "Past bij wat u zoekt: iets leren" in spoken
    assert "Past bij wat de vrijwilliger zoekt: iets leren" in candidate.reasons
    assert not any("vrijwilliger" in r for r in spoken)


def test_a_distance_under_one_km_never_reads_zero():
    here = Place(lat=52.0, lon=5.0)
    candidate = score(request(place=here), volunteer(place=here))
    assert "Woont dichtbij (minder dan 1 km)" in candidate.reasons
    assert not any("0 km" in r for r in candidate.reasons)
    near = next(r for r in candidate.reasons if r.startswith("Woont"))
    assert near.render(you=True) == "U woont dichtbij (minder dan 1 km)"


def _stored(text):
    """As the database gives it back: through JSON."""
    return json.loads(json.dumps(text.to_data()))


def test_a_stored_reason_renders_like_a_fresh_one():
    asked = request(
        wanted_skills=frozenset({"walking", "digital", "company"}),
        languages=frozenset({"nl", "tr"}),
        motive_fit=frozenset({"learn"}),
        slots=frozenset({"0-morning", "1-morning"}),
        place=CENTRE,
    )
    candidate = score(
        asked,
        volunteer(
            skills=frozenset({"walking", "digital"}),
            languages=frozenset({"nl", "tr"}),
            motives=frozenset({"learn"}),
            availability=frozenset({"0-morning"}),
            place=NEAR,
        ),
    )
    assert len(candidate.reasons) >= 5
    for fresh in candidate.reasons:
        stored = _stored(fresh)
        assert stored["msgid"] == fresh.msgid
        back = Text.from_data(stored)
        assert back == fresh
        assert back.render(_english) == fresh.render(_english)
        assert back.render(you=True) == fresh.render(you=True)
        assert m.render_text(stored, _english, you=True) == fresh.render(_english, you=True)
    skills = next(r for r in candidate.reasons if r.startswith("Kan helpen"))
    assert m.render_text(_stored(skills), _english) == (
        "Can help with: computer, tablet and phone, walking or an outing"
    )
    assert m.render_text(_stored(skills), you=True) == (
        "U kunt helpen met: computer, tablet en telefoon, wandelen of een uitje"
    )


def test_a_stored_reason_does_not_depend_on_its_dutch_sentence():
    """Translation uses the stored msgids, not the sentence, so a label whose
    Dutch changes later still translates."""
    data = {
        "msgid": "Kan helpen met: {skills}",
        "you": "U kunt helpen met: {skills}",
        "params": {
            "skills": {"labels": ["Gezelschap en een praatje"], "lower": True, "conjunction": False}
        },
    }
    english = {"Gezelschap en een praatje": "Company and a chat"}
    assert m.render_text(data, lambda s: english.get(s) or _english(s)) == (
        "Can help with: company and a chat"
    )
    assert m.render_text(data, you=True) == "U kunt helpen met: gezelschap en een praatje"


def test_an_exclusion_reason_survives_storage_too():
    far = exclusions(request(place=CENTRE), volunteer(place=FAR, max_distance_km=10))
    stored = _stored(far[0].reason)
    assert Text.from_data(stored) == far[0].reason
    assert m.render_text(stored) == far[0].reason


def test_a_legacy_stored_sentence_is_shown_as_it_was():
    legacy = {"text": "Kan helpen met: wandelen of een uitje"}
    assert m.render_text(legacy, _english) == "Kan helpen met: wandelen of een uitje"
    assert m.render_text(legacy, _english, you=True) == "Kan helpen met: wandelen of een uitje"
    assert m.render_text("Iets anders", str.upper) == "IETS ANDERS"


def test_every_reason_has_a_known_spoken_form():
    for msgid, you in m.YOU_REASONS.items():
        assert you is None or you.startswith(("U ", "Past bij wat u", "Dit heeft u", "Er ")), msgid
