from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Database engine: fill ServicePage.search_text on save and invalidate search caches on change.
        from . import db_indexing

        db_indexing.connect()
        # Elasticsearch engine: its indexing signals connect on import (no-ops without ELASTICSEARCH_URL).
        from . import signals  # noqa: F401
