"""The volunteer vocabulary's rules: VOG, motives, supervisor, availability grid,
agreement dates and the task boundaries as a volunteer agreement sees them."""

from datetime import date

from samenspel.domain import volunteering as vol
from samenspel.domain.tasks import TaskCategory, TaskFacts

TODAY = date(2026, 6, 15)


def test_vog_valid_for_three_years_and_only_when_status_valid():
    assert vol.vog_is_valid("valid", date(2023, 6, 16), TODAY)
    assert not vol.vog_is_valid("valid", date(2023, 6, 15), TODAY)
    assert not vol.vog_is_valid("requested", date(2026, 1, 1), TODAY)
    assert not vol.vog_is_valid("valid", None, TODAY)
    assert vol.vog_is_valid("valid", date(2024, 2, 29), date(2027, 2, 27))


def test_vog_date_problem():
    assert vol.vog_date_problem("valid", None, TODAY) == "missing"
    assert vol.vog_date_problem("requested", None, TODAY) is None
    assert vol.vog_date_problem("valid", date(2026, 6, 16), TODAY) == "future"
    assert vol.vog_date_problem("none", date(2026, 6, 16), TODAY) == "future"
    assert vol.vog_date_problem("valid", TODAY, TODAY) is None


def test_motives_due_after_a_year_or_never_asked():
    assert vol.motives_due(None, TODAY)
    assert vol.motives_due(date(2025, 6, 15), TODAY)
    assert not vol.motives_due(date(2025, 6, 16), TODAY)


def test_supervisor_missing_only_for_kinds_that_need_one():
    for kind in ("reintegration", "school_internship", "employer"):
        assert vol.supervisor_missing(kind, "  ")
        assert not vol.supervisor_missing(kind, "Jet")
    assert not vol.supervisor_missing("regular", "")


def test_profile_flags():
    flags = vol.profile_flags(
        kind="employer",
        supervisor="",
        vog_status="none",
        vog_date=None,
        motives_asked_on=TODAY,
        today=TODAY,
    )
    assert flags.vog_problem and flags.supervisor_missing and not flags.motives_due
    assert flags.any


def test_availability_grid_has_every_day_and_part():
    grid = vol.availability_grid(["0-morning", "6-evening"])
    assert [day for day, _label, _parts in grid] == list(range(7))
    assert all(len(parts) == 3 for _d, _l, parts in grid)
    chosen = [slot for _d, _l, parts in grid for slot, _p, on in parts if on]
    assert chosen == ["0-morning", "6-evening"]
    assert {slot for _d, _l, parts in grid for slot, _p, _on in parts} == set(vol.ALL_SLOTS)


def test_evaluation_after_start():
    assert vol.evaluation_after_start(TODAY, date(2026, 6, 16))
    assert not vol.evaluation_after_start(TODAY, TODAY)
    assert not vol.evaluation_after_start(TODAY, date(2026, 6, 1))
    assert vol.evaluation_after_start(TODAY, None)


def test_current_start_is_latest_started_else_next():
    dates = [date(2025, 1, 1), date(2026, 1, 1), date(2026, 9, 1)]
    assert vol.current_start(dates, TODAY) == date(2026, 1, 1)
    assert vol.current_start([date(2026, 9, 1), date(2026, 8, 1)], TODAY) == date(2026, 8, 1)
    assert vol.current_start([], TODAY) is None


def _task(name, category, reserved=False):
    return TaskFacts(key=name, name=name, category=TaskCategory(category), reserved_act=reserved)


TASKS = [
    _task("Insuline spuiten", "nursing", reserved=True),
    _task("Wondverzorging", "nursing"),
    _task("Wassen", "personal_care"),
    _task("Boodschappen", "practical"),
    _task("Op bezoek", "wellbeing"),
]


def test_reserved_acts_and_nursing_never_reach_a_volunteer():
    for trained, allows in [(False, False), (True, True)]:
        performer = vol.volunteer_performer(
            "1", "Anouk", ["personal_care"] if trained else [], allows
        )
        refused = {f.params[1][1]: f.code for f in vol.refused_tasks(TASKS, performer)}
        assert refused["Insuline spuiten"] == "reserved_act_volunteer"
        assert refused["Wondverzorging"] == "nursing_volunteer"
        assert "Boodschappen" not in refused and "Op bezoek" not in refused


def test_personal_care_needs_training_and_consent():
    for training, allows, refused in [
        ([], False, True),
        (["personal_care"], False, True),
        ([], True, True),
        (["personal_care"], True, False),
    ]:
        performer = vol.volunteer_performer("1", "Anouk", training, allows)
        names = {f.params[1][1] for f in vol.refused_tasks(TASKS, performer)}
        assert ("Wassen" in names) is refused


def test_general_limits_mention_personal_care_only_when_not_allowed():
    blocked = vol.general_limits(vol.volunteer_performer("1", "A", [], True))
    allowed = vol.general_limits(vol.volunteer_performer("1", "A", ["personal_care"], True))
    assert len(blocked) == 3 and len(allowed) == 2
    assert any("arts of verpleegkundige" in text for text in allowed)


def test_may_link_by_email_only_without_any_ties():
    none = vol.PersonTies(has_login=False, in_a_circle=False, employed=False, volunteer=False)
    assert vol.may_link_by_email(none)
    for tie in ("has_login", "in_a_circle", "employed", "volunteer"):
        assert not vol.may_link_by_email(vol.PersonTies(**{**none.__dict__, tie: True})), tie


def test_profile_flags_tasks_not_allowed_counts_as_attention():
    flags = vol.profile_flags(
        kind="regular",
        supervisor="",
        vog_status="valid",
        vog_date=date(2026, 1, 1),
        motives_asked_on=TODAY,
        today=TODAY,
        tasks_not_allowed=True,
    )
    assert flags.tasks_not_allowed and flags.any


def test_check_agreement_tasks_splits_allowed_from_refused():
    visit = TaskFacts(key="1", name="Op bezoek", category=TaskCategory.WELLBEING)
    washing = TaskFacts(key="2", name="Wassen", category=TaskCategory.PERSONAL_CARE)
    trained = vol.volunteer_performer("9", "Anouk", ["personal_care"], True)
    check = vol.check_agreement_tasks([visit, washing], trained)
    assert check.allowed == ("1", "2") and not check.not_allowed
    withdrawn = vol.volunteer_performer("9", "Anouk", ["personal_care"], False)
    check = vol.check_agreement_tasks([visit, washing], withdrawn)
    assert check.allowed == ("1",)
    assert [key for key, _f in check.not_allowed] == ["2"]
    assert check.not_allowed[0][1].is_block


def test_every_slot_has_a_one_word_label():
    assert set(vol.SLOT_LABELS) == set(vol.ALL_SLOTS)
    assert vol.slot_label("2-morning") == "woensdagochtend"
    assert vol.slot_label("0-evening") == "maandagavond"
    assert all(" " not in label for label in vol.SLOT_LABELS.values())
    assert vol.slot_label("nonsense") == "nonsense"


def test_gender_preferences_say_who_the_volunteer_helps():
    assert vol.PREFERENCE_LABELS["women_only"] == "Helpt alleen vrouwen"
    assert vol.PREFERENCE_LABELS["men_only"] == "Helpt alleen mannen"
