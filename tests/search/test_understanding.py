"""Query understanding: terms, synonym expansions, named life situations, crisis, clean-up of input."""

import pytest

from search.understanding import MAX_QUERY_CHARS, clean_text, understand


def test_text_is_cleaned_and_cut(search_demo):
    assert clean_text("  schulden\t\n en \x00 brieven ") == "schulden en brieven"
    assert len(clean_text("x" * 5000)) == MAX_QUERY_CHARS
    assert understand("   ").is_empty


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("eenzaam", "eenzaamheid-en-ontmoeting"),
        ("eenzaamheid", "eenzaamheid-en-ontmoeting"),
        ("schulden", "geld-en-schulden"),
        ("geen geld", "geld-en-schulden"),
        ("mantelzorg", "mantelzorg"),
        ("mijn moeder wordt vergeetachtig", "ouder-worden-en-dementie"),
        ("lonely", "eenzaamheid-en-ontmoeting"),
    ],
)
def test_words_for_a_life_situation_name_it(search_demo, text, situation):
    assert situation in understand(text).situations


def test_stopwords_and_filler_are_dropped_and_compounds_split(search_demo):
    understood = understand("brief van de belasting snap ik niet")
    assert understood.terms == ("brief", "belast")
    assert {"jeugdhulp", "jeugd", "hulp"} <= set(understand("jeugdhulp").terms)


def test_synonyms_expand_with_other_words_not_the_query_itself(search_demo):
    understood = understand("schuldhulp")
    assert "geldzorg" in understood.expansions
    assert not set(understood.terms) & set(understood.expansions)


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("zelfmoordgedachten", True),
        ("ik wil niet meer leven", True),
        ("mijn man heeft mij geslagen", True),
        ("dakloos", False),  # homelessness is urgent, but its synonyms must not make it a crisis
        ("schulden", False),
    ],
)
def test_crisis_is_read_from_the_residents_own_words(search_demo, text, crisis):
    assert understand(text).crisis is crisis
