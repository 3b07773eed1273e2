"""WIFA rules: every reminder at its exact boundary, urgency, overview figures."""

import datetime as dt

import pytest

from samenspel.domain import wifa as w
from samenspel.domain.vocabulary import Severity

TODAY = dt.date(2026, 6, 15)
LONG_AGO = dt.date(2024, 1, 1)


def _facts(entries=(), pairs=(), started=LONG_AGO, vid=1, name="Anouk"):
    return w.VolunteerFacts(vid, name, started, tuple(entries), tuple(pairs))


def _covered(day: dt.date):
    """Every aspect and facility recent on ``day``: no reminder but the one tested."""
    return [
        w.EntryFact("onkosten", LONG_AGO),
        w.EntryFact("verzekering", LONG_AGO),
        w.EntryFact("gesprek", day),
        w.EntryFact("bedankje", day),
        w.EntryFact("info_client", day),
    ]


def _codes(facts, today=TODAY):
    return [r.code for r in w.reminders_for(w.state(facts), today)]


# --- Aspects and kinds -------------------------------------------------------
def test_four_aspects_in_wifa_order_with_kinds():
    assert w.ASPECT_IDS == ("waarderen", "informeren", "faciliteren", "afstemmen")
    for a in w.ASPECTS:
        assert w.kinds_of(a.id), a.id
        assert a.label and a.explanation
    assert {k.aspect for k in w.KINDS} == set(w.ASPECT_IDS)
    assert len(set(w.KIND_IDS)) == len(w.KINDS)


def test_only_the_meeting_with_a_professional_needs_one():
    assert [k.id for k in w.KINDS if k.needs_professional] == ["overleg"]


def test_facilities_come_from_faciliteren_kinds():
    facilities = {k.facility for k in w.KINDS if k.facility}
    assert facilities == {f for f, _label in w.FACILITIES}
    assert all(w.kind(k.id).aspect == w.FACILITEREN for k in w.KINDS if k.facility)


# --- State ---------------------------------------------------------------------
def test_state_takes_the_latest_per_aspect_and_personal_contact_only():
    s = w.state(
        _facts(
            [
                w.EntryFact("gesprek", dt.date(2026, 5, 1)),
                w.EntryFact("nieuwsbrief", dt.date(2026, 6, 10)),  # not personal contact
                w.EntryFact("kaartje", dt.date(2026, 6, 12)),  # not personal contact
                w.EntryFact("info_taken", dt.date(2026, 4, 1)),
                w.EntryFact("onkosten", dt.date(2025, 1, 1)),
                w.EntryFact("overleg", dt.date(2026, 3, 1), professional_id=7),
                w.EntryFact("compliment", dt.date(2026, 5, 20), professional_id=7),
                w.EntryFact("unknown_kind", dt.date(2026, 6, 14)),  # ignored
            ],
            pairs=[w.PairFact(7, "Petra", dt.date(2026, 1, 1))],
        )
    )
    assert s.last_contact == dt.date(2026, 5, 20)
    assert s.last_by_aspect == {
        "afstemmen": dt.date(2026, 5, 1),
        "informeren": dt.date(2026, 6, 10),
        "waarderen": dt.date(2026, 6, 12),
        "faciliteren": dt.date(2025, 1, 1),
    }
    assert s.facilities == {"expenses"}
    assert s.missing_basics == {"insurance"}
    (pair,) = s.pairs
    assert pair.last_afstemming == dt.date(2026, 3, 1)  # the compliment is no afstemming
    assert pair.last_contact == dt.date(2026, 5, 20)


def test_a_fully_covered_volunteer_has_no_reminders():
    assert _codes(_facts(_covered(TODAY))) == []


# --- Contact -------------------------------------------------------------------
def test_contact_reminder_after_exactly_six_weeks():
    weeks = dt.timedelta(weeks=w.CONTACT_LAPSE_WEEKS)
    entries = _covered(TODAY)
    entries[2] = w.EntryFact("gesprek", TODAY - weeks)
    entries[3] = w.EntryFact("kaartje", TODAY)  # appreciation without contact
    entries[4] = w.EntryFact("nieuwsbrief", TODAY)  # information without contact
    assert _codes(_facts(entries)) == []
    entries[2] = w.EntryFact("gesprek", TODAY - weeks - dt.timedelta(days=1))
    (r,) = w.reminders_for(w.state(_facts(entries)), TODAY)
    assert r.code == "no_contact"
    assert r.severity == Severity.MEDIUM
    assert r.overdue_days == 1
    text = r.render(lambda s: s)
    assert text.title == "Lang geen contact met Anouk"
    assert "meer dan 6 weken" in text.explanation
    assert text.next_step == "Bel of bezoek Anouk en vraag hoe het gaat."


def test_contact_becomes_urgent_after_twice_the_threshold():
    entries = _covered(TODAY)
    twice = dt.timedelta(weeks=w.CONTACT_LAPSE_WEEKS * w.URGENT_FACTOR)
    entries[2] = w.EntryFact("gesprek", TODAY - twice)
    entries[3] = w.EntryFact("kaartje", TODAY)
    entries[4] = w.EntryFact("nieuwsbrief", TODAY)
    (r,) = w.reminders_for(w.state(_facts(entries)), TODAY)
    assert r.severity == Severity.MEDIUM
    entries[2] = w.EntryFact("gesprek", TODAY - twice - dt.timedelta(days=1))
    (r,) = w.reminders_for(w.state(_facts(entries)), TODAY)
    assert r.severity == Severity.HIGH


def test_no_contact_counts_from_the_start_when_nothing_was_logged():
    base = [w.EntryFact("onkosten", TODAY), w.EntryFact("verzekering", TODAY)]
    start = TODAY - dt.timedelta(weeks=w.CONTACT_LAPSE_WEEKS)
    assert "no_contact" not in _codes(_facts(base, started=start))
    later = start - dt.timedelta(days=1)
    (r,) = [
        r for r in w.reminders_for(w.state(_facts(base, started=later)), TODAY) if r.aspect is None
    ]
    assert "nog geen persoonlijk contact" in r.render(lambda s: s).explanation


# --- Appreciation and information (calendar months) ----------------------------
@pytest.mark.parametrize(
    ("kind", "code", "months"),
    [
        ("bedankje", "no_appreciation", w.APPRECIATION_LAPSE_MONTHS),
        ("compliment", "no_appreciation", w.APPRECIATION_LAPSE_MONTHS),
        ("info_organisatie", "no_information", w.INFORMATION_LAPSE_MONTHS),
        ("nieuwsbrief", "no_information", w.INFORMATION_LAPSE_MONTHS),
    ],
)
def test_month_lapses_at_their_boundary(kind, code, months):
    exact = w._add_months(TODAY, -months)  # 15 Feb for 4 months, 15 Mar for 3
    entries = [e for e in _covered(TODAY) if w.kind(e.kind).aspect != w.kind(kind).aspect]
    entries.append(w.EntryFact(kind, exact))
    assert code not in _codes(_facts(entries))
    entries[-1] = w.EntryFact(kind, exact - dt.timedelta(days=1))
    found = [r for r in w.reminders_for(w.state(_facts(entries)), TODAY) if r.code == code]
    assert len(found) == 1
    assert found[0].overdue_days == 1
    assert found[0].severity == Severity.MEDIUM


def test_appreciation_urgent_after_eight_months():
    entries = [e for e in _covered(TODAY) if e.kind != "bedankje"]
    eight = w._add_months(TODAY, -2 * w.APPRECIATION_LAPSE_MONTHS)
    entries.append(w.EntryFact("kaartje", eight))
    (r,) = w.reminders_for(w.state(_facts(entries)), TODAY)
    assert (r.code, r.severity) == ("no_appreciation", Severity.MEDIUM)
    entries[-1] = w.EntryFact("kaartje", eight - dt.timedelta(days=1))
    (r,) = w.reminders_for(w.state(_facts(entries)), TODAY)
    assert r.severity == Severity.HIGH


def test_add_months_keeps_the_end_of_the_month():
    assert w._add_months(dt.date(2026, 10, 31), 4) == dt.date(2027, 2, 28)
    assert w._add_months(dt.date(2026, 1, 15), -3) == dt.date(2025, 10, 15)


# --- Pairs ---------------------------------------------------------------------
def test_pair_without_afstemming_after_eight_weeks():
    weeks = dt.timedelta(weeks=w.PAIR_AFSTEMMING_LAPSE_WEEKS)
    pair = w.PairFact(7, "Petra de Wit", LONG_AGO)
    entries = _covered(TODAY) + [w.EntryFact("overleg", TODAY - weeks, professional_id=7)]
    assert _codes(_facts(entries, [pair])) == []
    entries[-1] = w.EntryFact("overleg", TODAY - weeks - dt.timedelta(days=1), professional_id=7)
    (r,) = w.reminders_for(w.state(_facts(entries, [pair])), TODAY)
    assert (r.code, r.professional_id, r.aspect) == ("pair_no_afstemming", 7, "afstemmen")
    assert r.render(lambda s: s).title == "Anouk en Petra de Wit stemmen niet af"


def test_afstemming_with_another_professional_does_not_count_for_this_pair():
    pair = w.PairFact(7, "Petra", LONG_AGO)
    entries = _covered(TODAY) + [w.EntryFact("overleg", TODAY, professional_id=8)]
    assert _codes(_facts(entries, [pair])) == ["pair_no_afstemming"]


def test_new_pair_counts_from_when_they_share_a_circle():
    weeks = dt.timedelta(weeks=w.PAIR_AFSTEMMING_LAPSE_WEEKS)
    pair = w.PairFact(7, "Petra", TODAY - weeks)
    assert _codes(_facts(_covered(TODAY), [pair])) == []
    pair = w.PairFact(7, "Petra", TODAY - weeks - dt.timedelta(days=1))
    (r,) = w.reminders_for(w.state(_facts(_covered(TODAY), [pair])), TODAY)
    assert "nog geen overleg" in r.render(lambda s: s).explanation


def test_an_overleg_from_before_the_pair_started_does_not_make_it_due():
    """They met about another client long ago; today they start sharing a circle."""
    weeks = dt.timedelta(weeks=w.PAIR_AFSTEMMING_LAPSE_WEEKS)
    old_talk = w.EntryFact("overleg", TODAY - 3 * weeks, professional_id=7)
    pair = w.PairFact(7, "Petra", TODAY)
    assert _codes(_facts(_covered(TODAY) + [old_talk], [pair])) == []
    pair = w.PairFact(7, "Petra", TODAY - weeks - dt.timedelta(days=1))
    (r,) = w.reminders_for(w.state(_facts(_covered(TODAY) + [old_talk], [pair])), TODAY)
    text = r.render(lambda s: s).explanation
    assert f"sinds {w.dutch_date(pair.shared_since)} samen" in text
    assert "Sindsdien is er geen overleg vastgelegd." in text


def test_pair_state_hides_an_overleg_from_before_they_worked_together():
    """The page must not say "together since November, last overleg in July"."""
    weeks = dt.timedelta(weeks=w.PAIR_AFSTEMMING_LAPSE_WEEKS)
    before = w.EntryFact("overleg", TODAY - 3 * weeks, professional_id=7)
    (pair,) = w.state(_facts([before], [w.PairFact(7, "Petra", TODAY - weeks)])).pairs
    assert pair.last_afstemming == before.happened_on
    assert pair.afstemming_since_start is None and pair.contact_since_start is None
    after = w.EntryFact("overleg", TODAY - weeks, professional_id=7)
    (pair,) = w.state(_facts([before, after], [w.PairFact(7, "Petra", TODAY - weeks)])).pairs
    assert pair.afstemming_since_start == TODAY - weeks


def test_dates_in_reminders_read_as_words():
    assert w.dutch_date(dt.date(2026, 8, 5)) == "5 augustus 2026"
    assert w.dutch_date(dt.date(2025, 12, 31)) == "31 december 2025"
    found = w.reminders_for(w.state(_facts(started=dt.date(2026, 1, 2))), TODAY)
    (r,) = [r for r in found if r.code == "no_contact"]
    assert "2 januari 2026" in r.render(lambda s: s).explanation
    # The caller writes the date in the reader's language.
    english = r.render(lambda s: s, lambda day: day.strftime("%B %d, %Y")).explanation
    assert "January 02, 2026" in english and "januari" not in english


# --- Facilities ----------------------------------------------------------------
def test_agreement_facilities_insured_and_non_empty_expenses():
    assert w.agreement_facilities(insured=True, expenses="€ 0,23 per km") == {
        "insurance",
        "expenses",
    }
    assert w.agreement_facilities(insured=False, expenses="  ") == frozenset()
    assert w.agreement_facilities(insured=True, expenses="") == {"insurance"}


def test_the_volunteer_agreement_counts_for_the_basics():
    entries = [e for e in _covered(TODAY) if w.kind(e.kind).facility is None]
    facts = w.VolunteerFacts(
        1, "Anouk", LONG_AGO, tuple(entries), agreed_facilities=frozenset({"insurance"})
    )
    (r,) = w.reminders_for(w.state(facts), TODAY)
    assert (
        r.render(lambda s: s).explanation
        == "Voor Anouk is nog niet vastgelegd: onkostenvergoeding."
    )
    both = w.VolunteerFacts(
        1, "Anouk", LONG_AGO, tuple(entries), agreed_facilities=w.BASIC_FACILITIES
    )
    assert _codes(both) == []
    assert w.overview([w.state(both)], [], TODAY)[2].with_attention == 1


def test_new_volunteer_without_expenses_and_insurance_after_two_weeks():
    entries = [e for e in _covered(TODAY) if w.kind(e.kind).facility is None]
    start = TODAY - dt.timedelta(days=w.FACILITIES_GRACE_DAYS)
    assert _codes(_facts(entries, started=start)) == []
    (r,) = w.reminders_for(w.state(_facts(entries, started=start - dt.timedelta(days=1))), TODAY)
    assert (r.code, r.severity, r.aspect) == ("no_facilities", Severity.HIGH, "faciliteren")
    translated = r.render(lambda s: s.upper() if s.startswith("onkosten") else s)
    assert translated.explanation.endswith("ONKOSTENVERGOEDING EN VERZEKERING.")


def test_one_missing_basic_is_named():
    entries = [e for e in _covered(TODAY) if e.kind != "verzekering"]
    (r,) = w.reminders_for(w.state(_facts(entries)), TODAY)
    assert r.render(lambda s: s).explanation == "Voor Anouk is nog niet vastgelegd: verzekering."


def test_training_and_equipment_do_not_replace_the_basics():
    entries = [e for e in _covered(TODAY) if w.kind(e.kind).facility is None]
    entries += [w.EntryFact("training", TODAY), w.EntryFact("materiaal", TODAY)]
    assert _codes(_facts(entries)) == ["no_facilities"]


# --- Urgency -------------------------------------------------------------------
def test_reminders_sorted_high_first_then_longest_overdue():
    fresh = w.state(_facts(_covered(TODAY), vid=1, name="Bram"))
    no_contact_long = w.state(_facts([], vid=2, name="Cor"))  # everything lapsed, long ago
    slightly = _covered(TODAY)
    slightly[3] = w.EntryFact("bedankje", w._add_months(TODAY, -4) - dt.timedelta(days=3))
    slight = w.state(_facts(slightly, vid=3, name="Anna"))
    found = w.reminders([fresh, no_contact_long, slight], TODAY)
    assert [r.severity for r in found] == sorted(
        (r.severity for r in found), key=lambda s: 0 if s == Severity.HIGH else 1
    )
    assert found[-1].volunteer_id == 3 and found[-1].overdue_days == 3
    assert {r.volunteer_id for r in found} == {2, 3}
    highs = [r for r in found if r.severity == Severity.HIGH]
    assert highs[0].code == "no_facilities"  # due two weeks after the start: longest overdue
    assert [r.overdue_days for r in highs] == sorted((r.overdue_days for r in highs), reverse=True)


# --- Overview ------------------------------------------------------------------
def test_overview_figures_per_aspect():
    recent = TODAY - dt.timedelta(days=10)
    states = [
        w.state(_facts(_covered(recent), vid=1, name="A")),
        w.state(
            _facts(
                [
                    w.EntryFact("bedankje", w._add_months(TODAY, -4)),  # exactly in window
                    w.EntryFact("onkosten", LONG_AGO),
                    w.EntryFact("overleg", TODAY - dt.timedelta(weeks=9), professional_id=5),
                ],
                [w.PairFact(5, "Piet", LONG_AGO)],
                vid=2,
                name="B",
            )
        ),
        w.state(_facts([], vid=3, name="C")),
    ]
    found = w.reminders(states, TODAY)
    rows = {f.aspect.id: f for f in w.overview(states, found, TODAY)}
    assert rows["waarderen"].with_attention == 2
    assert rows["waarderen"].last_date == recent
    assert rows["waarderen"].lapses == 1  # C
    assert rows["informeren"].with_attention == 1
    assert rows["informeren"].lapses == 2  # B and C
    assert rows["faciliteren"].with_attention == 1  # only A has both basics
    assert rows["faciliteren"].lapses == 2
    assert rows["afstemmen"].with_attention == 1  # B's overleg is 9 weeks ago
    assert rows["afstemmen"].last_date == recent
    assert rows["afstemmen"].lapses == 1  # the pair B–Piet
    assert rows["waarderen"].total == 3 and rows["waarderen"].percent == 67
    assert (
        rows["waarderen"].render(lambda s: s)
        == "2 van de 3 vrijwilligers kregen waardering in de laatste 4 maanden."
    )
    assert rows["afstemmen"].render(lambda s: s).endswith("in de laatste 8 weken.")
    assert w.contact_figures(states, TODAY) == (1, 3)


def test_overview_of_an_empty_organisation():
    rows = w.overview([], [], TODAY)
    assert [r.with_attention for r in rows] == [0, 0, 0, 0]
    assert all(r.percent == 0 and r.last_date is None for r in rows)
