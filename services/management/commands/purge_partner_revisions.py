"""Remove partner-only values (ServicePartnerInfo) from old service revisions.

Wagtail stores a page's child rows in every revision, so a partner's direct line or referral note stays
in the revision history after an editor changes or deletes it. This command empties ``partner_info``:

- in revisions older than ``--days`` (default 90), and
- in any revision, the rows of partner info that no longer exists (deleted by an editor),

except in each page's live and latest revision, which Wagtail needs to publish or compare the current
content (their partner rows are the current ones, held in the table anyway).

Schedule: daily, after the backup (README "Backups and restore" and "Privacy"), e.g.
``15 3 * * * manage.py purge_partner_revisions --days 90``. ``--dry-run`` counts without writing.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.models import Revision

from services.models import ServicePage, ServicePartnerInfo

PARTNER_KEY = "partner_info"


class Command(BaseCommand):
    help = "Remove partner-only contact values from old service revisions and of deleted partner info."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="Keep partner values this many days.")
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *, days, dry_run, verbosity=1, **options):
        if days < 0:
            days = 0
        cutoff = timezone.now() - datetime.timedelta(days=days)
        existing = set(ServicePartnerInfo.objects.values_list("pk", flat=True))
        kept = set()
        for live, latest in ServicePage.objects.values_list("live_revision_id", "latest_revision_id"):
            kept.update(pk for pk in (live, latest) if pk)
        revisions = Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(ServicePage)
        ).exclude(pk__in=kept)
        changed = 0
        with transaction.atomic():
            for revision in revisions.only("pk", "created_at", "content").iterator(chunk_size=500):
                rows = (revision.content or {}).get(PARTNER_KEY) or []
                if not rows:
                    continue
                if revision.created_at < cutoff:
                    remaining = []
                else:
                    remaining = [row for row in rows if isinstance(row, dict) and row.get("pk") in existing]
                if len(remaining) == len(rows):
                    continue
                changed += 1
                if not dry_run:
                    revision.content[PARTNER_KEY] = remaining
                    revision.save(update_fields=["content"])
        if verbosity:
            verb = "would be purged" if dry_run else "purged"
            self.stdout.write(
                f"Partner-only values {verb} in {changed} revision(s) (older than {days} days or deleted)."
            )
