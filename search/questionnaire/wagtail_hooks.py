"""Editors' report of the Hulpwijzer: how many residents reached each question (anonymous daily counts)."""

import datetime

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import QuestionnaireStepCount
from .steps import STEPS

REPORT_PERMISSION = "questionnaire.view_questionnairestepcount"
PERIODS = (7, 30, 90, 365)
DEFAULT_PERIOD = 30


def report_rows(*, since):
    """Per step, in asking order: visits since ``since`` and the share of those who started."""
    totals = dict(
        QuestionnaireStepCount.objects.filter(date__gte=since)
        .values_list("step")
        .annotate(total=Sum("count"))
        .values_list("step", "total")
    )
    labels = [(step.key, step.summary_label) for step in STEPS] + [
        ("summary", _("Checked the answers")),
        ("results", _("Saw the results")),
        ("print", _("Made a hand-over sheet")),
        ("list", _("Opened the list from a QR code")),
        ("crisis", _("Chose 'unsafe or in crisis, now'")),
    ]
    started = totals.get("about", 0)
    return [
        {
            "step": key,
            "label": label,
            "total": totals.get(key, 0),
            "share": round(100 * totals.get(key, 0) / started)
            if started and key not in ("list", "crisis")
            else None,
        }
        for key, label in labels
    ]


class StepCountsReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "questionnaire/admin/step_counts.html"
    page_title = _("Find help step by step: how far residents get")
    header_icon = "list-ol"

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
        context.update({"rows": report_rows(since=since), "days": days, "periods": PERIODS})
        return context


class StepCountsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_step_counts_url():
    return [path("hulpwijzer/stappen/", StepCountsReportView.as_view(), name="questionnaire_step_counts")]


@hooks.register("register_reports_menu_item")
def register_step_counts_menu_item():
    return StepCountsMenuItem(
        _("Find help step by step"),
        reverse("questionnaire_step_counts"),
        name="questionnaire-step-counts",
        icon_name="list-ol",
        order=1310,
    )


@hooks.register("register_permissions")
def register_step_counts_permission():
    # Lets administrators give editors' groups access to the report in Wagtail's group settings.
    return Permission.objects.filter(
        content_type__app_label="questionnaire", codename="view_questionnairestepcount"
    )
