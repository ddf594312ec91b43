"""A backup restored into an empty database holds the same services, revisions and synonyms.

The commands are the ones the README's "Backups and restore" section gives: SQLite's online backup API
(``sqlite3 db.sqlite3 ".backup 'backup.sqlite3'"`` does the same), and on PostgreSQL ``pg_dump -Fc`` and
``pg_restore`` into a new database (Debian's server binaries, as in the CI's second run).
"""

import glob
import os
import sqlite3
import subprocess

import pytest

from django.db import connection

from search.models import Synonym
from services.models import ServicePage
from tests import factories

# Committed rows, so pg_dump's own connection sees them; serialized_rollback puts back the synonyms the
# migrations seed, which a transactional test's flush would otherwise remove for later tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUERIES = {
    "services": "SELECT page_ptr_id, summary FROM services_servicepage ORDER BY 1",
    # content as text: a plain psycopg connection would decode jsonb into a dict, Django reads the text.
    "revisions": "SELECT id, object_id, CAST(content AS TEXT) FROM wagtailcore_revision ORDER BY 1",
    "synonyms": "SELECT * FROM search_synonym ORDER BY 1",
}


def fill():
    for title in ("Formulierenbrigade", "Taalhuis"):
        page = factories.ServicePageFactory(title=title)
        page.save_revision().publish()
        page.save_revision()  # a draft on top
    Synonym.objects.create(terms="geldzorgen\nschulden-MARKER")
    assert ServicePage.objects.count() == 2


def rows(cursor):
    found = {}
    for name, sql in QUERIES.items():
        cursor.execute(sql)
        found[name] = [tuple(str(value) for value in row) for row in cursor.fetchall()]
    return found


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite variant")
def test_a_sqlite_backup_restores_into_an_empty_database(tmp_path):
    fill()
    with connection.cursor() as cursor:
        original = rows(cursor)
    connection.ensure_connection()
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(backup) as target:
        connection.connection.backup(target)  # the online backup API: consistent while the site runs
    target.close()

    restored_path = tmp_path / "restored.sqlite3"
    with sqlite3.connect(backup) as source, sqlite3.connect(restored_path) as restored:
        source.backup(restored)
        restored_rows = rows(restored.cursor())
    assert restored_rows == original
    assert len(original["services"]) == 2 and len(original["revisions"]) == 4
    assert any("schulden-MARKER" in str(row) for row in original["synonyms"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL variant")
def test_a_postgres_dump_restores_into_an_empty_database(tmp_path):
    fill()
    with connection.cursor() as cursor:
        original = rows(cursor)
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        pytest.skip("no PostgreSQL client binaries")
    pgbin = bins[-1]
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    common = [
        "-h",
        settings["HOST"] or "127.0.0.1",
        "-p",
        str(settings["PORT"] or 5432),
        "-U",
        settings["USER"],
    ]
    dump = tmp_path / "hulpzoeker.dump"
    subprocess.run(
        [f"{pgbin}/pg_dump", "-Fc", *common, "-d", settings["NAME"], "-f", str(dump)], env=env, check=True
    )
    empty = f"{settings['NAME']}_restored"
    subprocess.run([f"{pgbin}/dropdb", "--if-exists", *common, empty], env=env, check=True)
    subprocess.run([f"{pgbin}/createdb", *common, empty], env=env, check=True)
    try:
        subprocess.run(
            [f"{pgbin}/pg_restore", "--no-owner", *common, "-d", empty, str(dump)], env=env, check=True
        )
        import psycopg

        with psycopg.connect(
            host=common[1], port=common[3], user=settings["USER"], password=settings["PASSWORD"], dbname=empty
        ) as restored:
            assert rows(restored.cursor()) == original
    finally:
        subprocess.run([f"{pgbin}/dropdb", "--if-exists", *common, empty], env=env, check=False)
    assert len(original["services"]) == 2
    assert any("schulden-MARKER" in str(row) for row in original["synonyms"])
