"""What the engine sends to Elasticsearch, checked as JSON: index definition, documents and queries.

Snapshots live in tests/search_es/snapshots/. After an intended change, rewrite them with
``UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/search_es`` and review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from search.documents import ServiceDocument, document_for
from search.engines.base import EngineQuery
from search.engines.elasticsearch import (
    INDEXED_FIELDS,
    alias_name,
    build_query,
    index_definition,
    to_index_document,
    versioned_index_name,
)
from tests import factories

SNAPSHOTS = Path(__file__).parent / "snapshots"

PUBLIC_FIELDS = {
    "title",
    "organisation",
    "organisation_slug",
    "summary",
    "next_step",
    "eligibility_description",
    "body_text",
    "situation_names",
    "situation_synonyms",
    "slug",
    "pyramid_level",
    "status",
    "cost",
    "regional",
    "kernen",
    "situations",
    "target_groups",
    "channels",
    "location_kernen",
    "min_age",
    "max_age",
    "last_published_at",
}


def assert_snapshot(name, data):
    path = SNAPSHOTS / f"{name}.json"
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"No snapshot {path.name}; run with UPDATE_SNAPSHOTS=1 to write it."
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text), (
        f"{path.name} differs; if the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff."
    )


SCHULDHULP = ServiceDocument(
    id=42,
    slug="schuldhulpverlening",
    url="/hulp/schuldhulpverlening/",
    title="Schuldhulpverlening van de gemeente",
    organisation="Gemeente Westland",
    organisation_slug="gemeente-westland",
    summary="Heb je schulden, of kun je je rekeningen niet meer betalen? De gemeente zoekt samen met jou.",
    next_step="Vraag schuldhulp aan bij de gemeente.",
    eligibility_description="Voor inwoners van Westland met geldzorgen of schulden.",
    body_text="Wacht niet te lang.",
    pyramid_level="maatwerk",
    status="active",
    cost="onbekend",
    regional=False,
    kernen=(),
    situations=("geld-en-schulden",),
    situation_names=("Geld en schulden",),
    situation_synonyms=("rood staan", "achterstand"),
    target_groups=("iedereen", "minima"),
    channels=("aanvraag", "online"),
    location_kernen=("naaldwijk",),
    min_age=18,
    max_age=None,
    last_published_at="2025-11-01T09:30:00+00:00",
)

QUERIES = {
    "plain": EngineQuery(text="schulden", terms=("schuld",), limit=100),
    "typo": EngineQuery(text="schuldhulpverleining", terms=("schuldhulpverlein",), limit=100),
    "expansions_and_situations": EngineQuery(
        text="rood staan",
        terms=("rod", "stan"),
        expansions=("schuld", "geldzorg"),
        situations=("geld-en-schulden",),
        limit=100,
    ),
    "empty": EngineQuery(limit=1000),
}


# --- Index definition -------------------------------------------------------------------------------


def test_index_definition_matches_snapshot():
    assert_snapshot("index_definition", index_definition())


def test_dutch_analyzer_folds_accents_drops_stop_words_splits_compounds_and_stems():
    analysis = index_definition()["settings"]["analysis"]
    dutch = analysis["analyzer"]["hulpzoeker_dutch"]
    filters = {name: analysis["filter"][name] for name in dutch["filter"] if name in analysis["filter"]}
    kinds = [filters[name]["type"] if name in filters else name for name in dutch["filter"]]

    assert dutch["tokenizer"] == "standard"
    assert kinds == [
        "lowercase",
        "asciifolding",
        "stop",
        "dictionary_decompounder",
        "stemmer_override",
        "stemmer",
    ]
    by_type = {f["type"]: f for f in filters.values()}
    assert by_type["stemmer"]["language"] == "dutch"
    assert by_type["stop"]["stopwords"] == "_dutch_"
    assert {"hulp", "zorg", "mantel", "schuld", "geld", "jeugd", "werk", "woning", "brief"} <= set(
        by_type["dictionary_decompounder"]["word_list"]
    )
    assert {"formulier", "brigade", "taal", "huis"} <= set(by_type["dictionary_decompounder"]["word_list"])
    # Synonyms are applied at query time (EngineQuery.expansions), so editing them needs no reindex.
    assert not [f for f in analysis["filter"].values() if "synonym" in f["type"]]


def test_every_text_field_uses_the_dutch_analyzer_and_filters_are_keywords():
    properties = index_definition()["mappings"]["properties"]
    text_fields = {name for name, spec in properties.items() if spec["type"] == "text"}
    assert text_fields == {
        "title",
        "organisation",
        "summary",
        "next_step",
        "eligibility_description",
        "body_text",
        "situation_names",
        "situation_synonyms",
    }
    assert all(properties[name]["analyzer"] == "hulpzoeker_dutch" for name in text_fields)
    for name in ("slug", "pyramid_level", "status", "cost", "kernen", "situations", "target_groups"):
        assert properties[name]["type"] == "keyword"
    assert properties["channels"]["type"] == properties["location_kernen"]["type"] == "keyword"
    assert properties["regional"]["type"] == "boolean"
    assert properties["min_age"]["type"] == properties["max_age"]["type"] == "integer"
    assert properties["last_published_at"]["type"] == "date"


def test_mapping_is_strict_so_unknown_fields_are_refused():
    assert index_definition()["mappings"]["dynamic"] == "strict"


def test_index_names_are_a_prefixed_alias_and_timestamped_indexes(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "hulpzoeker-acc"
    assert alias_name() == "hulpzoeker-acc-services"
    first, second = versioned_index_name(), versioned_index_name()
    assert first.startswith("hulpzoeker-acc-services-") and first[len("hulpzoeker-acc-services-") :].isdigit()
    assert first != second and first == first.lower()


# --- Documents ------------------------------------------------------------------------------------


def test_index_document_matches_snapshot():
    assert_snapshot("document_schuldhulpverlening", to_index_document(SCHULDHULP))


def test_index_document_has_exactly_the_public_fields():
    document = to_index_document(SCHULDHULP)
    assert set(document) == PUBLIC_FIELDS == INDEXED_FIELDS
    assert "url" not in document and "id" not in document


@pytest.mark.django_db
def test_partner_only_contact_lines_never_reach_the_index_document():
    marker = "PARTNER-ONLY-7f3a"
    info = factories.ServicePartnerInfoFactory(
        contact_person=f"Petra {marker}",
        email="petra@example.org",
        direct_line="0174 999999",
        referral_notes=f"Bel op dinsdag {marker}",
    )
    page = type(info.page).objects.get(pk=info.page.pk)
    page.save_revision().publish()

    serialized = json.dumps(to_index_document(document_for(page)), ensure_ascii=False)

    assert set(json.loads(serialized)) == PUBLIC_FIELDS
    for secret in (marker, "petra@example.org", "0174 999999", "Petra"):
        assert secret not in serialized


# --- Queries --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_matches_snapshot(name):
    assert_snapshot(f"query_{name}", build_query(QUERIES[name]))


def _bool(body):
    return body["query"]["bool"]


def test_text_query_is_fuzzy_best_fields_with_title_boosted_and_ended_services_filtered_out():
    body = build_query(QUERIES["typo"])
    match = _bool(body)["should"][0]["multi_match"]

    assert match["query"] == "schuldhulpverleining"  # the raw text: ES does the Dutch analysis itself
    assert match["type"] == "best_fields"
    assert match["fuzziness"] == "AUTO"
    assert match["prefix_length"] == 1
    assert match["operator"] == "or"
    assert match["fields"][0] == "title^5"
    assert _bool(body)["minimum_should_match"] == 1
    assert _bool(body)["must_not"] == [{"term": {"status": "ended"}}]
    assert body["_source"] is False
    assert body["size"] == 100


def test_expansions_weigh_less_than_the_residents_words_and_situations_are_a_keyword_match():
    should = _bool(build_query(QUERIES["expansions_and_situations"]))["should"]

    expansion = should[1]["multi_match"]
    assert expansion["query"] == "schuld geldzorg"
    assert expansion["boost"] < 1
    assert "fuzziness" not in expansion  # editors' synonyms are spelled right
    assert should[2] == {"terms": {"situations": ["geld-en-schulden"], "boost": 2.0}}


def test_situations_alone_still_search():
    should = _bool(build_query(EngineQuery(situations=("eenzaamheid",))))["should"]
    assert should == [{"terms": {"situations": ["eenzaamheid"], "boost": 2.0}}]


def test_empty_query_is_everything_not_ended_with_score_zero():
    body = build_query(QUERIES["empty"])
    query = _bool(body)
    assert query["filter"] == [{"match_all": {}}]
    assert query["must_not"] == [{"term": {"status": "ended"}}]
    assert "should" not in query and "must" not in query  # only filter context: every score is 0
    assert body["size"] == 1000 and body["_source"] is False
