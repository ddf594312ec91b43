"""manage.py export_hsds PATH: write the published social map as an HSDS 3.0 data package (a directory).

See opendata/exporter.py for the layout. ``--include-partner-fields`` adds partner_only.json, a
separate file that is not HSDS and must never be published; use it only for a backup or a move
between Hulpzoeker installations.
"""

from django.core.management.base import BaseCommand, CommandError

from opendata.exporter import PARTNER_FILE, export_package


class Command(BaseCommand):
    help = "Write all published services as an HSDS 3.0 data package (a directory of JSON files)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Directory to write (created if needed; files in it are replaced).")
        parser.add_argument(
            "--include-partner-fields",
            action="store_true",
            help=f"Also write {PARTNER_FILE} with partner-only contact data. NEVER publish that file.",
        )

    def handle(self, *args, path, include_partner_fields=False, **options):
        try:
            counts = export_package(path, include_partner_fields=include_partner_fields)
        except OSError as error:
            raise CommandError(f"Could not write the package to {path}: {error}") from error
        summary = ", ".join(f"{count} {table}" for table, count in counts.items() if count)
        self.stdout.write(self.style.SUCCESS(f"HSDS package written to {path}: {summary}."))
        if include_partner_fields:
            self.stderr.write(
                self.style.WARNING(
                    f"{PARTNER_FILE} contains partner-only data. Do not publish it; delete it when done."
                )
            )
