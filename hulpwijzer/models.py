"""The only thing the Hulpwijzer keeps: how many people reached each step, per day.

No answers, no identifiers, no timestamps finer than a day: these rows say how far residents get in the
questionnaire (where they give up), nothing about who they are or what they filled in.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from services import counters


class QuestionnaireStepCount(models.Model):
    """Anonymous count of visits to one step of the questionnaire on one day."""

    date = models.DateField(_("date"))
    step = models.CharField(_("step"), max_length=30)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("questionnaire step count")
        verbose_name_plural = _("questionnaire step counts")
        ordering = ["-date", "step"]
        constraints = [models.UniqueConstraint(fields=["date", "step"], name="questionnaire_step_per_day")]

    def __str__(self):
        return f"{self.date} {self.step}: {self.count}"

    @classmethod
    def increment(cls, step, *, date=None):
        """Add one to today's count of ``step``, atomically (safe with concurrent requests)."""
        counters.increment(cls, lookup={"date": date or timezone.localdate(), "step": step})
