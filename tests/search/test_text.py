"""Tests for search.text: Dutch normalisation on both sides of the SQLite index, and "did you mean"."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.text import (
    BASE_VOCABULARY,
    STOPWORDS,
    FuzzyVocabulary,
    fold,
    normalise,
    query_terms,
    split_compound,
    stem,
    tokenize,
)

# Words as they appear in Westland service texts and the taxonomy synonyms.
INDEX_TEXT = """
Formulierenbrigade helpt bij formulieren en brieven. Schuldhulpverlening en schuldhulp bij schulden.
Eenzaamheid: een maatje tegen eenzaamheid. Mantelzorger of mantelzorgers? Mantelzorgondersteuning.
Huishoudelijke hulp, jeugdhulp, woningaanpassing, belastingaangifte. Verlening van een uitkering.
Vereniging van vrijwilligers. Geen geld voor boodschappen? De voedselbank en het buurthuis in 's-Gravenzande.
"""


@pytest.fixture(scope="module")
def fuzzy() -> FuzzyVocabulary:
    return FuzzyVocabulary([INDEX_TEXT, "geldzorgen", "mantelzorg", "dementie"])


# --- tokenize ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Financiële hulp, café!", ["financiele", "hulp", "cafe"], id="accents_are_folded"),
        pytest.param("Coördinator ZORG", ["coordinator", "zorg"], id="diaeresis_folded_and_lowercased"),
        pytest.param("'s-Gravenzande", ["gravenzande"], id="place_name_article_is_dropped"),
        pytest.param("s-Gravenzande", ["gravenzande"], id="place_name_article_without_apostrophe"),
        pytest.param("\u2019s-Gravenzande", ["gravenzande"], id="place_name_with_typographic_apostrophe"),
        pytest.param("wonen in 's-Gravenzande", ["wonen", "in", "gravenzande"], id="place_name_mid_sentence"),
        pytest.param("'s avonds open", ["avonds", "open"], id="time_adverb_article_is_dropped"),
        pytest.param("auto's en oma's", ["auto", "en", "oma"], id="apostrophe_plural_becomes_singular"),
        pytest.param("Bel 0800-2000 of 113", ["bel", "0800", "2000", "of", "113"], id="digits_are_kept"),
        pytest.param("sociaal-juridisch", ["sociaal", "juridisch"], id="hyphenated_words_are_split"),
        pytest.param("\u0132sselmonde", ["ijsselmonde"], id="ij_ligature_is_expanded"),
        pytest.param("snake_case", ["snake", "case"], id="underscore_separates"),
        pytest.param("", [], id="empty_text"),
    ],
)
def test_tokenize(text, expected):
    assert tokenize(text) == expected


def test_fold_strips_accents_and_case():
    assert fold("Één Café") == "een cafe"


# --- stopwords ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["ik", "mijn", "wat", "hoe", "kan", "wil", "snap", "niet", "geen", "de", "wordt"]
)
def test_question_filler_and_function_words_are_stopwords(word):
    assert word in STOPWORDS


@pytest.mark.parametrize("word", ["alleen", "thuis", "hulp", "zorg", "geld", "werk", "samen", "oud"])
def test_words_residents_search_for_are_not_stopwords(word):
    assert word not in STOPWORDS


# --- stem --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "base"),
    [
        pytest.param("schulden", "schuld", id="schulden_meets_schuld"),
        pytest.param("formulieren", "formulier", id="formulieren_meets_formulier"),
        pytest.param("brieven", "brief", id="v_f_alternation"),
        pytest.param("huizen", "huis", id="z_s_alternation"),
        pytest.param("lessen", "les", id="doubled_consonant_plural"),
        pytest.param("gezinnen", "gezin", id="gezinnen_meets_gezin"),
        pytest.param("aangiftes", "aangifte", id="plural_s_after_e"),
        pytest.param("maatjes", "maatje", id="diminutive_plural"),
        pytest.param("sociale", "sociaal", id="long_vowel_after_vowel"),
        pytest.param("financiele", "financieel", id="folded_financiele_meets_financieel"),
        pytest.param("huisartsen", "huisarts", id="artsen_meets_arts"),
        pytest.param("kinderen", "kind", id="irregular_plural"),
        pytest.param("mantelzorgers", "mantelzorger", id="plural_of_agent_noun"),
        pytest.param("toeslagen", "toeslag", id="toeslagen_meets_toeslag"),
        pytest.param("eenzaamheid", "eenzaam", id="heid_suffix"),
    ],
)
def test_stem_makes_variants_meet(variant, base):
    assert stem(variant) == stem(base)


@pytest.mark.parametrize(
    ("word", "other"),
    [
        pytest.param("gezin", "zin", id="gezin_is_not_zin"),
        pytest.param("gezondheid", "zon", id="gezondheid_is_not_zon"),
        pytest.param("begeleiding", "beleid", id="begeleiding_is_not_beleid"),
        pytest.param("geweld", "wel", id="geweld_is_not_wel"),
    ],
)
def test_stem_keeps_ge_words_apart_from_unrelated_words(word, other):
    assert stem(word) != stem(other)


def test_stem_leaves_numbers_alone():
    assert stem("0800") == "0800"


def test_stem_is_cached():
    stem.cache_clear()
    stem("boodschappen")
    stem("boodschappen")
    assert stem.cache_info().hits == 1


# --- split_compound ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        pytest.param("jeugdhulp", ["jeugd", "hulp"], id="jeugdhulp"),
        pytest.param("schuldhulpverlening", ["schuld", "hulp", "verlening"], id="schuldhulpverlening"),
        pytest.param(
            "mantelzorgondersteuning", ["mantelzorg", "ondersteuning"], id="mantelzorgondersteuning"
        ),
        pytest.param("mantelzorg", ["mantel", "zorg"], id="mantelzorg_itself_splits_further"),
        pytest.param("woningaanpassing", ["woning", "aanpassing"], id="woningaanpassing"),
        pytest.param("belastingaangifte", ["belasting", "aangifte"], id="belastingaangifte"),
        pytest.param("formulierenbrigade", ["formulier", "brigade"], id="linking_en"),
        pytest.param("verslavingszorg", ["verslaving", "zorg"], id="linking_s"),
        pytest.param("geldzorgen", ["geld", "zorg"], id="plural_ending_on_last_part"),
        pytest.param("mantelzorger", ["mantel", "zorg"], id="agent_ending_on_last_part"),
        pytest.param("huurachterstand", ["huur", "achterstand"], id="huurachterstand"),
        pytest.param("dagbesteding", ["dag", "besteding"], id="three_letter_base_part"),
        pytest.param("Jeugdhulp", ["jeugd", "hulp"], id="input_is_folded"),
    ],
)
def test_split_compound_into_base_vocabulary_parts(word, parts):
    assert split_compound(word, frozenset()) == parts


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("verlening", id="prefix_ver_is_not_a_part"),
        pytest.param("aanpassing", id="particle_aan_is_not_a_part"),
        pytest.param("ondersteuning", id="onder_is_not_a_part"),
        pytest.param("eenzaamheid", id="suffix_heid_is_not_a_part"),
        pytest.param("schulden", id="plural_is_not_a_compound"),
        pytest.param("hulp", id="short_word"),
        pytest.param("0800", id="number"),
    ],
)
def test_split_compound_leaves_non_compounds_whole(word):
    vocabulary = frozenset({"ver", "lening", "passing", "steuning", "eenzaam", "heid"})
    assert split_compound(word, vocabulary) == [word]


def test_split_compound_uses_the_passed_vocabulary_too():
    assert split_compound("huurcontract", frozenset({"contract"})) == ["huur", "contract"]


def test_parts_only_found_in_the_passed_vocabulary_need_four_letters():
    assert split_compound("rolstoel", frozenset({"rol"})) == ["rolstoel"]


def test_curated_words_are_not_split_by_chance_vocabulary():
    assert "westland" in BASE_VOCABULARY
    assert split_compound("westland", frozenset({"west", "land"})) == ["westland"]


def test_fewest_parts_win_with_a_larger_vocabulary():
    vocabulary = frozenset({"schuldhulp", "hulpverlening"})
    assert len(split_compound("schuldhulpverlening", vocabulary)) == 2


def test_base_vocabulary_is_a_small_curated_set_of_lowercase_words():
    assert 120 <= len(BASE_VOCABULARY) <= 250
    assert all(word == fold(word) and word.isalpha() for word in BASE_VOCABULARY)
    assert {"hulp", "zorg", "mantel", "schuld", "geld", "jeugd", "werk", "woning", "brief"} <= BASE_VOCABULARY


# --- normalise and query_terms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Schuldhulpverlening", "schuldhulpverlen schuld hulp verlen", id="compound_with_parts"),
        pytest.param("geen geld voor boodschappen", "geld boodschap", id="resident_money_question"),
        pytest.param("brief van de belasting snap ik niet", "brief belast", id="resident_letter_question"),
        pytest.param("mijn moeder wordt vergeetachtig", "moeder vergeetacht", id="resident_worry_question"),
        pytest.param("ik kan niet rondkomen", "rondkom", id="negation_is_dropped_meaning_word_kept"),
        pytest.param("Schulden, schuld en SCHULDEN", "schuld", id="duplicates_removed"),
        pytest.param("wat kan ik doen?", "", id="only_stopwords"),
        pytest.param("", "", id="empty"),
        pytest.param("Bel 113", "bel 113", id="numbers_kept"),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_normalise_adds_nested_compound_parts():
    terms = normalise("mantelzorgondersteuning").split()
    assert terms == ["mantelzorgondersteun", "mantelzorg", "ondersteun", "mantel", "zorg"]


@pytest.mark.parametrize(
    ("query", "document", "shared"),
    [
        pytest.param("schulden", "hulp bij schuld", {"schuld"}, id="schulden_finds_schuld"),
        pytest.param("schuld", "Heeft u schulden?", {"schuld"}, id="schuld_finds_schulden"),
        pytest.param("formulieren", "het formulier", {"formulier"}, id="formulieren_finds_formulier"),
        pytest.param("jeugd hulp", "Jeugdhulp", {"jeugd", "hulp"}, id="separate_words_find_compound"),
        pytest.param(
            "jeugdhulp", "hulp voor de jeugd", {"jeugd", "hulp"}, id="compound_finds_separate_words"
        ),
        pytest.param("formulieren", "Formulierenbrigade", {"formulier"}, id="part_finds_compound"),
        pytest.param(
            "mantelzorg", "steun voor mantelzorgers", {"mantel", "zorg"}, id="mantelzorg_finds_mantelzorgers"
        ),
        pytest.param("financiele hulp", "Financiële hulp", {"financiel", "hulp"}, id="accents_do_not_matter"),
        pytest.param("kinderen", "kinderopvang", {"kind"}, id="kinderen_finds_kinderopvang"),
        pytest.param("brieven", "Ik snap deze brief niet", {"brief"}, id="brieven_finds_brief"),
    ],
)
def test_query_and_document_meet(query, document, shared):
    # Terms are OR-ed by the search, so meeting on the meaningful terms is what counts; the stem of a
    # whole compound ("jeugdhulp") is a bonus for texts that use the same compound.
    assert shared <= set(query_terms(query)) & set(normalise(document).split())


def test_separate_words_match_every_term_of_the_compound_parts():
    assert set(query_terms("jeugd hulp")) <= set(normalise("jeugdhulp").split())


def test_index_and_query_use_the_same_normalisation():
    text = "Hulp bij geldzorgen en huurachterstand in 's-Gravenzande"
    vocabulary = frozenset(tokenize(INDEX_TEXT))
    assert query_terms(text, vocabulary=vocabulary) == normalise(text, vocabulary=vocabulary).split()


def test_normalise_uses_the_passed_vocabulary_for_compounds():
    assert "contract" in normalise("huurcontract", vocabulary=frozenset({"contract"})).split()
    assert "contract" not in normalise("huurcontract").split()


@settings(max_examples=200, database=None, deadline=None)
@given(st.text())
def test_normalise_never_fails_and_yields_unique_folded_terms_without_stopwords(text):
    terms = query_terms(text)
    assert len(terms) == len(set(terms))
    assert all(term and term == fold(term) and " " not in term for term in terms)
    assert not set(terms) & {"ik", "mijn", "niet", "geen", "de", "het"}


# --- FuzzyVocabulary ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        pytest.param("formulierbrigade", "formulierenbrigade", id="missing_linker"),
        pytest.param("eenzaamheit", "eenzaamheid", id="t_for_d"),
        pytest.param("mantelzorgr", "mantelzorger", id="missing_letter"),
        pytest.param("verleining", "verlening", id="extra_letter"),
        pytest.param("schuldn", "schulden", id="missing_vowel"),
        pytest.param("Boodschapen", "boodschappen", id="capitalised_and_single_p"),
        pytest.param("demenite", "dementie", id="transposed_letters"),
    ],
)
def test_fuzzy_corrects_typos(fuzzy, typo, expected):
    assert fuzzy.correct(typo) == expected


@pytest.mark.parametrize(
    "word", ["schuldhulp", "eenzaamheid", "mantelzorg", "dementie", "Formulierenbrigade"]
)
def test_fuzzy_returns_known_words_unchanged(fuzzy, word):
    assert fuzzy.correct(word) == fold(word)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("gld", id="three_letters_too_short_to_guess"),
        pytest.param("hlp", id="another_short_word"),
        pytest.param("xyzzyplugh", id="nothing_close"),
        pytest.param("0800", id="numbers"),
    ],
)
def test_fuzzy_gives_up_on_short_or_unmatched_words(fuzzy, token):
    assert fuzzy.correct(token) is None


def test_fuzzy_does_not_replace_a_valid_unknown_compound_with_a_different_one(fuzzy):
    assert fuzzy.correct("jeugdhulpverlening") is None


def test_fuzzy_prefers_the_more_frequent_word_on_equal_scores():
    vocabulary = FuzzyVocabulary(["wijken", "wijkas", "wijkas", "wijkas"])
    assert vocabulary.correct("wijkan") == "wijkas"


def test_fuzzy_score_cutoff_is_adjustable(fuzzy):
    assert fuzzy.correct("eenzaamheit", score_cutoff=95) is None


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        pytest.param("formulierbrigade", "formulierenbrigade", id="single_word"),
        pytest.param("schuldhulp verleining", "schuldhulp verlening", id="only_the_typo_changes"),
        pytest.param(
            "Ik zoek hulp bij eenzaamheit", "ik zoek hulp bij eenzaamheid", id="stopwords_kept_as_typed"
        ),
        pytest.param("schuldhulp verlening", None, id="nothing_to_change"),
        pytest.param("wat kan ik doen", None, id="only_stopwords"),
        pytest.param("gld", None, id="only_a_short_word"),
        pytest.param("", None, id="empty_query"),
    ],
)
def test_suggest(fuzzy, query, suggestion):
    assert fuzzy.suggest(query) == suggestion


def test_fuzzy_vocabulary_words_feed_normalise(fuzzy):
    assert "formulierenbrigade" in fuzzy.words
    assert "Eenzaamheid" in fuzzy
    assert len(fuzzy) == len(fuzzy.words)
    assert "brigad" in normalise("formulierenbrigade", vocabulary=fuzzy.words).split()


def test_fuzzy_is_fast_enough_for_a_large_vocabulary():
    import random
    import string
    import time

    rng = random.Random(7)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 16))) for _ in range(50_000)]
    vocabulary = FuzzyVocabulary([*words, "formulierenbrigade"])
    start = time.perf_counter()
    for _ in range(20):
        assert vocabulary.correct("formulierbrigade") == "formulierenbrigade"
    # Generous bound (about 25x the measured time) so slow CI machines do not flake.
    assert (time.perf_counter() - start) / 20 < 0.25


# --- Runaway input: the work is bounded by the length of the text ---------------------------------------

import search.text as text_module  # noqa: E402 - kept with the tests that patch it

_ADVERSARIAL_WORDS = st.lists(
    st.sampled_from(["zorg", "hulp", "en", "s", "e", "schuld", "mantel", "jeugd", "aaa", "x"]), max_size=400
).map("".join)
_LONG_TEXT = st.one_of(
    _ADVERSARIAL_WORDS,
    st.text(max_size=3000),
    st.text(alphabet="aeo", max_size=3000),
    st.builds(lambda a, b: a + " " + b, _ADVERSARIAL_WORDS, st.text(alphabet="zorghulpen ", max_size=2000)),
)


@pytest.fixture
def part_lookups(monkeypatch):
    """Counts the look-ups split_compound makes: the measure of its work, without a clock."""
    calls = []
    original = text_module._is_part

    def counting(part, vocabulary):
        calls.append(part)
        return original(part, vocabulary)

    monkeypatch.setattr(text_module, "_is_part", counting)
    return calls


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_LONG_TEXT)
def test_normalising_costs_at_most_a_fixed_amount_of_work_per_character(part_lookups, text):
    part_lookups.clear()
    terms = normalise(text, vocabulary=frozenset({"zorghulp", "hulpen", "aaaa"}))
    # Linear: every character can start at most MAX_PART_LENGTH candidate parts on each of the
    # (at most three) levels of compound splitting. The quadratic version made n²/2 look-ups per word.
    assert len(part_lookups) <= 3 * text_module.MAX_PART_LENGTH * len(text)
    assert all(len(term) <= text_module.MAX_TOKEN_LENGTH for term in terms.split())


@pytest.mark.parametrize("length", [1_600, 100_000])
def test_a_word_longer_than_any_real_word_is_cut_and_not_split(part_lookups, length):
    word = "zorghulp" * (length // 8)
    assert tokenize(word) == [word[: text_module.MAX_TOKEN_LENGTH]]
    assert split_compound(word) == [word]
    assert part_lookups == []


def test_a_long_real_compound_is_still_split():
    assert split_compound("schuldhulpverleningmantelzorgondersteuning") == [
        "schuld",
        "hulp",
        "verlening",
        "mantelzorg",
        "ondersteuning",
    ]
