"""The public search document of a service: what any search engine may know about it.

Built from live pages only and from public fields only: partner-only fields (``ServicePartnerInfo``) are
never read here, so they cannot reach an index. Both engines and the ranking use this one projection.
"""

from dataclasses import asdict, dataclass

from services.choices import ServiceStatus


@dataclass(frozen=True)
class ServiceDocument:
    id: int
    slug: str
    url: str
    title: str
    organisation: str
    organisation_slug: str
    summary: str
    next_step: str
    eligibility_description: str
    body_text: str
    pyramid_level: str
    status: str
    cost: str
    regional: bool
    kernen: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()
    main_situation: str | None = None
    """The life situation the service is mainly for (editors choose one); the others are side subjects."""
    situation_names: tuple[str, ...] = ()
    situation_synonyms: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    asked_for: tuple[str, ...] = ()
    """``ForWhom`` values of the people who ask for this help; empty means anyone may ask."""
    channels: tuple[str, ...] = ()
    location_kernen: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    last_published_at: str | None = None

    @property
    def is_searchable(self):
        return self.status != ServiceStatus.ENDED

    def as_dict(self):
        return asdict(self)


def _stream_text(body):
    """Plain text of a StreamField body (headings, paragraphs, steps)."""
    from django.utils.html import strip_tags

    parts = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source if hasattr(value, "source") else str(value)))
        elif block.block_type == "steps":
            parts.extend(str(item) for item in value)
        else:
            parts.append(str(value))
    return " ".join(p for p in parts if p)


def document_for(page) -> ServiceDocument | None:
    """The document of a live service page, or None when the page must not be searchable."""
    if not page.live or page.get_view_restrictions().exists():
        return None
    situations = list(page.life_situations.all())
    return ServiceDocument(
        id=page.pk,
        slug=page.slug,
        url=page.url or "",
        title=page.title,
        organisation=page.organisation.name,
        organisation_slug=page.organisation.slug,
        summary=page.summary,
        next_step=page.next_step,
        eligibility_description=page.eligibility_description,
        body_text=_stream_text(page.body),
        pyramid_level=page.pyramid_level,
        status=page.status,
        cost=page.cost,
        regional=page.regional,
        kernen=tuple(sorted(k.slug for k in page.kernen.all())),
        situations=tuple(s.slug for s in situations),
        main_situation=page.main_life_situation.slug if page.main_life_situation_id else None,
        situation_names=tuple(s.name for s in situations),
        situation_synonyms=tuple(word for s in situations for word in s.synonym_list),
        target_groups=tuple(g.slug for g in page.target_groups.all()),
        asked_for=tuple(page.asked_for),
        channels=tuple(page.access_channels),
        location_kernen=tuple(sorted({loc.kern.slug for loc in page.locations.all() if loc.kern_id})),
        min_age=page.min_age,
        max_age=page.max_age,
        last_published_at=page.last_published_at.isoformat() if page.last_published_at else None,
    )
