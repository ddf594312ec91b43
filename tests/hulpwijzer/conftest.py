"""Fixtures of the Hulpwijzer tests.

``demo_data`` is the same seed as the project-wide fixture (``seed_demo``), but loaded once for this test
package inside a transaction that is rolled back when the package is done: seeding takes about 15
seconds, too long to repeat for every test. Each test still runs in its own savepoint, so tests cannot
see each other's writes (step counts).
"""

import pytest

from django.core.cache import cache

from tests.conftest import demo_map_for_package


@pytest.fixture(scope="package")
def _demo_data_for_package(django_db_setup, django_db_blocker):
    with demo_map_for_package(django_db_blocker):
        yield


@pytest.fixture
def demo_data(_demo_data_for_package, db):
    """The full demo social map (86 services), read-only per test."""
    cache.clear()
