"""Print recall@3 and MRR of our search and of plain Wagtail database search on the relevance set."""

from django.core.management.base import BaseCommand

from search.relevance import RELEVANCE_FILE, evaluate, load_queries, our_ranking, wagtail_baseline


class Command(BaseCommand):
    help = "Measure search relevance (recall@3, MRR) against bench/relevance_queries.json, ours vs Wagtail."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(RELEVANCE_FILE), help="Relevance set (JSON).")
        parser.add_argument("--misses", action="store_true", help="List the queries our search misses.")

    def handle(self, *args, file, misses=False, **options):
        queries = load_queries(file)
        ours = evaluate(queries, our_ranking)
        baseline = evaluate(queries, wagtail_baseline)
        self.stdout.write(f"{len(queries)} queries from {file}")
        self.stdout.write(f"{'engine':<32} {'recall@3':>9} {'MRR':>7}")
        self.stdout.write(f"{'hulpzoeker (database engine)':<32} {ours.recall_at_3:>9.3f} {ours.mrr:>7.3f}")
        self.stdout.write(
            f"{'wagtail live().search(q)':<32} {baseline.recall_at_3:>9.3f} {baseline.mrr:>7.3f}"
        )
        if misses:
            for outcome in ours.misses():
                expected, got = ", ".join(outcome.expected), ", ".join(outcome.top)
                self.stdout.write(f"  miss {outcome.query!r}: expected {expected}; got {got}")
