"""Partner login and logout, the guessing limit, the banner, and private caching for logged-in users."""

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings

from services.selectors import PARTNER_GROUP_NAME
from tests import factories

from .factories import MARKER, full_service

pytestmark = pytest.mark.django_db
LOGIN = "/partners/inloggen/"
LOGOUT = "/partners/uitloggen/"
PASSWORD = "correct horse battery"  # tests/factories.UserFactory
WITH_PRIVATE_CACHING = settings.MIDDLEWARE + ["services.partners.PrivateForLoggedInMiddleware"]


def test_the_migration_created_the_partner_group():
    group = Group.objects.get(name=PARTNER_GROUP_NAME)
    assert not group.permissions.exists()


def test_the_login_page_is_an_accessible_form(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="utrecht-form-label" for="id_username">' in html
    assert '<label class="utrecht-form-label" for="id_password">' in html
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert "/beheer/" not in html


def test_a_wrong_password_is_announced_and_linked_to_the_fields(client, partner):
    response = client.post(LOGIN, {"username": partner.username, "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert" id="hz-login-error"' in html
    assert html.count('aria-describedby="hz-login-error"') == 2
    assert html.count('aria-invalid="true"') == 2
    assert "_auth_user_id" not in client.session


def test_an_empty_field_gets_its_own_linked_message(client):
    html = client.post(LOGIN, {"username": "", "password": ""}).content.decode()
    assert 'id="id_username-error"' in html and 'aria-describedby="id_username-error"' in html


def test_a_partner_logs_in_sees_partner_lines_and_logs_out_with_post(client, partner):
    page = full_service()
    response = client.post(LOGIN, {"username": partner.username, "password": PASSWORD, "next": page.url})
    assert response.status_code == 302 and response["Location"] == page.url
    assert MARKER in client.get(page.url).content.decode()
    assert client.get(LOGOUT).status_code == 405
    response = client.post(LOGOUT)
    assert response.status_code == 302 and response["Location"] == "/"
    assert MARKER not in client.get(page.url).content.decode()


def test_an_unsafe_next_address_is_ignored(client, partner):
    response = client.post(
        LOGIN, {"username": partner.username, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_an_account_outside_the_partner_group_cannot_log_in_here(client):
    user = factories.UserFactory()
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_guessing_is_stopped_after_five_failures_per_name_and_address(client, partner):
    for _attempt in range(settings.HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT - 1):
        assert client.post(LOGIN, {"username": partner.username, "password": "guess"}).status_code == 200
    assert client.post(LOGIN, {"username": partner.username, "password": "guess"}).status_code == 429
    blocked = client.post(LOGIN, {"username": partner.username, "password": PASSWORD})
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == str(settings.HULPZOEKER_LOGIN_LOCKOUT_MINUTES * 60)
    assert 'role="alert"' in blocked.content.decode()
    assert "_auth_user_id" not in client.session
    # The same name from another address is not blocked, so a guesser cannot lock a partner out.
    other = client.post(LOGIN, {"username": partner.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_one_address_guessing_many_names_is_stopped_too(client):
    for number in range(settings.HULPZOEKER_LOGIN_FAILURES_PER_ADDRESS - 1):
        assert client.post(LOGIN, {"username": f"naam{number}", "password": "guess"}).status_code == 200
    assert client.post(LOGIN, {"username": "nog-een-naam", "password": "guess"}).status_code == 429
    assert client.post(LOGIN, {"username": "en-nog-een", "password": "guess"}).status_code == 429


def test_a_successful_login_clears_the_failures(client, partner):
    for _attempt in range(settings.HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT - 1):
        client.post(LOGIN, {"username": partner.username, "password": "guess"})
    assert client.post(LOGIN, {"username": partner.username, "password": PASSWORD}).status_code == 302
    client.post(LOGOUT)
    for _attempt in range(settings.HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT - 1):
        assert client.post(LOGIN, {"username": partner.username, "password": "guess"}).status_code == 200


def test_the_banner_shows_only_for_partners(partner):
    request = RequestFactory().get("/")
    request.user = partner
    html = render_to_string("services/partners/banner.html", {"request": request}, request=request)
    assert "partner-anna" in html and 'action="/partners/uitloggen/"' in html
    request.user = factories.UserFactory()
    assert render_to_string("services/partners/banner.html", {"request": request}).strip() == ""


@override_settings(MIDDLEWARE=WITH_PRIVATE_CACHING)
def test_pages_for_logged_in_users_are_private_but_the_open_data_stays_public(client, partner):
    page = full_service()
    anonymous = client.get(page.url)
    assert "private" not in anonymous.get("Cache-Control", "")
    client.force_login(partner)
    response = client.get(page.url)
    assert MARKER in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]
    api = client.get("/api/hsds/services")
    # The 30-minute idle limit renews a logged-in session cookie on every request (settings: Logins), and
    # a response that sets a cookie is never stored by a shared cache; the open data itself is the same.
    assert "sessionid" in api.cookies
    assert api["Cache-Control"] == "private, no-store"
    client.logout()
    assert client.get("/api/hsds/services").content == api.content
