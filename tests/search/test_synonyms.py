"""Editor-managed synonyms: seeded from the taxonomy, validated, applied on the next search (no reindex)."""

import pytest

from django.core.exceptions import ValidationError

from search.models import Synonym, split_terms
from search.retrieval import search_services
from search.understanding import understand
from services.models import LifeSituation

from .conftest import slugs


def test_the_data_migration_seeds_the_taxonomy_sets_and_the_situation_words(search_demo):
    assert Synonym.objects.filter(kind="equivalent", terms__contains="geldzorgen").exists()
    assert Synonym.objects.filter(kind="one_way", terms="lonely", expansions__contains="eenzaam").exists()
    mantelzorg = LifeSituation.objects.get(slug="mantelzorg")
    row = Synonym.objects.get(life_situation=mantelzorg, note__startswith="Woorden die inwoners")
    assert "respijtzorg" in row.term_list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "schulden\nschuld, geldzorgen;geldstress\n\n schuld ",
            ["schulden", "schuld", "geldzorgen", "geldstress"],
        ),
        ("  krap   bij kas ", ["krap bij kas"]),
        ("", []),
    ],
)
def test_editors_write_one_term_per_line_or_comma_separated(text, expected):
    assert split_terms(text) == expected


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "equivalent", "terms": "alleen"}, "terms"),
        ({"kind": "equivalent", "terms": "a, b", "expansions": "c"}, "expansions"),
        ({"kind": "one_way", "terms": "lonely"}, "expansions"),
        ({"kind": "one_way", "terms": ""}, "terms"),
    ],
)
def test_incomplete_synonyms_are_refused_with_a_message(search_demo, fields, field):
    with pytest.raises(ValidationError) as error:
        Synonym(**fields).full_clean()
    assert field in error.value.message_dict


def test_an_editor_adds_a_synonym_and_the_next_search_uses_it_without_reindexing(search_demo):
    assert "schuldhulpmaatje" not in slugs(search_services(text="blut"), 3)
    Synonym.objects.create(kind="equivalent", terms="blut\nplatzak\nschulden")
    results = search_services(text="blut")
    assert "schuldhulpmaatje" in slugs(results, 3)
    assert "schuld" in understand("platzak").expansions


def test_a_synonym_can_point_to_a_life_situation(search_demo):
    vervoer = LifeSituation.objects.get(slug="vervoer")
    Synonym.objects.create(kind="one_way", terms="brommobiel", life_situation=vervoer)
    results = search_services(text="brommobiel", per_page=50)
    assert "vervoer" in results.situations
    assert "plusbus" in slugs(results)


def test_editing_and_deleting_a_synonym_take_effect_on_the_next_search(search_demo):
    synonym = Synonym.objects.create(kind="one_way", terms="knaken", expansions="geld")
    assert "geld" in understand("knaken").expansions
    synonym.expansions = "formulieren"
    synonym.save()
    assert "formulier" in understand("knaken").expansions
    synonym.delete()
    assert understand("knaken").expansions == ()


def test_phrases_match_whole_word_sequences_not_single_common_words(search_demo):
    # "zorgen voor mijn moeder" is a mantelzorg phrase; "zorg" alone (or in "jeugdzorg") must not trigger it.
    assert "mantelzorg" in understand("ik zorg voor mijn moeder").situations
    assert "mantelzorg" not in understand("jeugdzorg").situations
    assert "mantelzorger" not in understand("zorg thuis").expansions


def test_the_snippet_is_in_the_admin(search_demo, admin_client):
    # The seeded lexicon fills several pages; the editors' search finds a row on any of them.
    response = admin_client.get("/beheer/snippets/search/synonym/", {"q": "geldzorgen"})
    assert response.status_code == 200
    assert "geldzorgen" in response.content.decode()
    polish = admin_client.get("/beheer/snippets/search/synonym/", {"language": "pl"})
    assert polish.status_code == 200 and "dług*" in polish.content.decode()
