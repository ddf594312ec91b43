"""Query understanding: from what a resident typed to what the engines look for.

Residents type what they feel ("geen geld voor boodschappen", "mijn moeder wordt vergeetachtig"), not
the words in service texts. This module turns the text into an :class:`UnderstoodQuery`:

- ``terms``: the normalised terms of the text itself (``search.text.query_terms``: stems plus compound
  parts), matched with OR semantics by the engines;
- ``expansions``: extra terms from editor-managed synonyms (``search.models.Synonym``), weighted lower;
- ``situations``: life situations the text names ("eenzaam", "schulden", "mantelzorg"), whose services
  the engines surface as well;
- ``crisis``: the text is about danger or suicide, so crisis services go first (``search.ranking``).

Synonyms are compiled once per process into a :class:`Lexicon` and rebuilt on the next search after an
editor saves a synonym or a life situation (``search.versions``), so edits need no reindex. Phrases are
compared as sequences of stems, so "Zorgen voor mijn moeder" also matches "ik zorg voor mijn moeder",
but "zorg" alone does not trigger the phrase "zorgen voor".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import versions
from .engines.base import EngineQuery
from .text import BASE_VOCABULARY, FuzzyVocabulary, query_terms, split_compound, stem, tokenize

MAX_QUERY_CHARS = 200
"""Longer text is cut off: nobody types more into a search box, but a pasted letter must not cost a lot."""
MAX_TOKENS = 30
MAX_EXPANSIONS = 60

# Words whose presence means someone may be in danger now. Matched like synonym phrases (stems, in
# order) on the resident's own words only: synonyms widen a query on purpose ("dakloos" brings "geen
# slaapplek"), and a widened query must not put crisis lines above the help that was asked for.
CRISIS_PHRASES = (
    "zelfmoord",
    "zelfdoding",
    "suicide",
    "suicidal",
    "domestic violence",
    "dood willen",
    "niet meer leven",
    "huiselijk geweld",
    "mishandeling",
    "mishandeld",
    "kindermishandeling",
    "niet veilig thuis",
    "geslagen",
    "bedreigd",
    "geen slaapplek",
    "op straat",
    "acute crisis",
    "psychische crisis",
)

CRISIS_SERVICE_SLUGS = frozenset(
    {"113-zelfmoordpreventie", "crisisdienst-ggz", "veilig-thuis", "kcc-daklozenloket-delft"}
)
"""Services that go first when a query is about danger (domain guide §2: a crisis answer comes first)."""

_SITUATION_NAME_PARTS = re.compile(r"\s+en\s+|[()]", re.IGNORECASE)


def phrase_key(text: str) -> tuple[str, ...]:
    """A phrase as the sequence of stems of all its words (stopwords kept, they carry the phrase)."""
    return tuple(stem(token) for token in tokenize(text))


def _contains(sequence: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    if not phrase or len(phrase) > len(sequence):
        return False
    width = len(phrase)
    return any(sequence[i : i + width] == phrase for i in range(len(sequence) - width + 1))


@dataclass(frozen=True)
class Rule:
    """One compiled synonym: when any trigger occurs in the query, add *expansions* and *situation*."""

    triggers: tuple[tuple[str, ...], ...]
    expansions: tuple[str, ...]
    """Phrases (as editors wrote them) whose terms are searched for as well."""
    situation: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """Compiled synonyms and life-situation names; one per process and synonyms version."""

    rules: tuple[Rule, ...] = ()
    splitting_vocabulary: frozenset[str] = frozenset()
    """Words that split compounds, on the index and the query side alike (see ``search.search_text``)."""
    word_counts: dict[str, int] = field(default_factory=dict)
    """Words of all synonyms and situation names, for typo correction."""

    def matches(self, keys: list[tuple[str, ...]]) -> list[Rule]:
        return [rule for rule in self.rules if any(_contains(key, t) for key in keys for t in rule.triggers)]


def _words(texts) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text in texts:
        for token in tokenize(text):
            if token.isalpha():
                counts[token] = counts.get(token, 0) + 1
    return counts


def build_lexicon() -> Lexicon:
    """Compile every ``Synonym`` and the life situations' names (split on "en": "Geld en schulden")."""
    from services.models import LifeSituation

    from .models import Synonym

    rules: list[Rule] = []
    texts: list[str] = []
    for synonym in Synonym.objects.select_related("life_situation").order_by("pk"):
        terms = synonym.term_list
        expansions = synonym.expansion_list
        texts.extend(terms + expansions)
        situation = synonym.life_situation.slug if synonym.life_situation_id else None
        if synonym.kind == Synonym.Kind.EQUIVALENT:
            # Every word finds the others: the rule expands to all of the set; the query's own terms are
            # removed again later, so listing the trigger itself is harmless.
            rules.append(Rule(tuple(phrase_key(t) for t in terms), tuple(terms), situation))
        else:
            rules.append(Rule(tuple(phrase_key(t) for t in terms), tuple(expansions), situation))
    for situation in LifeSituation.objects.all():
        # The situation's own name ("Geld en schulden" → "geld", "schulden") and the words residents use
        # for it (its "synonyms" field, kept by the editors of the social map) lead to it as well.
        parts = [p.strip() for p in _SITUATION_NAME_PARTS.split(situation.name) if p and p.strip()]
        parts += situation.synonym_list
        texts.extend([situation.name, *situation.synonym_list])
        rules.append(Rule(tuple(phrase_key(p) for p in parts if phrase_key(p)), (), situation.slug))
    counts = _words(texts)
    return Lexicon(
        rules=tuple(rule for rule in rules if rule.triggers),
        splitting_vocabulary=frozenset(counts) | BASE_VOCABULARY,
        word_counts=counts,
    )


_lexicon_memo = versions.Memo(versions.SYNONYMS)
_fuzzy_memo = versions.Memo(versions.SYNONYMS, versions.CONTENT)


def get_lexicon(current_tokens=None) -> Lexicon:
    """This process's compiled synonyms, rebuilt on the first search after an editor changed them."""
    return _lexicon_memo.get(
        current_tokens if current_tokens is not None else versions.tokens(), build_lexicon
    )


def get_fuzzy_vocabulary(current_tokens=None) -> FuzzyVocabulary:
    """Known words of the indexed public texts and the synonyms, for "bedoelde je …?"."""
    from .store import get_content_word_counts

    current_tokens = current_tokens if current_tokens is not None else versions.tokens()

    def build():
        counts = dict(get_content_word_counts(current_tokens))
        for word, count in get_lexicon(current_tokens).word_counts.items():
            counts[word] = counts.get(word, 0) + count
        return FuzzyVocabulary.from_counts(counts)

    return _fuzzy_memo.get(current_tokens, build)


def clean_text(text: str | None) -> str:
    """The query as we handle it: whitespace collapsed, control characters dropped, cut to a sane length."""
    text = "".join(ch if ch.isprintable() else " " for ch in (text or ""))
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


@dataclass(frozen=True)
class UnderstoodQuery:
    text: str = ""
    terms: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()
    crisis: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.expansions and not self.situations

    def engine_query(self, *, limit: int = 1000, extra_situations=()) -> EngineQuery:
        """The engine's question; *extra_situations* are surfaced too (the questionnaire's chosen tiles)."""
        situations = tuple(dict.fromkeys((*self.situations, *extra_situations)))
        return EngineQuery(
            text=self.text, terms=self.terms, expansions=self.expansions, situations=situations, limit=limit
        )


_CRISIS_KEYS = tuple(phrase_key(p) for p in CRISIS_PHRASES)
# One-word crisis terms also count at the start of a compound: "zelfmoordgedachten", "zelfdodingsplan".
_CRISIS_PREFIXES = tuple(tokenize(p)[0] for p in CRISIS_PHRASES if len(tokenize(p)) == 1)


def _is_crisis(tokens: list[str], key: tuple[str, ...]) -> bool:
    if any(token.startswith(_CRISIS_PREFIXES) for token in tokens):
        return True
    return any(_contains(key, crisis_key) for crisis_key in _CRISIS_KEYS)


def _expansion_terms(phrase: str, vocabulary) -> list[str]:
    """Terms a synonym adds: its words' stems, plus the first part of a compound word.

    The first part names the subject ("respijtzorg" → respijt, which "Respijthuis" shares); the heads of
    synonyms ("-zorg", "-hulp", "-problemen") are words nearly every service uses, which would only widen
    the query and cost time for no gain in order.
    """
    terms = query_terms(phrase, vocabulary=vocabulary, split=False)
    for token in tokenize(phrase):
        parts = split_compound(token, vocabulary)
        if len(parts) > 1:
            terms.append(stem(parts[0]))
    return list(dict.fromkeys(terms))


def understand(text: str | None, *, lexicon: Lexicon | None = None) -> UnderstoodQuery:
    """Turn what a resident typed into terms, synonym expansions, named life situations and a crisis flag.

    Never raises on odd input; an empty or stopword-only text gives an empty query.
    """
    text = clean_text(text)
    if not text:
        return UnderstoodQuery()
    lexicon = lexicon or get_lexicon()
    tokens = tokenize(text)[:MAX_TOKENS]
    limited = " ".join(tokens)
    terms = tuple(query_terms(limited, vocabulary=lexicon.splitting_vocabulary))

    query_key = tuple(stem(token) for token in tokens)
    # The first part of a compound usually names its subject: "mantelzorgondersteuning" is about
    # mantelzorg, "geldzorgen" about geld. Those parts count as one-word phrases too.
    leading = [
        (stem(parts[0]),)
        for token in tokens
        if len(parts := split_compound(token, lexicon.splitting_vocabulary)) > 1
    ]
    matched = lexicon.matches([query_key, *leading])
    # A second pass over the phrases the first pass added: "eenzaamheid" → the set with "eenzaam" →
    # the life situation whose words include "eenzaam". One extra pass is enough and cannot loop.
    expansion_phrases = [phrase for rule in matched for phrase in rule.expansions]
    matched_ids = {id(rule) for rule in matched}
    second = lexicon.matches([phrase_key(p) for p in expansion_phrases])
    situations: dict[str, None] = {}
    for rule in matched + [r for r in second if id(r) not in matched_ids]:
        if rule.situation:
            situations.setdefault(rule.situation)

    own = set(terms)
    expansions: dict[str, None] = {}
    for phrase in expansion_phrases:
        for term in _expansion_terms(phrase, lexicon.splitting_vocabulary):
            if term not in own:
                expansions.setdefault(term)
    crisis = _is_crisis(tokens, query_key)
    return UnderstoodQuery(
        text=text,
        terms=terms,
        expansions=tuple(list(expansions)[:MAX_EXPANSIONS]),
        situations=tuple(situations),
        crisis=crisis,
    )


def suggest(text: str, *, current_tokens=None) -> str | None:
    """A corrected spelling of *text* ("bedoelde je …?"), or ``None`` when every word is known."""
    text = clean_text(text)
    if not text:
        return None
    return get_fuzzy_vocabulary(current_tokens).suggest(text)
