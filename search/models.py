"""Search data editors manage (synonyms), the one aggregate we keep (zero-result counts), cache versions.

Nothing here stores anything about a person: no query text with personal data, no IP address, no time
of day, no session. See ``ZeroResultQuery`` for what is kept and why it is safe.
"""

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel

# Editors write one term per line or separate them with commas; both are natural in a textarea.
_TERM_SEPARATORS = re.compile(r"[\n\r,;]+")


def split_terms(text):
    """The terms of a one-per-line or comma-separated field, trimmed, without empties or duplicates."""
    seen = {}
    for part in _TERM_SEPARATORS.split(text or ""):
        term = " ".join(part.split())
        if term and term.casefold() not in seen:
            seen[term.casefold()] = term
    return list(seen.values())


class Synonym(models.Model):
    """Words residents use that should find the same help, applied when someone searches.

    Three kinds, in editors' words: "these words mean the same" (every word finds the others), "when
    someone types this, also search for that" (one way only, e.g. the English "lonely" → "eenzaam") and
    "someone may be in danger" (the words put crisis help first, see ``search.understanding``).
    Any kind may point to a life situation: then the services of that situation are shown as well.

    ``language`` is the language of the words residents type: Westland's labour migrants search in
    English, Polish, Romanian and Bulgarian, and a match in one of those tells the results page to say
    that service texts are in Dutch. ``context`` makes a row apply only when the query also has one of
    those words: "klachten" next to "pijn" is about health, next to "gemeente" about a complaint.
    A word ending in ``*`` matches every word starting with it ("dług*": długi, długów, długami),
    which is how one row covers languages that change word endings.
    Edits work on the next search; nothing needs to be reindexed.
    """

    class Kind(models.TextChoices):
        EQUIVALENT = "equivalent", _("These words mean the same")
        ONE_WAY = "one_way", _("When someone types this, also search for that")
        DANGER = "danger", _("Someone may be in danger: show crisis help first")

    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")
        POLISH = "pl", _("Polish")
        ROMANIAN = "ro", _("Romanian")
        BULGARIAN = "bg", _("Bulgarian")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.EQUIVALENT)
    terms = models.TextField(
        _("words"),
        help_text=_(
            "One word or short phrase per line, or separated by commas. For 'mean the same': all the words. "
            "For 'also search for': the words residents type."
        ),
    )
    expansions = models.TextField(
        _("also search for"),
        blank=True,
        help_text=_(
            "Only for 'also search for': the words to look for as well, one per line or comma-separated."
        ),
    )
    life_situation = models.ForeignKey(
        "services.LifeSituation",
        verbose_name=_("also show this life situation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_synonyms",
        help_text=_(
            "Optional. When a search uses one of the words, the services of this subject are shown too."
        ),
    )
    language = models.CharField(
        _("language of the words"),
        max_length=2,
        choices=Language.choices,
        default=Language.DUTCH,
        help_text=_("The language residents type these words in."),
    )
    context = models.TextField(
        _("only together with"),
        blank=True,
        help_text=_(
            "Optional. Use this row only when the search also contains one of these words, one per line "
            "or comma-separated. For words with two meanings, such as 'klachten'."
        ),
    )
    note = models.CharField(_("note for editors"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        HelpPanel(
            content=_(
                "Search results change on the next search after you save. Words are compared without "
                "capitals, accents and word endings, so 'Schulden' also covers 'schuld'."
            )
        ),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("terms"),
        FieldPanel("expansions"),
        FieldPanel("life_situation"),
        FieldPanel("context"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        terms = self.term_list
        label = ", ".join(terms[:4]) + (" …" if len(terms) > 4 else "")
        if self.kind == self.Kind.ONE_WAY and self.expansion_list:
            label += " → " + ", ".join(self.expansion_list[:4])
        return label or str(_("(empty)"))

    @property
    def term_list(self):
        return split_terms(self.terms)

    @property
    def expansion_list(self):
        return split_terms(self.expansions)

    @property
    def context_list(self):
        return split_terms(self.context)

    def clean(self):
        super().clean()
        errors = {}
        terms = self.term_list
        if not terms:
            errors["terms"] = _("Fill in at least one word.")
        elif any(len(term) > 100 for term in terms):
            errors["terms"] = _("Keep each word or phrase under 100 characters; put each on its own line.")
        elif any(_too_short_prefix(term) for term in terms + self.context_list):
            errors["terms"] = _("A word ending in * needs at least four letters before the *.")
        if self.kind == self.Kind.EQUIVALENT:
            if self.expansion_list:
                errors["expansions"] = _(
                    "'Also search for' is only for the one-way kind. Put these words under 'words', or "
                    "choose the other kind."
                )
            elif len(terms) < 2 and self.life_situation_id is None:
                errors["terms"] = _("Give at least two words that mean the same, or choose a life situation.")
        elif self.kind == self.Kind.ONE_WAY and not self.expansion_list and self.life_situation_id is None:
            errors["expansions"] = _("Say what else to search for, or choose a life situation to show.")
        if errors:
            raise ValidationError(errors)


def _too_short_prefix(term):
    # "ver*" would match most of the language; four letters keep a prefix about one subject.
    return any(word.endswith("*") and len(word.rstrip("*")) < 4 for word in term.split())


class ZeroResultQuery(models.Model):
    """How often, per day and kern, a normalised search found nothing. Nothing identifying is kept.

    ``text`` is the normalised form (stems without numbers, e-mail addresses or very long words, see
    ``search.measurement``), never the typed text; there is no time of day, no IP, no session and no user.
    Editors only ever see rows counted at least ``MIN_VISIBLE_COUNT`` times, so a one-off search that
    might contain a name stays invisible.
    """

    MIN_VISIBLE_COUNT = 5

    date = models.DateField(_("date"))
    text = models.CharField(_("search (normalised)"), max_length=200)
    kern = models.CharField(_("village"), max_length=50, blank=True)
    count = models.PositiveIntegerField(_("number of searches"), default=0)

    class Meta:
        ordering = ["-date", "-count", "text"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["date", "text", "kern"], name="search_zero_result_unique_day")
        ]

    def __str__(self):
        return self.text


class CacheVersion(models.Model):
    """A token that changes whenever data behind a search cache changes.

    Kept in the database rather than in Django's cache so every worker process sees an editor's change
    on its next search, whatever cache backend is configured. The token is random, not a counter, so a
    rolled-back transaction can never make an old token mean new data.
    """

    name = models.CharField(max_length=50, unique=True)
    token = models.CharField(max_length=32, default="")

    class Meta:
        verbose_name = _("search cache version")

    def __str__(self):
        return f"{self.name}={self.token}"

    @staticmethod
    def new_token():
        return uuid.uuid4().hex
