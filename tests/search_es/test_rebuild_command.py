"""``manage.py rebuild_search_index``: clear failure when the cluster is down, database index without one."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from search.management.commands import rebuild_search_index
from tests import factories

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("rebuild_search_index", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rebuild_against_a_closed_port_fails_with_a_clear_message(es_down):
    factories.ServicePageFactory()
    with pytest.raises(CommandError) as caught:
        run()
    message = str(caught.value)
    assert message.startswith(f"Could not rebuild the Elasticsearch index at {es_down}")
    assert "ConnectionError" in message and "Nothing was switched" in message
    assert caught.value.returncode == 1  # manage.py exits with it


def test_rebuild_without_elasticsearch_rebuilds_the_database_index(settings, monkeypatch):
    settings.ELASTICSEARCH_URL = ""
    calls = []
    real_call_command = rebuild_search_index.call_command

    def spy(name, *args, **kwargs):
        calls.append(name)
        return real_call_command(name, *args, **kwargs)

    monkeypatch.setattr(rebuild_search_index, "call_command", spy)
    factories.ServicePageFactory()

    out, _err = run("--verbosity", "0")

    assert calls == ["update_index"]
    assert "ELASTICSEARCH_URL is not set: rebuilding the database search index instead." in out
    assert "Database search index rebuilt." in out


def test_rebuild_with_a_cluster_loads_switches_and_reports(stub_cluster):
    factories.ServicePageFactory()
    factories.ServicePageFactory()

    out, err = run("--chunk-size", "1")

    assert "Indexed 2 services into " in out and "Elasticsearch index rebuilt." in out
    assert err == ""
    (alias_target,) = [name for name, data in stub_cluster.indexes.items() if data["aliases"]]
    assert len(stub_cluster.indexes[alias_target]["docs"]) == 2


def test_a_bad_chunk_size_is_refused(settings):
    with pytest.raises(CommandError):
        run("--chunk-size", "0")
