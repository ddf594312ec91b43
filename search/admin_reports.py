"""Shared machinery of the editors' anonymous-count reports (zero-result searches, questionnaire steps)."""

import datetime

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30


class PeriodReportView(WagtailAdminTemplateMixin, TemplateView):
    """An admin report over the last N days; N from ``?days=`` limited to PERIODS (bad input → default).

    Subclasses set ``permission`` and implement ``get_rows(since=...)``.
    """

    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def period_days(self):
        try:
            days = int(self.request.GET.get("days", DEFAULT_PERIOD))
        except ValueError:
            return DEFAULT_PERIOD
        return days if days in PERIODS else DEFAULT_PERIOD

    def get_rows(self, *, since):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        days = self.period_days()
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        context = super().get_context_data(**kwargs)
        context.update({"rows": self.get_rows(since=since), "days": days, "periods": PERIODS})
        return context


class PermissionMenuItem(MenuItem):
    """A reports-menu item shown only to users with ``permission``."""

    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def register_report(view_class, *, url, url_name, menu_label, menu_name, order):
    """Register one report with Wagtail: its admin URL, its reports-menu item and its permission.

    ``view_class.permission`` (``"app_label.codename"``) guards the view and the menu item, and is
    offered in Wagtail's group settings so administrators can give editors' groups access.
    """
    app_label, codename = view_class.permission.split(".")

    def urls():
        return [path(url, view_class.as_view(), name=url_name)]

    def menu_item():
        return PermissionMenuItem(
            menu_label,
            reverse(url_name),
            permission=view_class.permission,
            name=menu_name,
            icon_name=view_class.header_icon,
            order=order,
        )

    def permissions():
        return Permission.objects.filter(content_type__app_label=app_label, codename=codename)

    hooks.register("register_admin_urls", urls)
    hooks.register("register_reports_menu_item", menu_item)
    hooks.register("register_permissions", permissions)
