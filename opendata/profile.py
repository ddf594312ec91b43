"""The Hulpzoeker HSDS profile: our taxonomies, how attributes use them, and the published profile document.

HSDS has no fields for the pyramid of care, life situations, target groups, structured eligibility or
Westland's kernen. We publish them as *taxonomy terms* linked to services, organisations, locations
and schedules through HSDS ``attribute`` objects. Each attribute says with ``link_type`` what the term
means for that record (a kern can be a place the service is *for*, a place residents must *live*, or
the kern a location *is in*).

Term names are fixed Dutch text written here, not gettext labels: the open-data vocabulary is a
published contract and must not change with the visitor's language or with the state of a .po file.
"""

from dataclasses import dataclass

from services.choices import (
    AccessChannel,
    Cost,
    IncomeRule,
    OpeningKind,
    OrganisationKind,
    PyramidLevel,
    Requirement,
    Residence,
)

from . import ids

PROFILE_VERSION = "1.0"
HSDS_VERSION = "3.0"
EXTENSION_KEY = "hulpzoeker"

# --- Taxonomies ---------------------------------------------------------------------------------

PYRAMID_LEVEL = "hulpzoeker-pyramid-level"
LIFE_SITUATION = "hulpzoeker-life-situation"
TARGET_GROUP = "hulpzoeker-target-group"
REQUIREMENT = "hulpzoeker-requirement"
INCOME_RULE = "hulpzoeker-income-rule"
RESIDENCE = "hulpzoeker-residence"
KERN = "hulpzoeker-kern"
ACCESS_CHANNEL = "hulpzoeker-access-channel"
COST = "hulpzoeker-cost"
OPENING_KIND = "hulpzoeker-opening-kind"
ORGANISATION_KIND = "hulpzoeker-organisation-kind"
FLAG = "hulpzoeker-flag"

FLAG_REGIONAL = "regional"
FLAG_GENERAL_KNOWLEDGE = "general_knowledge"
FLAG_PROVIDER_UNKNOWN = "provider_unknown"
FLAG_CLOSED_ALL_DAY = "closed_all_day"

FIXED_TERMS = {
    PYRAMID_LEVEL: {
        PyramidLevel.SOCIAL_BASE: "Sociale basis: eigen netwerk, verenigingen, vrijwilligers, ontmoeting",
        PyramidLevel.FREELY_ACCESSIBLE: "Vrij toegankelijke hulp: zonder aanvraag of indicatie",
        PyramidLevel.TAILORED: "Maatwerk: hulp na een aanvraag en een beschikking",
        PyramidLevel.SPECIALIST: "Specialistische of regionale hulp",
    },
    REQUIREMENT: {
        Requirement.CHILDREN_AT_HOME: "Er wonen kinderen in het huishouden",
        Requirement.CARER: "Is mantelzorger",
        Requirement.ASSESSMENT: "Eerst een indicatie of beschikking nodig",
        Requirement.REFERRAL: "Verwijzing nodig (bijvoorbeeld van de huisarts of het SKT)",
        Requirement.STATUS_HOLDER: "Is statushouder",
        Requirement.INTEGRATION_DUTY: "Is inburgeringsplichtig",
        Requirement.HOMELESS: "Is dakloos of dreigt dakloos te worden",
        Requirement.LEAVING_INSTITUTION: "Komt uit een instelling of detentie",
        Requirement.SCHOOL_LEAVER: "Verlaat het praktijkonderwijs of voortgezet speciaal onderwijs (PrO/VSO)",
    },
    # The default rules ("no income rule", "anyone, wherever they live") are not terms: a service
    # without such an attribute has no such condition, which keeps ``taxonomy_id`` filters meaningful.
    INCOME_RULE: {
        IncomeRule.BIJSTAND: "Alleen met een bijstandsuitkering",
        IncomeRule.LOW_INCOME: "Laag inkomen (de attribuutwaarde is de grens in % van het sociaal minimum)",
    },
    RESIDENCE: {
        Residence.WESTLAND: "Woont in Westland",
        Residence.KERNEN: "Woont in een van de genoemde kernen (zie link_type residence_kern)",
    },
    ACCESS_CHANNEL: {
        AccessChannel.WALK_IN: "Binnenlopen zonder afspraak",
        AccessChannel.PHONE: "Bellen",
        AccessChannel.ONLINE: "Online (website, chat, app)",
        AccessChannel.APPOINTMENT: "Op afspraak",
        AccessChannel.REFERRAL: "Met een verwijzing",
        AccessChannel.HOME_VISIT: "Bezoek bij u thuis",
        AccessChannel.APPLICATION: "Aanvraag of aanmelding",
    },
    COST: {
        Cost.FREE: "Gratis",
        Cost.CONTRIBUTION: "Eigen bijdrage",
        Cost.UNKNOWN: "Kosten onbekend",
    },
    OPENING_KIND: {
        OpeningKind.OPEN: "Open",
        OpeningKind.WALK_IN: "Inloop: binnenlopen zonder afspraak",
        OpeningKind.PHONE: "Telefonisch bereikbaar",
        OpeningKind.APPOINTMENT: "Op afspraak",
    },
    ORGANISATION_KIND: {
        OrganisationKind.MUNICIPALITY: "Gemeente",
        OrganisationKind.WELFARE: "Welzijnsorganisatie",
        OrganisationKind.LIBRARY: "Bibliotheek",
        OrganisationKind.CARE: "Zorgaanbieder",
        OrganisationKind.VOLUNTEERS: "Vrijwilligersorganisatie",
        OrganisationKind.REGIONAL: "Regionale organisatie",
        OrganisationKind.NATIONAL: "Landelijke organisatie",
        OrganisationKind.OTHER: "Overig",
    },
    FLAG: {
        FLAG_REGIONAL: "Regionaal: voor meerdere gemeenten of buiten Westland",
        FLAG_GENERAL_KNOWLEDGE: "Gebaseerd op algemene kennis, nog te controleren bij de aanbieder",
        FLAG_PROVIDER_UNKNOWN: "Aanbieder nog niet bekend (tijdelijke organisatie)",
        FLAG_CLOSED_ALL_DAY: "De hele dag gesloten",
    },
}


@dataclass(frozen=True)
class TaxonomySpec:
    code: str
    name: str
    description: str


TAXONOMIES = (
    TaxonomySpec(PYRAMID_LEVEL, "Piramide van zorg", "Hoe licht of zwaar de hulp is. Lichte hulp eerst."),
    TaxonomySpec(LIFE_SITUATION, "Levenssituaties", "Situaties die inwoners herkennen, zoals geldzorgen."),
    TaxonomySpec(TARGET_GROUP, "Doelgroepen", "Voor wie de hulp bedoeld is."),
    TaxonomySpec(REQUIREMENT, "Voorwaarden", "Voorwaarden om de hulp te krijgen, naast leeftijd en inkomen."),
    TaxonomySpec(INCOME_RULE, "Inkomensregel", "Of de hulp alleen is voor mensen met een laag inkomen."),
    TaxonomySpec(RESIDENCE, "Woonplaats", "Waar iemand moet wonen om de hulp te krijgen."),
    TaxonomySpec(KERN, "Kernen van Westland", "De elf dorpen (kernen) van de gemeente Westland."),
    TaxonomySpec(ACCESS_CHANNEL, "Manieren om de hulp te krijgen", "Binnenlopen, bellen, online en meer."),
    TaxonomySpec(COST, "Kosten", "Of de hulp gratis is. Onbekend staat er eerlijk bij."),
    TaxonomySpec(OPENING_KIND, "Soort openingstijd", "Open, inloop, telefonisch of op afspraak."),
    TaxonomySpec(ORGANISATION_KIND, "Soort organisatie", "Gemeente, welzijn, bibliotheek en meer."),
    TaxonomySpec(FLAG, "Kenmerken", "Losse kenmerken van diensten, organisaties en openingstijden."),
)
TAXONOMY_BY_CODE = {spec.code: spec for spec in TAXONOMIES}


@dataclass(frozen=True)
class LinkType:
    """How one kind of attribute is used: which taxonomy, on which entity, how many per record."""

    code: str
    taxonomy: str
    entity: str
    many: bool
    meaning: str
    value: str = ""


LINK_TYPES = (
    LinkType("pyramid_level", PYRAMID_LEVEL, "service", False, "Level in the pyramid of care (exactly one)."),
    LinkType("life_situation", LIFE_SITUATION, "service", True, "Life situations the service helps with."),
    LinkType("target_group", TARGET_GROUP, "service", True, "Groups the service is meant for."),
    LinkType("requirement", REQUIREMENT, "service", True, "Conditions besides age and income."),
    LinkType(
        "income_rule",
        INCOME_RULE,
        "service",
        False,
        "Income condition; absent means there is none.",
        value="For low_income: the limit in % of the social minimum when known, else empty.",
    ),
    LinkType("residence", RESIDENCE, "service", False, "Where residents must live; absent means anywhere."),
    LinkType(
        "residence_kern", KERN, "service", True, "With residence 'kernen': the kernen residents must live in."
    ),
    LinkType("kern_served", KERN, "service", True, "Kernen the service is for; none means all of Westland."),
    LinkType("access_channel", ACCESS_CHANNEL, "service", True, "Ways to get the help."),
    LinkType("cost", COST, "service", False, "Cost (exactly one; 'onbekend' when not known)."),
    LinkType("service_flag", FLAG, "service", True, "Flags: regional, general_knowledge."),
    LinkType("organisation_kind", ORGANISATION_KIND, "organization", False, "Kind of organisation."),
    LinkType("organisation_flag", FLAG, "organization", True, "Flags: provider_unknown."),
    LinkType(
        "location_kern", KERN, "location", False, "The kern the location is in (absent outside Westland)."
    ),
    LinkType(
        "opening_kind", OPENING_KIND, "schedule", False, "What the hours are for (walk-in, phone, ...)."
    ),
    LinkType("schedule_flag", FLAG, "schedule", True, "Flags: closed_all_day (on dated schedules)."),
)
LINK_TYPE_BY_CODE = {link.code: link for link in LINK_TYPES}

STATUS_TO_HSDS = {"active": "active", "temporarily_closed": "temporarily closed", "ended": "defunct"}
STATUS_FROM_HSDS = {value: key for key, value in STATUS_TO_HSDS.items()}

WHEELCHAIR_DESCRIPTIONS = {
    "yes": "Toegankelijk met een rolstoel",
    "partly": "Gedeeltelijk toegankelijk met een rolstoel",
    "no": "Niet toegankelijk met een rolstoel",
}

# ISO 639-1 codes for the language names editors type ("Nederlands, Engels, Pools").
LANGUAGE_CODES = {
    "nederlands": "nl",
    "engels": "en",
    "pools": "pl",
    "duits": "de",
    "frans": "fr",
    "spaans": "es",
    "turks": "tr",
    "arabisch": "ar",
    "bulgaars": "bg",
    "roemeens": "ro",
    "oekraïens": "uk",
    "russisch": "ru",
    "tigrinya": "ti",
    "portugees": "pt",
    "litouws": "lt",
    "papiaments": "pap",
    "gebarentaal": "sgn",
}

WESTLAND_AREA_NAME = "Gemeente Westland"
PROVINCE = "Zuid-Holland"


# --- Terms --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    taxonomy: str
    code: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return ids.taxonomy_term_id(self.taxonomy, self.code)


def all_terms() -> list[Term]:
    """Every taxonomy term we publish: the fixed vocabularies and the editor-managed ones."""
    from services.models import Kern, LifeSituation, TargetGroup

    terms = []
    for spec in TAXONOMIES:
        if spec.code in FIXED_TERMS:
            terms += [Term(spec.code, str(code), name, name) for code, name in FIXED_TERMS[spec.code].items()]
        elif spec.code == LIFE_SITUATION:
            terms += [
                Term(spec.code, s.slug, s.name, s.description or s.name) for s in LifeSituation.objects.all()
            ]
        elif spec.code == TARGET_GROUP:
            terms += [Term(spec.code, g.slug, g.name, g.name) for g in TargetGroup.objects.all()]
        elif spec.code == KERN:
            terms += [
                Term(spec.code, k.slug, k.name, f"Kern {k.name} in de gemeente Westland")
                for k in Kern.objects.order_by("name")
            ]
    return terms


def terms_by_id() -> dict[str, Term]:
    return {term.id: term for term in all_terms()}


def term_name(taxonomy: str, code: str) -> str:
    """The published name of a fixed term (editor-managed terms carry their own names)."""
    return FIXED_TERMS.get(taxonomy, {}).get(code, code)


# --- The profile document -----------------------------------------------------------------------


def profile_document(*, base_url: str) -> dict:
    """The machine- and human-readable description of our HSDS profile, served at /api/hsds/profile/."""
    return {
        "name": "Hulpzoeker Westland HSDS profile",
        "version": PROFILE_VERSION,
        "hsds_version": HSDS_VERSION,
        "api": base_url + "/api/hsds/",
        "openapi_url": base_url + "/api/schema/",
        "description": (
            "Hulpzoeker is the sociale kaart (social map) of the municipality of Westland, the Netherlands. "
            "This profile publishes it as HSDS 3.0. Content is in Dutch (B1). Only live, public service "
            "pages are published. Contact lines meant only for network partners are never published."
        ),
        "identifiers": {
            "scheme": "UUID version 5 (RFC 4122) in namespace " + str(ids.NAMESPACE),
            "names": {
                "service": "service:<page slug>",
                "organization": "organization:<organisation slug>",
                "location": "location:<database key>",
                "taxonomy": "taxonomy:<taxonomy code>",
                "taxonomy_term": "taxonomy_term:<taxonomy code>:<term code>",
                "nested objects": "<parent id>/<kind>/<key>",
            },
            "note": "Identifiers stay the same as long as the slug (or the location) stays the same.",
        },
        "status": {
            "active": "The service runs as usual.",
            "temporarily closed": "Closed for a while; 'alert' says why and where to go instead.",
            "defunct": (
                "The service has ended. Ended services stay in the API so that copies can be updated; "
                "they are not shown in lists on the website."
            ),
            "inactive": "Not used.",
        },
        "fields": {
            "service.description": "The short summary in plain Dutch (at most 60 words).",
            "service.application_process": "The next step: what to do now.",
            "service.url": "The service's own website (empty when unknown); our page is hulpzoeker.page_url.",
            "service.assured_date": "The date an editor last confirmed the facts.",
            "service.last_modified": "When the published version last changed.",
            "service.fees_description": "A note about the cost; the cost itself is the 'cost' attribute.",
            "service.cost_options": "Derived from the cost: 'Gratis' (amount 0 EUR) or 'Eigen bijdrage'.",
            "service.minimum_age / maximum_age": "Whole years, both inclusive; absent when not known.",
            "service.required_documents": "What to bring, one document per line as the editor wrote it.",
            "service.languages": "Languages spoken, in the editor's order, with ISO 639 codes when known.",
            "service.phones": "type 'voice' is the phone number; type 'text' with description WhatsApp.",
            "service.contacts": "Always empty: named contacts are for network partners only.",
            "service.service_areas": (
                "One per kern the service is for, or 'Gemeente Westland' when it is for all of Westland. "
                "The kern_served attributes are the machine-readable form."
            ),
            "location.schedules": (
                "Opening hours belong to locations. Weekly hours use freq WEEKLY, byday and opens_at / "
                "closes_at as HH:MM local time in Europe/Amsterdam (no offset: it changes with summer "
                "time). closes_at before opens_at means after midnight. Dated exceptions have valid_from "
                "= valid_to = the date; the note is in 'notes'. The opening_kind attribute says whether "
                "the hours are for walking in, phoning or appointments; description says the same in Dutch."
            ),
            "location.accessibility": "Wheelchair access; 'details' holds the code yes, partly or no.",
            "address": "state_province is Zuid-Holland for addresses in a Westland kern; country is NL.",
        },
        "extensions": {
            EXTENSION_KEY: "An object on service, organization and location rows with Hulpzoeker fields.",
            "service." + EXTENSION_KEY: {
                "slug": "The page slug (the service id is derived from it).",
                "page_url": "The page on the Hulpzoeker website.",
                "body": "Longer text as a list of blocks: heading, paragraph (HTML) and steps.",
                "facts": "Facts with their year, one per item.",
                "sources": "The documents the facts come from.",
            },
            "organization." + EXTENSION_KEY: {"slug": "The organisation slug (the id is derived from it)."},
            "location." + EXTENSION_KEY: {
                "pk": "Database key of the location (the id is derived from it).",
                "hours_known": "false: we do not know the hours. true without schedules: no fixed hours.",
                "hours_note": "A note about the hours.",
            },
        },
        "attributes": [
            {
                "link_type": link.code,
                "link_entity": link.entity,
                "taxonomy": link.taxonomy,
                "taxonomy_id": ids.taxonomy_id(link.taxonomy),
                "cardinality": "many" if link.many else "at most one",
                "meaning": link.meaning,
                **({"value": link.value} if link.value else {}),
            }
            for link in LINK_TYPES
        ],
        "taxonomies": [
            {
                "id": ids.taxonomy_id(spec.code),
                "code": spec.code,
                "name": spec.name,
                "description": spec.description,
                "terms": base_url + "/api/hsds/taxonomy_terms?taxonomy_id=" + ids.taxonomy_id(spec.code),
            }
            for spec in TAXONOMIES
        ],
        "filters": {
            "/services": (
                "search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, page and per_page"
            ),
            "/service_at_locations": "the same, plus kern (slug of the kern a location is in) and postcode "
            "(services whose area covers the kern of that postcode)",
            "limits": "per_page is 1 to 100 (default 50); search at most 200 characters.",
        },
        "data_package": (
            "manage.py export_hsds writes a directory with datapackage.json and one JSON array per HSDS "
            "table (services.json, organizations.json, locations.json, ...). Rows are flat; nested "
            "objects are linked by their *_id fields."
        ),
    }
