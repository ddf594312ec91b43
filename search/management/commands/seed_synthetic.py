"""Add N generated services for benchmarks (``seed_synthetic --count N --seed S``); ``--clear`` removes them.

Generated services read like real ones (Dutch titles and summaries from word lists, spread over the
kernen, life situations, pyramid levels, channels and costs) and are marked so ``--clear`` removes
exactly them: page slugs and organisation slugs start with ``synth-``.

Creating Wagtail pages one by one costs about 0.1 s each (tree insert, revision, publish, reference and
search index per page), far too slow for 20,000. This command writes the same rows in bulk instead:
tree paths computed with treebeard's own path helper, the page rows with ``bulk_create``, the service
rows without signals (``save_base(raw=True)``), relations with ``bulk_create``, and the search text and
Wagtail's search index in batches. The pages are live and have no revision; editing one in the admin
creates its first revision as usual.
"""

import datetime
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends

from search import versions
from search.documents import ServiceDocument
from search.search_text import search_text_for_document
from search.sync import suspended
from search.understanding import get_lexicon
from services.choices import AccessChannel, Cost, OpeningKind, PyramidLevel
from services.models import (
    Kern,
    LifeSituation,
    Location,
    OpeningHours,
    Organisation,
    ServiceIndexPage,
    ServicePage,
    TargetGroup,
)

PREFIX = "synth-"
BATCH = 500

TOPICS = {
    "geld-en-schulden": [
        "schulden",
        "geldzaken",
        "rekeningen",
        "je budget",
        "geldzorgen",
        "betalingsachterstand",
    ],
    "formulieren-en-brieven": [
        "formulieren",
        "brieven",
        "aanvragen",
        "je post",
        "belastingaangifte",
        "DigiD",
    ],
    "werk-en-dagbesteding": ["werk zoeken", "solliciteren", "dagbesteding", "een stageplek", "re-integratie"],
    "inkomen-en-regelingen": [
        "toeslagen",
        "regelingen",
        "een uitkering",
        "de Westlandpas",
        "bijzondere kosten",
    ],
    "wonen-en-dakloosheid": ["wonen", "een woning zoeken", "woonbegeleiding", "nachtopvang", "een postadres"],
    "zorg-en-hulp-thuis": [
        "het huishouden",
        "hulpmiddelen",
        "zorg thuis",
        "een traplift",
        "begeleiding thuis",
    ],
    "mantelzorg": ["mantelzorg", "even vrij van de zorg", "zorgen voor je ouders", "respijtzorg"],
    "eenzaamheid-en-ontmoeting": [
        "ontmoeting",
        "samen eten",
        "eenzaamheid",
        "gezelligheid",
        "nieuwe mensen leren kennen",
    ],
    "psychische-gezondheid": ["stress", "somberheid", "rouw", "angst", "psychische klachten"],
    "opvoeden-en-opgroeien": ["opvoeding", "pubers", "jonge kinderen", "ruzie thuis", "schoolproblemen"],
    "ouder-worden-en-dementie": [
        "ouder worden",
        "dementie",
        "geheugenproblemen",
        "vallen",
        "langer thuis wonen",
    ],
    "taal-en-digitale-vaardigheden": [
        "Nederlands leren",
        "de computer",
        "lezen en schrijven",
        "de digitale overheid",
    ],
    "veiligheid-en-huiselijk-geweld": ["veiligheid thuis", "huiselijk geweld", "burenruzie", "bedreiging"],
    "gezondheid-en-leefstijl": ["bewegen", "gezond eten", "stoppen met roken", "sporten", "alcohol"],
    "vervoer": ["vervoer", "reizen met begeleiding", "ritjes naar het ziekenhuis", "de regiotaxi"],
    "vrijwilligerswerk-en-meedoen": [
        "vrijwilligerswerk",
        "een buurtinitiatief",
        "meedoen in de wijk",
        "een hobbyclub",
    ],
}
FORMS = {
    PyramidLevel.SOCIAL_BASE: [
        "Koffieochtend over",
        "Praatgroep over",
        "Maatjes voor",
        "Buurtactiviteit:",
        "Samen aan de slag met",
    ],
    PyramidLevel.FREELY_ACCESSIBLE: [
        "Inloopspreekuur over",
        "Advies over",
        "Hulp bij",
        "Cursus over",
        "Informatiepunt voor",
    ],
    PyramidLevel.TAILORED: [
        "Regeling voor",
        "Begeleiding bij",
        "Ondersteuning bij",
        "Aanvraag voor hulp bij",
    ],
    PyramidLevel.SPECIALIST: ["Specialistische hulp bij", "Behandeling bij", "Intensieve begeleiding bij"],
}
LEVEL_WEIGHTS = [
    (PyramidLevel.SOCIAL_BASE, 35),
    (PyramidLevel.FREELY_ACCESSIBLE, 35),
    (PyramidLevel.TAILORED, 20),
    (PyramidLevel.SPECIALIST, 10),
]
OPENERS = ["Heb je vragen over {topic}?", "Loop je vast met {topic}?", "Wil je meer weten over {topic}?"]
HELPERS = [
    "Vrijwilligers denken met je mee en zoeken samen met jou naar een oplossing.",
    "Een medewerker luistert naar je verhaal en legt uit wat er mogelijk is.",
    "Je krijgt uitleg in gewone taal en hulp bij de volgende stap.",
    "Samen maak je een plan dat bij jou past.",
]
CLOSERS = [
    "Je hoeft geen afspraak te maken.",
    "Bel of mail voor een afspraak.",
    "Je kunt ook iemand meenemen.",
    "Het is gratis en je hoeft je naam niet te noemen.",
]
NEXT_STEPS = [
    "Loop binnen tijdens het spreekuur.",
    "Bel voor een eerste gesprek.",
    "Vraag het aan via de website van de gemeente.",
    "Meld je aan bij de organisatie.",
]
ORGANISATION_WORDS = ["Stichting", "Vereniging", "Steunpunt", "Buurtteam", "Werkgroep", "Platform"]
ORGANISATION_NAMES = [
    "Samen Sterk",
    "De Brug",
    "Het Anker",
    "Dichtbij",
    "Naoberschap",
    "Westlandse Handen",
    "De Kas",
]


class Command(BaseCommand):
    help = "Add N generated services for benchmarks (slugs start with synth-); --clear removes them again."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=0, help="Number of services to add.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; the same seed gives the same data."
        )
        parser.add_argument("--clear", action="store_true", help="Remove every generated service first.")

    def handle(self, *args, count=0, seed=1, clear=False, verbosity=1, **options):
        if count < 0:
            raise CommandError("--count must be 0 or more.")
        if clear:
            started = time.perf_counter()
            removed = clear_synthetic()
            if verbosity:
                self.stdout.write(
                    f"Removed {removed} generated services in {time.perf_counter() - started:.1f}s."
                )
        if count:
            started = time.perf_counter()
            created = create_synthetic(count=count, seed=seed)
            if verbosity:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Added {created} generated services in {time.perf_counter() - started:.1f}s."
                    )
                )


def clear_synthetic() -> int:
    """Delete every generated service, location and organisation (slug or organisation ``synth-``)."""
    ids = list(ServicePage.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))
    with suspended(), transaction.atomic():
        for start in range(0, len(ids), BATCH):
            # Wagtail's page queryset delete keeps the tree, revisions and search index consistent.
            Page.objects.filter(pk__in=ids[start : start + BATCH]).delete()
        organisations = Organisation.objects.filter(slug__startswith=PREFIX)
        Location.objects.filter(organisation__in=organisations).delete()
        organisations.delete()
        index_page = ServiceIndexPage.objects.first()
        if index_page is not None:
            index_page.numchild = index_page.get_children().count()
            index_page.save(update_fields=["numchild"])
    versions.bump(versions.CONTENT)
    return len(ids)


def _organisations(rng, count):
    existing = list(Organisation.objects.filter(slug__startswith=PREFIX))
    for number in range(len(existing), count):
        name = f"{rng.choice(ORGANISATION_WORDS)} {rng.choice(ORGANISATION_NAMES)} {number + 1}"
        existing.append(
            Organisation.objects.create(slug=f"{PREFIX}org-{number + 1}", name=name, kind="vrijwilligers")
        )
    return existing


def _locations(rng, organisations, kernen, count):
    existing = list(Location.objects.filter(organisation__slug__startswith=PREFIX))
    hours = []
    for number in range(len(existing), count):
        kern = rng.choice(kernen)
        location = Location.objects.create(
            organisation=rng.choice(organisations),
            name=f"Buurtpunt {kern.name} {number + 1}",
            street_address=f"Dorpsstraat {number + 1}",
            kern=kern,
            hours_known=rng.random() < 0.8,
        )
        existing.append(location)
        if location.hours_known:
            for weekday in rng.sample(range(5), k=rng.randint(1, 3)):
                opens = datetime.time(rng.choice([9, 10, 13]), 0)
                hours.append(
                    OpeningHours(
                        location=location,
                        weekday=weekday,
                        opens=opens,
                        closes=datetime.time(opens.hour + 3, 0),
                        kind=rng.choice([OpeningKind.OPEN, OpeningKind.WALK_IN]),
                    )
                )
    OpeningHours.objects.bulk_create(hours)
    return existing


def _summary(rng, topic, organisation):
    return " ".join(
        [
            rng.choice(OPENERS).format(topic=topic),
            f"{organisation.name} helpt je verder.",
            rng.choice(HELPERS),
            rng.choice(CLOSERS),
        ]
    )


def create_synthetic(*, count: int, seed: int = 1) -> int:
    """Create *count* generated services under the service index, in bulk; returns the number created."""
    rng = random.Random(seed)
    index_page = ServiceIndexPage.objects.first()
    if index_page is None:
        raise CommandError("There is no service index page. Run seed_demo first.")
    situations = {s.slug: s for s in LifeSituation.objects.all()}
    topics = {slug: words for slug, words in TOPICS.items() if slug in situations}
    if not topics:
        raise CommandError("There are no life situations. Run the migrations first.")
    kernen = list(Kern.objects.all())
    groups = list(TargetGroup.objects.all())
    content_type = ContentType.objects.get_for_model(ServicePage)
    locale = Locale.get_default()
    vocabulary = get_lexicon().splitting_vocabulary
    levels, weights = zip(*LEVEL_WEIGHTS, strict=True)
    channels = [value for value, _label in AccessChannel.choices]
    costs = [value for value, _label in Cost.choices]
    now = timezone.now()

    with suspended(), transaction.atomic():
        index_page = ServiceIndexPage.objects.select_for_update().get(pk=index_page.pk)
        organisations = _organisations(rng, 40)
        locations = _locations(rng, organisations, kernen, max(10, count // 50))
        offset = ServicePage.objects.filter(slug__startswith=PREFIX).count()
        last_child = index_page.get_last_child()
        next_step_number = index_page.numchild + 1
        if last_child is not None:
            next_step_number = max(
                next_step_number, index_page._str2int(last_child.path[-Page.steplen :]) + 1
            )

        created = 0
        for start in range(0, count, BATCH):
            batch = []
            for number in range(start, min(count, start + BATCH)):
                serial = offset + number + 1
                chosen = rng.sample(sorted(topics), k=rng.choice([1, 1, 2, 3]))
                topic = rng.choice(topics[chosen[0]])
                level = rng.choices(levels, weights=weights)[0]
                served = rng.sample(kernen, k=rng.choice([0, 0, 1, 1, 2])) if kernen else []
                title = f"{rng.choice(FORMS[level])} {topic}"
                if len(served) == 1:
                    title += f" in {served[0].name}"
                organisation = rng.choice(organisations)
                page = ServicePage(
                    title=title,
                    draft_title=title,
                    slug=f"{PREFIX}{serial:06d}",
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    depth=index_page.depth + 1,
                    path=index_page._get_path(index_page.path, index_page.depth + 1, next_step_number),
                    numchild=0,
                    url_path=f"{index_page.url_path}{PREFIX}{serial:06d}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    organisation=organisation,
                    summary=_summary(rng, topic, organisation),
                    next_step=rng.choice(NEXT_STEPS),
                    pyramid_level=level,
                    access_channels=rng.sample(channels, k=rng.randint(1, 3)),
                    cost=rng.choice(costs),
                    regional=rng.random() < 0.05,
                    checked_on=now.date(),
                )
                next_step_number += 1
                page._synthetic = {
                    "situations": [situations[slug] for slug in chosen],
                    "kernen": served,
                    "groups": rng.sample(groups, k=rng.randint(0, 2)) if groups else [],
                    "locations": [rng.choice(locations)] if locations and rng.random() < 0.1 else [],
                }
                batch.append(page)
            created += _write_batch(batch, vocabulary)

        index_page.numchild = index_page.get_children().count()
        index_page.save(update_fields=["numchild"])
    versions.bump(versions.CONTENT)
    return created


def _write_batch(pages, vocabulary) -> int:
    # The page rows first (plain Page.bulk_create gives their ids), then each service row on top of its
    # page row without signals or a second page save.
    page_rows = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields})
            for page in pages
        ]
    )
    for page, row in zip(pages, page_rows, strict=True):
        page.pk = page.id = page.page_ptr_id = row.pk
        page.search_text = search_text_for_document(_document(page), vocabulary=vocabulary)
        page.save_base(raw=True, force_insert=True)
    through = {
        name: ServicePage._meta.get_field(name).remote_field.through
        for name in ("life_situations", "kernen", "target_groups", "locations")
    }
    through["life_situations"].objects.bulk_create(
        [
            through["life_situations"](servicepage_id=p.pk, lifesituation_id=s.pk)
            for p in pages
            for s in p._synthetic["situations"]
        ]
    )
    through["kernen"].objects.bulk_create(
        [through["kernen"](servicepage_id=p.pk, kern_id=k.pk) for p in pages for k in p._synthetic["kernen"]]
    )
    through["target_groups"].objects.bulk_create(
        [
            through["target_groups"](servicepage_id=p.pk, targetgroup_id=g.pk)
            for p in pages
            for g in p._synthetic["groups"]
        ]
    )
    through["locations"].objects.bulk_create(
        [
            through["locations"](servicepage_id=p.pk, location_id=loc.pk)
            for p in pages
            for loc in p._synthetic["locations"]
        ]
    )
    fresh = list(
        ServicePage.objects.filter(pk__in=[p.pk for p in pages])
        .select_related("organisation")
        .prefetch_related("life_situations")
    )
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ServicePage, fresh)
    return len(pages)


def _document(page) -> ServiceDocument:
    """The public document of a generated page, built from the values in hand (no queries)."""
    situations = page._synthetic["situations"]
    return ServiceDocument(
        id=page.pk,
        slug=page.slug,
        url=page.url_path,
        title=page.title,
        organisation=page.organisation.name,
        organisation_slug=page.organisation.slug,
        summary=page.summary,
        next_step=page.next_step,
        eligibility_description=page.eligibility_description,
        body_text="",
        pyramid_level=page.pyramid_level,
        status=page.status,
        cost=page.cost,
        regional=page.regional,
        kernen=tuple(sorted(k.slug for k in page._synthetic["kernen"])),
        situations=tuple(s.slug for s in situations),
        situation_names=tuple(s.name for s in situations),
        situation_synonyms=tuple(word for s in situations for word in s.synonym_list),
    )
