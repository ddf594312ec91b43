"""The home page: entry by life situation, search, the questionnaire and the human route."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences in plain Dutch under the main heading."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["services.ServiceIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from services.selectors import situation_tiles

        context = super().get_context(request, *args, **kwargs)
        context["tiles"] = situation_tiles()
        return context
