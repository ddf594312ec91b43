"""The only thing the Hulpwijzer keeps: how many people reached each step, per day.

No answers, no identifiers, no timestamps finer than a day: these rows say how far residents get in the
questionnaire (where they give up), nothing about who they are or what they filled in.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
        date = date or timezone.localdate()
        # UPDATE ... SET count = count + 1 lets the database add, so two requests never lose a count.
        if cls.objects.filter(date=date, step=step).update(count=F("count") + 1):
            return
        try:
            # The savepoint keeps a lost race (another request created the row first) from breaking an
            # outer transaction on PostgreSQL.
            with transaction.atomic():
                cls.objects.create(date=date, step=step, count=1)
        except IntegrityError:
            cls.objects.filter(date=date, step=step).update(count=F("count") + 1)
