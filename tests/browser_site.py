"""Prepare the database of the browser tests' server: the demo data plus pages in special states.

Run inside the server's environment (see ``site_server`` in conftest.py), never against a real database.
"""

import datetime

from django.core.management import call_command

from services.models import Kern, LifeSituation, Location, OpeningHours, Organisation, ServicePage

SPECIAL_SLUGS = {
    "open": "test-inloop-altijd-open",
    "closed": "test-gesloten",
    "unknown": "test-tijden-onbekend",
    "temporarily_closed": "test-tijdelijk-gesloten",
}


def prepare():
    call_command("seed_demo", verbosity=0)
    index_page = ServicePage.objects.first().get_parent()
    organisation = Organisation.objects.get(slug="vitis-welzijn")
    situation = LifeSituation.objects.get(slug="eenzaamheid-en-ontmoeting")
    naaldwijk = Kern.objects.get(slug="naaldwijk")

    def location(name, *, hours_known, all_day=False):
        place = Location.objects.create(
            organisation=organisation,
            name=name,
            street_address="Teststraat 1",
            postcode="2671 AA",
            kern=naaldwijk,
            hours_known=hours_known,
        )
        if all_day:
            for weekday in range(7):
                OpeningHours.objects.create(
                    location=place,
                    weekday=weekday,
                    opens=datetime.time(0, 0),
                    closes=datetime.time(23, 59),
                    kind="inloop",
                )
        return place

    variants = {
        "open": {"location": location("Altijd open (test)", hours_known=True, all_day=True)},
        "closed": {"location": location("Geen vaste tijden (test)", hours_known=True)},
        "unknown": {"location": location("Tijden onbekend (test)", hours_known=False)},
        "temporarily_closed": {
            "location": None,
            "status": "temporarily_closed",
            "status_alert": "Gesloten tot 1 maart door een verbouwing. Ga naar de bibliotheek in Naaldwijk.",
        },
    }
    for key, options in variants.items():
        if ServicePage.objects.filter(slug=SPECIAL_SLUGS[key]).exists():
            continue
        page = ServicePage(
            title=f"Testdienst ({key})",
            slug=SPECIAL_SLUGS[key],
            organisation=organisation,
            summary="Een plek om andere mensen te ontmoeten. Je kunt zo binnenlopen.",
            next_step="Loop binnen. Je hoeft niets mee te nemen.",
            pyramid_level="sociale_basis",
            access_channels=["inloop"],
            cost="gratis",
            status=options.get("status", "active"),
            status_alert=options.get("status_alert", ""),
        )
        page.life_situations = [situation]
        page.kernen = [naaldwijk]
        if options.get("location"):
            page.locations = [options["location"]]
        index_page.add_child(instance=page)
        page.save_revision().publish()
