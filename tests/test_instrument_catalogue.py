"""The shipped instrument catalogue: loading, versions and display order."""

import json
import shutil

import pytest

from samenspel.burden import catalogue
from samenspel.domain.instruments import InstrumentError


@pytest.fixture
def private_catalogue(tmp_path, monkeypatch):
    """A copy of the shipped files in a temporary folder, with a fresh cache."""
    for path in catalogue.instruments_dir().glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(catalogue, "instruments_dir", lambda: tmp_path)
    catalogue.all_instruments.cache_clear()
    yield tmp_path
    catalogue.all_instruments.cache_clear()


def test_every_shipped_file_loads():
    keys = set(catalogue.all_instruments())
    assert {("csi", "1.0"), ("ediz", "1.0"), ("ediz_plus", "1.0"), ("cra_d", "1.0")} <= keys
    assert ("checkin", "1.0") in keys


def test_item_counts_match_the_publications():
    counts = {inst.id: len(inst.items) for inst in catalogue.latest()}
    assert counts == {"csi": 13, "ediz": 9, "ediz_plus": 15, "cra_d": 24, "checkin": 3}


def test_latest_is_in_display_order_with_the_check_in_last():
    assert [i.id for i in catalogue.latest()] == ["csi", "ediz", "ediz_plus", "cra_d", "checkin"]


def test_only_validated_instruments_with_all_texts_are_offered_as_screening():
    assert [i.id for i in catalogue.screening_instruments()] == ["csi", "ediz"]


def test_every_instrument_documents_source_licence_and_product_choices():
    for inst in catalogue.latest():
        assert inst.source and inst.licence and inst.translation_note
        if inst.rise_threshold is not None or inst.kind == "check_in":
            assert "PRODUCT CHOICE" in inst.notes, inst.id
        if not inst.items_complete:
            assert "HOW TO ADD THE ITEMS" in inst.notes, inst.id


def test_get_unknown_instrument_or_version_is_a_lookup_error():
    with pytest.raises(LookupError, match="no instrument 'zarit'"):
        catalogue.get("zarit")
    with pytest.raises(LookupError, match="no instrument 'csi' version '9.9'"):
        catalogue.get("csi", "9.9")


def test_get_without_version_gives_the_newest_and_old_versions_stay(private_catalogue):
    data = json.loads((private_catalogue / "csi.json").read_text(encoding="utf-8"))
    data["version"] = "1.10"  # numeric ordering: 1.10 is newer than 1.9 and 1.0
    data["name"] = "CSI nieuw"
    (private_catalogue / "csi_1_10.json").write_text(json.dumps(data), encoding="utf-8")
    data["version"] = "1.9"
    (private_catalogue / "csi_1_9.json").write_text(json.dumps(data), encoding="utf-8")
    assert catalogue.get("csi").version == "1.10"
    assert catalogue.get("csi", "1.0").name == "Caregiver Strain Index"
    assert [i.id for i in catalogue.latest()].count("csi") == 1


def test_the_same_id_and_version_twice_is_an_error(private_catalogue):
    shutil.copy(private_catalogue / "csi.json", private_catalogue / "csi_copy.json")
    with pytest.raises(InstrumentError, match=r"csi_copy\.json: .*'csi' version '1\.0'.*csi\.json"):
        catalogue.all_instruments()


def test_a_broken_file_stops_the_catalogue(private_catalogue):
    (private_catalogue / "zz_kapot.json").write_text("{", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"^zz_kapot\.json: invalid JSON at line 1"):
        catalogue.all_instruments()


def test_an_organisation_can_add_item_texts_as_a_new_version(private_catalogue):
    data = json.loads((private_catalogue / "ediz_plus.json").read_text(encoding="utf-8"))
    data["version"] = "1.1"
    for n, item in enumerate(data["items"], 1):
        item["text"] = f"Uitspraak {n} van het officiële formulier"
    (private_catalogue / "ediz_plus_org.json").write_text(json.dumps(data), encoding="utf-8")
    assert catalogue.get("ediz_plus").items_complete
    assert not catalogue.get("ediz_plus", "1.0").items_complete
    assert "ediz_plus" in [i.id for i in catalogue.screening_instruments()]
