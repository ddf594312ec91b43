"""Load the demo social map of Westland: organisations and one service page per catalogue service.

Idempotent: records are matched on their slugs and only created when missing, so editors' changes
survive a second run. ``--reset`` removes the demo services, locations and organisations first.
"""

import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Site

from services.models import (
    Kern,
    LifeSituation,
    Organisation,
    ServiceIndexPage,
    ServicePage,
    TargetGroup,
)
from services.signals import catalogue_loaded
from services.vocabulary import Residence

DATA_DIR = Path(__file__).resolve().parents[2] / "demo_data"
PLACEHOLDER_ORGANISATION = "aanbieder-onbekend"


def load(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


class Command(BaseCommand):
    help = "Load the demo social map (organisations and service pages of the real Westland services)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Remove demo services and organisations first."
        )
        parser.add_argument("--no-index", action="store_true", help="Skip rebuilding the search index.")

    def handle(self, *args, reset=False, no_index=False, **options):
        with transaction.atomic():
            if reset:
                self.reset()
            home = self.ensure_home()
            index_page = self.ensure_index(home)
            organisations = self.ensure_organisations()
            created = self.ensure_services(index_page, organisations)
            # Search fills its normalised text and index for the whole catalogue at once (search/sync.py).
            catalogue_loaded.send(sender=type(self), pages=ServicePage.objects.all())
        if not no_index:
            self.reindex()
        total = ServicePage.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready: {created} services created, {total} in total.")
        )

    def reset(self):
        for page in ServicePage.objects.all():
            page.delete()
        from services.models import Location

        Location.objects.all().delete()
        Organisation.objects.filter(slug__in=[row["slug"] for row in load("organisations.json")]).delete()

    def ensure_home(self):
        # The home page and the default site come with home's migration 0002; services must not
        # import home, so the home page is found as the default site's root.
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(
                "No default site with a home page: run `python manage.py migrate` first "
                "(home's migration 0002 creates both)."
            )
        return site.root_page

    def ensure_index(self, home):
        index_page = ServiceIndexPage.objects.first()
        if index_page is None:
            index_page = home.add_child(
                instance=ServiceIndexPage(
                    title="Alle hulp",
                    slug="hulp",
                    intro=(
                        "Hier vind je alle hulp in Westland, geordend per onderwerp. "
                        "Lichte hulp staat bovenaan."
                    ),
                )
            )
            index_page.save_revision().publish()
        return index_page

    def ensure_organisations(self):
        organisations = {}
        for row in load("organisations.json"):
            organisation, _created = Organisation.objects.get_or_create(
                slug=row["slug"],
                defaults={
                    "name": row["name"],
                    "kind": row["kind"],
                    "description": row.get("description", ""),
                    "website": row.get("website", ""),
                    "phone": row.get("phone", ""),
                    "email": row.get("email", ""),
                    "is_placeholder": row["slug"] == PLACEHOLDER_ORGANISATION,
                },
            )
            organisations[organisation.slug] = organisation
        return organisations

    def ensure_services(self, index_page, organisations):
        situations = {s.slug: s for s in LifeSituation.objects.all()}
        groups = {g.slug: g for g in TargetGroup.objects.all()}
        kernen = {k.slug: k for k in Kern.objects.all()}
        existing = set(ServicePage.objects.values_list("slug", flat=True))
        created = 0
        rows = load("services.json")
        self.fill_main_situations(rows, situations)
        for row in rows:
            if row["slug"] in existing:
                continue
            page = ServicePage(
                title=row["name"],
                slug=row["slug"],
                organisation=organisations[row["organisation"]],
                summary=row["summary"],
                next_step=row["next_step"],
                pyramid_level=row["pyramid_level"],
                access_channels=row["access_channels"],
                phone=row.get("phone", ""),
                email=row.get("email", ""),
                website=row.get("website", ""),
                whatsapp=row.get("whatsapp", ""),
                languages=", ".join(row.get("languages", [])),
                what_to_bring="\n".join(row.get("what_to_bring", [])),
                regional=row["regional"],
                cost=row["cost"],
                cost_note=row.get("cost_note", ""),
                min_age=row.get("min_age"),
                max_age=row.get("max_age"),
                income_rule=row.get("income_rule", "none"),
                income_max_pct=row.get("income_max_pct"),
                residence=row.get("residence", Residence.ANYWHERE),
                requirements=row.get("requires", []),
                main_life_situation=situations.get(row.get("main_life_situation", "")),
                asked_for=row.get("asked_for", []),
                eligibility_description=row.get("eligibility_description", ""),
                status=row.get("status", "active"),
                is_general_knowledge=row.get("confidence") == "general_knowledge"
                or bool(row.get("what_to_bring_general_knowledge")),
                facts="\n".join(row.get("facts", [])),
                sources="\n".join(row.get("sources", [])),
            )
            page.life_situations = [situations[s] for s in row["life_situations"]]
            page.target_groups = [groups[g] for g in row["target_groups"]]
            page.kernen = [kernen[k] for k in row["kernen"]]
            # Demo records may lack a way to reach the service (the sources do not say). The admin form
            # asks editors to fill that in; the seed loads them as they are instead of inventing a channel.
            index_page.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        return created

    def fill_main_situations(self, rows, situations):
        """Give demo pages loaded before the field existed their main situation and "who asks" once.

        Only empty values are filled, so an editor's later choice is never overwritten by a re-seed.
        """
        by_slug = {row["slug"]: row for row in rows}
        for page in ServicePage.objects.filter(slug__in=list(by_slug), main_life_situation__isnull=True):
            row = by_slug[page.slug]
            main = situations.get(row.get("main_life_situation", ""))
            if main is None:
                continue
            page.main_life_situation = main
            if not page.asked_for:
                page.asked_for = row.get("asked_for", [])
            page.save(update_fields=["main_life_situation", "asked_for"])

    def reindex(self):
        try:
            call_command("update_index", verbosity=0)
        except Exception as error:  # noqa: BLE001 - seeding must not fail on an index problem
            self.stderr.write(f"Search index not rebuilt: {error}")
