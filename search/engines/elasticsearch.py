"""The Elasticsearch engine: Dutch full-text search over the public service documents.

Everything the cluster is sent is built by pure functions that are tested as JSON without a cluster:
:func:`index_definition` (analysis + mapping), :func:`to_index_document` (one service) and
:func:`build_query` (one search). :class:`ElasticsearchEngine` only sends those and translates every
client failure into :class:`~search.engines.base.EngineUnavailable`, so the caller can fall back to the
database engine.

Index naming: searches and single-document writes go through the alias
``<ELASTICSEARCH_INDEX_PREFIX>-services``; the data lives in a concrete index
``<ELASTICSEARCH_INDEX_PREFIX>-services-<UTC timestamp>``. ``manage.py rebuild_search_index`` fills a new
concrete index and switches the alias in one atomic ``_aliases`` call, so searches never see a half-built
index and a failed rebuild leaves the old index in use.

Synonyms: the index has no synonym filter. Editors' synonyms arrive as ``EngineQuery.expansions`` and are
searched at query time with a lower boost, so changing a synonym needs no reindex. The synonyms of a life
situation are also part of each service's document (``situation_synonyms``), which a LifeSituation change
reindexes (search/sync.py).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from elastic_transport import ApiError, TransportError
from elasticsearch import Elasticsearch, helpers
from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    MetaField,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from django.conf import settings

from search.documents import ServiceDocument, document_for
from services.choices import ServiceStatus

from .base import EngineHit, EngineQuery, EngineResult, EngineUnavailable

__all__ = [
    "INDEXED_FIELDS",
    "SEARCH_FIELDS",
    "ElasticsearchEngine",
    "RebuildReport",
    "alias_name",
    "build_query",
    "display_url",
    "index_definition",
    "to_index_document",
    "versioned_index_name",
]

# ---------------------------------------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------------------------------------

# Parts of Dutch compounds in this domain. ``dictionary_decompounder`` needs no external file (unlike
# ``hyphenation_decompounder``), but it is brute force: it emits every listed word found *anywhere* inside
# a longer token, so "schuldhulpverlening" also yields schuld, hulp and verlening, and a query "jeugd hulp"
# meets a text saying "jeugdhulp". The cost is the occasional accidental part ("taal" in "digitaal",
# "huis" in "thuis"); the list is kept to words whose accidental hits are still about help. Words are
# lowercase and unaccented because the filter runs after lowercase and asciifolding.
COMPOUND_PARTS: tuple[str, ...] = (
    "aanvraag",
    "armoede",
    "bank",
    "begeleiding",
    "bijstand",
    "brief",
    "brieven",
    "brigade",
    "buurt",
    "dagbesteding",
    "energie",
    "formulier",
    "formulieren",
    "geld",
    "gezin",
    "hulp",
    "huis",
    "huur",
    "informatie",
    "inloop",
    "jeugd",
    "jongeren",
    "kinder",
    "maatje",
    "mantel",
    "ondersteuning",
    "opvang",
    "opvoeding",
    "ouder",
    "ouderen",
    "punt",
    "schuld",
    "schulden",
    "spreekuur",
    "steun",
    "taal",
    "thuis",
    "toeslag",
    "uitkering",
    "verlening",
    "vervoer",
    "voedsel",
    "vrijwilliger",
    "vrijwilligers",
    "werk",
    "wijk",
    "woning",
    "wonen",
    "zorg",
)

# Fixed stems for words where a Dutch stemmer is known to go wrong in this domain (search/text.py explains
# the newer Snowball algorithm's "gezin"→"zin", "geweld"→"wel", "gemeente"→"meen"). Overriding them keeps
# them intact whichever Dutch algorithm the cluster's Lucene version ships under language "dutch".
STEM_OVERRIDES: tuple[str, ...] = (
    "begeleiding, begeleidingen, begeleider, begeleiders => begeleiding",
    "gemeente, gemeenten, gemeentes => gemeente",
    "geweld => geweld",
    "gezin, gezinnen => gezin",
    "gezondheid => gezondheid",
    "kind, kinderen, kinder => kind",
    "schuld, schulden => schuld",
)

_DUTCH_STOP = token_filter("hulpzoeker_dutch_stop", type="stop", stopwords="_dutch_")
_DECOMPOUNDER = token_filter(
    "hulpzoeker_dutch_decompounder",
    type="dictionary_decompounder",
    word_list=list(COMPOUND_PARTS),
    min_word_size=5,
    min_subword_size=3,
    max_subword_size=15,
    only_longest_match=False,
)
_STEM_OVERRIDE = token_filter(
    "hulpzoeker_dutch_stem_override", type="stemmer_override", rules=list(STEM_OVERRIDES)
)
_DUTCH_STEMMER = token_filter("hulpzoeker_dutch_stemmer", type="stemmer", language="dutch")

# One analyzer for index and query: decompounding must happen on both sides for "jeugdhulp" and
# "jeugd hulp" to meet. Order matters: fold before the stop list and the word list (both are plain
# lowercase ASCII), split compounds before stemming (the word list holds surface forms), override before
# the stemmer (the override marks its tokens so the stemmer leaves them alone).
DUTCH_ANALYZER = analyzer(
    "hulpzoeker_dutch",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", _DUTCH_STOP, _DECOMPOUNDER, _STEM_OVERRIDE, _DUTCH_STEMMER],
)


class ServiceIndexDocument(Document):
    """Mapping of one service in the index. Field names match :class:`search.documents.ServiceDocument`."""

    title = Text(analyzer=DUTCH_ANALYZER)
    organisation = Text(analyzer=DUTCH_ANALYZER)
    summary = Text(analyzer=DUTCH_ANALYZER)
    next_step = Text(analyzer=DUTCH_ANALYZER)
    eligibility_description = Text(analyzer=DUTCH_ANALYZER)
    body_text = Text(analyzer=DUTCH_ANALYZER)
    situation_names = Text(analyzer=DUTCH_ANALYZER)
    situation_synonyms = Text(analyzer=DUTCH_ANALYZER)

    slug = Keyword()
    organisation_slug = Keyword()
    pyramid_level = Keyword()
    status = Keyword()
    cost = Keyword()
    regional = Boolean()
    kernen = Keyword()
    situations = Keyword()
    target_groups = Keyword()
    channels = Keyword()
    location_kernen = Keyword()

    min_age = Integer()
    max_age = Integer()
    last_published_at = Date()

    class Meta:
        # A field that is not in this mapping is refused by the cluster instead of being added silently:
        # a second line of defence against anything but the public projection reaching the index.
        dynamic = MetaField("strict")


INDEXED_FIELDS: frozenset[str] = frozenset(
    ServiceIndexDocument._doc_type.mapping.properties.to_dict()["properties"]
)
"""Every field an index document has: exactly the mapping's properties."""

# Title first, then what residents name (situations and their words), then the texts. body_text is long
# and wordy, so a match there counts least.
SEARCH_FIELDS: tuple[str, ...] = (
    "title^5",
    "situation_names^3",
    "situation_synonyms^2",
    "organisation^2",
    "summary^2",
    "next_step",
    "eligibility_description",
    "body_text^0.5",
)

# Weights of the query parts relative to the resident's own words (boost 1).
EXPANSION_BOOST = 0.5
SITUATION_BOOST = 2.0

# Rebuilds load and switch an index; they may take longer than a resident's search may wait.
ADMIN_TIMEOUT = 30.0


def index_definition() -> dict:
    """Settings (Dutch analysis) and mappings of a service index, as sent to ``PUT /<index>``."""
    index = Index("definition-only")
    index.settings(
        # A social map has thousands of documents, not millions: one shard keeps term statistics (and so
        # scores) identical for every document, and replicas follow the cluster size.
        number_of_shards=1,
        auto_expand_replicas="0-1",
    )
    index.document(ServiceIndexDocument)
    return index.to_dict()


# ---------------------------------------------------------------------------------------------------------
# Documents and queries
# ---------------------------------------------------------------------------------------------------------


def to_index_document(doc: ServiceDocument) -> dict:
    """The index document of one service: exactly :data:`INDEXED_FIELDS`, read from the public projection.

    Only named fields of :class:`ServiceDocument` are copied, so nothing that the projection does not
    expose can reach the index. Tuples become lists; empty values stay present so
    every document has the same keys.
    """
    data = {}
    for name in sorted(INDEXED_FIELDS):
        value = getattr(doc, name)
        data[name] = list(value) if isinstance(value, tuple) else value
    return data


def _not_ended():
    return Q("term", status=ServiceStatus.ENDED.value)


def build_query(query: EngineQuery) -> dict:
    """The ``_search`` body for *query*: ids and scores of matching, not-ended services.

    The resident's raw text is matched with the Dutch analyzer and fuzziness ``AUTO`` (typos); editor
    synonyms (``expansions``) are matched with a lower boost and without fuzziness, since they are
    already correct words; named life situations add a keyword match. At least one part must match. An
    empty query returns every not-ended service with score 0, in slug order so a limit cuts the same
    services every time.
    """
    search = Search().extra(size=query.limit).source(False)
    if query.is_empty:
        return (
            search.query(Q("bool", filter=[Q("match_all")], must_not=[_not_ended()])).sort("slug").to_dict()
        )

    should = []
    text = query.text.strip() or " ".join(query.terms)
    if text:
        should.append(
            Q(
                "multi_match",
                query=text,
                type="best_fields",
                fields=list(SEARCH_FIELDS),
                operator="or",
                fuzziness="AUTO",
                prefix_length=1,
            )
        )
    if query.expansions:
        should.append(
            Q(
                "multi_match",
                query=" ".join(query.expansions),
                type="best_fields",
                fields=list(SEARCH_FIELDS),
                operator="or",
                boost=EXPANSION_BOOST,
            )
        )
    if query.situations:
        should.append(Q("terms", situations=list(query.situations), boost=SITUATION_BOOST))
    return search.query(Q("bool", should=should, minimum_should_match=1, must_not=[_not_ended()])).to_dict()


# ---------------------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------------------


def alias_name(prefix: str | None = None) -> str:
    """The alias every search and write goes through: ``<prefix>-services``."""
    return f"{prefix or settings.ELASTICSEARCH_INDEX_PREFIX}-services"


def versioned_index_name(prefix: str | None = None, *, now: datetime.datetime | None = None) -> str:
    """A new concrete index name: ``<prefix>-services-<UTC timestamp to the microsecond>``."""
    moment = now or datetime.datetime.now(datetime.UTC)
    return f"{alias_name(prefix)}-{moment.strftime('%Y%m%d%H%M%S%f')}"


def _versioned_pattern(alias: str) -> re.Pattern:
    return re.compile(re.escape(alias) + r"-(\d{20})")


def display_url(url: str) -> str:
    """*url* without credentials or path, safe to show in messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}" if parts.scheme else url


# ---------------------------------------------------------------------------------------------------------
# The engine
# ---------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _client(url: str, timeout: float) -> Elasticsearch:
    # One client (and connection pool) per process and configuration. No retries and no retry on timeout:
    # a resident waits at most one timeout before the database engine answers instead.
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def _writes_run_in_a_request() -> bool:
    """True when index writes run in the process that enqueued them (the immediate task backend)."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    # task_backends[...] is the backend itself; default_task_backend is a proxy that isinstance cannot see.
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend)


def _describe(error: Exception) -> str:
    """A short description of a client error without response bodies, which may echo the query text."""
    if isinstance(error, ApiError):
        return f"{type(error).__name__} (HTTP {error.status_code}, {error.error})"
    if isinstance(error, helpers.BulkIndexError):
        return f"BulkIndexError ({len(error.errors)} documents refused)"
    return type(error).__name__


@contextmanager
def _unavailable(action: str):
    """Turn every client failure inside the block into EngineUnavailable."""
    try:
        yield
    except (ApiError, TransportError, helpers.BulkIndexError) as error:
        raise EngineUnavailable(f"Elasticsearch {action} failed: {_describe(error)}") from error


@dataclass(frozen=True)
class RebuildReport:
    """What :meth:`ElasticsearchEngine.rebuild` did."""

    alias: str
    index: str
    indexed: int
    page_ids: frozenset[int]
    removed_indexes: tuple[str, ...]
    cleanup_failed: tuple[str, ...] = ()


class ElasticsearchEngine:
    """The SearchEngine on Elasticsearch 8, configured from settings (or explicit arguments in tests)."""

    name = "elasticsearch"

    def __init__(
        self,
        *,
        url: str | None = None,
        index_prefix: str | None = None,
        timeout: float | None = None,
        client: Elasticsearch | None = None,
    ) -> None:
        self.url = url if url is not None else settings.ELASTICSEARCH_URL
        if not self.url and client is None:
            raise EngineUnavailable("ELASTICSEARCH_URL is not set")
        self.timeout = float(timeout if timeout is not None else settings.ELASTICSEARCH_TIMEOUT)
        self.prefix = index_prefix or settings.ELASTICSEARCH_INDEX_PREFIX
        self.alias = alias_name(self.prefix)
        self.client = client if client is not None else _client(self.url, self.timeout)
        # With the immediate task backend a write runs inside the editor's request (after the commit), so
        # it may wait no longer than a search; a task worker may wait longer for a large bulk write.
        self.write_timeout = (
            self.timeout if _writes_run_in_a_request() else settings.ELASTICSEARCH_WRITE_TIMEOUT
        )

    def __repr__(self) -> str:
        return f"<ElasticsearchEngine {display_url(self.url)} alias={self.alias}>"

    # --- Searching ---

    def search(self, query: EngineQuery) -> EngineResult:
        """Ids and text scores of the services matching *query*, best first; raises EngineUnavailable."""
        with _unavailable("search"):
            response = self.client.search(index=self.alias, body=build_query(query))
        hits = tuple(
            EngineHit(page_id=int(hit["_id"]), score=float(hit.get("_score") or 0.0))
            for hit in response["hits"]["hits"]
        )
        return EngineResult(hits=hits, engine=self.name)

    # --- Keeping services in step ---

    def index_services(self, pages: Iterable) -> int:
        """Write the public documents of *pages* in one bulk request; returns the number of actions sent.

        Only the live page is read (:func:`search.documents.document_for`); a page that is not (or no
        longer) searchable is deleted instead. Creates the index and alias before the very first write, so
        the alias name never becomes an auto-created index with a guessed mapping.
        """
        actions = list(self._bulk_actions(pages, index=self.alias))
        if not actions:
            return 0
        writer = self.client.options(request_timeout=self.write_timeout)
        with _unavailable("bulk indexing"):
            self._ensure_alias(writer)
            # The alias may point at no index while a rebuild switches it; require_alias keeps a bulk write
            # from auto-creating an index under the alias name.
            helpers.bulk(writer, actions, require_alias=True, ignore_status=(404,))
        return len(actions)

    def remove_services(self, page_ids: Iterable[int]) -> None:
        """Delete the documents of *page_ids*; a missing document or index is not an error."""
        actions = [
            {"_op_type": "delete", "_index": self.alias, "_id": str(pk)} for pk in sorted(set(page_ids))
        ]
        if not actions:
            return
        writer = self.client.options(request_timeout=self.write_timeout)
        with _unavailable("delete"):
            helpers.bulk(writer, actions, require_alias=True, ignore_status=(404,))

    def _bulk_actions(self, pages: Iterable, *, index: str) -> Iterator[dict]:
        for page in pages:
            document = document_for(page)
            if document is None or not document.is_searchable:
                yield {"_op_type": "delete", "_index": index, "_id": str(page.pk)}
            else:
                yield {
                    "_op_type": "index",
                    "_index": index,
                    "_id": str(document.id),
                    "_source": to_index_document(document),
                }

    # --- Index management ---

    def _ensure_alias(self, writer: Elasticsearch) -> None:
        """Create a versioned index with the alias pointing at it, unless the alias exists.

        Uses the write timeout, not ADMIN_TIMEOUT: this runs before an editor's ordinary write, and a
        hanging cluster must not hold that write for half a minute (issue 12 measured 30.5 s).
        """
        if writer.indices.exists_alias(name=self.alias):
            return
        index = versioned_index_name(self.prefix)
        writer.indices.create(index=index, aliases={self.alias: {}}, **index_definition())

    def alias_targets(self) -> list[str]:
        """The concrete indexes the alias points at now (empty when there is no alias)."""
        with _unavailable("alias lookup"):
            response = self.client.options(ignore_status=404).indices.get_alias(name=self.alias)
        if response.meta.status == 404:
            return []
        return sorted(response.body)

    def rebuild(self, pages: Iterable, *, chunk_size: int = 500) -> RebuildReport:
        """Load *pages* into a new versioned index, switch the alias to it atomically, drop older indexes.

        On any failure before the switch the new index is deleted and the alias is left as it was, so the
        old index keeps serving searches; EngineUnavailable is raised. Failing to delete an old index
        after the switch is reported in :class:`RebuildReport` ``cleanup_failed`` instead.
        """
        admin = self.client.options(request_timeout=max(self.timeout, ADMIN_TIMEOUT))
        new_index = versioned_index_name(self.prefix)
        with _unavailable("creating the index"):
            admin.indices.create(index=new_index, **index_definition())
        page_ids: set[int] = set()

        def loaded(actions):
            # Only documents go into a fresh index; the ids are kept so the caller can remove services
            # that were unpublished while the load ran.
            for action in actions:
                if action["_op_type"] == "index":
                    page_ids.add(int(action["_id"]))
                    yield action

        try:
            with _unavailable("loading the index"):
                indexed, _errors = helpers.bulk(
                    admin,
                    loaded(self._bulk_actions(pages, index=new_index)),
                    chunk_size=chunk_size,
                    refresh=False,
                )
                admin.indices.refresh(index=new_index)
            with _unavailable("switching the alias"):
                old_indexes = self._switch_alias(admin, new_index)
        except BaseException:
            # Best effort: the half-built index must not linger, but its removal may fail for the same
            # reason the rebuild did; the next rebuild's cleanup removes it then.
            with suppress(ApiError, TransportError):
                admin.options(ignore_status=404).indices.delete(index=new_index)
            raise

        removed, failed = [], []
        for index in self._obsolete_indexes(admin, new_index, old_indexes):
            try:
                admin.options(ignore_status=404).indices.delete(index=index)
                removed.append(index)
            except (ApiError, TransportError):
                failed.append(index)
        return RebuildReport(
            alias=self.alias,
            index=new_index,
            indexed=indexed,
            page_ids=frozenset(page_ids),
            removed_indexes=tuple(removed),
            cleanup_failed=tuple(failed),
        )

    def _switch_alias(self, admin: Elasticsearch, new_index: str) -> list[str]:
        """Point the alias at *new_index* only, in one atomic call; returns the indexes it pointed at."""
        current = admin.options(ignore_status=404).indices.get_alias(name=self.alias)
        old_indexes = [] if current.meta.status == 404 else sorted(current.body)
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in old_indexes]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        if not old_indexes and admin.indices.exists(index=self.alias):
            # A concrete index carries the alias's name (auto-created by a write before any rebuild). An
            # alias cannot share a name with an index, so it goes in the same atomic call.
            actions.append({"remove_index": {"index": self.alias}})
        admin.indices.update_aliases(actions=actions)
        return old_indexes

    def _obsolete_indexes(self, admin: Elasticsearch, new_index: str, old_indexes: list[str]) -> list[str]:
        """Old aliased indexes, plus versioned indexes left by earlier failed rebuilds (older than ours).

        Listed by name because clusters refuse wildcard deletes by default
        (``action.destructive_requires_name``). Newer versioned indexes are left alone: they may belong
        to a rebuild running right now.
        """
        pattern = _versioned_pattern(self.alias)
        try:
            existing = admin.options(ignore_status=404).indices.get(index=f"{self.alias}-*").body or {}
        except (ApiError, TransportError):
            existing = {}
        orphans = [
            name
            for name in existing
            if pattern.fullmatch(name) and name < new_index and name not in old_indexes
        ]
        return sorted(set(old_indexes) | set(orphans))
