"""Latency of ``GET /api/v1/search`` on the embedded database engine, with 2,000 and 20,000 extra services.

Run from the project root: ``.venv/bin/python bench/search_latency.py`` (``make bench``). It builds its own
temporary SQLite database (never touches db.sqlite3), loads the demo data, adds generated services with
``seed_synthetic`` and times a fixed mix of searches through Django's test client, i.e. the whole request:
validation, query understanding, the engine, filters, facets, ranking, loading the page of results and
JSON. Prints the median and 95th percentile per size, and the first request after loading, which
rebuilds this process's caches. Numbers only; nothing here asserts a time.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERY_MIX = [
    {"q": "schulden"},
    {"q": "geen geld voor boodschappen"},
    {"q": "brief van de belasting snap ik niet"},
    {"q": "mijn moeder wordt vergeetachtig", "kern": "monster"},
    {"q": "eenzaam", "kern": "naaldwijk"},
    {"q": "formulierbrigade"},
    {"q": "mantelzorgondersteuning"},
    {"q": "jeugdhulp", "situation": "opvoeden-en-opgroeien"},
    {"q": "hulp", "channel": "inloop", "cost": "gratis"},
    {"q": "eenzaamhied"},
    {"q": "qqxzv"},
    {"situation": "geld-en-schulden", "kern": "de-lier"},
    {},
    {"q": "vervoer", "open_now": "1", "page": "2"},
]


def setup_django(database_path):
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "hulpzoeker.settings.test"
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django

    django.setup()


def timed(label, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def measure(client, rounds):
    """The first request, the slowest of one warm-up round, and the later requests per query (ms).

    The first request after loading builds this process's facts store; the first misspelled query builds
    the vocabulary for "bedoelde je". Both happen once per content change, so they are reported apart.
    """

    def get(params):
        started = time.perf_counter()
        response = client.get("/api/v1/search", params)
        if response.status_code != 200:
            raise SystemExit(f"{params}: HTTP {response.status_code}")
        return (time.perf_counter() - started) * 1000

    first = get(QUERY_MIX[0])
    warm_up = max(get(params) for params in QUERY_MIX)
    per_query = {index: [] for index in range(len(QUERY_MIX))}
    for _ in range(rounds):
        for index, params in enumerate(QUERY_MIX):
            per_query[index].append(get(params))
    return first, warm_up, per_query


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000", help="Numbers of generated services to measure at.")
    parser.add_argument("--rounds", type=int, default=5, help="Times the query mix is run per size.")
    parser.add_argument("--seed", type=int, default=42)
    arguments = parser.parse_args()
    sizes = sorted(int(size) for size in arguments.sizes.split(","))

    with tempfile.TemporaryDirectory(prefix="hulpzoeker-bench-") as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.core.management import call_command
        from django.test import Client

        from services.models import ServicePage

        print("Preparing a temporary SQLite database", flush=True)
        timed("migrate", call_command, "migrate", verbosity=0)
        timed("seed_demo", call_command, "seed_demo", verbosity=0)
        client = Client()
        rows = []
        generated = 0
        for size in sizes:
            timed(
                f"seed_synthetic +{size - generated}",
                call_command,
                "seed_synthetic",
                count=size - generated,
                seed=arguments.seed + size,
                verbosity=0,
            )
            generated = size
            total = ServicePage.objects.live().count()
            first, warm_up, per_query = measure(client, arguments.rounds)
            durations = [ms for values in per_query.values() for ms in values]
            rows.append(
                (
                    size,
                    total,
                    len(durations),
                    first,
                    warm_up,
                    statistics.median(durations),
                    percentile(durations, 0.95),
                )
            )
            slowest = per_query

    print()
    print(
        f"GET /api/v1/search, {len(QUERY_MIX)} queries x {arguments.rounds} rounds, SQLite, database engine"
    )
    header = f"{'generated':>10} {'services':>9} {'requests':>9} {'first ms':>9} {'warm-up max':>12}"
    print(f"{header} {'median ms':>10} {'p95 ms':>8}")
    for size, total, count, first, warm_up, median, p95 in rows:
        print(f"{size:>10} {total:>9} {count:>9} {first:>9.0f} {warm_up:>12.0f} {median:>10.0f} {p95:>8.0f}")
    print()
    print(f"Median per query at {sizes[-1]} generated services:")
    for index, params in enumerate(QUERY_MIX):
        print(f"  {statistics.median(slowest[index]):>6.0f} ms  {params}")


if __name__ == "__main__":
    main()
