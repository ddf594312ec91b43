"""Dutch text normalisation for search backends without Dutch analysis (SQLite).

The database fallback indexes one plain string per service and matches query terms against it. SQLite knows
nothing about Dutch, so this module does the linguistics in Python and the result is used on *both* sides:

    index:  normalise(title + summary + synonyms, vocabulary=v)  -> stored search text
    query:  query_terms(q, vocabulary=v)                          -> terms to look for in it

Because both go through the same function, the stemmer only needs to be *consistent*, not linguistically
correct: "schulden" and "schuld" meet because both become ``schuld``. Compounds, the other Dutch problem
("jeugdhulp" vs "jeugd hulp"), are handled by adding the stems of the known parts after the stem of the whole
word, so either spelling finds the other. Terms should be OR-ed (scored by how many match), not AND-ed: a
query "jeugdhulp" yields ``jeugdhulp jeugd hulp``, and a text saying "hulp voor de jeugd" only has the last
two.

Typo tolerance lives in :class:`FuzzyVocabulary` ("did you mean"), not in matching, so a mistyped query is
corrected visibly instead of silently matching something else.

Nothing here imports Django, so it is cheap to test and to reuse in the Elasticsearch ``prepare`` code.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz, process
from snowballstemmer.basestemmer import BaseStemmer

__all__ = [
    "BASE_VOCABULARY",
    "STOPWORDS",
    "FuzzyVocabulary",
    "fold",
    "normalise",
    "query_terms",
    "split_compound",
    "stem",
    "tokenize",
]

# ---------------------------------------------------------------------------------------------------------
# Tokenising
# ---------------------------------------------------------------------------------------------------------

# Residents paste text from Word, WhatsApp and PDFs, which use typographic apostrophes.
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u0060\u00b4]")
# The archaic genitive article in place names ("'s-Gravenzande", "s-Gravenzande") and in time adverbs
# ("'s avonds") is not a word anyone searches for; dropping it leaves "gravenzande" and "avonds".
_GENITIVE_ARTICLE = re.compile(r"(?<![\w'])'?s-(?=[^\W\d_])|(?<![\w'])'s(?=\s)")
# Dutch writes some plurals and possessives with an apostrophe ("auto's", "oma's", "baby's"). Dropping the
# "'s" maps them onto the singular, which is what a resident types.
_APOSTROPHE_S = re.compile(r"(?<=[^\W\d_])'s\b")
# Letters and digits; "_" is a word character for regexes but never part of a Dutch word.
_TOKEN = re.compile(r"[^\W_]+")

MAX_TOKEN_LENGTH = 48
"""Tokens are cut to this many characters. The longest Dutch words of this domain
("arbeidsongeschiktheidsverzekering", 33) fit; anything longer is a pasted run of letters, whose stem and
compound split would only cost time (issue 12: a 5 MB description hung an import). Index and query are
cut alike, so a cut word still matches itself."""


# Letters NFKD leaves whole because they are not "letter + accent" in Unicode. Polish "ł" matters most:
# residents on a Dutch keyboard type "dlugi" for "długi". Cyrillic is kept as it is (only lowercased),
# so Bulgarian words meet their own spelling.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase *text* and strip accents (``"Café Één"`` → ``"cafe een"``, ``"długi"`` → ``"dlugi"``).

    NFKD splits "é" into "e" + a combining accent, which is then dropped; it also expands the Dutch "ĳ"
    ligature into "ij" and takes the comma off Romanian "ș"/"ț". Residents rarely type the accents in
    "financiële" or "coördinator", so folding them away on both sides makes the accented and plain
    spellings meet. A few letters without a decomposition ("ł", "ø") are mapped by hand.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def tokenize(text: str) -> list[str]:
    """Split *text* into folded tokens: lowercase, accents removed, split on anything not a letter or digit.

    Digits are kept (phone numbers, "0800", ages). The place-name article in "'s-Gravenzande" is dropped so
    the token is "gravenzande" whichever of the common spellings is used, and an apostrophe-s plural such as
    "auto's" becomes "auto". Hyphenated words are split ("sociaal-juridisch" → "sociaal", "juridisch").
    Tokens longer than :data:`MAX_TOKEN_LENGTH` are cut. No stopwords are removed here; see :func:`normalise`.
    """
    text = _APOSTROPHES.sub("'", fold(text))
    text = _GENITIVE_ARTICLE.sub(" ", text)
    text = _APOSTROPHE_S.sub("", text)
    return [token[:MAX_TOKEN_LENGTH] for token in _TOKEN.findall(text)]


# ---------------------------------------------------------------------------------------------------------
# Stopwords
# ---------------------------------------------------------------------------------------------------------

# Snowball's Dutch stop list, written out so it is visible and reviewable here.
_SNOWBALL_STOPWORDS = """
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon
kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds
te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze
zelf zich zij zijn zo zonder zou
"""

# What residents type around the actual question: pronouns, question words, modal verbs and "I don't get
# it" phrasing ("brief van de belasting snap ik niet", "wie kan mij helpen"). Every one of these occurs in
# most service texts too, so keeping them would only add noise to the ranking.
#
# "niet" and "geen" are deliberately dropped as well. Negation rarely changes *which* help fits: "niet
# rondkomen", "geen geld" and "geen werk" need the same services as "rondkomen", "geld" and "werk", and the
# service texts say "je komt niet rond" as often as "rondkomen". Keeping "niet" would make every text that
# says "niet alleen" or "weet je het niet?" match. The meaning-bearing word ("rondkomen", "geld") remains.
#
# Deliberately NOT stopwords although they are common: "alleen" (loneliness), "thuis", "hulp", "zorg",
# "geld", "werk", "oud", "samen" – they are what people are looking for.
_RESIDENT_FILLER = """
aub alstublieft alsjeblieft begrijp begrijpen beetje bent echt eigenlijk erg even ergens gaat gaan graag
gewoon hallo heel hoi hoe hoeveel jij jou jouw jullie kun kunt lukt lukken m mag misschien moeten mogen
mn nodig nou ok oke please snap snappen te veel vind vinden waar waarom wanneer weet weten welk welke
wij wilt willen zijn zoek zoeken zou zouden zeer
a b c d e f g h i j k l n o p q r s t v w x y z
"""

STOPWORDS: frozenset[str] = frozenset((_SNOWBALL_STOPWORDS + _RESIDENT_FILLER).split())
"""Folded Dutch stopwords and question filler dropped by :func:`normalise` (both for indexing and querying).

Includes "niet" and "geen" on purpose (see the comment above the list) and every single letter, which after
tokenising can only be left-overs such as the "n" of "zo'n".
"""

# ---------------------------------------------------------------------------------------------------------
# Stemming
# ---------------------------------------------------------------------------------------------------------

# snowballstemmer 3 ships two Dutch stemmers. "dutch" (the 2023 algorithm) strips the participle prefix and
# infix "ge", which merges words this domain cannot afford to merge: gezin→zin, gezondheid→zon,
# geweld→wel, begeleiding→beleid, gemeente→meen; and it turns "schulden" into "schul" (not "schuld").
# "dutch_porter" (the classic Snowball algorithm that snowballstemmer 2.x called "dutch") does none of that;
# its known misses are spelling alternations, which _refine_stem below repairs.
_STEMMER_ALGORITHM = "dutch_porter"
_stemmer_lock = threading.Lock()


@lru_cache(maxsize=1)
def _stemmer() -> BaseStemmer:
    # Building a stemmer is cheap but not free; one instance serves the whole process.
    return snowballstemmer.stemmer(_STEMMER_ALGORITHM)


# Irregular plurals the rules cannot reach, keyed by folded surface form. "kinder" covers compounds such as
# "kinderopvang", whose first part is split off as "kinder".
_IRREGULAR_STEMS = {
    "kinderen": "kind",
    "kinder": "kind",
    "steden": "stad",
    "centra": "centrum",
}

# Plural "-s" after a final "e"/"ie"/"je" ("aangiftes", "brigades", "instanties", "maatjes") is invisible to
# the Porter stemmer, which only strips "-s" after a consonant, so "aangiftes" and "aangifte" would differ.
_PLURAL_ES = re.compile(r"(?<=[dtjgi]e)s$")
# A vowel doubled after another vowel survives Porter ("sociaal" vs "sociale" → "social", "financieel" vs
# "financiele"); Porter only undoubles after a consonant.
_DOUBLE_VOWEL_AFTER_VOWEL = re.compile(r"(?<=[aeiou])(aa|ee|oo|uu)(?=[^aeiou]$)")
# Stems ending in a doubled consonant come from plurals that double it ("lessen", "gezinnen", "bussen").
_DOUBLE_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1$")
_VOICED_FINAL = {"v": "f", "z": "s"}  # brieven→brief, huizen→huis, prijzen→prijs: Dutch devoices at the end
_VOWELS = frozenset("aeiouy")


def _refine_stem(stem_: str) -> str:
    """Repair the spelling alternations Porter leaves apart, so singular and plural get one stem."""
    if len(stem_) > 3 and stem_[-1] in _VOICED_FINAL:
        stem_ = stem_[:-1] + _VOICED_FINAL[stem_[-1]]
    stem_ = _DOUBLE_CONSONANT.sub(r"\1", stem_)
    stem_ = _DOUBLE_VOWEL_AFTER_VOWEL.sub(lambda m: m.group(1)[0], stem_)
    # Porter strips "-s" from "arts" (→ "art") but stops at "arts" for "artsen"; strip it here as well so both
    # land on "art". Same for "mens"/"mensen", "kans"/"kansen".
    if len(stem_) > 3 and stem_[-1] == "s" and stem_[-2] not in _VOWELS and stem_[-2] != "j":
        stem_ = stem_[:-1]
    return stem_


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the search stem of one folded token (``"schulden"`` → ``"schuld"``).

    Uses Snowball's classic Dutch (Porter) stemmer, plus small fixes so that singular and plural meet:
    irregular plurals (kinderen → kind), plural "-s" after "-e" (aangiftes), and spelling alternations at the
    end of the stem (brieven/brief, lessen/les, sociale/sociaal, artsen/arts). The result is a matching key,
    not a word to show anyone. Tokens containing digits are returned unchanged.
    """
    if not word or any(char.isdigit() for char in word):
        return word
    if word in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[word]
    if len(word) > 4:
        word = _PLURAL_ES.sub("", word)
    # Snowball stemmers keep state between calls; the lock keeps threaded workers from interleaving.
    with _stemmer_lock:
        stemmed = _stemmer().stemWord(word)
    return _refine_stem(stemmed)


# ---------------------------------------------------------------------------------------------------------
# Compounds
# ---------------------------------------------------------------------------------------------------------

_BASE_WORDS = """
aangifte aanpassing aanvraag activiteit administratie adres advies alcohol arbeid armoede arts avond
baan bank begeleiding belasting beperking bescherming besteding betaling beweging bewind bewindvoering
bezoek bezwaar bijstand boodschap brief brigade budget buurt cafe centrum club coach computer crisis dag
dak dementie dienst digitaal drugs eenzaamheid energie eten formulier geheugen geld gemeente gesprek
geweld gezin gezondheid groep handicap hulp hulpmiddel huis huiselijk huisarts huishoud huishouding huur
incasso informatie inkomen inloop integratie jeugd jong jongeren kind kinder kleding klacht kosten kern
leven les lift loket maaltijd maatje makelaar mantel mantelzorg markt middel minima mobiel nacht ontmoeting
ondersteuning opgroei opvang opvoed opvoeding oud ouder partner pas plek post punt regeling rekening relatie
respijt rolstoel rouw schoonmaak school schuld scoot scootmobiel slaap sociaal spreekuur sport stage status
stoel stress taal team telefoon thuis toeslag trap uitkering vereniging verlening verpleging verslaving
verzekering vervoer voedsel vrijwilliger welzijn werk westland wijk woning zorg ziek houder
achterstand huurachterstand zorgverzekering zaken steun steunpunt
"""

BASE_VOCABULARY: frozenset[str] = frozenset(_BASE_WORDS.split())
"""Common word parts of the Westland social domain, used by :func:`split_compound` with any vocabulary.

Kept small and curated on purpose: these parts may be as short as three letters ("dag", "les", "pas"),
which is only safe for words we chose. Parts found only in a caller's vocabulary must be longer.
"""

_MIN_BASE_PART = 3
# Words from index texts include "ver", "lening" and "passing"; requiring four letters for them keeps
# "verlening" from being read as "ver" + "lening" (a loan).
_MIN_VOCABULARY_PART = 4
# Dutch linking morphemes between parts: mantelzorg-s-ondersteuning is not used but
# verslaving-s-zorg, formulier-en-brigade and zieken-huis are.
_LINKERS = ("en", "s", "e")
# Endings on the last part: plurals ("geldzorgen" = geld + zorg(en)) and the agent noun
# ("mantelzorger" = mantel + zorg(er), "jongerenwerkers" = jongeren + werk(ers)), so that those words share
# parts with "geldzorg", "mantelzorg" and "jongerenwerk" even though their whole-word stems differ.
_FINAL_ENDINGS = ("en", "s", "e", "n", "er", "ers")
# Never parts on their own: separable-verb particles and prefixes ("aan|passing", "op|voeding",
# "ver|lening", "onder|wijs", "samen|werking") and derivational suffixes ("eenzaam|heid",
# "vergeet|achtig"). Splitting those would invent meanings the word does not have.
_NON_PART_WORDS = """
aan af bij door in mee na om onder op over toe uit voor weg ver be ge ont her mis er te terug tegen achter
samen rond terecht langs vast los dicht
heid heden achtig achtige schap schappen baar bare loos loze matig matige lijk lijke lijkheid zaam zame ing
ingen isch ische nis nissen tje tjes jes erij ster aar ers elijk elijke
"""
_NON_PARTS = frozenset(_NON_PART_WORDS.split())
_MAX_COMPOUND_DEPTH = 3
# Longest part a compound is split into. With the word length capped too (MAX_TOKEN_LENGTH), a split costs
# at most MAX_TOKEN_LENGTH × MAX_PART_LENGTH look-ups: linear in the text, whatever is pasted into it.
MAX_PART_LENGTH = 32


def _is_part(part: str, vocabulary: Collection[str]) -> bool:
    if part in _NON_PARTS or part in STOPWORDS:
        return False
    if part in BASE_VOCABULARY:
        return len(part) >= _MIN_BASE_PART
    return len(part) >= _MIN_VOCABULARY_PART and part in vocabulary


def split_compound(word: str, vocabulary: Collection[str] = frozenset()) -> list[str]:
    """Split a Dutch compound into known parts: ``"jeugdhulp"`` → ``["jeugd", "hulp"]``.

    *vocabulary* holds known lowercase, folded, unstemmed words (typically every word of the index texts and
    synonyms); :data:`BASE_VOCABULARY` is always consulted as well. Among all readings of the word as known
    parts, optionally joined by a linking "s", "e" or "en" (verslaving-s-zorg, formulier-en-brigade), the one
    with the fewest parts wins, then the one with the fewest linkers and endings, then the one with the
    longest leading part. The last part may carry a plural or "-er" ending ("geldzorgen" → geld + zorg,
    "mantelzorger" → mantel + zorg). Linkers and endings are not returned: every part is a known word.

    A word that is itself in BASE_VOCABULARY is only split into BASE_VOCABULARY parts.
    Returns ``[word]`` when no reading into two or more parts exists. The split is one level deep: with
    "mantelzorg" known, "mantelzorgondersteuning" gives ``["mantelzorg", "ondersteuning"]``; call again on a
    part to go further (``normalise`` does).
    """
    word = fold(word)
    n = len(word)
    if n < 2 * _MIN_BASE_PART or n > MAX_TOKEN_LENGTH or not word.isalpha():
        # Longer than any real word (see MAX_TOKEN_LENGTH): not a compound worth the quadratic search.
        return [word]
    if word in BASE_VOCABULARY:
        # Curated words get curated splits only: "mantelzorg" → mantel + zorg, but "westland" stays whole
        # instead of becoming "west" + "land" because an index text happened to contain both.
        vocabulary = frozenset()

    # best[i]: cheapest reading of word[i:] as (number of parts, number of linkers/endings, parts).
    # Filled right to left so each suffix is solved once: at most n × MAX_PART_LENGTH set look-ups.
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[n] = (0, 0, [])
    for i in range(n - _MIN_BASE_PART, -1, -1):
        found: tuple[int, int, list[str]] | None = None
        # Longest part first: on equal cost the first reading found is kept, which favours long parts.
        for j in range(min(n, i + MAX_PART_LENGTH), i + _MIN_BASE_PART - 1, -1):
            part = word[i:j]
            # The whole word is a known word more often than not ("mantelzorg"); we want its parts.
            if (i == 0 and j == n) or not _is_part(part, vocabulary):
                continue
            options: list[tuple[int, int, list[str]]] = []
            if j == n:
                options.append((1, 0, [part]))
            for ending in _FINAL_ENDINGS:
                if i > 0 and word.endswith(ending, j) and j + len(ending) == n:
                    options.append((1, 1, [part]))
            if j < n and best[j] is not None and best[j][0] > 0:
                parts, extra, rest = best[j]
                options.append((parts + 1, extra, [part, *rest]))
            for linker in _LINKERS:
                k = j + len(linker)
                if k < n and word.startswith(linker, j) and best[k] is not None and best[k][0] > 0:
                    parts, extra, rest = best[k]
                    options.append((parts + 1, extra + 1, [part, *rest]))
            for option in options:
                if found is None or option[:2] < found[:2]:
                    found = option
        best[i] = found

    reading = best[0]
    if reading is None or reading[0] < 2:
        return [word]
    return reading[2]


# ---------------------------------------------------------------------------------------------------------
# Normalising
# ---------------------------------------------------------------------------------------------------------


def _is_term(token: str) -> bool:
    return token not in STOPWORDS


def _compound_parts(word: str, vocabulary: Collection[str], depth: int) -> list[str]:
    """All parts of *word*, breadth first: top-level parts before their sub-parts."""
    if depth >= _MAX_COMPOUND_DEPTH:
        return []
    parts = split_compound(word, vocabulary)
    if len(parts) < 2:
        return []
    nested = [sub for part in parts for sub in _compound_parts(part, vocabulary, depth + 1)]
    return parts + nested


def query_terms(text: str, *, vocabulary: Collection[str] = frozenset(), split: bool = True) -> list[str]:
    """Return the search terms of *text* as a list; ``normalise`` joins exactly this list with spaces.

    For each token that is not a stopword: its stem, and for a compound also the stems of its parts (and of
    their parts), e.g. "schuldhulpverlening" → ``["schuldhulpverlen", "schuld", "hulp", "verlen"]``.
    Duplicates are removed, first occurrence wins, so the order follows the text. With ``split=False``
    compounds are kept whole (only the stems of the words themselves).
    """
    terms: dict[str, None] = {}  # insertion-ordered set
    for token in tokenize(text):
        if not _is_term(token):
            continue
        terms.setdefault(stem(token))
        if not split:
            continue
        for part in _compound_parts(token, vocabulary, 0):
            if _is_term(part):
                terms.setdefault(stem(part))
    return list(terms)


def normalise(text: str, *, vocabulary: Collection[str] = frozenset()) -> str:
    """Return the normalised search string for *text*; use it for the index AND for the query.

    Steps: :func:`tokenize` (lowercase, accents folded), drop :data:`STOPWORDS`, :func:`stem` every token, and
    after each compound the stems of its parts found by :func:`split_compound` with *vocabulary* plus
    :data:`BASE_VOCABULARY`; duplicates removed, order kept. Examples::

        normalise("Schulden?")                 == "schuld"
        normalise("Schuldhulpverlening")        == "schuldhulpverlen schuld hulp verlen"
        normalise("geen geld voor boodschappen") == "geld boodschap"

    Index and query must be built with the same *vocabulary* (or at least the same BASE_VOCABULARY), or a
    compound may be split on one side only; the whole-word stem still matches in that case.
    """
    return " ".join(query_terms(text, vocabulary=vocabulary))


# ---------------------------------------------------------------------------------------------------------
# Typo correction ("did you mean")
# ---------------------------------------------------------------------------------------------------------

_MIN_CORRECTABLE = 4  # "gld" or "wmo" have too many neighbours at distance one to guess
# A word that is not in the vocabulary but reads as a compound of known parts ("jeugdhulpverlening") is
# probably spelled right and merely absent from the index; only a near-identical spelling may replace it.
# 90 still lets "formulierbrigade" (a missing linker) become "formulierenbrigade" (score 94), but keeps
# "jeugdhulpverlening" from becoming "schuldhulpverlening" (score 81).
_COMPOUND_SCORE_CUTOFF = 90


class FuzzyVocabulary:
    """Known words of the index (texts and synonyms) with typo correction for the "did you mean" line.

    Words are stored folded and unstemmed, because the suggestion is shown to the resident and must be a
    real word. Stopwords are known but never offered as corrections. Lookups only compare against words of a
    length that could reach the score cutoff, so a vocabulary of ~50k words costs a few milliseconds.
    """

    def __init__(self, words: Iterable[str]) -> None:
        """Build from *words*: single words or whole texts, which are tokenized the same way as queries."""
        counts: Counter[str] = Counter()
        for item in words:
            counts.update(token for token in tokenize(item) if token.isalpha())
        self._index(counts)

    @classmethod
    def from_counts(cls, counts: Mapping[str, int]) -> FuzzyVocabulary:
        """Build from ready word counts (folded single words), e.g. merged from cached per-source counts.

        Cheaper than tokenizing whole texts again: only the distinct words are indexed.
        """
        vocabulary = cls(())
        folded: Counter[str] = Counter()
        for word, count in counts.items():
            word = fold(word)
            if word.isalpha() and count > 0:
                folded[word] += count
        vocabulary._index(folded)
        return vocabulary

    def _index(self, counts: Counter[str]) -> None:
        self._counts = counts
        by_length: dict[int, list[str]] = {}
        for word in sorted(counts):
            if word not in STOPWORDS:
                by_length.setdefault(len(word), []).append(word)
        self._by_length = by_length

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and fold(word) in self._counts

    def __len__(self) -> int:
        return len(self._counts)

    @property
    def words(self) -> frozenset[str]:
        """The known words, usable as the ``vocabulary`` of :func:`normalise` and :func:`split_compound`."""
        return frozenset(self._counts)

    def _candidates(self, length: int, score_cutoff: float) -> list[str]:
        # fuzz.ratio = 2·matches / (len_a + len_b) · 100, so a word of length k can only reach the cutoff c
        # when  l·c/(200−c) ≤ k ≤ l·(200−c)/c. Skipping the rest is what keeps large vocabularies fast.
        if score_cutoff <= 0:
            low, high = 1, max(self._by_length, default=0)
        else:
            low = int(length * score_cutoff / (200 - score_cutoff))
            high = int(length * (200 - score_cutoff) / score_cutoff) + 1
        candidates: list[str] = []
        for size in range(max(low, 1), high + 1):
            candidates.extend(self._by_length.get(size, ()))
        return candidates

    def correct(self, token: str, *, score_cutoff: float = 80) -> str | None:
        """Return the known word closest to *token*, *token* itself if known, or ``None``.

        ``None`` also for tokens shorter than four letters and tokens with digits: too short to guess. The
        score is rapidfuzz's ``fuzz.ratio`` (0–100, normalised Indel similarity); among equally close words
        the one that occurs most often in the vocabulary wins, then the alphabetically first. An unknown
        word that splits into known parts (see :func:`split_compound`) needs a score of at least 90.
        """
        word = fold(token)
        if word in self._counts:
            return word
        if len(word) < _MIN_CORRECTABLE or not word.isalpha():
            return None
        if len(split_compound(word, self._counts)) > 1:
            score_cutoff = max(score_cutoff, _COMPOUND_SCORE_CUTOFF)
        matches = process.extract(
            word,
            self._candidates(len(word), score_cutoff),
            scorer=fuzz.ratio,
            score_cutoff=score_cutoff,
            limit=10,
        )
        if not matches:
            return None
        best_word, _score, _index = min(matches, key=lambda m: (-m[1], -self._counts[m[0]], m[0]))
        return best_word

    def suggest(self, text: str, *, score_cutoff: float = 80) -> str | None:
        """Return *text* with each unknown word replaced by its correction, or ``None`` if nothing changed.

        ``"schuldhulp verleining"`` → ``"schuldhulp verlening"``. The result is the folded, tokenized query
        (lowercase, no punctuation), ready to show as "Bedoelde je: …" and to search with. Stopwords, numbers
        and words without a close match are kept as typed.
        """
        tokens = tokenize(text)
        corrected: list[str] = []
        changed = False
        for token in tokens:
            replacement = None if token in STOPWORDS else self.correct(token, score_cutoff=score_cutoff)
            if replacement is not None and replacement != token:
                changed = True
                corrected.append(replacement)
            else:
                corrected.append(token)
        return " ".join(corrected) if changed else None
