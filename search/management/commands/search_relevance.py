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
        self.stdout.write(f"Query set: {len(queries)} queries from {file}")
        self.stdout.write(f"{'engine':<32} {'lang':<5} {'n':>4} {'recall@3':>9} {'MRR':>7}")
        for label, evaluation in (
            ("hulpzoeker (database engine)", ours),
            ("wagtail live().search(q)", baseline),
        ):
            self._row(label, "all", evaluation)
            for language in evaluation.languages():
                self._row(label, language, evaluation.for_language(language))
        if misses:
            for outcome in ours.misses():
                expected, got = ", ".join(outcome.expected), ", ".join(outcome.top)
                self.stdout.write(
                    f"  miss [{outcome.language}] {outcome.query!r}: expected {expected}; got {got}"
                )

    def _row(self, label, language, evaluation):
        self.stdout.write(
            f"{label:<32} {language:<5} {len(evaluation.outcomes):>4} "
            f"{evaluation.recall_at_3:>9.3f} {evaluation.mrr:>7.3f}"
        )
