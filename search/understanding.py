"""Query understanding: from what a resident typed to what the engines look for.

Residents type what they feel ("geen geld voor boodschappen", "mijn moeder wordt vergeetachtig"), not
the words in service texts. This module turns the text into an :class:`UnderstoodQuery`:

- ``terms``: the normalised terms of the text itself (``search.text.query_terms``: stems plus compound
  parts), matched with OR semantics by the engines;
- ``expansions``: extra terms from editor-managed synonyms (``search.models.Synonym``), weighted lower;
- ``situations``: life situations the text names ("eenzaam", "schulden", "mantelzorg"), whose services
  the engines surface as well;
- ``crisis``: the resident's own words match a "danger" row (suicide, despair, violence at home,
  nowhere to sleep), so crisis services go first (``search.ranking``);
- ``languages``: the text was read through rows in English, Polish, Romanian or Bulgarian, whose Dutch
  words then count as the resident's own, and the page says that service texts are in Dutch.

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

CRISIS_SERVICE_SLUGS = frozenset(
    {"113-zelfmoordpreventie", "crisisdienst-ggz", "veilig-thuis", "kcc-daklozenloket-delft"}
)
"""Services that go first when a query is about danger (domain guide §2: a crisis answer comes first).

Which words mean danger is data: ``Synonym`` rows of the kind "danger", seeded from the domain guide and
kept by editors (search/migrations/0005_seed_lexicon.py).
"""

DUTCH = "nl"

_SITUATION_NAME_PARTS = re.compile(r"\s+en\s+|[()]", re.IGNORECASE)


class Prefix(str):
    """A phrase word an editor wrote with a trailing ``*``: matches every folded word starting with it.

    Polish, Romanian and Bulgarian change word endings far more than Dutch, and the Dutch stemmer
    knows none of them; "dług*" covers długi, długów and długami in one line an editor can read.
    """


def phrase_key(text: str) -> tuple[str, ...]:
    """A phrase as the sequence of stems of all its words (stopwords kept, they carry the phrase).

    A word ending in ``*`` becomes a :class:`Prefix` of its folded form instead of a stem.
    """
    items: list[str] = []
    for word in text.split():
        tokens = tokenize(word)
        if word.endswith("*") and tokens:
            items.extend(stem(token) for token in tokens[:-1])
            items.append(Prefix(tokens[-1]))
        else:
            items.extend(stem(token) for token in tokens)
    return tuple(items)


def query_key(tokens: list[str]) -> tuple[tuple[str, str], ...]:
    """The query as ``(stem, folded word)`` pairs: phrases match stems, prefixes match words."""
    return tuple((stem(token), token) for token in tokens)


def _item_matches(item: str, pair: tuple[str, str]) -> bool:
    if isinstance(item, Prefix):
        return pair[1].startswith(item)
    return pair[0] == item


def _contains(sequence: tuple[tuple[str, str], ...], phrase: tuple[str, ...]) -> bool:
    if not phrase or len(phrase) > len(sequence):
        return False
    width = len(phrase)
    return any(
        all(_item_matches(item, sequence[i + k]) for k, item in enumerate(phrase))
        for i in range(len(sequence) - width + 1)
    )


@dataclass(frozen=True)
class Rule:
    """One compiled synonym: when any trigger occurs in the query, add *expansions* and *situation*."""

    triggers: tuple[tuple[str, ...], ...]
    expansions: tuple[str, ...]
    """Phrases (as editors wrote them) whose terms are searched for as well."""
    situation: str | None = None
    language: str = DUTCH
    context: tuple[tuple[str, ...], ...] = ()
    """When set, the rule applies only if one of these phrases occurs in the query as well."""
    danger: bool = False
    """The words mean someone may be in danger: crisis help goes first."""

    def applies(self, keys) -> bool:
        if not any(_contains(key, trigger) for key in keys for trigger in self.triggers):
            return False
        return not self.context or any(_contains(key, phrase) for key in keys for phrase in self.context)


@dataclass(frozen=True)
class Lexicon:
    """Compiled synonyms and life-situation names; one per process and synonyms version."""

    rules: tuple[Rule, ...] = ()
    splitting_vocabulary: frozenset[str] = frozenset()
    """Words that split compounds, on the index and the query side alike (see ``search.search_text``)."""
    word_counts: dict[str, int] = field(default_factory=dict)
    """Words of all synonyms and situation names, for typo correction."""

    def matches(self, keys) -> list[Rule]:
        """The rules that apply to a query given as keys (see :func:`query_key`)."""
        return [rule for rule in self.rules if rule.applies(keys)]


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
        # Prefixes are patterns, not words: "dlug" must never be offered as "bedoelde je …?".
        texts.extend(t for t in terms + expansions if "*" not in t)
        situation = synonym.life_situation.slug if synonym.life_situation_id else None
        # Every word of an "equivalent" set finds the others: the rule expands to all of the set; the
        # query's own terms are removed again later, so listing the trigger itself is harmless.
        words = [t for t in terms if "*" not in t]
        equivalent = synonym.kind == Synonym.Kind.EQUIVALENT
        rules.append(
            Rule(
                triggers=tuple(phrase_key(t) for t in terms),
                expansions=tuple(words if equivalent else expansions),
                situation=situation,
                language=synonym.language or DUTCH,
                context=tuple(k for k in (phrase_key(c) for c in synonym.context_list) if k),
                danger=synonym.kind == Synonym.Kind.DANGER,
            )
        )
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
    languages: tuple[str, ...] = ()
    """Languages other than Dutch whose words the query used ("en", "pl", ...): service texts are Dutch."""

    @property
    def unreadable(self) -> bool:
        """Text was typed, but nothing in it can be searched for (only punctuation or emoji)."""
        return bool(self.text) and self.is_empty

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.expansions and not self.situations

    def engine_query(self, *, limit: int = 1000, extra_situations=()) -> EngineQuery:
        """The engine's question; *extra_situations* are surfaced too (the questionnaire's chosen tiles)."""
        situations = tuple(dict.fromkeys((*self.situations, *extra_situations)))
        return EngineQuery(
            text=self.text, terms=self.terms, expansions=self.expansions, situations=situations, limit=limit
        )


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

    key = query_key(tokens)
    # The first part of a compound usually names its subject: "mantelzorgondersteuning" is about
    # mantelzorg, "geldzorgen" about geld. Those parts count as one-word phrases too.
    leading = [
        ((stem(parts[0]), parts[0]),)
        for token in tokens
        if len(parts := split_compound(token, lexicon.splitting_vocabulary)) > 1
    ]
    matched = lexicon.matches([key, *leading])
    # A second pass over the phrases the first pass added: "eenzaamheid" → the set with "eenzaam" →
    # the life situation whose words include "eenzaam". One extra pass is enough and cannot loop.
    # Danger rules never fire in it: synonyms widen a query on purpose ("dakloos" brings "geen
    # slaapplek"), and a widened query must not put crisis lines above the help that was asked for.
    expansion_phrases = [phrase for rule in matched for phrase in rule.expansions]
    matched_ids = {id(rule) for rule in matched}
    second = [
        rule
        for rule in lexicon.matches([query_key(tokenize(p)) for p in expansion_phrases])
        if not rule.danger and rule.language == DUTCH
    ]
    situations: dict[str, None] = {}
    for rule in matched + [r for r in second if id(r) not in matched_ids]:
        if rule.situation:
            situations.setdefault(rule.situation)

    # A row in another language is a translation, not a looser word: its Dutch words stand in for the
    # resident's own and count in full. Otherwise "school trip" would rank whatever Dutch text says
    # "school" above the Kindpakket the resident asked about.
    translated: dict[str, None] = dict.fromkeys(terms)
    for rule in matched:
        if rule.language != DUTCH:
            for phrase in rule.expansions:
                for term in _expansion_terms(phrase, lexicon.splitting_vocabulary):
                    translated.setdefault(term)
    terms = tuple(translated)
    own = set(terms)
    expansions: dict[str, None] = {}
    for phrase in expansion_phrases:
        for term in _expansion_terms(phrase, lexicon.splitting_vocabulary):
            if term not in own:
                expansions.setdefault(term)
    languages = tuple(dict.fromkeys(rule.language for rule in matched if rule.language != DUTCH))
    if any(rule.language == DUTCH and not rule.context for rule in matched if rule.expansions):
        # Dutch words were recognised as well ("stress", "alcohol" are also English): not a foreign query.
        languages = ()
    return UnderstoodQuery(
        text=text,
        terms=terms,
        expansions=tuple(list(expansions)[:MAX_EXPANSIONS]),
        situations=tuple(situations),
        crisis=any(rule.danger for rule in matched),
        languages=languages,
    )


def suggest(text: str, *, current_tokens=None) -> str | None:
    """A corrected spelling of *text* ("bedoelde je …?"), or ``None`` when every word is known."""
    text = clean_text(text)
    if not text:
        return None
    return get_fuzzy_vocabulary(current_tokens).suggest(text)
