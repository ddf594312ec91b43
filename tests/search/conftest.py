"""Fixtures of the search tests.

``search_demo`` loads the demo social map once for this test package, inside a transaction that is
rolled back when the package is done (seeding takes about ten seconds; every test still runs in its own
savepoint, so tests cannot see each other's writes). ``refresh_search_text`` is run once after seeding,
as ``seed_demo`` does in production.
"""

import pytest

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

from wagtail.signal_handlers import disable_reference_index_auto_update

from search.caches import clear_caches
from search.search_text import refresh_search_text


@pytest.fixture(scope="package")
def _search_demo_for_package(django_db_setup, django_db_blocker):
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        # Indexing each page while it is created is what makes seeding slow; the search text refresh
        # below indexes them all at once, as seed_demo's reindex does.
        backends = {
            name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
            call_command("seed_demo", "--no-index", verbosity=0)
        refresh_search_text()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    # Process-local search caches and Wagtail's cached site paths would outlive the rolled-back rows.
    cache.clear()
    clear_caches()


@pytest.fixture
def search_demo(_search_demo_for_package, db):
    """The full demo social map (86 services) with its search text; each test's writes are rolled back."""
    cache.clear()
    clear_caches()
    yield
    clear_caches()


def slugs(results, n=None):
    """The slugs of a SearchResults' results (the first *n*)."""
    found = [result.document.slug for result in results.results]
    return found[:n] if n else found
