"""Editors' side of search: synonyms as a snippet, and the report of searches that found nothing."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_reports import PeriodReportView, register_report
from .measurement import visible_zero_results
from .models import Synonym, ZeroResultQuery

REPORT_PERMISSION = "search.view_zeroresultquery"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonyms")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "language", "life_situation", "updated_at"]
    list_filter = ["kind", "language", "life_situation"]
    search_fields = ["terms", "expansions", "context", "note"]


register_snippet(SynonymViewSet)


class ZeroResultsReportView(PeriodReportView):
    """Searches without results, summed per text and kern over a period; totals below 5 never shown."""

    template_name = "search/admin/zero_results.html"
    page_title = _("Searches without results")
    header_icon = "search"
    permission = REPORT_PERMISSION

    def get_rows(self, *, since):
        return list(visible_zero_results(since=since)[:500])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["minimum"] = ZeroResultQuery.MIN_VISIBLE_COUNT
        return context


register_report(
    ZeroResultsReportView,
    url="zoeken/zonder-resultaat/",
    url_name="search_zero_results",
    menu_label=_("Searches without results"),
    menu_name="search-zero-results",
    order=1300,
)
