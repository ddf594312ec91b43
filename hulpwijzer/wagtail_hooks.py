"""Editors' report of the Hulpwijzer: how many residents reached each question (anonymous daily counts)."""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from search.admin_reports import PeriodReportView, register_report

from .models import QuestionnaireStepCount
from .steps import STEPS

REPORT_PERMISSION = "questionnaire.view_questionnairestepcount"


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


class StepCountsReportView(PeriodReportView):
    template_name = "questionnaire/admin/step_counts.html"
    page_title = _("Find help step by step: how far residents get")
    header_icon = "list-ol"
    permission = REPORT_PERMISSION

    def get_rows(self, *, since):
        return report_rows(since=since)


register_report(
    StepCountsReportView,
    url="hulpwijzer/stappen/",
    url_name="questionnaire_step_counts",
    menu_label=_("Find help step by step"),
    menu_name="questionnaire-step-counts",
    order=1310,
)
