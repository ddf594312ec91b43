"""Partner-only values leave the revision history: old revisions and deleted partner info."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision

from services.models import ServicePage, ServicePartnerInfo
from tests import factories

pytestmark = pytest.mark.django_db

MARKER = "Partnerlijn-MARKER-4711"


def revisions_with_marker(page):
    return [r.pk for r in Revision.objects.filter(object_id=str(page.pk)) if MARKER in str(r.content)]


def age(revision, days):
    Revision.objects.filter(pk=revision.pk).update(created_at=timezone.now() - datetime.timedelta(days=days))


def page_with_partner_info():
    page = factories.ServicePageFactory()
    page.partner_info.add(ServicePartnerInfo(contact_person=MARKER, referral_notes=MARKER))
    first = page.save_revision()
    first.publish()
    page = ServicePage.objects.get(pk=page.pk)
    return page, first


def test_old_revisions_lose_their_partner_values_but_the_current_ones_keep_them():
    page, old = page_with_partner_info()
    page.title += " (bijgewerkt)"
    newer = page.save_revision()
    newer.publish()
    latest = page.save_revision()
    age(old, 200)

    call_command("purge_partner_revisions", "--days", "90", verbosity=0)

    assert revisions_with_marker(page) == sorted([newer.pk, latest.pk])
    old.refresh_from_db()
    assert old.content["partner_info"] == [] and old.content["title"]
    assert ServicePartnerInfo.objects.filter(page=page, contact_person=MARKER).exists()


def test_recent_revisions_of_deleted_partner_info_lose_it():
    page, old = page_with_partner_info()
    page.partner_info.all().delete()
    ServicePartnerInfo.objects.filter(page=page).delete()
    page.save_revision().publish()

    call_command("purge_partner_revisions", verbosity=0)

    assert revisions_with_marker(page) == []


def test_a_dry_run_changes_nothing():
    page, old = page_with_partner_info()
    page.save_revision().publish()
    age(old, 200)
    call_command("purge_partner_revisions", "--dry-run", verbosity=0)
    assert revisions_with_marker(page) == [old.pk, page.live_revision_id] or old.pk in revisions_with_marker(
        page
    )
