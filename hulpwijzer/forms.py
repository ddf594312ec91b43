"""One Django form per question of the Hulpwijzer.

Every answer travels in the POST body (the visible fields of the current question plus hidden copies of the
earlier answers), so every form is bound to the whole POST again at every step and validates what it
finds there: a tampered hidden field is caught like a typo in a visible one. Every field is optional,
because "I'd rather not say" must always be possible; an empty answer means "we do not know".

Field names are unique across the forms, so one POST can hold the answers of all questions.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from services import choices
from services.models import Kern, LifeSituation, PostcodeArea
from services.vocabulary import Unanswered

PREFER_NOT = Unanswered.PREFER_NOT
UNKNOWN = Unanswered.UNKNOWN
# Options that only exist in this questionnaire, never in the engine or the APIs.
NONE_OF_THESE = "none"
OUTSIDE_WESTLAND = "outside"
# Drawn apart from the real answers, so "I'd rather not say" reads as an equal way out, not a wrong answer.
OTHER_ANSWERS = frozenset({PREFER_NOT, UNKNOWN, NONE_OF_THESE, OUTSIDE_WESTLAND})

CHOICE_ERROR = {"invalid_choice": _("Choose one of the options."), "invalid_list": _("Choose from the list.")}
PREFER_NOT_CHOICE = (PREFER_NOT, _("I'd rather not say"))

FOR_WHOM_CHOICES = choices.ForWhom.choices

AGE_BANDS = {
    # Band edges follow the age limits the sources name (12-23, under 25, up to 27, 75+): domain guide §7.
    "0-3": (0, 3),
    "4-11": (4, 11),
    "12-17": (12, 17),
    "18-23": (18, 23),
    "24-27": (24, 27),
    "28-64": (28, 64),
    "65-74": (65, 74),
    "75+": (75, None),
}
AGE_BAND_CHOICES = [
    ("0-3", _("0 to 3 years")),
    ("4-11", _("4 to 11 years")),
    ("12-17", _("12 to 17 years")),
    ("18-23", _("18 to 23 years")),
    ("24-27", _("24 to 27 years")),
    ("28-64", _("28 to 64 years")),
    ("65-74", _("65 to 74 years")),
    ("75+", _("75 years or older")),
    PREFER_NOT_CHOICE,
]

HOUSEHOLD_CHOICES = [*choices.Household.choices, PREFER_NOT_CHOICE]
# The income answers already hold "I don't know" and "I'd rather not say": the engine knows them too.
INCOME_CHOICES = choices.IncomeAnswer.choices
SPECIAL_CHOICES = [*choices.SpecialSituation.choices, (NONE_OF_THESE, _("None of these")), PREFER_NOT_CHOICE]
URGENCY_CHOICES = choices.Urgency.choices

TEXT_MAX_LENGTH = 200

# The same answers, said about someone else (help for a person one cares for or worries about).
THIRD_PERSON_LABELS = {
    choices.Household.ALONE: _("He or she lives alone"),
    choices.Household.PARTNER: _("With a partner, without children"),
    choices.Household.PARTNER_CHILDREN: _("With a partner and children"),
    choices.Household.SINGLE_PARENT: _("Alone with his or her children"),
    choices.Household.OTHER: _("Another way (for example with me, with parents or in a group home)"),
    choices.IncomeAnswer.BIJSTAND: _("He or she receives social assistance (bijstand)"),
    choices.IncomeAnswer.LOW: _("He or she has a low income"),
    choices.IncomeAnswer.NOT_LOW: _("He or she does not have a low income"),
    choices.SpecialSituation.CARER: _(
        "He or she cares for someone close for a long time, unpaid (mantelzorger)"
    ),
    choices.SpecialSituation.PARTNER_DIED: _("His or her partner died not long ago"),
    choices.SpecialSituation.READING: _("Reading, writing or filling in forms is hard for him or her"),
    choices.SpecialSituation.STATUS_HOLDER: _(
        "He or she came to the Netherlands as a refugee and has a residence permit (statushouder)"
    ),
    choices.SpecialSituation.INTEGRATION: _(
        "He or she has to take the civic integration course (inburgeren)"
    ),
    choices.SpecialSituation.HOMELESS: _("He or she has no home, or is about to lose it"),
    choices.SpecialSituation.LEAVING_INSTITUTION: _(
        "He or she is leaving an institution, a shelter or prison"
    ),
    choices.SpecialSituation.SCHOOL_LEAVER: _(
        "He or she is leaving practical or special secondary school (PrO or VSO)"
    ),
    choices.SpecialSituation.REFERRAL: _("He or she already has a referral from the GP or the SKT"),
    choices.SpecialSituation.INDICATION: _(
        "He or she already gets help from the municipality (an indicatie)"
    ),
}


class StepForm(forms.Form):
    """Base of the question forms: optional fields, and a way to carry the answers on in hidden fields."""

    def hidden_pairs(self):
        """The cleaned answers as (name, value) pairs for hidden inputs; empty answers are left out."""
        pairs = []
        for name in self.fields:
            value = self.cleaned_data.get(name)
            if value in (None, "", [], ()):
                continue
            if isinstance(value, list | tuple):
                pairs.extend((name, str(item)) for item in value)
            else:
                pairs.append((name, str(value)))
        return pairs


class AboutForm(StepForm):
    situations = forms.MultipleChoiceField(
        label=_("What is it about?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERROR,
    )
    text = forms.CharField(
        label=_("Or say it in your own words (you do not have to)"),
        help_text=_("For example: I can't read the letters from the municipality. Do not write your name."),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.situation_list = list(LifeSituation.objects.all())
        self.fields["situations"].choices = [(s.slug, s.name) for s in self.situation_list]


class ForWhomForm(StepForm):
    for_whom = forms.ChoiceField(
        label=_("Who is the help for?"),
        choices=FOR_WHOM_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERROR,
    )


class KernForm(StepForm):
    kern = forms.ChoiceField(
        label=_("Village"), required=False, widget=forms.RadioSelect, error_messages=CHOICE_ERROR
    )
    postcode = forms.CharField(
        label=_("Or fill in your postcode"),
        help_text=_("Only the 4 digits, for example 2671."),
        required=False,
        max_length=7,
        error_messages={"max_length": _("Fill in the 4 digits of your postcode, for example 2671.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kern_names = {k.slug: k.name for k in Kern.objects.all()}
        self.fields["kern"].choices = list(self.kern_names.items()) + [
            (OUTSIDE_WESTLAND, _("I do not live in Westland")),
            PREFER_NOT_CHOICE,
        ]

    def clean_postcode(self):
        value = self.cleaned_data.get("postcode", "").strip()
        if not value:
            return ""
        match = re.fullmatch(r"([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?", value)
        if not match:
            raise forms.ValidationError(_("Fill in the 4 digits of your postcode, for example 2671."))
        return match.group(1)

    def clean(self):
        cleaned = super().clean()
        self.postcode_area = None
        postcode = cleaned.get("postcode")
        # A village the resident chose wins over the postcode: the postcode table is not verified yet and
        # people know their village better than any table.
        if postcode and not cleaned.get("kern"):
            area = PostcodeArea.objects.select_related("kern").filter(pc4=postcode).first()
            if area is None:
                self.add_error(
                    "postcode",
                    _(
                        "We do not know postcode %(postcode)s in Westland. Choose your village in the list, "
                        "or choose 'I do not live in Westland'."
                    )
                    % {"postcode": postcode},
                )
            else:
                self.postcode_area = area
        return cleaned

    @property
    def resolved_kern(self):
        """The kern slug from the choice, else from the postcode; None when unknown or outside Westland."""
        kern = self.cleaned_data.get("kern")
        if kern in self.kern_names:
            return kern
        if not kern and self.postcode_area is not None:
            return self.postcode_area.kern.slug
        return None


class AgeForm(StepForm):
    age = forms.IntegerField(
        label=_("Age in years"),
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": _("Fill in the age as a number, for example 67."),
            "min_value": _("Fill in an age of 0 or more."),
            "max_value": _("Fill in an age of at most 120."),
        },
    )
    age_band = forms.ChoiceField(
        label=_("Or choose an age group"),
        choices=AGE_BAND_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERROR,
    )

    def band(self):
        """(low, high) of the chosen age group when no exact age was given; high is None for "75+"."""
        if self.cleaned_data.get("age") is not None:
            return None
        return AGE_BANDS.get(self.cleaned_data.get("age_band") or "")


class HouseholdForm(StepForm):
    household = forms.ChoiceField(
        label=_("Household"),
        choices=HOUSEHOLD_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERROR,
    )


class IncomeForm(StepForm):
    income = forms.ChoiceField(
        label=_("Income"),
        choices=INCOME_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERROR,
    )


class SpecialForm(StepForm):
    special = forms.MultipleChoiceField(
        label=_("Does one of these apply?"),
        choices=SPECIAL_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERROR,
    )

    def clean_special(self):
        chosen = self.cleaned_data.get("special") or []
        real = [value for value in chosen if value not in (NONE_OF_THESE, PREFER_NOT)]
        # Someone who ticks a situation and also "none of these" meant the situation; do not scold them.
        if real:
            return real
        if PREFER_NOT in chosen:
            return [PREFER_NOT]
        return [NONE_OF_THESE] if NONE_OF_THESE in chosen else []


class UrgencyForm(StepForm):
    urgency = forms.ChoiceField(
        label=_("How heavy is it?"),
        choices=URGENCY_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERROR,
    )
