"""The only thing search remembers: how often a normalised search found nothing, per day and kern.

Editors use it to see what residents look for but do not find (DESIGN.md: only aggregate, anonymous
counts). What is stored is deliberately poorer than what was typed:

- e-mail addresses, web addresses, phone numbers, postcodes and every word containing a digit are
  dropped, so a BSN, phone number or house number never reaches the database;
- the rest is lowercased, accents folded, stopwords removed, at most eight words of at most 30 letters;
- only the date, never the time; no IP address, session, user or anything else about the visitor;
- editors see a row only once it was counted ``ZeroResultQuery.MIN_VISIBLE_COUNT`` times, so a one-off
  search that might contain a name stays invisible.

Only the public search page and search API record; the questionnaire never does.
"""

import re

from django.db.models import Sum
from django.utils import timezone

from services.counters import increment

from .models import ZeroResultQuery
from .text import STOPWORDS, tokenize
from .understanding import clean_text

MAX_WORDS = 8
MAX_WORD_LENGTH = 30

_IDENTIFYING = re.compile(
    r"""
    \S+@\S+                                  # e-mail addresses
    | (?:https?://|www\.)\S+                 # web addresses
    | \b\d{4}\s?[A-Za-z]{2}\b                # Dutch postcodes (2671 AB)
    | [+(]?\d[\d\s().-]{5,}\d                # phone numbers, BSNs, account numbers
    """,
    re.VERBOSE,
)


def anonymised_text(text: str) -> str:
    """The storable form of a search text: no numbers, addresses or rare long strings; may be empty."""
    text = _IDENTIFYING.sub(" ", clean_text(text))
    words = [
        token
        for token in tokenize(text)
        if token.isalpha() and token not in STOPWORDS and len(token) <= MAX_WORD_LENGTH
    ]
    return " ".join(words[:MAX_WORDS])


def record_zero_result(*, text: str, kern: str | None = None, today=None) -> None:
    """Count one search that found nothing. Never raises: measuring must not break a search."""
    normalised = anonymised_text(text)
    if not normalised:
        return
    day = today or timezone.localdate()
    key = {"date": day, "text": normalised[:200], "kern": (kern or "")[:50]}
    increment(ZeroResultQuery, lookup=key)


def visible_zero_results(*, since=None):
    """Searches without results as editors may see them: totals per text and kern, only totals ≥ 5.

    Summed over the days since *since* (all days when None); rows below the threshold are left out in
    the query itself, so no view or export can show them.
    """
    queryset = ZeroResultQuery.objects.all()
    if since is not None:
        queryset = queryset.filter(date__gte=since)
    return (
        queryset.values("text", "kern")
        .annotate(total=Sum("count"))
        .filter(total__gte=ZeroResultQuery.MIN_VISIBLE_COUNT)
        .order_by("-total", "text", "kern")
    )
