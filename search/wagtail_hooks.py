"""Editors' side of search: synonyms as a snippet, and the report of searches that found nothing."""

import datetime

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .measurement import visible_zero_results
from .models import Synonym, ZeroResultQuery

REPORT_PERMISSION = "search.view_zeroresultquery"
PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30


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


class ZeroResultsReportView(WagtailAdminTemplateMixin, TemplateView):
    """Searches without results, summed per text and kern over a period; totals below 5 never shown."""

    template_name = "search/admin/zero_results.html"
    page_title = _("Searches without results")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        try:
            days = int(self.request.GET.get("days", DEFAULT_PERIOD))
        except ValueError:
            days = DEFAULT_PERIOD
        if days not in PERIODS:
            days = DEFAULT_PERIOD
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "rows": list(visible_zero_results(since=since)[:500]),
                "days": days,
                "periods": PERIODS,
                "minimum": ZeroResultQuery.MIN_VISIBLE_COUNT,
            }
        )
        return context


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_zero_results_url():
    return [path("zoeken/zonder-resultaat/", ZeroResultsReportView.as_view(), name="search_zero_results")]


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Searches without results"),
        reverse("search_zero_results"),
        name="search-zero-results",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_permissions")
def register_zero_results_permission():
    # Lets administrators give editors' groups access to the report in Wagtail's group settings.
    return Permission.objects.filter(content_type__app_label="search", codename="view_zeroresultquery")
