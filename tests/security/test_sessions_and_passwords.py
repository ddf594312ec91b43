"""Finding 6 and the password length of issue 12: short partner sessions, passwords of at least 12."""

from datetime import timedelta

import pytest

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

from .conftest import PARTNER_LOGIN, PASSWORD

pytestmark = pytest.mark.django_db


def test_finding_6_session_settings_end_with_the_browser_and_after_30_idle_minutes():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_finding_6_a_partner_session_cookie_ends_with_the_browser(client, partner):
    response = client.post(PARTNER_LOGIN, {"username": partner.username, "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.session.get_expiry_age() == 30 * 60


def test_finding_6_a_partner_session_ends_after_30_idle_minutes_and_lives_while_used(client, partner):
    client.post(PARTNER_LOGIN, {"username": partner.username, "password": PASSWORD})
    session = Session.objects.get()
    # As if the partner last did something 25 minutes ago: a new request gives another 30 minutes.
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get("/zoeken/")
    session.refresh_from_db()
    assert session.expire_date > timezone.now() + timedelta(minutes=29)
    # As if 30 minutes passed without a request: the session is over.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    client.get("/zoeken/")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("Kw8#pZ1!qT4", False),  # 11 characters
        ("Kw8#pZ1!qT4&", True),  # 12 characters
        ("zomerzon-westland-kas", True),
        ("123456789012345", False),  # numbers only
    ],
)
def test_password_of_11_characters_is_refused(password, accepted):
    if accepted:
        validate_password(password)
    else:
        with pytest.raises(ValidationError):
            validate_password(password)
