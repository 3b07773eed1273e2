"""Who asked for help: counts and whole percentages (domain.helprequests.source_split)."""

from hypothesis import given
from hypothesis import strategies as st

from samenspel.domain.helprequests import Source, source_split


def test_thirds_add_up_to_a_hundred():
    split = source_split({"professional": 1, "client": 1, "carer": 1})
    assert [s.percent for s in split] == [34, 33, 33]


def test_half_from_professionals_half_directly():
    split = {s.source: s for s in source_split({"professional": 10, "client": 6, "carer": 4})}
    assert split[Source.PROFESSIONAL].percent == 50
    assert split[Source.CLIENT].percent == 30
    assert split[Source.CARER].percent == 20
    assert split[Source.CARER].count == 4


def test_no_requests_is_all_zero_and_unknown_sources_are_ignored():
    assert [s.percent for s in source_split({})] == [0, 0, 0]
    assert [s.count for s in source_split({"other": 5})] == [0, 0, 0]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=3, max_size=3))
def test_percentages_always_add_up_to_a_hundred(counts):
    split = source_split(dict(zip(Source, counts, strict=True)))
    assert sum(s.count for s in split) == sum(counts)
    if sum(counts):
        assert sum(s.percent for s in split) == 100
        for share in split:  # never more than one point from the exact share
            assert abs(share.percent - share.count * 100 / sum(counts)) < 1
