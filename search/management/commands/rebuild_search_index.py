"""``manage.py rebuild_search_index``: rebuild the search index of the configured engine.

With ``ELASTICSEARCH_URL``: load every live service into a new versioned index, switch the alias to it in
one atomic call and drop the old index; searches keep using the old index until the switch, and a failed
rebuild leaves it in place. Without it: recompute every search text, then rebuild Wagtail's database index
(``update_index``).
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.engines.base import EngineUnavailable
from search.search_text import refresh_search_text
from services.models import ServicePage


def live_service_pages(*, chunk_size: int = 500):
    """Every live service page, with what its index document needs fetched in bulk."""
    return (
        ServicePage.objects.live()
        .select_related("organisation")
        .prefetch_related("life_situations", "kernen", "target_groups", "locations__kern")
        .order_by("pk")
        .iterator(chunk_size=chunk_size)
    )


class Command(BaseCommand):
    help = (
        "Rebuild the search index. With ELASTICSEARCH_URL: a new Elasticsearch index behind the alias, "
        "switched atomically. Without: the database search index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--chunk-size", type=int, default=500, help="Documents per bulk request (default 500)."
        )

    def handle(self, *args, chunk_size=500, verbosity=1, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1.")
        if not settings.ELASTICSEARCH_URL:
            self._rebuild_database_index(verbosity)
            return
        self._rebuild_elasticsearch_index(chunk_size)

    def _rebuild_database_index(self, verbosity):
        self.stdout.write("ELASTICSEARCH_URL is not set: rebuilding the database search index instead.")
        try:
            # The normalised text first (a changed lexicon or normalisation changes it), then the index.
            refresh_search_text(index=False)
            call_command("update_index", verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:
            raise CommandError(f"Rebuilding the database search index failed: {error}") from error
        self.stdout.write(self.style.SUCCESS("Database search index rebuilt."))

    def _rebuild_elasticsearch_index(self, chunk_size):
        from search.engines.elasticsearch import ElasticsearchEngine, display_url

        where = display_url(settings.ELASTICSEARCH_URL)
        # Pages published after this moment may have been written to the old index while the new one
        # was loading; they are written again after the switch.
        started = timezone.now()
        try:
            engine = ElasticsearchEngine()
            self.stdout.write(f"Rebuilding Elasticsearch index {engine.alias} at {where} ...")
            report = engine.rebuild(live_service_pages(chunk_size=chunk_size), chunk_size=chunk_size)
        except EngineUnavailable as error:
            raise CommandError(
                f"Could not rebuild the Elasticsearch index at {where}: {error}. Nothing was switched: "
                "searches keep using the current index, or the database engine if there is none."
            ) from error

        self.stdout.write(
            f"Indexed {report.indexed} services into {report.index}; {report.alias} now points to it."
        )
        self._catch_up(engine, report, started)
        for index in report.removed_indexes:
            self.stdout.write(f"Removed old index {index}.")
        for index in report.cleanup_failed:
            self.stderr.write(f"Could not remove old index {index}; remove it by hand or rebuild again.")
        self.stdout.write(self.style.SUCCESS("Elasticsearch index rebuilt."))

    def _catch_up(self, engine, report, started):
        """Write again what changed while the new index was loading: published since, or unpublished since."""
        live_ids = set(ServicePage.objects.live().values_list("pk", flat=True))
        republished = set(
            ServicePage.objects.live().filter(last_published_at__gte=started).values_list("pk", flat=True)
        )
        gone = report.page_ids - live_ids
        if not republished and not gone:
            return
        try:
            engine.index_services(ServicePage.objects.filter(pk__in=republished))
            engine.remove_services(gone)
        except EngineUnavailable as error:
            self.stderr.write(
                f"The new index is in use, but {len(republished) + len(gone)} services changed during the "
                f"rebuild could not be updated ({error}). Publish them again or rebuild again."
            )
            return
        self.stdout.write(f"Updated {len(republished) + len(gone)} services changed during the rebuild.")
