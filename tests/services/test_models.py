"""Page tree rules, validation messages and the factories of the social map."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from services.models import ServiceIndexPage, ServicePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.KernFactory,
        factories.PostcodeAreaFactory,
        factories.LifeSituationFactory,
        factories.TargetGroupFactory,
        factories.OrganisationFactory,
        factories.LocationFactory,
        factories.OpeningHoursFactory,
        factories.OpeningExceptionFactory,
        factories.ServicePageFactory,
        factories.ServicePartnerInfoFactory,
        factories.UserFactory,
    ],
)
def test_every_factory_builds_a_saved_object(factory):
    obj = factory()
    assert obj.pk is not None


class TestPageTree(WagtailPageTestCase):
    def test_service_pages_live_under_the_service_index_only(self):
        self.assertCanCreateAt(ServiceIndexPage, ServicePage)
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanCreateAt(HomePage, ServiceIndexPage)
        self.assertAllowedSubpageTypes(ServicePage, {})
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})


def make_service(**overrides):
    service = factories.ServicePageFactory()
    for name, value in overrides.items():
        setattr(service, name, value)
    return service


def validation_errors(service):
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        service.full_clean()
    return {
        field: " ".join(str(m) for m in messages) for field, messages in caught.value.message_dict.items()
    }


def test_an_age_range_nobody_fits_is_refused_with_a_dutch_message_on_the_maximum_age():
    errors = validation_errors(make_service(min_age=65, max_age=18))
    assert "max_age" in errors
    assert "lager dan de minimale leeftijd" in errors["max_age"]


def test_temporarily_closed_without_a_message_is_refused():
    errors = validation_errors(make_service(status="temporarily_closed", status_alert=""))
    assert "status_alert" in errors
    assert "waarom" in errors["status_alert"]


def test_checked_on_in_the_future_is_refused():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    errors = validation_errors(make_service(checked_on=tomorrow))
    assert "toekomst" in errors["checked_on"]


def test_a_summary_over_sixty_words_is_refused_with_the_word_count():
    errors = validation_errors(make_service(summary=" ".join(["woord"] * 61)))
    assert "60" in errors["summary"] and "61" in errors["summary"]


def test_an_income_limit_without_the_low_income_rule_is_refused():
    errors = validation_errors(make_service(income_rule="none", income_max_pct=120))
    assert "income_max_pct" in errors


def test_a_consistent_service_passes_validation():
    make_service(min_age=12, max_age=23, checked_on=timezone.localdate()).full_clean()


def test_access_channels_are_stored_in_choice_order_and_read_back_as_a_list():
    service = factories.ServicePageFactory(access_channels=["telefoon", "inloop"])
    service.refresh_from_db()
    assert service.access_channels == ["inloop", "telefoon"]
    assert ServicePage.objects.filter(access_channels__contains="telefoon").exists()


def test_needs_review_when_never_checked_or_checked_long_ago(settings):
    settings.SERVICE_REVIEW_INTERVAL_DAYS = 30
    assert make_service(checked_on=None).needs_review
    assert make_service(checked_on=timezone.localdate() - datetime.timedelta(days=31)).needs_review
    assert not make_service(checked_on=timezone.localdate()).needs_review


TEMPLATE_PROPERTIES = (
    "is_active",
    "is_temporarily_closed",
    "has_ended",
    "requires_bijstand",
    "requires_low_income",
    "has_income_rule",
    "is_for_westland_residents",
    "is_for_residents_of_some_kernen",
    "has_residence_rule",
)


@pytest.mark.parametrize(
    ("fields", "true_properties"),
    [
        ({}, {"is_active"}),
        ({"status": "temporarily_closed"}, {"is_temporarily_closed"}),
        ({"status": "ended"}, {"has_ended"}),
        ({"income_rule": "bijstand"}, {"is_active", "requires_bijstand", "has_income_rule"}),
        ({"income_rule": "low_income"}, {"is_active", "requires_low_income", "has_income_rule"}),
        ({"residence": "westland"}, {"is_active", "is_for_westland_residents", "has_residence_rule"}),
        ({"residence": "kernen"}, {"is_active", "is_for_residents_of_some_kernen", "has_residence_rule"}),
    ],
)
def test_templates_ask_the_service_about_its_status_and_rules_instead_of_comparing_strings(
    fields, true_properties
):
    service = ServicePage(**{"status": "active", "income_rule": "none", "residence": "anywhere", **fields})
    assert {name for name in TEMPLATE_PROPERTIES if getattr(service, name)} == true_properties
