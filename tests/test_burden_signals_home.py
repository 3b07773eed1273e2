"""Burden signals reach the circle's professionals, only as far as the carer shares."""

import datetime as dt

import pytest
from django.utils import timezone

from samenspel.burden import catalogue, services
from samenspel.burden.models import Screening

pytestmark = pytest.mark.django_db


def csi(member, yes: int, *, days_ago: int = 0, team: bool = False):
    """A completed CSI with `yes` items answered 'ja'."""
    screening, _ = services.start_screening(member, catalogue.get("csi"))
    services.save_answers(screening, {f"q{i}": ("ja" if i <= yes else "nee") for i in range(1, 14)})
    services.complete(screening)
    when = timezone.now() - dt.timedelta(days=days_ago)
    Screening.objects.filter(pk=screening.pk).update(completed_at=when, shared_with_team=team)
    return screening


def codes(client, world):
    client.force_login(world["users"]["pro_team"])
    row = client.get("/").context["care"].caseload_rows[0]
    return [s.code for s in row.signals if s.code.startswith("burden")]


def test_a_shared_score_at_the_cutoff_is_a_signal(client, world):
    csi(world["members"]["carer"], 7, team=True)
    assert codes(client, world) == ["burden_high"]


def test_an_unshared_result_stays_with_the_carer(client, world):
    csi(world["members"]["carer"], 12)
    assert codes(client, world) == []  # a recent screening, but not shared


def test_standing_consent_shares_and_withdrawal_hides_again(client, world):
    carer = world["members"]["carer"]
    csi(carer, 3, days_ago=60)
    csi(carer, 6)
    services.set_standing_consent(carer, True)
    assert codes(client, world) == ["burden_rising"]  # 3 → 6, threshold 2
    services.set_standing_consent(carer, False)
    assert codes(client, world) == []


def test_a_main_carer_without_a_recent_screening(client, world):
    csi(world["members"]["carer"], 2, days_ago=200, team=True)
    assert codes(client, world) == ["burden_screening_due"]


def test_the_signal_names_the_carer_on_the_start_page(client, world):
    csi(world["members"]["carer"], 9, team=True)
    client.force_login(world["users"]["pro_team"])
    assert "Ans is zwaar belast" in client.get("/").content.decode()


def test_a_broken_instrument_file_fails_the_system_check(tmp_path, monkeypatch):
    import shutil

    from samenspel.burden.apps import check_instruments

    for path in catalogue.instruments_dir().glob("*.json"):
        shutil.copy(path, tmp_path)
    (tmp_path / "kapot.json").write_text('{"id": "kapot", ')
    monkeypatch.setattr(catalogue, "instruments_dir", lambda: tmp_path)
    catalogue.all_instruments.cache_clear()
    try:
        [error] = check_instruments()
        assert "kapot.json" in error.msg
    finally:
        monkeypatch.undo()
        catalogue.all_instruments.cache_clear()
    assert check_instruments() == []


def test_a_screening_whose_instrument_version_is_gone_is_not_found(client, world):
    from django.urls import reverse

    screening = csi(world["members"]["carer"], 3)
    draft, _ = services.start_screening(world["members"]["carer"], catalogue.get("ediz"))
    Screening.objects.update(instrument_version="0.1")
    client.force_login(world["users"]["carer"])
    circle = world["circle"].pk
    assert client.get(reverse("burden:answer", args=[circle, draft.pk])).status_code == 404
    fhir = reverse("burden:fhir_response", args=[circle, screening.pk])
    assert client.get(fhir).status_code == 404


def test_results_behind_start_page_signals_are_audited(client, world):
    from samenspel.audit.models import AuditEvent

    screening = csi(world["members"]["carer"], 9, team=True)
    assert codes(client, world) == ["burden_high"]
    assert AuditEvent.objects.filter(
        object_type="screening", object_id=str(screening.pk), actor=world["users"]["pro_team"]
    ).exists()


def test_the_due_signal_keeps_the_date_of_an_unshared_screening_out(client, world):
    old = csi(world["members"]["carer"], 2, days_ago=200)
    client.force_login(world["users"]["pro_team"])
    row = client.get("/").context["care"].caseload_rows[0]
    [due] = [s for s in row.signals if s.code == "burden_screening_due"]
    assert (
        timezone.localdate(Screening.objects.get(pk=old.pk).completed_at).strftime("%d-%m-%Y")
        not in due.explanation
    )
    assert "al een tijd" in due.explanation
