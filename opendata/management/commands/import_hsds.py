"""manage.py import_hsds PATH: create or update organisations, locations and services from an HSDS package.

Everything is checked before anything is written; one problem anywhere means nothing changes, and
every problem is listed with its table, record id and field. Services become drafts for editors to
review unless ``--publish`` is given. See opendata/importer.py and its stages in opendata/importing/.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from opendata.importer import ImportProblems, import_package


class Command(BaseCommand):
    help = "Import an HSDS 3.0 data package (as export_hsds writes it). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The package directory (or its datapackage.json).")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the services at once instead of saving drafts."
        )
        parser.add_argument("--user", help="User name to record as the author of the new revisions.")

    def handle(self, *args, path, publish=False, user=None, **options):
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"No user named {user!r}.")
        try:
            # One language for the whole report: our own messages and Django's validation messages.
            with translation.override("en"):
                report = import_package(path, publish=publish, user=author)
        except ImportProblems as error:
            lines = "\n".join(f"  - {problem}" for problem in error.problems)
            raise CommandError(
                f"The package was not imported; nothing changed. {len(error.problems)} problem(s):\n{lines}"
            ) from error
        for note in report.notes:
            self.stdout.write(f"Note: {note}")
        for kind in ("organizations", "locations", "services"):
            self.stdout.write(
                f"{kind}: {report.created[kind]} created, {report.updated[kind]} updated, "
                f"{report.unchanged[kind]} unchanged"
            )
        state = "published" if publish else "saved as drafts for review (not live yet)"
        self.stdout.write(self.style.SUCCESS(f"Import done; services {state}."))
