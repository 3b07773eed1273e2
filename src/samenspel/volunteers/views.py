"""Coordinator pages: the volunteer list, intake, profile and the volunteer agreement.

Thin: access via `policy`, reads via `selectors`, writes via `services`, the
rules in `domain.volunteering` and `domain.tasks`. Every read of a profile or an
agreement and every change is written to the audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenspel.accounts.models import Person
from samenspel.audit import context as audit_context
from samenspel.audit.models import AuditEvent
from samenspel.audit.services import record, record_object_views
from samenspel.common.choices import label
from samenspel.domain import tasks as dt
from samenspel.domain import volunteering as vol
from samenspel.organisations.models import Organisation
from samenspel.volunteers import forms, policy, selectors, services
from samenspel.volunteers.models import VolunteerProfile
from samenspel.volunteers.policy import COORDINATOR_ROLE

Action = AuditEvent.Action


# The shared boundary rule names the law (Wet BIG); on an agreement that a
# volunteer signs it reads in plain words (B1). Unknown texts pass unchanged.
def _limits(performer) -> list[str]:
    """What the volunteer may not do, in plain words and the reader's language."""
    return [_(text) for text in vol.general_limits(performer)]


def _person(request):
    return getattr(request.user, "person", None)


def _organisation(organisation_id: int) -> Organisation:
    if organisation_id > selectors.MAX_ID:
        raise Http404
    return selectors.volunteer_organisation(organisation_id)


def _coordinator(request, organisation_id: int):
    """The organisation and the viewer's job there; 403 for anyone else."""
    organisation = _organisation(organisation_id)
    employment = selectors.employment(organisation, _person(request))
    if not policy.is_coordinator(employment):
        raise PermissionDenied
    audit_context.set_role(COORDINATOR_ROLE)  # what the services record, as coordinator
    return organisation, employment


def _viewer_of(request, organisation_id: int, profile_id: int):
    """A profile the viewer may see: a coordinator of its organisation, or the
    volunteer themselves. Returns (organisation, employment, profile)."""
    organisation = _organisation(organisation_id)
    person = _person(request)
    employment = selectors.employment(organisation, person)
    profile = selectors.profile(organisation, profile_id)
    if not policy.may_see_profile(employment, person.pk if person else None, profile):
        raise PermissionDenied
    return organisation, employment, profile


def _role(employment) -> str:
    """The audit role on pages both may see: coordinator, or the volunteer themselves."""
    return COORDINATOR_ROLE if policy.is_coordinator(employment) else "volunteer"


def _labels(values, labels) -> list[str]:
    return [label(labels, v) for v in values]


def profile_facts(profile) -> dict:
    """Codes turned into Dutch words, for the detail page and the volunteer's own page."""
    return {
        "skills": _labels(profile.skills, vol.SKILL_LABELS),
        "motives": _labels(profile.motives, vol.MOTIVE_LABELS),
        "languages": _labels(profile.languages, vol.LANGUAGE_LABELS),
        "preferences": _labels(profile.preferences, vol.PREFERENCE_LABELS),
        "training": _labels(profile.training, vol.TRAINING_LABELS),
        "grid": [
            (_(day_label), [(_(part), chosen) for _slot, part, chosen in parts])
            for _day, day_label, parts in vol.availability_grid(profile.availability)
        ],
        "part_labels": [_(p) for p in vol.PART_LABELS.values()],
    }


# --- List -------------------------------------------------------------------------


@login_required
@require_GET
def index(request):
    """Where "Vrijwilligers" leads: the one organisation, or a choice of them."""
    organisations = selectors.coordinated_organisations(_person(request))
    if len(organisations) == 1:
        return redirect("volunteers:list", organisation_id=organisations[0].pk)
    if not organisations:
        if selectors.own_profile(_person(request)) is not None:
            return redirect("my_volunteering:home")
        raise PermissionDenied
    return render(request, "volunteers/index.html", {"organisations": organisations})


@login_required
@require_GET
def volunteer_list(request, organisation_id):
    organisation, _employment = _coordinator(request, organisation_id)
    today = timezone.localdate()
    filter_form = forms.FilterForm(request.GET or None, wijken=selectors.wijken(organisation))
    rows = selectors.volunteer_rows(organisation, filter_form.filters(), today)
    record_object_views(
        request,
        ((None, COORDINATOR_ROLE, row.profile.pk) for row in rows),
        object_type="volunteer_profile",
    )
    kinds = dict(VolunteerProfile.Kind.choices)
    for row in rows:
        row.kind_label = kinds.get(row.profile.kind, row.profile.kind)
        row.skill_labels = _labels(row.profile.skills, vol.SKILL_LABELS)
    return render(
        request,
        "volunteers/list.html",
        {
            "organisation": organisation,
            "rows": rows,
            "filter_form": filter_form,
            "filtered": bool(request.GET),
            "counts": {
                "vog": sum(r.flags.vog_problem for r in rows),
                "motives": sum(r.flags.motives_due for r in rows),
                "supervisor": sum(r.flags.supervisor_missing for r in rows),
                "tasks": sum(r.flags.tasks_not_allowed for r in rows),
            },
        },
    )


# --- Intake and profile ---------------------------------------------------------------


def _form_kwargs(request, organisation):
    person = _person(request)
    organisations = Organisation.objects.filter(
        kind=Organisation.Kind.VOLUNTEER_ORGANISATION, employments__person=person
    ).order_by("name")
    staff = (
        Person.objects.filter(employments__organisation__in=organisations)
        .distinct()
        .order_by("first_name", "last_name")
    )
    return {"organisations": organisations, "staff": staff}


def _profile_form_page(request, organisation, form, profile=None, status=200):
    return render(
        request,
        "volunteers/profile_form.html",
        {"organisation": organisation, "form": form, "profile": profile},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def intake(request, organisation_id):
    organisation, employment = _coordinator(request, organisation_id)
    kwargs = _form_kwargs(request, organisation)
    if request.method != "POST":
        form = forms.ProfileForm(
            initial={
                "organisation": organisation.pk,
                "contact_person": employment.person_id,
                "kind": "regular",
                "vog_status": "none",
                "max_distance_km": 5,
                "is_active": True,
            },
            intake=True,
            **kwargs,
        )
        return _profile_form_page(request, organisation, form)
    form = forms.ProfileForm(request.POST, intake=True, **kwargs)
    if not form.is_valid():
        return _profile_form_page(request, organisation, form, status=400)
    try:
        profile, outcome = services.create_volunteer(form.person_values(), form.profile_values())
    except services.AlreadyVolunteer:
        # Neutral: never say who or at which organisation (issue 6).
        form.add_error(
            "email",
            _("Bij dit e-mailadres hoort al een vrijwilliger. Neem contact op met de beheerder."),
        )
        return _profile_form_page(request, organisation, form, status=400)
    if outcome is services.Intake.LINKED:
        messages.success(
            request,
            _(
                "Er stond al iemand met dit e-mailadres in Samenspel, zonder account. "
                "Het profiel is aan die persoon gekoppeld. Kijk of naam en telefoonnummer "
                "kloppen."
            ),
        )
    else:  # new and separate alike, so the message does not tell whether the address is in use
        messages.success(request, _("De vrijwilliger is toegevoegd als nieuwe persoon."))
    return redirect(
        "volunteers:detail", organisation_id=profile.organisation_id, profile_id=profile.pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, organisation_id, profile_id):
    organisation, employment = _coordinator(request, organisation_id)
    profile = selectors.profile(organisation, profile_id)
    if not policy.may_edit_profile(employment, profile):
        raise PermissionDenied
    kwargs = {
        **_form_kwargs(request, organisation),
        "person_locked": services.manages_own_details(profile.person),
    }
    if request.method != "POST":
        form = forms.ProfileForm(initial=forms.profile_initial(profile), **kwargs)
        record(
            request,
            Action.VIEW,
            object_type="volunteer_profile",
            role=COORDINATOR_ROLE,
            object_id=profile.pk,
            summary=f"Profiel {profile.person.full_name} (wijzigen)",
        )
        return _profile_form_page(request, organisation, form, profile)
    form = forms.ProfileForm(request.POST, **kwargs)
    if not form.is_valid():
        return _profile_form_page(request, organisation, form, profile, status=400)
    services.update_profile(
        profile,
        form.person_values(),
        form.profile_values(),
        motives_asked=form.cleaned_data.get("motives_asked_again", False),
    )
    messages.success(request, _("Het profiel is opgeslagen."))
    return redirect(
        "volunteers:detail", organisation_id=profile.organisation_id, profile_id=profile.pk
    )


@login_required
@require_GET
def detail(request, organisation_id, profile_id):
    organisation, employment, profile = _viewer_of(request, organisation_id, profile_id)
    today = timezone.localdate()
    agreements = selectors.agreements_of(profile)
    current = selectors.current_agreement(agreements, today)
    record(
        request,
        Action.VIEW,
        object_type="volunteer_profile",
        role=_role(employment),
        object_id=profile.pk,
        summary=f"Profiel {profile.person.full_name}",
    )
    return render(
        request,
        "volunteers/detail.html",
        {
            "organisation": organisation,
            "profile": profile,
            "is_coordinator": policy.may_edit_profile(employment, profile),
            "facts": profile_facts(profile),
            "flags": selectors.flags_for(profile, today, current),
            "vog_valid": vol.vog_is_valid(profile.vog_status, profile.vog_date, today),
            "needs_supervisor": vol.needs_supervisor(profile.kind),
            "agreements": agreements,
            "current": current,
        },
    )


# --- Volunteer agreement ------------------------------------------------------------------


def _task_groups(form, refused):
    """Allowed catalogue tasks as checkboxes per category; refused ones apart."""
    groups: dict[str, list] = {}
    for widget in form["tasks"]:
        task_id = int(str(widget.data["value"]))
        if task_id in refused:
            continue
        category = form.task_categories.get(task_id, "")
        groups.setdefault(category, []).append(widget)
    return [
        (_(dt.TASK_CATEGORY_LABELS[dt.TaskCategory(c)]) if c else "", widgets)
        for c, widgets in groups.items()
    ]


def _refused_rows(tasks, refused):
    return [(t.name, refused[t.pk].render(_)) for t in tasks if t.pk in refused]


def _new_agreement_initial(request, employment, profile) -> dict:
    """A new agreement starts from the current one (a recorded read), or from defaults."""
    today = timezone.localdate()
    previous = selectors.current_agreement(selectors.agreements_of(profile), today)
    if previous is None:
        contact = profile.contact_person_id or employment.person_id
        return {"insured": True, "contact_person": contact, "start_date": today}
    if request.method != "POST":
        # Its contents are shown again as the starting point: that is a read.
        record(
            request,
            Action.VIEW,
            object_type="volunteer_agreement",
            role=COORDINATOR_ROLE,
            object_id=previous.pk,
            summary=(
                f"Vrijwilligersafspraak {profile.person.full_name}, vanaf "
                f"{previous.start_date} (overgenomen in nieuwe afspraak)"
            ),
        )
    return {**forms.agreement_initial(previous), "start_date": today, "evaluation_date": None}


def _agreement_form(request, organisation, employment, profile, agreement=None):
    tasks, refused = selectors.boundary_catalogue(profile)
    staff = selectors.staff(organisation)
    others = [a.start_date for a in profile.agreements.all() if a != agreement]
    if agreement is not None:
        initial = forms.agreement_initial(agreement)
    else:
        initial = _new_agreement_initial(request, employment, profile)
    form = forms.AgreementForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        staff=staff,
        refused=refused,
        taken_starts=others,
    )
    form.task_categories = {t.pk: t.category for t in tasks}
    if request.method == "POST" and form.is_valid():
        saved = services.save_agreement(
            profile, form.cleaned_data, by=employment.person, agreement=agreement
        )
        messages.success(request, _("De afspraak is opgeslagen."))
        return redirect(
            "volunteers:agreement",
            organisation_id=organisation.pk,
            profile_id=profile.pk,
            agreement_id=saved.pk,
        )
    if request.method != "POST" and agreement is not None:
        record(
            request,
            Action.VIEW,
            object_type="volunteer_agreement",
            role=COORDINATOR_ROLE,
            object_id=agreement.pk,
            summary=f"Vrijwilligersafspraak {profile.person.full_name} (wijzigen)",
        )
    performer = selectors.performer_of(profile)
    return render(
        request,
        "volunteers/agreement_form.html",
        {
            "organisation": organisation,
            "profile": profile,
            "agreement": agreement,
            "form": form,
            "task_groups": _task_groups(form, refused),
            "refused_rows": _refused_rows(tasks, refused),
            "limits": _limits(performer),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_new(request, organisation_id, profile_id):
    organisation, employment = _coordinator(request, organisation_id)
    profile = selectors.profile(organisation, profile_id)
    return _agreement_form(request, organisation, employment, profile)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request, organisation_id, profile_id, agreement_id):
    organisation, employment = _coordinator(request, organisation_id)
    profile = selectors.profile(organisation, profile_id)
    agreement = selectors.agreement(profile, agreement_id)
    return _agreement_form(request, organisation, employment, profile, agreement)


def agreement_context(profile, agreement) -> dict:
    """What the printable agreement shows; also used on the volunteer's own page."""
    tasks, refused = selectors.boundary_catalogue(profile)
    performer = selectors.performer_of(profile)
    # Checked again now: the rules may refuse a task that was allowed when saved.
    check = selectors.agreement_task_check(profile, agreement)
    by_key = {str(t.pk): t for t in agreement.tasks.all()}
    return {
        "profile": profile,
        "agreement": agreement,
        "tasks": [by_key[key] for key in check.allowed],
        "not_allowed_tasks": [
            (by_key[key].name, finding.render(_)) for key, finding in check.not_allowed
        ],
        "limits": _limits(performer),
        "refused_names": [t.name for t in tasks if t.pk in refused],
        "is_current": agreement
        == selectors.current_agreement(selectors.agreements_of(profile), timezone.localdate()),
    }


@login_required
@require_GET
def agreement(request, organisation_id, profile_id, agreement_id):
    """The printable agreement: for the coordinator and the volunteer themselves."""
    organisation, employment, profile = _viewer_of(request, organisation_id, profile_id)
    found = selectors.agreement(profile, agreement_id)
    record(
        request,
        Action.VIEW,
        object_type="volunteer_agreement",
        role=_role(employment),
        object_id=found.pk,
        summary=f"Vrijwilligersafspraak {profile.person.full_name}",
    )
    return render(
        request,
        "volunteers/agreement.html",
        {
            "organisation": organisation,
            "is_coordinator": policy.may_edit_profile(employment, profile),
            "today": timezone.localdate(),
            **agreement_context(profile, found),
        },
    )
