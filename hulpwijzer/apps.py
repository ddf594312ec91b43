from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnaireConfig(AppConfig):
    name = "hulpwijzer"
    label = "questionnaire"
    verbose_name = _("Help finder questionnaire")
    default_auto_field = "django.db.models.BigAutoField"
