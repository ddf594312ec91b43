"""What residents type finds the right help: the examples from the search issue, table-driven."""

import pytest

from search.retrieval import search_services

from .conftest import slugs

EXAMPLES = [
    # (what a resident types, services that must be among the first three)
    ("geen geld voor boodschappen", {"schuldhulpmaatje"}),
    ("brief van de belasting snap ik niet", {"formulierenbrigade", "hulp-bij-belastingaangifte"}),
    ("mijn moeder wordt vergeetachtig", {"sociale-benadering-dementie"}),
    ("eenzaam", {"maatjes"}),
    ("formulierbrigade", {"formulierenbrigade"}),
    ("schuldhulp", {"schuldhulpmaatje", "schuldhulpverlening"}),
    ("schulden", {"schuldhulpmaatje", "schuldhulpverlening"}),
    ("jeugdhulp", {"skt-jeugd-bij-de-huisarts"}),
    ("mantelzorgondersteuning", {"mantelzorgsteunpunt"}),
    ("Mantelzorg", {"mantelzorgsteunpunt"}),
    ("zelfmoordgedachten", {"113-zelfmoordpreventie"}),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[text for text, _ in EXAMPLES])
def test_what_residents_type_finds_the_right_help_in_the_first_three(search_demo, text, expected):
    top = set(slugs(search_services(text=text), 3))
    assert expected <= top, f"{text!r}: expected {sorted(expected)} in the first three, got {sorted(top)}"


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("eenzaam", "eenzaamheid-en-ontmoeting"),
        ("schulden", "geld-en-schulden"),
        ("mantelzorg", "mantelzorg"),
    ],
)
def test_a_query_naming_a_life_situation_also_shows_the_services_tagged_with_it(search_demo, text, situation):
    from services.models import ServicePage

    results = search_services(text=text, per_page=100)
    tagged = set(
        ServicePage.objects.live().filter(life_situations__slug=situation).values_list("slug", flat=True)
    )
    assert situation in results.situations
    assert tagged <= set(slugs(results))


def test_singular_and_plural_and_compounds_find_the_same_services(search_demo):
    schuld = slugs(search_services(text="schuld"), 3)
    schulden = slugs(search_services(text="schulden"), 3)
    assert schuld == schulden
    assert {"jeugd", "hulp"} <= set(search_services(text="jeugdhulp").query_terms)
    assert set(slugs(search_services(text="jeugd hulp"), 5)) & set(
        slugs(search_services(text="jeugdhulp"), 5)
    )


def test_a_typo_that_finds_nothing_is_corrected_and_said_so(search_demo):
    results = search_services(text="eenzaamhied")
    assert results.suggestion == "eenzaamheid"
    assert results.corrected is True
    assert results.count > 0


def test_gibberish_finds_nothing_and_offers_no_suggestion(search_demo):
    results = search_services(text="qqxzv wrtpl")
    assert results.count == 0
    assert results.results == []
    assert results.suggestion is None


def test_a_crisis_question_puts_the_crisis_line_first(search_demo):
    results = search_services(text="ik heb zelfmoordgedachten")
    assert results.crisis is True
    assert slugs(results, 1) == ["113-zelfmoordpreventie"]


def test_english_words_residents_use_are_understood(search_demo):
    assert "veilig-thuis" in slugs(search_services(text="domestic violence"), 3)
    assert "formulierenbrigade" in slugs(search_services(text="help with forms"), 3)
