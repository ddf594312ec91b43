"""Factories for every model of the social map (factory_boy + wagtail-factories)."""

import datetime

import factory
import wagtail_factories

from django.contrib.auth import get_user_model

from home.models import HomePage
from services.models import (
    Kern,
    LifeSituation,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    PostcodeArea,
    ServiceIndexPage,
    ServicePage,
    ServicePartnerInfo,
    TargetGroup,
)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook signature
        if create:
            obj.save()


class KernFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"testkern-{n}")
    name = factory.Sequence(lambda n: f"Testkern {n}")

    class Meta:
        model = Kern
        django_get_or_create = ("slug",)


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    pc4 = factory.Sequence(lambda n: f"{9000 + n}")
    kern = factory.SubFactory(KernFactory)

    class Meta:
        model = PostcodeArea


class LifeSituationFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"situatie-{n}")
    name = factory.Sequence(lambda n: f"Situatie {n}")
    description = "Een korte uitleg in gewone taal."
    pictogram = "people"

    class Meta:
        model = LifeSituation
        django_get_or_create = ("slug",)


class TargetGroupFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"groep-{n}")
    name = factory.Sequence(lambda n: f"Groep {n}")

    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)


class OrganisationFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = "welzijn"

    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)


class LocationFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Locatie {n}")
    street_address = "Dorpsstraat 1"
    postcode = "2671 AB"
    kern = factory.LazyFunction(lambda: Kern.objects.get(slug="naaldwijk"))
    hours_known = True

    class Meta:
        model = Location


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    location = factory.SubFactory(LocationFactory)
    weekday = 0
    opens = datetime.time(9, 0)
    closes = datetime.time(12, 0)
    kind = "inloop"

    class Meta:
        model = OpeningHours


class OpeningExceptionFactory(factory.django.DjangoModelFactory):
    location = factory.SubFactory(LocationFactory)
    date = datetime.date(2026, 12, 25)
    closed = True
    note = "Eerste Kerstdag"

    class Meta:
        model = OpeningException


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Hulpzoeker Westland"

    class Meta:
        model = HomePage


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Alle hulp"
    slug = "hulp"

    class Meta:
        model = ServiceIndexPage


def service_index():
    """The one service index under the home page that the data migration created."""
    index_page = ServiceIndexPage.objects.first()
    if index_page is None:
        index_page = HomePage.objects.first().add_child(
            instance=ServiceIndexPage(title="Alle hulp", slug="hulp")
        )
    return index_page


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testdienst {n}")
    slug = factory.Sequence(lambda n: f"testdienst-{n}")
    parent = factory.LazyFunction(service_index)
    organisation = factory.SubFactory(OrganisationFactory)
    summary = "Je krijgt hulp bij je vraag. Je kunt zo binnenlopen."
    next_step = "Loop binnen op maandagochtend."
    pyramid_level = "vrij_toegankelijk"
    access_channels = factory.LazyFunction(lambda: ["inloop"])
    cost = "gratis"

    class Meta:
        model = ServicePage
        skip_postgeneration_save = True

    @factory.post_generation
    def life_situations(obj, create, extracted, **kwargs):  # noqa: N805
        if extracted:
            obj.life_situations.set(extracted)
            if create:
                obj.save()

    @factory.post_generation
    def kernen(obj, create, extracted, **kwargs):  # noqa: N805
        if extracted:
            obj.kernen.set(extracted)
            if create:
                obj.save()

    @factory.post_generation
    def locations(obj, create, extracted, **kwargs):  # noqa: N805
        if extracted:
            obj.locations.set(extracted)
            if create:
                obj.save()


class ServicePartnerInfoFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ServicePageFactory)
    contact_person = "Petra de Vries"
    direct_line = "0174 000000"
    referral_notes = "Bel op dinsdag."

    class Meta:
        model = ServicePartnerInfo
