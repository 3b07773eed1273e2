"""Sociale kaart rules: referral status flow, staleness, verification, signal → offers."""

from datetime import date

from samenspel.domain.socialmap import (
    Category,
    can_move,
    categories_for_signals,
    is_stale,
    next_statuses,
    verification_due,
)
from samenspel.domain.socialmap import (
    ReferralStatus as S,
)


def test_referrals_move_forward_or_fail_and_closed_ones_stay_closed():
    assert next_statuses(S.PROPOSED) == (
        S.REGISTERED,
        S.IN_CONTACT,
        S.STARTED,
        S.COMPLETED,
        S.FAILED,
    )
    assert can_move(S.IN_CONTACT, S.STARTED)
    assert can_move(S.STARTED, S.FAILED)
    assert not can_move(S.STARTED, S.REGISTERED)  # no going back
    assert not can_move(S.PROPOSED, S.PROPOSED)
    assert next_statuses(S.COMPLETED) == () and next_statuses(S.FAILED) == ()


def test_stale_only_while_open():
    today = date(2026, 11, 23)
    assert is_stale(S.REGISTERED, date(2026, 11, 2), today, days=21)
    assert not is_stale(S.REGISTERED, date(2026, 11, 3), today, days=21)
    assert not is_stale(S.COMPLETED, date(2020, 1, 1), today, days=21)


def test_entries_need_verification_after_twelve_months():
    today = date(2026, 11, 23)
    assert verification_due(date(2025, 11, 23), today)
    assert not verification_due(date(2025, 11, 24), today)
    assert verification_due(None, today)


def test_signals_point_to_the_right_kinds_of_help():
    assert categories_for_signals(["carer_heavy_hours"]) == (
        Category.RESPITE,
        Category.CARER_SUPPORT,
    )
    assert categories_for_signals(["isolated_client"]) == (Category.BUDDY, Category.NEIGHBOURHOOD)
    assert categories_for_signals(["domain_no_backup", "unfilled_occurrences"]) == (
        Category.VOLUNTEER_CENTRE,
    )
    assert categories_for_signals(["no_professional"]) == ()
