"""Second factor for editors (issue 12): enrol an authenticator app, confirm a code, refused without one."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import override_settings

from .conftest import ADMIN_LOGIN, PASSWORD

pytestmark = pytest.mark.django_db
ENROL = "/beheer/tweede-stap/instellen/"
VERIFY = "/beheer/tweede-stap/"


def current_code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def log_in(client, user):
    assert client.post(ADMIN_LOGIN, {"username": user.username, "password": PASSWORD}).status_code == 302


def test_without_the_requirement_an_editor_without_an_app_opens_the_admin(client, editor):
    log_in(client, editor)
    assert client.get("/beheer/").status_code == 200


@override_settings(HULPZOEKER_ADMIN_REQUIRE_2FA=True)
def test_required_second_factor_sends_a_new_editor_to_enrol_and_accepts_the_first_code(client, editor):
    log_in(client, editor)
    refused = client.get("/beheer/pages/")
    assert refused.status_code == 302 and refused["Location"].startswith(ENROL)
    page = client.get(ENROL)
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(ENROL, {"token": current_code(device), "next": "/beheer/pages/"})
    assert response.status_code == 302 and response["Location"] == "/beheer/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/beheer/pages/").status_code == 200


@override_settings(HULPZOEKER_ADMIN_REQUIRE_2FA=True)
def test_required_second_factor_refuses_a_wrong_code(client, editor):
    log_in(client, editor)
    client.get(ENROL)
    response = client.post(ENROL, {"token": "000000"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/beheer/").status_code == 302


@pytest.mark.parametrize("required", [True, False])
def test_an_editor_with_an_app_must_confirm_a_code_before_the_admin_opens(client, editor, required):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    with override_settings(HULPZOEKER_ADMIN_REQUIRE_2FA=required):
        log_in(client, editor)
        refused = client.get("/beheer/")
        assert refused.status_code == 302 and refused["Location"].startswith(VERIFY)
        assert client.post(VERIFY, {"token": "000000"}).status_code == 200
        assert client.get("/beheer/").status_code == 302
        # Right after a wrong code even the right one waits (django-otp's throttle against guessing).
        assert client.post(VERIFY, {"token": current_code(device)}).status_code == 200
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)  # the wait is over
        confirmed = client.post(VERIFY, {"token": current_code(device)})
        assert confirmed.status_code == 302 and confirmed["Location"] == "/beheer/"
        assert client.get("/beheer/").status_code == 200


@override_settings(HULPZOEKER_ADMIN_REQUIRE_2FA=True)
def test_the_second_factor_pages_need_an_admin_login_first(client, partner):
    assert client.get(VERIFY)["Location"].startswith(ADMIN_LOGIN)
    client.force_login(partner)
    assert client.get(ENROL)["Location"].startswith(ADMIN_LOGIN)
    assert not TOTPDevice.objects.exists()
