"""Each anonymous-count report is registered in one call: URL, reports-menu item and group permission."""

import pytest

from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse

from wagtail import hooks

from tests.factories import UserFactory

REPORTS = [
    pytest.param("search-zero-results", "search_zero_results", "search", "view_zeroresultquery", id="zero"),
    pytest.param(
        "questionnaire-step-counts",
        "questionnaire_step_counts",
        "questionnaire",
        "view_questionnairestepcount",
        id="steps",
    ),
]


def _menu_item(name):
    items = [make() for make in hooks.get_hooks("register_reports_menu_item")]
    return next(item for item in items if item.name == name)


@pytest.mark.parametrize(("menu_name", "url_name", "app_label", "codename"), REPORTS)
def test_the_menu_item_links_to_the_report_and_shows_only_with_its_permission(
    db, menu_name, url_name, app_label, codename
):
    item = _menu_item(menu_name)
    assert item.url == reverse(url_name)
    request = RequestFactory().get("/beheer/")
    request.user = UserFactory()
    assert not item.is_shown(request)
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    request.user.user_permissions.add(permission)
    request.user = type(request.user).objects.get(pk=request.user.pk)  # permissions are cached
    assert item.is_shown(request)


@pytest.mark.parametrize(("menu_name", "url_name", "app_label", "codename"), REPORTS)
def test_group_settings_offer_the_report_permission(db, menu_name, url_name, app_label, codename):
    offered = {
        (perm.content_type.app_label, perm.codename)
        for register in hooks.get_hooks("register_permissions")
        for perm in register()
    }
    assert (app_label, codename) in offered
