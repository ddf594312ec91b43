"""Finding 1 of issue 12: the admin login refuses accounts that may not use the admin."""

import pytest

from django.conf import settings
from django.contrib.sessions.models import Session

from tests import factories

from .conftest import ADMIN_LOGIN, PASSWORD

pytestmark = pytest.mark.django_db


def test_finding_1_a_partner_account_is_refused_at_the_admin_login(client, partner):
    response = client.post(ADMIN_LOGIN, {"username": partner.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "Netwerkpartners loggen in op /partners/inloggen/" in response.content.decode()
    # Before reading client.session: the test client creates an empty session when asked for one.
    assert not Session.objects.exists()
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_finding_1_an_account_without_any_group_is_refused_at_the_admin_login(client):
    user = factories.UserFactory()
    client.post(ADMIN_LOGIN, {"username": user.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_an_editor_still_logs_in_at_the_admin(client, editor):
    response = client.post(ADMIN_LOGIN, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/beheer/").status_code == 200
