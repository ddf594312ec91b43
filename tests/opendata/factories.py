"""A service with every kind of data the open-data outputs map: locations, hours, exceptions, phones."""

import datetime

from services.models import Kern, LifeSituation, TargetGroup
from tests import factories

MARKER = "ZZPARTNERMARKERZZ"
MARKER_PHONE = "0174 987654"
MARKER_EMAIL = "zzpartnermarkerzz@example.org"


def full_service(*, slug="test-volledige-dienst", partner_markers=True, **overrides):
    """A live service in two kernen with a location (hours, exceptions), phones and structured criteria."""
    naaldwijk = Kern.objects.get(slug="naaldwijk")
    monster = Kern.objects.get(slug="monster")
    organisation = factories.OrganisationFactory(
        slug="test-organisatie", name="Testorganisatie", kind="gemeente", phone="0174 111111"
    )
    location = factories.LocationFactory(
        organisation=organisation,
        name="Wijkcentrum De Test",
        street_address="Teststraat 12",
        postcode="2671 AB",
        kern=naaldwijk,
        latitude="51.99300",
        longitude="4.20900",
        wheelchair_access="partly",
        hours_note="In de schoolvakanties andere tijden.",
    )
    factories.OpeningHoursFactory(
        location=location, weekday=0, opens=datetime.time(9), closes=datetime.time(12)
    )
    factories.OpeningHoursFactory(
        location=location,
        weekday=2,
        opens=datetime.time(13, 30),
        closes=datetime.time(16),
        kind="telefonisch",
    )
    factories.OpeningExceptionFactory(
        location=location, date=datetime.date(2030, 12, 25), note="Eerste Kerstdag"
    )
    factories.OpeningExceptionFactory(
        location=location,
        date=datetime.date(2030, 12, 24),
        closed=False,
        opens=datetime.time(9),
        closes=datetime.time(11),
        kind="op_afspraak",
        note="Kerstavond korter",
    )
    fields = {
        "title": "Testdienst met alles",
        "slug": slug,
        "organisation": organisation,
        "summary": "Je krijgt hulp bij geld. Je kunt zo binnenlopen.",
        "next_step": "Loop binnen op maandagochtend.",
        "pyramid_level": "maatwerk",
        "access_channels": ["inloop", "telefoon"],
        "phone": "0174 222222",
        "whatsapp": "06 12345678",
        "email": "hulp@example.org",
        "website": "https://example.org/hulp",
        "languages": "Nederlands, Pools",
        "what_to_bring": "Je legitimatiebewijs\nDe brief van de gemeente",
        "cost": "gratis",
        "cost_note": "Koffie is gratis.",
        "min_age": 18,
        "max_age": 67,
        "income_rule": "low_income",
        "income_max_pct": 120,
        "residence": "kernen",
        "requirements": ["mantelzorger", "verwijzing"],
        "eligibility_description": "Voor mantelzorgers met een laag inkomen.",
        "checked_on": datetime.date(2025, 3, 1),
        "regional": True,
        "facts": "Gestart in 2024.",
        "sources": "001 L10",
    }
    fields.update(overrides)
    page = factories.ServicePageFactory(
        **fields,
        life_situations=[LifeSituation.objects.get(slug="geld-en-schulden")],
        kernen=[naaldwijk, monster],
        locations=[location],
    )
    page.target_groups.set([TargetGroup.objects.get(slug="mantelzorgers")])
    page.residence_kernen.set([naaldwijk])
    page.save()
    page.save_revision().publish()
    if partner_markers:
        factories.ServicePartnerInfoFactory(
            page=page,
            contact_person=f"Petra {MARKER}",
            direct_line=MARKER_PHONE,
            email=MARKER_EMAIL,
            referral_notes=f"Bel eerst. {MARKER}",
        )
    page.refresh_from_db()
    return page
