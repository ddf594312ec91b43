"""The editors' experience: Dutch admin, validation messages, the check action, the review reminder."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from services.models import ServicePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord-1")
    client.force_login(user)
    return user


def edit_form_data(page, **overrides):
    """A complete POST body for the page edit form, as the browser would send it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "organisation": page.organisation_id,
        "summary": page.summary,
        "next_step": page.next_step,
        "body-count": "0",
        "status": page.status,
        "status_alert": page.status_alert,
        "life_situations": [s.pk for s in page.life_situations.all()],
        "pyramid_level": page.pyramid_level,
        "access_channels": page.access_channels,
        "cost": page.cost,
        "residence": page.residence,
        "income_rule": page.income_rule,
        "partner_info-TOTAL_FORMS": "0",
        "partner_info-INITIAL_FORMS": "0",
        "partner_info-MIN_NUM_FORMS": "0",
        "partner_info-MAX_NUM_FORMS": "1",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_admin_speaks_dutch(client, editor):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


def test_the_edit_form_shows_the_editor_which_field_is_wrong_in_dutch(client, editor):
    page = factories.ServicePageFactory(life_situations=[factories.LifeSituationFactory()])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, min_age="70", max_age="12"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "lager dan de minimale leeftijd" in html


def test_a_service_with_no_way_to_reach_it_is_refused_in_the_edit_form(client, editor):
    page = factories.ServicePageFactory(life_situations=[factories.LifeSituationFactory()])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, access_channels=[]))
    assert response.status_code == 200
    assert "geen manier" in response.content.decode().lower()


def test_checked_still_correct_sets_the_date_and_editor_without_touching_last_edited(client, editor):
    page = factories.ServicePageFactory()
    page.save_revision().publish()
    page.refresh_from_db()
    published_at = page.last_published_at
    response = client.post(reverse("services_mark_checked", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.checked_on == timezone.localdate()
    assert page.checked_by == editor
    assert page.last_published_at == published_at
    # A later publish of the latest revision keeps the check.
    page.latest_revision.publish()
    assert ServicePage.objects.get(pk=page.pk).checked_on == timezone.localdate()


def test_checking_requires_post(client, editor):
    page = factories.ServicePageFactory()
    assert client.get(reverse("services_mark_checked", args=[page.pk])).status_code == 405


def test_the_dashboard_lists_services_not_checked_within_the_interval(client, editor, settings):
    settings.SERVICE_REVIEW_INTERVAL_DAYS = 30
    stale = factories.ServicePageFactory(
        title="Oude dienst", checked_on=timezone.localdate() - datetime.timedelta(days=40)
    )
    fresh = factories.ServicePageFactory(title="Verse dienst", checked_on=timezone.localdate())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert stale.title in html
    assert fresh.title not in html


def test_snippets_for_the_social_map_are_listed(client, editor):
    for model in ("kern", "postcodearea", "lifesituation", "targetgroup", "organisation", "location"):
        response = client.get(reverse(f"wagtailsnippets_services_{model}:list"))
        assert response.status_code == 200, model


def test_unverified_postcodes_are_marked_as_such_in_the_admin(client, editor):
    html = client.get(reverse("wagtailsnippets_services_postcodearea:list")).content.decode()
    assert "niet geverifieerd" in html.lower() or "nee" in html.lower()
