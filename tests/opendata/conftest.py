"""Fixtures of the open-data tests: one demo social map for the whole package, rolled back at the end.

Seeding the 86 demo services takes seconds, so it happens once: the package fixture opens a
transaction, seeds, and every test runs in a savepoint inside it (pytest-django's ``db``). At the end
the outer transaction is rolled back, so other test packages see an untouched database.
"""

import pytest

from django.core.cache import cache

from services.selectors import PARTNER_GROUP_NAME
from tests import factories
from tests.conftest import demo_map_for_package


@pytest.fixture(scope="package", autouse=True)
def demo_map(django_db_setup, django_db_blocker):
    with demo_map_for_package(django_db_blocker):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    # Wagtail caches site root paths and the login limiter counts in the cache: start every test clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner(db):
    from django.contrib.auth.models import Group

    user = factories.UserFactory(username="partner-anna")
    user.groups.add(Group.objects.get(name=PARTNER_GROUP_NAME))
    return user


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client
