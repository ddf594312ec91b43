"""Editors' side of search: synonyms as a snippet, and the report of searches that found nothing."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_reports import PeriodReportView, PermissionMenuItem
from .measurement import visible_zero_results
from .models import Synonym, ZeroResultQuery

REPORT_PERMISSION = "search.view_zeroresultquery"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonyms")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "life_situation", "updated_at"]
    list_filter = ["kind", "life_situation"]
    search_fields = ["terms", "expansions", "note"]


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


@hooks.register("register_admin_urls")
def register_zero_results_url():
    return [path("zoeken/zonder-resultaat/", ZeroResultsReportView.as_view(), name="search_zero_results")]


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return PermissionMenuItem(
        _("Searches without results"),
        reverse("search_zero_results"),
        permission=REPORT_PERMISSION,
        name="search-zero-results",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_permissions")
def register_zero_results_permission():
    # Lets administrators give editors' groups access to the report in Wagtail's group settings.
    return Permission.objects.filter(content_type__app_label="search", codename="view_zeroresultquery")
