"""Issue 12, finding 3 and part of 8: CSP, Permissions-Policy, caching headers, noindex instead of robots.txt.

Each test is named after the finding it closes; each failed before the fix (no CSP or Permissions-Policy
header, no Cache-Control, a CSRF cookie on every page, robots.txt naming the admin)."""

import pytest

from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def directives(response, header="Content-Security-Policy"):
    policy = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


@pytest.fixture
def service():
    return factories.ServicePageFactory(slug="formulierenhulp-test", title="Formulierenhulp")


# --- finding 3: Content-Security-Policy and Permissions-Policy -----------------------------------------


PUBLIC_PATHS = ["/", "/crisis/", "/zoeken/?q=formulieren", "/hulpwijzer/", "/bestaat-niet/"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_finding_3_public_pages_have_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_finding_3_a_service_page_has_the_strict_policy(client, service):
    response = client.get(service.url)
    assert response.status_code == 200
    assert directives(response)["style-src"] == ["'self'"]


@pytest.mark.parametrize("path", ["/beheer/login/", "/beheer/"])
def test_finding_3_the_admin_gets_its_own_looser_policy_that_still_loads_nothing_from_elsewhere(
    client, admin_user, path
):
    client.force_login(admin_user)
    response = client.get(path, follow=True)
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.parametrize("path", ["/", "/zoeken/", "/beheer/login/", "/robots.txt", "/api/hsds/"])
def test_finding_3_every_response_switches_off_unused_browser_features(client, path):
    header = client.get(path)["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen"):
        assert features[feature] == "()"
    assert all(allowed == "()" for allowed in features.values())


# --- finding 8: caching headers and no CSRF cookie on pages without a form -----------------------------


@pytest.mark.parametrize("path", ["/", "/crisis/", "/zoeken/?q=formulieren", "/zoeken/?q=xqzxqz"])
def test_finding_8_anonymous_pages_without_a_form_are_publicly_cacheable_and_set_no_cookie(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Cookie" in response["Vary"]
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_finding_8_a_service_page_is_cacheable_and_cookie_free(client, service):
    response = client.get(service.url)
    assert response["Cache-Control"] == "public, max-age=300"
    assert not response.cookies


def test_finding_8_a_missing_page_is_not_kept_by_caches(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-cache"
    assert not response.cookies


@pytest.mark.parametrize("path", ["/hulpwijzer/", "/partners/inloggen/"])
def test_finding_8_pages_with_a_csrf_token_are_private_and_set_the_cookie_themselves(path):
    client = Client(enforce_csrf_checks=True)
    response = client.get(path)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert "csrftoken" in response.cookies


def test_finding_8_the_questionnaire_works_without_javascript_with_the_cookie_of_its_own_page():
    client = Client(enforce_csrf_checks=True)
    page = client.get("/hulpwijzer/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post("/hulpwijzer/", {"csrfmiddlewaretoken": token})
    assert response.status_code in (200, 302, 303)
    assert response["Cache-Control"] == "private, no-store"


def test_finding_8_the_language_switch_needs_no_token_so_every_page_stays_cookie_free():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/taal/setlang/", {"language": "en", "next": "/crisis/"})
    assert response.status_code == 302
    assert response["Location"] == "/crisis/"
    assert response.cookies["django_language"].value == "en"
    assert response["Cache-Control"] == "private, no-store"


def test_finding_8_logged_in_responses_stay_private(client, service):
    client.force_login(factories.UserFactory())
    response = client.get(service.url)
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]


def test_finding_8_a_view_that_chooses_its_own_caching_keeps_it(client):
    assert client.get("/sitemap.xml")["Cache-Control"] == "public, max-age=3600"


# --- finding 8: robots.txt names no doors; the doors say noindex themselves ----------------------------


def test_finding_8_robots_txt_does_not_name_the_admin_or_the_partner_login(client):
    text = client.get("/robots.txt").content.decode()
    assert "/beheer" not in text
    assert "/partners" not in text


@pytest.mark.parametrize("path", ["/beheer/login/", "/partners/inloggen/"])
def test_finding_8_admin_and_partner_pages_ask_not_to_be_indexed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "noindex" in response["X-Robots-Tag"]


def test_finding_8_public_pages_may_be_indexed(client):
    assert not client.get("/").has_header("X-Robots-Tag")
