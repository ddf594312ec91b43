"""Search and publishing latency with an Elasticsearch cluster that accepts connections and never answers.

Run from the project root: ``.venv/bin/python bench/hanging_cluster.py``. It builds its own temporary
SQLite database with the demo data, then times through Django's test client (the whole request):

1. the search mix with no cluster configured (the database engine alone): the baseline;
2. the same mix with ``ELASTICSEARCH_URL`` pointing at a socket that never answers: the first search
   (which pays one ``ELASTICSEARCH_TIMEOUT`` and opens the circuit breaker) and the rest;
3. publishing, unpublishing and saving an organisation with that cluster, once with a closed breaker
   (pays one timeout) and once with the breaker open, using the immediate task backend, i.e. the index
   write runs inside the editor's request as in development.

Prints numbers only; the tests (tests/search_es/test_breaker.py) check the behaviour without timing.
"""

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERY_MIX = [
    {"q": "schulden"},
    {"q": "geen geld voor boodschappen"},
    {"q": "mijn moeder wordt vergeetachtig", "kern": "monster"},
    {"q": "eenzaam", "kern": "naaldwijk"},
    {"q": "mantelzorgondersteuning"},
    {"q": "jeugdhulp", "situation": "opvoeden-en-opgroeien"},
    {"situation": "geld-en-schulden", "kern": "de-lier"},
]


def setup_django(database_path):
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "hulpzoeker.settings.test"
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django

    django.setup()


def ms(function, *args):
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def search_times(client, rounds):
    def get(params):
        response = client.get("/api/v1/search", params)
        if response.status_code != 200:
            raise SystemExit(f"{params}: HTTP {response.status_code}")

    return [ms(get, params) for _ in range(rounds) for params in QUERY_MIX]


def hanging_socket():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)  # never accept(): the handshake completes, no request is ever read
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="Times the query mix is run per setting.")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hulpzoeker-bench-") as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client, override_settings

        from search.engines import breaker
        from services.models import Organisation, ServicePage

        print("Preparing a temporary SQLite database with the demo data", flush=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo", verbosity=0)
        client = Client()
        search_times(client, 1)  # warm the caches once, for both settings alike

        page_pk = ServicePage.objects.live().order_by("pk").values_list("pk", flat=True).first()
        organisation = Organisation.objects.order_by("pk").first()

        def editor_actions(label, reset):
            # A fresh instance each time: publish() and unpublish() change the row under the old one.
            def publish():
                ServicePage.objects.get(pk=page_pk).save_revision().publish()

            def unpublish():
                ServicePage.objects.get(pk=page_pk).unpublish()

            for action, function in (
                ("publish", publish),
                ("unpublish", unpublish),
                ("save organisation", organisation.save),
            ):
                if reset:
                    breaker.reset_all()
                rows.append((f"{action}, {label}", ms(function)))
                if action == "unpublish":
                    publish()

        rows = []
        editor_actions("no cluster", reset=False)
        sock, url = hanging_socket()
        hanging_cluster = override_settings(ELASTICSEARCH_URL=url)
        with hanging_cluster:
            breaker.reset_all()
            first = ms(lambda: client.get("/api/v1/search", QUERY_MIX[0]))
        # Rounds alternate between the two settings, so a busy machine slows both alike.
        baseline, hanging = [], []
        for _ in range(arguments.rounds):
            baseline += search_times(client, 1)
            with hanging_cluster:
                hanging += search_times(client, 1)
        with hanging_cluster:
            breaker.reset_all()
            # The very first one also imports the client and opens a connection pool.
            first_again = ms(lambda: client.get("/api/v1/search", QUERY_MIX[0]))
            editor_actions("hanging, breaker closed", reset=True)
            client.get("/api/v1/search", QUERY_MIX[0])
            editor_actions("hanging, breaker open", reset=False)
        sock.close()

    median_base, median_hanging = statistics.median(baseline), statistics.median(hanging)
    print()
    print(
        f"ELASTICSEARCH_TIMEOUT={settings.ELASTICSEARCH_TIMEOUT} s, "
        f"cool-down {settings.ELASTICSEARCH_BREAKER_COOLDOWN} s, "
        f"{len(QUERY_MIX)} queries x {arguments.rounds} rounds, SQLite"
    )
    print(f"{'GET /api/v1/search':<40} {'median ms':>10} {'max ms':>8}")
    print(f"{'  no cluster configured':<40} {median_base:>10.0f} {max(baseline):>8.0f}")
    print(f"{'  hanging cluster, first search':<40} {first:>10.0f}")
    print(f"{'  hanging, first after a reset':<40} {first_again:>10.0f}")
    print(f"{'  hanging cluster, later searches':<40} {median_hanging:>10.0f} {max(hanging):>8.0f}")
    print(f"  ratio of medians (hanging / none): {median_hanging / median_base:.2f}")
    print()
    print("Editor actions (immediate task backend: the index write runs inside the request):")
    for label, value in rows:
        print(f"  {label:<45} {value:>8.0f} ms")


if __name__ == "__main__":
    main()
