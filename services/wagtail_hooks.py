"""Editors' experience: snippets for the vocabularies and places, the review reminder, the check action."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Kern, LifeSituation, Location, Organisation, PostcodeArea, ServicePage, TargetGroup
from .selectors import services_needing_review


class KernViewSet(SnippetViewSet):
    model = Kern
    icon = "site"
    list_display = ["name", "former_municipality"]
    search_fields = ["name", "aliases"]


class PostcodeAreaViewSet(SnippetViewSet):
    model = PostcodeArea
    icon = "pick"
    list_display = ["pc4", "kern", "verified"]
    list_filter = ["verified", "kern"]


class LifeSituationViewSet(SnippetViewSet):
    model = LifeSituation
    icon = "tag"
    list_display = ["name", "slug", "pictogram"]
    search_fields = ["name", "synonyms"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "phone", "website"]
    list_filter = ["kind", "is_placeholder"]
    search_fields = ["name", "description"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "site"
    list_display = ["name", "organisation", "kern", "hours_known"]
    list_filter = ["kern", "hours_known"]
    search_fields = ["name", "street_address"]


class SocialMapGroup(ViewSetGroup):
    menu_label = _("Social map")
    menu_icon = "folder-open-inverse"
    items = (
        OrganisationViewSet,
        LocationViewSet,
        LifeSituationViewSet,
        TargetGroupViewSet,
        KernViewSet,
        PostcodeAreaViewSet,
    )


register_snippet(SocialMapGroup)


class ReviewReminderPanel(Component):
    """Dashboard list of live services nobody confirmed within the review interval."""

    name = "review_reminder"
    order = 50
    template_name = "services/admin/review_reminder_panel.html"

    def get_context_data(self, parent_context=None):
        pending = services_needing_review()
        return {
            "services": list(pending[:20]),
            "total": pending.count(),
            "interval_days": settings.SERVICE_REVIEW_INTERVAL_DAYS,
        }


@hooks.register("construct_homepage_panels")
def add_review_reminder_panel(request, panels):
    panels.append(ReviewReminderPanel())


class MarkCheckedMenuItem(ActionMenuItem):
    """'Checked, still correct': confirms the facts without pretending the content was edited."""

    label = _("Checked, still correct")
    name = "action-mark-checked"
    icon_name = "check"
    order = 90
    template_name = "services/admin/mark_checked_action.html"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context.get("view") == "edit"
            and isinstance(page, ServicePage)
            and page.live
            and page.permissions_for_user(context["request"].user).can_edit()
        )

    def get_url(self, context):
        return reverse("services_mark_checked", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_mark_checked_menu_item():
    return MarkCheckedMenuItem()


@require_POST
def mark_checked(request, page_id):
    page = get_object_or_404(ServicePage, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    record_check(page=page, user=request.user)
    messages.success(request, _("Marked as checked today. Thank you!"))
    return redirect("wagtailadmin_pages:edit", page.pk)


def record_check(*, page, user, on=None):
    """Store who confirmed the service and when, on the live row and on the latest revision.

    The check is not an edit: it does not publish pending drafts and does not touch 'last edited'.
    Writing it into the latest revision as well keeps a later publish from undoing the check.
    """
    on = on or timezone.localdate()
    ServicePage.objects.filter(pk=page.pk).update(checked_on=on, checked_by=user)
    revision = page.latest_revision
    if revision is not None:
        revision.content["checked_on"] = on.isoformat()
        revision.content["checked_by"] = user.pk if user else None
        revision.save(update_fields=["content"])


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("services/<int:page_id>/checked/", mark_checked, name="services_mark_checked")]
