"""Rows that many requests change at once: "update it, else insert it, and retry if someone else did".

Counters (searches without a result per day, questionnaire steps per day) and cache version tokens are
one row per key, written by concurrent requests. An ``UPDATE`` lets the database apply the change, so two
requests never lose one; only the very first write of a key inserts. Two requests can both find no row
and both insert: the unique constraint refuses the second, which then updates the row the first made.
The insert runs in a savepoint, so that refusal never breaks the caller's transaction on PostgreSQL.
"""

from django.db import IntegrityError, transaction
from django.db.models import F

__all__ = ["increment", "update_or_insert"]


def update_or_insert(model, *, lookup: dict, changes: dict, values: dict) -> None:
    """Apply *changes* to the row matching *lookup*, or insert it with *values* when there is none.

    *lookup* must name the fields of a unique constraint of *model*; *changes* may use ``F()``
    expressions (applied by the database), *values* must be plain values for the new row.
    """
    if model.objects.filter(**lookup).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **values)
    except IntegrityError:
        # A concurrent request inserted the row between our update and insert.
        model.objects.filter(**lookup).update(**changes)


def increment(model, *, lookup: dict, field: str = "count", by: int = 1) -> None:
    """Add *by* to *field* of the row matching *lookup*, creating the row (at *by*) when missing."""
    update_or_insert(model, lookup=lookup, changes={field: F(field) + by}, values={field: by})
