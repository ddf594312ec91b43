"""services.counters: one row per key, changed by the database, safe when two requests insert at once."""

import datetime

import pytest

from django.db import transaction
from django.db.models import QuerySet

from search.models import CacheVersion, ZeroResultQuery
from services.counters import increment, update_or_insert

pytestmark = pytest.mark.django_db

KEY = {"date": datetime.date(2026, 3, 2), "text": "zeilboot", "kern": "monster"}


def test_the_first_increment_inserts_and_the_next_ones_add():
    increment(ZeroResultQuery, lookup=KEY)
    increment(ZeroResultQuery, lookup=KEY)
    increment(ZeroResultQuery, lookup=KEY, by=3)
    assert ZeroResultQuery.objects.get(**KEY).count == 5


def test_other_keys_are_left_alone():
    increment(ZeroResultQuery, lookup=KEY)
    increment(ZeroResultQuery, lookup={**KEY, "kern": "naaldwijk"})
    assert sorted(ZeroResultQuery.objects.values_list("kern", "count")) == [("monster", 1), ("naaldwijk", 1)]


def test_a_concurrent_first_insert_is_counted_and_leaves_the_transaction_usable(monkeypatch):
    original_update = QuerySet.update
    raced = []

    def update_losing_the_race(self, **kwargs):
        if not raced:
            # Another request inserts the row between our UPDATE (which found nothing) and our INSERT.
            raced.append(True)
            ZeroResultQuery.objects.create(**KEY, count=1)
            return 0
        return original_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_losing_the_race)
    with transaction.atomic():
        increment(ZeroResultQuery, lookup=KEY)
        # The refused INSERT was rolled back to its savepoint: the outer transaction still answers.
        assert ZeroResultQuery.objects.get(**KEY).count == 2
    assert raced == [True]


def test_update_or_insert_sets_plain_values():
    update_or_insert(CacheVersion, lookup={"name": "content"}, changes={"token": "a"}, values={"token": "a"})
    update_or_insert(CacheVersion, lookup={"name": "content"}, changes={"token": "b"}, values={"token": "b"})
    assert list(CacheVersion.objects.values_list("name", "token")) == [("content", "b")]
