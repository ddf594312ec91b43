"""The social-domain lexicon: residents' own words, five languages, danger phrases as data.

Rows are seeded by search/migrations/0005_seed_lexicon.py from the domain guide; these tests check the
rules (prefixes, context, translations, danger) and that the issue's examples give a sensible top 3.
"""

import datetime
from unittest import mock

import pytest

from django.urls import reverse
from django.utils import timezone

from search.models import Synonym
from search.retrieval import search_services
from search.text import fold, tokenize
from search.understanding import Lexicon, Prefix, Rule, phrase_key, understand

from .conftest import slugs

# --- Pure rules (no database) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("długi", "dlugi"),
        ("Łódź", "lodz"),
        ("violență domestică", "violenta domestica"),
        ("Самота", "самота"),
        ("Søren", "soren"),
    ],
)
def test_folding_drops_accents_and_maps_letters_without_a_decomposition(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["!!!", "🙂", "?! ...", "👍🏽👍🏽", "—"])
def test_punctuation_and_emoji_have_no_tokens(text):
    assert tokenize(text) == []


def test_a_trailing_star_is_a_prefix_of_the_folded_word():
    assert phrase_key("dług*") == (Prefix("dlug"),)
    assert isinstance(phrase_key("zaległ* czynsz*")[1], Prefix)
    assert phrase_key("hij slaat me") == phrase_key("Hij slaat me!")


def _lexicon(*rules):
    return Lexicon(rules=rules)


@pytest.mark.parametrize(
    ("text", "applies"),
    [
        ("pomoc z długami", True),
        ("mam długi", True),
        ("dlugow", True),
        ("dl", False),
        ("pomoc", False),
    ],
)
def test_a_prefix_rule_covers_every_ending(text, applies):
    rule = Rule(triggers=(phrase_key("dług*"),), expansions=("schulden",), language="pl")
    understood = understand(text, lexicon=_lexicon(rule))
    assert (understood.languages == ("pl",)) is applies


@pytest.mark.parametrize(
    ("text", "applies"),
    [
        ("lichamelijke klachten", True),
        ("klachten en hoofdpijn", True),
        ("klachten", False),
        ("klacht over de gemeente", False),
    ],
)
def test_a_context_rule_applies_only_next_to_its_context_words(text, applies):
    rule = Rule(
        triggers=(phrase_key("klachten"),),
        expansions=("huisarts",),
        context=(phrase_key("lichamelijk*"), phrase_key("hoofdpijn")),
    )
    assert ("huisart" in understand(text, lexicon=_lexicon(rule)).expansions) is applies


def test_a_translation_counts_as_the_residents_own_words():
    rule = Rule(triggers=(phrase_key("school trip"),), expansions=("kindpakket",), language="en")
    understood = understand("school trip", lexicon=_lexicon(rule))
    assert "kindpakket" in understood.terms
    assert understood.languages == ("en",)


def test_danger_is_read_only_from_the_residents_own_words_not_from_expansions():
    widen = Rule(triggers=(phrase_key("dakloos"),), expansions=("op straat",))
    danger = Rule(triggers=(phrase_key("op straat"),), expansions=("slaapplek",), danger=True)
    lexicon = _lexicon(widen, danger)
    assert not understand("dakloos", lexicon=lexicon).crisis
    assert understand("ik slaap op straat", lexicon=lexicon).crisis


# --- Seeded data on the demo map ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pesten", "skt-jeugd-bij-de-huisarts"),
        ("rolator", "wmo-hulpmiddelen-en-woningaanpassing"),
        ("mijn zoon word gepest op school", "skt-jeugd-bij-de-huisarts"),
        ("geen geld voor schoolreisje", "kindpakket"),
        ("huurachterstand", "schuldhulpverlening"),
        ("geen geld voor boodschappen", "schuldhulpmaatje"),
        ("voedselbank", "schuldhulpmaatje"),
        ("pomoc z długami", "schuldhulpmaatje"),
        ("pomoc z dlugami", "schuldhulpmaatje"),
        ("lichamelijke klachten", "huisarts"),
        ("klacht over de gemeente", "bezwaar-en-klachten"),
    ],
)
def test_the_issues_examples_find_fitting_help_in_the_top_3(search_demo, text, expected):
    assert expected in slugs(search_services(text=text), 3)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("ik wil niet meer leven", "113-zelfmoordpreventie"),
        ("ik zie het niet meer zitten", "113-zelfmoordpreventie"),
        ("I want to die", "113-zelfmoordpreventie"),
        ("myśli samobójcze", "113-zelfmoordpreventie"),
        ("hij slaat me", "veilig-thuis"),
        ("mijn man slaat mij", "veilig-thuis"),
        ("ik ben bang voor mijn partner", "veilig-thuis"),
        ("my husband hits me", "veilig-thuis"),
        ("mąż mnie bije", "veilig-thuis"),
        ("soțul mă bate", "veilig-thuis"),
        ("мъжът ми ме бие", "veilig-thuis"),
    ],
)
def test_danger_wording_in_five_languages_puts_crisis_help_first(search_demo, text, first):
    results = search_services(text=text)
    assert results.crisis
    assert slugs(results, 1) == [first]


@pytest.mark.parametrize("text", ["schulden", "samen eten", "eenzaam", "dakloos", "school trip"])
def test_ordinary_needs_are_not_read_as_danger(search_demo, text):
    assert not search_services(text=text).crisis


def test_danger_phrases_are_editable_data(search_demo):
    assert search_services(text="hij slaat me").crisis
    Synonym.objects.filter(kind=Synonym.Kind.DANGER, terms__contains="hij slaat me").delete()
    assert not search_services(text="hij slaat me").crisis


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I can't pay my rent", "en"),
        ("zaległy czynsz", "pl"),
        ("nu pot plăti chiria", "ro"),
        ("не мога да платя наема", "bg"),
        ("huurachterstand", None),
        ("stress", None),  # Dutch as well as English: not a foreign query
    ],
)
def test_the_query_language_is_recognised(search_demo, text, language):
    results = search_services(text=text)
    assert results.languages == ((language,) if language else ())
    if language:
        assert "schuldhulpverlening" in slugs(results, 3)


@pytest.mark.parametrize("text", ["!!!", "🙂", "?", "…"])
def test_a_query_of_only_punctuation_or_emoji_finds_nothing(search_demo, text):
    results = search_services(text=text)
    assert results.count == 0 and results.unreadable
    assert search_services(text="").count > 50


def test_did_you_mean_is_only_offered_when_it_finds_something(search_demo):
    for text in ("pesten", "gepest", "eenzaamhied", "qqxzv wrtpl", "xylofoonles"):
        suggestion = search_services(text=text).suggestion
        assert suggestion != "eten"
        if suggestion:
            assert search_services(text=suggestion).count > 0


@pytest.mark.parametrize(
    ("term", "error_field"),
    [("ver*", "terms"), ("dł*", "terms")],
)
def test_a_prefix_needs_four_letters(term, error_field):
    from django.core.exceptions import ValidationError

    synonym = Synonym(kind=Synonym.Kind.DANGER, terms=term, language="pl")
    with pytest.raises(ValidationError) as error:
        synonym.clean()
    assert error_field in error.value.message_dict


def test_a_danger_row_needs_no_expansions(search_demo):
    Synonym(kind=Synonym.Kind.DANGER, terms="ik ben in gevaar").clean()


# --- Search page messages ---------------------------------------------------------------------------------

MONDAY_EVENING = timezone.make_aware(datetime.datetime(2026, 1, 5, 20, 0))


def test_when_open_now_empties_the_list_the_page_says_so_and_links_without_it(search_demo, client):
    with mock.patch("search.retrieval.timezone.now", return_value=MONDAY_EVENING):
        html = client.get(reverse("search"), {"q": "schulden", "open_now": "1"}).content.decode()
    assert "0 resultaten" in html
    assert "maar met de filters die je koos blijft er niets over" in html
    assert 'href="?q=schulden"' in html and "Zoek zonder “Nu open”" in html
    assert "We vonden geen hulp met deze woorden" not in html


def test_when_other_filters_empty_the_list_the_page_links_to_the_search_without_filters(search_demo, client):
    html = client.get(reverse("search"), {"q": "schulden", "situation": "vervoer"}).content.decode()
    assert "maar met de filters die je koos blijft er niets over" in html
    assert "Zoek zonder filters" in html
    assert "We vonden geen hulp met deze woorden" not in html


def test_words_that_find_nothing_still_say_so(search_demo, client):
    html = client.get(reverse("search"), {"q": "qqxzv wrtpl"}).content.decode()
    assert "We vonden geen hulp met deze woorden" in html
    assert "filters die je koos" not in html


def test_a_query_of_only_an_emoji_asks_for_a_word(search_demo, client):
    html = client.get(reverse("search"), {"q": "🙂"}).content.decode()
    assert "0 resultaten" in html and "Typ een woord" in html


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        ("pomoc z długami", ['lang="nl"', 'lang="pl"']),
        ("I can't pay my rent", ['lang="nl"', 'lang="en"']),
        ("datorii", ['lang="nl"']),
    ],
)
def test_a_query_in_another_language_says_the_texts_are_in_dutch(search_demo, client, text, notes):
    html = client.get(reverse("search"), {"q": text}).content.decode()
    assert html.count("hz-search-language") == len(notes)
    for note in notes:
        assert f'class="utrecht-paragraph hz-search-language" {note}' in html
    assert "De informatie over de hulp is in het Nederlands." in html


def test_a_dutch_query_has_no_language_note(search_demo, client):
    assert "hz-search-language" not in client.get(reverse("search"), {"q": "schulden"}).content.decode()
