"""Tests that only read the demo map share one seed for the package (see demo_map_for_package)."""

import pytest

from tests.conftest import demo_map_for_package


@pytest.fixture(scope="package")
def _demo_map(django_db_setup, django_db_blocker):
    with demo_map_for_package(django_db_blocker):
        yield


@pytest.fixture
def demo_data(_demo_map, db):
    """The full demo social map (86 services), read-only per test."""
