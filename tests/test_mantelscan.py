"""The MantelScan: five steps, a dated summary, and comparing two scans."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.audit.models import AuditEvent
from samenspel.circles.models import Member
from samenspel.mantelscan import services
from samenspel.mantelscan.models import Scan
from tests import factories

pytestmark = pytest.mark.django_db


# --- helpers -------------------------------------------------------------------


def _url(name, circle, **kwargs):
    return reverse(f"mantelscan:{name}", kwargs={"circle_id": circle.pk, **kwargs})


def _step_url(scan, step):
    return _url("step", scan.circle, scan_id=scan.pk, step=step)


def _active_helpers(circle):
    return list(
        circle.members.filter(status="active").exclude(kind="client").order_by("closeness", "id")
    )


def _work_data(circle, overrides=None):
    """Step 2 POST data for every active member, as the page sends it."""
    overrides = overrides or {}
    data = {}
    for m in _active_helpers(circle):
        values = {
            "hours_per_week": str(m.hours_per_week),
            "domains": list(m.domains),
            "version": str(m.version),
            **overrides.get(m.pk, {}),
        }
        for key, value in values.items():
            data[f"m{m.pk}-{key}"] = value
    return data


def _burden_data(circle, overrides=None):
    overrides = overrides or {}
    data = {}
    for m in _active_helpers(circle):
        if m.kind != "carer":
            continue
        values = {
            "sofa_roles": list(m.sofa_roles),
            "burden": "",
            "version": str(m.version),
            **overrides.get(m.pk, {}),
        }
        for key, value in values.items():
            data[f"c{m.pk}-{key}"] = value
    return data


def _start(client, circle):
    response = client.post(_url("start", circle))
    assert response.status_code == 302
    return Scan.objects.filter(circle=circle).latest("id")


def _walk(client, circle, *, work=None, burden=None):
    """Walk all five steps as a professional; returns the completed scan."""
    scan = _start(client, circle)
    r = client.post(
        _step_url(scan, 1),
        {"needed_domains": ["household", "company"], "who": "Buurvrouw Fatima mist nog."},
    )
    assert r.status_code == 302 and r["Location"] == _step_url(scan, 2)
    r = client.post(_step_url(scan, 2), _work_data(circle, work))
    assert r.status_code == 302 and r["Location"] == _step_url(scan, 3), r.content.decode()[:3000]
    r = client.post(_step_url(scan, 3), _burden_data(circle, burden))
    assert r.status_code == 302 and r["Location"] == _step_url(scan, 4)
    r = client.post(
        _step_url(scan, 4), {"strengths": "Ans is er elke dag.", "risks": "Ans raakt op."}
    )
    assert r.status_code == 302 and r["Location"] == _step_url(scan, 5)
    r = client.post(
        _step_url(scan, 5),
        {
            "agreements": "Vera komt op dinsdag.",
            "advice": "Respijtzorg bespreken.",
            "action": "finish",
        },
    )
    assert r.status_code == 302
    assert r["Location"] == _url("detail", circle, scan_id=scan.pk)
    scan.refresh_from_db()
    return scan


@pytest.fixture
def pro(client, world):
    client.force_login(world["users"]["pro_team"])
    return client


# --- the walk ------------------------------------------------------------------


def test_professional_walks_all_five_steps_and_summary_shows_it(pro, world):
    circle, carer = world["circle"], world["members"]["carer"]

    scan = _start(pro, circle)
    for step in range(1, 6):
        page = pro.get(_step_url(scan, step))
        assert page.status_code == 200
        html = page.content.decode()
        assert 'aria-current="step"' in html
        assert "Opslaan en verder" in html or "Afronden" in html
    page = pro.get(_step_url(scan, 1)).content.decode()
    assert "Ans" in page and reverse("circles:member_add", args=[circle.pk]) in page
    assert "Vorige stap" in pro.get(_step_url(scan, 3)).content.decode()
    # Step 3 shows the stance SOFA asks of the professional, and the report facts.
    page3 = pro.get(_step_url(scan, 3)).content.decode()
    assert "Samenwerken" in page3 and "Ondersteunen" in page3
    assert "Doet het meeste" in page3
    scan.delete()

    scan = _walk(
        pro,
        circle,
        work={carer.pk: {"hours_per_week": "24,5"}},
        burden={carer.pk: {"burden": "Zwaar 's nachts.", "sofa_roles": ["expert"]}},
    )
    assert scan.is_complete and scan.completed_at is not None
    assert scan.notes["who"] == "Buurvrouw Fatima mist nog."
    assert scan.notes["burden"][str(carer.pk)] == "Zwaar 's nachts."
    assert scan.notes["advice"] == "Respijtzorg bespreken."
    circle.refresh_from_db()
    assert sorted(circle.needed_domains) == ["company", "household"]
    carer.refresh_from_db()
    assert carer.sofa_roles == ["expert"]

    snap_names = {m["name"] for m in scan.snapshot["members"]}
    assert "Ans Jansen" in snap_names and "Rob Jansen" not in snap_names  # revoked left out
    assert all(m["kind"] != "client" for m in scan.snapshot["members"])

    response = pro.get(_url("detail", circle, scan_id=scan.pk))
    assert response.status_code == 200
    html = response.content.decode()
    today = timezone.localtime(scan.completed_at)
    assert f"Afgerond op {today.day} " in html and str(today.year) in html
    assert "Pieter" in html  # who did it
    for text in ("Buurvrouw Fatima mist nog.", "Zwaar &#x27;s nachts.", "Ans is er elke dag."):
        assert text in html
    assert "Vera komt op dinsdag." in html and "Respijtzorg bespreken." in html
    assert "24,5" in html  # from the snapshot
    assert "Kent de cliënt het best" in html  # SOFA role in the snapshot table
    assert AuditEvent.objects.filter(
        object_type="mantelscan", object_id=str(scan.pk), action="view"
    ).exists()
    assert AuditEvent.objects.filter(object_type="mantelscan", action="create").exists()
    assert AuditEvent.objects.filter(
        object_type="member", object_id=str(carer.pk), action="update"
    ).exists()


def test_summary_shows_the_snapshot_not_todays_data(pro, world):
    circle, carer = world["circle"], world["members"]["carer"]
    scan = _walk(pro, circle, work={carer.pk: {"hours_per_week": "17"}})
    Member.objects.filter(pk=carer.pk).update(hours_per_week=3)
    html = pro.get(_url("detail", circle, scan_id=scan.pk)).content.decode()
    assert "<td>17</td>" in html
    assert "<td>3</td>" not in html


def test_step_two_stores_hours_and_domains_on_the_member(pro, world):
    circle = world["circle"]
    carer, volunteer = world["members"]["carer"], world["members"]["volunteer"]
    version = carer.version
    scan = _start(pro, circle)
    data = _work_data(
        circle,
        {
            carer.pk: {"hours_per_week": "12,5", "domains": ["household"]},
            volunteer.pk: {"hours_per_week": "4"},
        },
    )
    response = pro.post(_step_url(scan, 2), data)
    assert response.status_code == 302
    carer.refresh_from_db()
    volunteer.refresh_from_db()
    assert carer.hours_per_week == Decimal("12.5")
    assert carer.domains == ["household"]
    assert carer.version == version + 1
    assert volunteer.hours_per_week == Decimal("4")
    scan.refresh_from_db()
    assert scan.current_step == 3


def test_step_two_edit_conflict_keeps_input_and_saves_nothing(pro, world):
    circle = world["circle"]
    carer, volunteer = world["members"]["carer"], world["members"]["volunteer"]
    scan = _start(pro, circle)
    data = _work_data(
        circle, {carer.pk: {"hours_per_week": "11"}, volunteer.pk: {"hours_per_week": "7"}}
    )
    # Someone else saves the carer after the page was opened.
    Member.objects.filter(pk=carer.pk).update(hours_per_week=40, version=carer.version + 1)

    response = pro.post(_step_url(scan, 2), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft gegevens van Ans Jansen net ook gewijzigd" in html
    assert 'value="11"' in html  # typed input kept
    carer.refresh_from_db()
    volunteer.refresh_from_db()
    assert carer.hours_per_week == Decimal("40")
    assert volunteer.hours_per_week == Decimal("2")  # all or nothing

    # The form now carries the new version: a second click saves.
    data[f"m{carer.pk}-version"] = str(carer.version)
    assert pro.post(_step_url(scan, 2), data).status_code == 302
    carer.refresh_from_db()
    assert carer.hours_per_week == Decimal("11")


def test_unchanged_member_is_not_a_conflict(pro, world):
    circle, carer = world["circle"], world["members"]["carer"]
    scan = _start(pro, circle)
    data = _work_data(circle)
    # The carer edits their own motivation meanwhile; step 2 changes nothing of theirs.
    Member.objects.filter(pk=carer.pk).update(motivation="Mijn moeder", version=carer.version + 1)
    assert pro.post(_step_url(scan, 2), data).status_code == 302


# --- who may do what --------------------------------------------------------------


@pytest.mark.parametrize("who", ["volunteer", "pro_other", "revoked", "client", "carer"])
def test_others_cannot_start_a_scan_or_open_a_step(client, world, who):
    circle = world["circle"]
    scan = Scan.objects.create(circle=circle, created_by=world["users"]["pro_team"])
    client.force_login(world["users"][who])
    assert client.post(_url("start", circle)).status_code == 403
    assert Scan.objects.count() == 1
    for step in (1, 2, 5):
        assert client.get(_step_url(scan, step)).status_code == 403
        assert client.post(_step_url(scan, step), {"who": "x"}).status_code == 403


def test_client_can_read_the_summary_but_not_edit(client, world):
    circle = world["circle"]
    client.force_login(world["users"]["pro_team"])
    scan = _walk(client, circle)
    client.force_login(world["users"]["client"])
    response = client.get(_url("detail", circle, scan_id=scan.pk))
    assert response.status_code == 200
    assert "Respijtzorg bespreken." in response.content.decode()
    listing = client.get(_url("list", circle)).content.decode()
    assert "Nieuwe MantelScan starten" not in listing
    open_scan = Scan.objects.create(circle=circle, created_by=world["users"]["pro_team"])
    assert client.get(_step_url(open_scan, 4)).status_code == 403
    assert client.post(_step_url(open_scan, 4), {"strengths": "x"}).status_code == 403


def test_list_shows_scans_and_start_button_for_professional(pro, world):
    circle = world["circle"]
    _walk(pro, circle)
    Scan.objects.create(circle=circle, created_by=world["users"]["pro_team"])
    html = pro.get(_url("list", circle)).content.decode()
    assert "Nieuwe MantelScan starten" in html
    assert "Afgerond op" in html and "Nog bezig (stap 1 van 5)" in html
    assert "Pieter" in html


# --- comparing -------------------------------------------------------------------


def test_compare_shows_added_member_changed_hours_and_signals(pro, world):
    circle = world["circle"]
    carer = world["members"]["carer"]
    first = _walk(pro, circle)  # Ans 30 h: heavy-hours signal; one volunteer
    factories.add_member(
        circle,
        "carer",
        person=factories.PersonFactory(first_name="Kees", last_name="Bakker"),
        hours_per_week=6,
        domains=["household"],
    )
    second = _walk(pro, circle, work={carer.pk: {"hours_per_week": "10"}})

    old_codes = {s["code"] for s in first.snapshot["signals"]}
    new_codes = {s["code"] for s in second.snapshot["signals"]}
    assert "carer_heavy_hours" in old_codes - new_codes  # resolved

    # Order of a and b does not matter: the older scan is always "before".
    response = pro.get(_url("compare", circle), {"a": second.pk, "b": first.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nieuw in het netwerk: Kees Bakker" in html
    assert "Uren per week: eerst 30, nu 10" in html
    assert "Opgeloste signalen" in html and "Ans Jansen zorgt veel" in html
    assert "Er is niets veranderd" not in html
    diff = response.context["diff"]
    assert diff.informal_hours_old == 32 and diff.informal_hours_new == 18
    assert [s.code for s in diff.signals_resolved if s.code == "carer_heavy_hours"]
    assert diff.signals_new or diff.signals_resolved
    assert response.context["old"] == first
    assert AuditEvent.objects.filter(object_type="mantelscan_compare").exists()


def test_compare_shows_a_new_signal(pro, world):
    circle, volunteer = world["circle"], world["members"]["volunteer"]
    first = _walk(pro, circle)
    second = _walk(pro, circle, work={volunteer.pk: {"domains": []}})  # nobody for "company"
    response = pro.get(_url("compare", circle), {"a": first.pk, "b": second.pk})
    html = response.content.decode()
    assert "Nieuwe signalen" in html
    assert "Niemand helpt bij: Gezelschap en steun" in html
    assert any(s.code == "domain_uncovered" for s in response.context["diff"].signals_new)


def test_compare_without_changes_says_so(pro, world):
    circle = world["circle"]
    first, second = _walk(pro, circle), _walk(pro, circle)
    html = pro.get(_url("compare", circle), {"a": first.pk, "b": second.pk}).content.decode()
    assert "Er is niets veranderd." in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({}, "Kies twee afgeronde MantelScans om te vergelijken."),
        ({"a": "FIRST"}, "Kies de tweede MantelScan."),
        ({"a": "abc", "b": "FIRST"}, "Deze MantelScan bestaat niet"),
        ({"a": "", "b": ""}, "Kies de eerste MantelScan."),
        ({"a": "99999", "b": "FIRST"}, "Deze MantelScan bestaat niet"),
        ({"a": "FIRST", "b": "FIRST"}, "Kies twee verschillende."),
        ({"a": "FIRST", "b": "OTHER"}, "hoort bij een ander"),
        ({"a": "FIRST", "b": "OPEN"}, "nog niet afgerond"),
    ],
)
def test_compare_with_bad_ids_gives_a_dutch_message(pro, world, team, params, message):
    circle = world["circle"]
    first = _walk(pro, circle)
    other = factories.make_circle(team=team)
    other_scan = Scan.objects.create(
        circle=other,
        created_by=world["users"]["pro_team"],
        completed_at=timezone.now(),
        snapshot={"members": []},
    )
    open_scan = Scan.objects.create(circle=circle, created_by=world["users"]["pro_team"])
    ids = {"FIRST": first.pk, "OTHER": other_scan.pk, "OPEN": open_scan.pk}
    query = {k: str(ids.get(v, v)) for k, v in params.items()}
    response = pro.get(_url("compare", circle), query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "diff" not in response.context


# --- bad input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "hours, message",
    [
        ("abc", "Vul een getal in"),
        ("-1", "niet lager zijn dan 0"),
        ("500", "Een week heeft 168 uur"),
        ("", "Vul het aantal uren per week in"),
        ("2,55", "één cijfer achter de komma"),
    ],
)
def test_bad_hours_give_a_dutch_message_and_keep_input(pro, world, hours, message):
    circle, carer = world["circle"], world["members"]["carer"]
    scan = _start(pro, circle)
    data = _work_data(circle, {carer.pk: {"hours_per_week": hours}})
    response = pro.post(_step_url(scan, 2), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Er ging iets mis" in html
    assert f'value="{hours}"' in html or hours == ""
    carer.refresh_from_db()
    assert carer.hours_per_week == Decimal("30")


@pytest.mark.parametrize(
    "step, field",
    [(1, "who"), (4, "strengths"), (4, "risks"), (5, "agreements"), (5, "advice")],
)
def test_too_long_text_gives_a_dutch_message(pro, world, step, field):
    circle = world["circle"]
    scan = _start(pro, circle)
    response = pro.post(_step_url(scan, step), {field: "x" * 5000, "action": "finish"})
    assert response.status_code == 200
    assert "Deze tekst is te lang. Gebruik maximaal 2000 tekens (nu 5000)." in (
        response.content.decode()
    )
    scan.refresh_from_db()
    assert not scan.is_complete
    assert field not in scan.notes


def test_too_long_burden_note_gives_a_dutch_message(pro, world):
    circle, carer = world["circle"], world["members"]["carer"]
    scan = _start(pro, circle)
    data = _burden_data(circle, {carer.pk: {"burden": "x" * 5000}})
    response = pro.post(_step_url(scan, 3), data)
    assert response.status_code == 200
    assert "Deze tekst is te lang" in response.content.decode()


def test_scan_of_another_circle_is_not_found(pro, world, team):
    circle = world["circle"]
    other = factories.make_circle(team=team)
    foreign = Scan.objects.create(circle=other, created_by=world["users"]["pro_team"])
    for url in (
        _url("detail", circle, scan_id=foreign.pk),
        _url("step", circle, scan_id=foreign.pk, step=1),
    ):
        assert pro.get(url).status_code == 404
    assert pro.post(_url("step", circle, scan_id=foreign.pk, step=4), {}).status_code == 404


def test_unknown_step_is_not_found(pro, world):
    scan = _start(pro, world["circle"])
    assert pro.get(_step_url(scan, 6)).status_code == 404
    assert pro.get(_step_url(scan, 0)).status_code == 404


def test_a_completed_scan_cannot_be_edited(pro, world):
    circle = world["circle"]
    scan = _walk(pro, circle)
    notes, snapshot = dict(scan.notes), dict(scan.snapshot)
    for step in range(1, 6):
        response = pro.get(_step_url(scan, step))
        assert response.status_code == 302
        assert response["Location"] == _url("detail", circle, scan_id=scan.pk)
    response = pro.post(_step_url(scan, 4), {"strengths": "Anders", "risks": "Anders"}, follow=True)
    assert "kan niet meer" in response.content.decode() or "niet meer wijzigen" in (
        response.content.decode()
    )
    scan.refresh_from_db()
    assert scan.notes == notes and scan.snapshot == snapshot
    with pytest.raises(services.ScanCompleted):
        services.save_step(scan, 4, notes={"strengths": "Anders"})
    with pytest.raises(services.ScanCompleted):
        services.complete_scan(scan)


def test_saving_step_five_without_finishing_keeps_scan_open(pro, world):
    scan = _start(pro, world["circle"])
    response = pro.post(_step_url(scan, 5), {"agreements": "Later", "advice": "", "action": "save"})
    assert response.status_code == 302 and response["Location"] == _step_url(scan, 5)
    scan.refresh_from_db()
    assert not scan.is_complete and scan.notes["agreements"] == "Later"


def test_step_five_without_the_finish_button_does_not_finish(pro, world):
    """Finishing cannot be undone, so only an explicit 'Afronden' does it."""
    scan = _start(pro, world["circle"])
    pro.post(_step_url(scan, 5), {"agreements": "Iets", "advice": ""})
    scan.refresh_from_db()
    assert not scan.is_complete
