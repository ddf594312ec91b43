"""What machines may read about a page: schema.org JSON-LD for service pages.

``{% service_jsonld page %}`` renders ``<script type="application/ld+json">`` with a schema.org
``GovernmentService`` (services of the municipality) or ``Service``. It is built from public fields
only; partner-only data (``ServicePartnerInfo``) is never read here.
"""

import json

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from opendata.profile import PYRAMID_LEVEL, WESTLAND_AREA_NAME, term_name
from services.choices import Cost, OrganisationKind, ServiceStatus

register = template.Library()

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Characters that could end the <script> element or confuse an HTML parser inside it.
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _time(value):
    return value.strftime("%H:%M")


def _compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _organisation(organisation):
    kind = "GovernmentOrganization" if organisation.kind == OrganisationKind.MUNICIPALITY else "Organization"
    return _compact(
        {
            "@type": kind,
            "name": organisation.name,
            "url": organisation.website,
            "telephone": organisation.phone,
            "email": organisation.email,
        }
    )


def _place(location):
    address = _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": location.street_address,
            "postalCode": location.postcode,
            "addressLocality": location.city or (location.kern.name if location.kern_id else ""),
            "addressCountry": "NL",
        }
    )
    place = {"@type": "Place", "name": location.name}
    if location.street_address or location.postcode:
        place["address"] = address
    if location.latitude is not None and location.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    return place


def _hours(locations, today):
    """Weekly hours and coming exceptions of every location with known hours."""
    specs = []
    for location in locations:
        if not location.hours_known:
            continue
        for row in location.opening_hours.all():
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": "https://schema.org/" + SCHEMA_DAYS[row.weekday],
                    "opens": _time(row.opens),
                    "closes": _time(row.closes),
                }
            )
        for row in location.opening_exceptions.all():
            if row.date < today:
                continue
            day = row.date.isoformat()
            # schema.org's way to say "closed that day": opens and closes at 00:00.
            opens, closes = ("00:00", "00:00") if row.closed else (_time(row.opens), _time(row.closes))
            specs.append(
                _compact(
                    {
                        "@type": "OpeningHoursSpecification",
                        "validFrom": day,
                        "validThrough": day,
                        "opens": opens,
                        "closes": closes,
                        "description": row.note,
                    }
                )
            )
    return specs


def _channels(page, locations):
    languages = page.languages_list
    channels = []
    if page.phone:
        channels.append(
            {"@type": "ServiceChannel", "servicePhone": {"@type": "ContactPoint", "telephone": page.phone}}
        )
    if page.whatsapp:
        channels.append(
            {
                "@type": "ServiceChannel",
                "name": "WhatsApp",
                "serviceSmsNumber": {"@type": "ContactPoint", "telephone": page.whatsapp},
            }
        )
    if page.website:
        channels.append({"@type": "ServiceChannel", "serviceUrl": page.website})
    channels += [{"@type": "ServiceChannel", "serviceLocation": _place(location)} for location in locations]
    if languages:
        for channel in channels:
            channel["availableLanguage"] = languages
    return channels


def service_structured_data(page, *, url=None, today=None):
    """The schema.org description of a service page as a plain dict (public fields only)."""
    today = today or timezone.localdate()
    locations = list(
        page.locations.select_related("kern").prefetch_related("opening_hours", "opening_exceptions")
    )
    organisation = page.organisation
    kernen = list(page.kernen.all())
    westland = {"@type": "AdministrativeArea", "name": WESTLAND_AREA_NAME}
    if kernen:
        area = [{"@type": "Place", "name": kern.name, "containedInPlace": westland} for kern in kernen]
    else:
        area = westland
    groups = [group.name for group in page.target_groups.all()]
    audience = _compact(
        {
            "@type": "PeopleAudience",
            "audienceType": ", ".join(groups),
            "suggestedMinAge": page.min_age,
            "suggestedMaxAge": page.max_age,
        }
    )
    is_government = organisation.kind == OrganisationKind.MUNICIPALITY
    url = url or page.full_url
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if is_government else "Service",
        "@id": f"{url}#dienst" if url else None,
        "name": page.title,
        "description": page.summary,
        "url": url,
        "serviceType": term_name(PYRAMID_LEVEL, page.pyramid_level),
        "category": [situation.name for situation in page.life_situations.all()],
        "provider": _organisation(organisation),
        "areaServed": area,
        "availableChannel": _channels(page, locations),
        "hoursAvailable": _hours(locations, today),
        "audience": audience if len(audience) > 1 else None,
        "inLanguage": "nl",
    }
    if is_government:
        data["serviceOperator"] = data["provider"]
    if page.cost == Cost.FREE:
        data["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
    if page.status == ServiceStatus.TEMPORARILY_CLOSED and page.status_alert:
        data["disambiguatingDescription"] = page.status_alert
    return _compact(data)


def jsonld_script(data) -> str:
    """``<script type="application/ld+json">`` with JSON that cannot break out of the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _UNSAFE.items():
        text = text.replace(character, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def service_jsonld(context, page):
    """``{% service_jsonld page %}``: the JSON-LD block of a service page (empty for other pages)."""
    if not hasattr(page, "pyramid_level"):
        return ""
    request = context.get("request")
    url = page.get_full_url(request=request) if request is not None else None
    return jsonld_script(service_structured_data(page, url=url))
