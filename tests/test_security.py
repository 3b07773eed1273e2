import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories

ROOT = Path(__file__).resolve().parent.parent


def test_production_settings_pass_the_deploy_check(tmp_path):
    # The browser tests allow sync ORM calls beside Playwright's event loop;
    # that switch must not leak into a production check.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "samenspel.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "k9$Zq" * 10,
        "DJANGO_ALLOWED_HOSTS": "samenspel.example.org",
        # Its own file: two runs of the suite at once must not share a database.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_passwords_are_hashed_with_argon2_in_production():
    from samenspel.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_pages_send_a_content_security_policy(client):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_login_is_throttled_after_five_failures(client):
    user = factories.UserFactory(username="greet")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "greet", "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": "greet", "password": factories.PASSWORD}
    )
    assert response.status_code == 429
    assert "Te vaak geprobeerd" in response.content.decode()
    assert user.last_login is None


@pytest.mark.django_db
def test_wrong_password_gives_dutch_message(client):
    factories.UserFactory(username="henk")
    response = client.post(reverse("accounts:login"), {"username": "henk", "password": "nee"})
    assert "horen niet bij elkaar" in response.content.decode()


@pytest.mark.django_db
def test_forms_need_a_csrf_token(world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["users"]["client"])
    url = reverse("circles:access", args=[world["circle"].pk])
    assert strict.post(url, {"team_consent_form": "1"}).status_code == 403


def test_suite_runs_with_the_test_settings():
    """`make test` once exported the dev settings, which pytest-django prefers over
    the ini: the suite then hashed every test password with argon2 (14 s → 200 s)."""
    assert settings.SETTINGS_MODULE == "samenspel.settings.test"
