from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Social map")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.translation import gettext

        from . import eligibility

        # The pure engine builds its B1 sentences through a translator hook; in Django that is gettext,
        # so reasons follow the request's language.
        eligibility.set_translator(gettext)
