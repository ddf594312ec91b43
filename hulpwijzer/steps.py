"""The questions of the Hulpwijzer, in asking order, and how the answers become an eligibility Profile.

The questionnaire keeps nothing on the server: the answers come back in every POST, are validated again by
the step forms (forms.py) and turned into :class:`Answers` here. ``Answers.profile()`` is the only way from
answers to the eligibility engine's ``Profile``, used by the pages; the JSON API builds its Profile from
the same vocabulary (api.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from services.eligibility import Profile
from services.vocabulary import ForWhom, Role, SpecialSituation, Urgency

from . import forms as qforms


@dataclass(frozen=True)
class Step:
    """One question: its form, the question in B1, a hint, and a short prompt for a volunteer."""

    key: str
    form_class: type
    question: str
    hint: str
    prompt: str
    summary_label: str

    def question_for(self, answers: Answers) -> str:
        """The question, worded for the person the help is for (see ABOUT_THE_PERSON)."""
        return str(ABOUT_THE_PERSON.get(answers.for_whom, {}).get(self.key, ("", ""))[0] or self.question)

    def hint_for(self, answers: Answers) -> str:
        return str(ABOUT_THE_PERSON.get(answers.for_whom, {}).get(self.key, ("", ""))[1] or self.hint)


def option_labels_for(answers: Answers) -> dict:
    """Answer options that speak about the other person instead of "I" (value → label); empty for oneself."""
    if answers.for_whom in (ForWhom.CARED_FOR, ForWhom.WORRIED_ABOUT):
        return qforms.THIRD_PERSON_LABELS
    return {}


# After "for whom", each later question speaks about that person: (question, hint) per step, "" keeps the
# usual one. Every page names the person in full, because a page is read (and heard) on its own, so a
# bare "he or she" would have nothing to point back to. For a child, household, income and "does one of
# these apply" are about the family, since that is what child schemes look at.
_DONT_KNOW = _("Do you not know? Then skip this question.")
ABOUT_THE_PERSON: dict[str, dict[str, tuple]] = {
    ForWhom.CHILD: {
        "kern": (_("In which village does your child live?"), ""),
        "age": (_("How old is your child?"), ""),
        "household": (
            "",
            _("We mean your own home. Does your child live with you? Then choose an answer with children."),
        ),
        "income": (_("How is the income of your family?"), ""),
        "special": (_("Does one of these apply to you or your child?"), ""),
    },
    ForWhom.CARED_FOR: {
        "kern": (_("In which village does the person you care for live?"), ""),
        "age": (_("How old is the person you care for?"), ""),
        "household": (_("Who does the person you care for live with?"), _DONT_KNOW),
        "income": (_("How is the income of the person you care for?"), ""),
        "special": (_("Does one of these apply to the person you care for?"), ""),
    },
    ForWhom.WORRIED_ABOUT: {
        "kern": (_("In which village does the person you are worried about live?"), ""),
        "age": (_("How old is the person you are worried about?"), ""),
        "household": (_("Who does the person you are worried about live with?"), _DONT_KNOW),
        "income": (_("How is the income of the person you are worried about?"), ""),
        "special": (_("Does one of these apply to the person you are worried about?"), ""),
    },
}


STEPS: tuple[Step, ...] = (
    Step(
        key="about",
        form_class=qforms.AboutForm,
        question=_("What is it about?"),
        hint=_("Choose one or more subjects. Not sure? Then just go on."),
        prompt=_("Ask: What is on your mind? What would you like to change?"),
        summary_label=_("What it is about"),
    ),
    Step(
        key="for_whom",
        form_class=qforms.ForWhomForm,
        question=_("Who is the help for?"),
        hint=_("The next questions are about this person."),
        prompt=_("Ask: Is this about yourself, or about someone else?"),
        summary_label=_("For whom"),
    ),
    Step(
        key="kern",
        form_class=qforms.KernForm,
        question=_("In which village do you live?"),
        hint=_("Then we show help close to home first."),
        prompt=_("Ask: In which village do you live? The postcode is fine too."),
        summary_label=_("Village"),
    ),
    Step(
        key="age",
        form_class=qforms.AgeForm,
        question=_("How old are you?"),
        hint=_("Some help is only for certain ages. An age group is fine too."),
        prompt=_("Ask: How old are you? A rough age is fine."),
        summary_label=_("Age"),
    ),
    Step(
        key="household",
        form_class=qforms.HouseholdForm,
        question=_("Who do you live with?"),
        hint=_("Is the help for someone else? Then answer for that person."),
        prompt=_("Ask: Who lives with you at home?"),
        summary_label=_("Household"),
    ),
    Step(
        key="income",
        form_class=qforms.IncomeForm,
        question=_("How is your income?"),
        hint=_(
            "Some help is only for people with a low income. We never ask how much you earn. "
            "The limits differ per scheme, so we can only say whether you probably qualify."
        ),
        prompt=_("Ask: Do you receive social assistance, or is your income low? No amounts needed."),
        summary_label=_("Income"),
    ),
    Step(
        key="special",
        form_class=qforms.SpecialForm,
        question=_("Does one of these apply to you?"),
        hint=_("Tick everything that fits. This helps us find help that is meant for you."),
        prompt=_("Ask: Do you care for someone? Is reading hard? Are you new in the Netherlands?"),
        summary_label=_("Your situation"),
    ),
    Step(
        key="urgency",
        form_class=qforms.UrgencyForm,
        question=_("How heavy is it for you now?"),
        hint=_("Then we know what kind of help fits best."),
        prompt=_("Ask: How are you doing? Is it getting too much?"),
        summary_label=_("How heavy"),
    ),
)

STEP_KEYS = tuple(step.key for step in STEPS)
STEPS_BY_KEY = {step.key: step for step in STEPS}

# What a special situation means for the eligibility engine (roles) and which life situations it implies,
# so ticking "I have to integrate" also finds the language help without choosing that subject first.
SPECIAL_ROLES = {
    SpecialSituation.CARER: (Role.CARER,),
    SpecialSituation.STATUS_HOLDER: (Role.STATUS_HOLDER,),
    SpecialSituation.INTEGRATION: (Role.INTEGRATION_DUTY,),
    SpecialSituation.HOMELESS: (Role.HOMELESS,),
    SpecialSituation.LEAVING_INSTITUTION: (Role.LEAVING_INSTITUTION,),
    SpecialSituation.SCHOOL_LEAVER: (Role.SCHOOL_LEAVER,),
    SpecialSituation.REFERRAL: (Role.REFERRAL,),
    SpecialSituation.INDICATION: (Role.ASSESSMENT,),
}
SPECIAL_SITUATIONS = {
    SpecialSituation.CARER: ("mantelzorg",),
    SpecialSituation.PARTNER_DIED: ("eenzaamheid-en-ontmoeting",),
    SpecialSituation.READING: ("formulieren-en-brieven", "taal-en-digitale-vaardigheden"),
    SpecialSituation.STATUS_HOLDER: ("taal-en-digitale-vaardigheden",),
    SpecialSituation.INTEGRATION: ("taal-en-digitale-vaardigheden",),
    SpecialSituation.HOMELESS: ("wonen-en-dakloosheid",),
    SpecialSituation.LEAVING_INSTITUTION: ("wonen-en-dakloosheid",),
    SpecialSituation.SCHOOL_LEAVER: ("werk-en-dagbesteding",),
}
# Situations where "I can't cope any more" means danger, so crisis lines go first (domain guide §2).
SAFETY_SITUATIONS = frozenset({"veiligheid-en-huiselijk-geweld", "psychische-gezondheid"})
SAFETY_ROLES = frozenset({Role.HOMELESS})


@dataclass(frozen=True)
class Answers:
    """What the resident answered, validated. Empty values mean "not answered"."""

    situations: tuple[str, ...] = ()
    text: str = ""
    for_whom: str | None = None
    kern_choice: str | None = None
    postcode: str = ""
    kern: str | None = None
    kern_name: str | None = None
    kern_from_postcode: bool = False
    postcode_verified: bool = False
    age: int | None = None
    age_band: str | None = None
    household: str | None = None
    income: str | None = None
    special: tuple[str, ...] = ()
    urgency: str | None = None

    def age_range(self) -> tuple[int, int | None] | None:
        """(low, high) of the chosen age group, only when no exact age was given."""
        if self.age is not None:
            return None
        return qforms.AGE_BANDS.get(self.age_band or "")

    @property
    def cannot_cope(self) -> bool:
        """The resident answered "I can't cope any more": the results page shows the crisis lines."""
        return self.urgency == Urgency.CANT_COPE

    @property
    def is_for_someone_worried_about(self) -> bool:
        return self.for_whom == ForWhom.WORRIED_ABOUT

    def roles(self) -> frozenset[str]:
        roles = {role for key in self.special for role in SPECIAL_ROLES.get(key, ())}
        if self.for_whom == ForWhom.CARED_FOR:
            # Whoever looks for help for someone they care for is a mantelzorger; carers' support fits them.
            roles.add(Role.CARER)
        return frozenset(roles)

    def all_situations(self) -> frozenset[str]:
        """Chosen life situations plus those implied by the special situations and by "for whom"."""
        implied = {slug for key in self.special for slug in SPECIAL_SITUATIONS.get(key, ())}
        if self.for_whom == ForWhom.CARED_FOR:
            implied.add("mantelzorg")
        return frozenset(self.situations) | implied

    def profile(self) -> Profile:
        """The eligibility engine's view of these answers."""
        roles_known = bool(self.special) and self.special != (qforms.PREFER_NOT,)
        return Profile(
            kern=self.kern,
            lives_in_westland=False if self.kern_choice == qforms.OUTSIDE_WESTLAND else None,
            age=self.age,
            household=self.household if self.household != qforms.PREFER_NOT else None,
            income=self.income or None,
            roles=self.roles(),
            roles_known=roles_known,
            situations=self.all_situations(),
            for_whom=self.for_whom or None,
        )


def is_crisis(*, urgency, situations, roles) -> bool:
    """Whether crisis services go first: "can't cope any more" together with a safety-related answer."""
    if urgency != Urgency.CANT_COPE:
        return False
    return bool(SAFETY_SITUATIONS & frozenset(situations) or SAFETY_ROLES & frozenset(roles))


@dataclass
class Parsed:
    """All step forms bound to one POST, and the answers of the valid ones."""

    forms: dict = field(default_factory=dict)
    answers: Answers = field(default_factory=Answers)

    def invalid_steps(self) -> list[str]:
        return [key for key in STEP_KEYS if self.forms[key].errors]

    def hidden_pairs(self, *, exclude: str | None = None) -> list[tuple[str, str]]:
        """(name, value) pairs of every valid answer, except those of the step shown as visible fields."""
        pairs = []
        for key in STEP_KEYS:
            form = self.forms[key]
            if key == exclude or form.errors:
                continue
            pairs.extend(form.hidden_pairs())
        return pairs


def parse(data) -> Parsed:
    """Bind every step form to ``data`` (a QueryDict or dict) and collect the valid answers.

    Invalid answers are left out of :class:`Answers` (they count as not answered); the caller decides
    whether to show the form with its errors.
    """
    bound = {step.key: step.form_class(data=data) for step in STEPS}
    values = {}
    for key, form in bound.items():
        if not form.is_valid():
            continue
        cleaned = form.cleaned_data
        if key == "about":
            values["situations"] = tuple(cleaned.get("situations") or ())
            values["text"] = cleaned.get("text") or ""
        elif key == "for_whom":
            values["for_whom"] = cleaned.get("for_whom") or None
        elif key == "kern":
            kern = form.resolved_kern
            values.update(
                kern_choice=cleaned.get("kern") or None,
                postcode=cleaned.get("postcode") or "",
                kern=kern,
                kern_name=form.kern_names.get(kern) if kern else None,
                kern_from_postcode=bool(kern and not cleaned.get("kern")),
                postcode_verified=bool(form.postcode_area and form.postcode_area.verified),
            )
        elif key == "age":
            values["age"] = cleaned.get("age")
            values["age_band"] = cleaned.get("age_band") or None
        elif key == "household":
            values["household"] = cleaned.get("household") or None
        elif key == "income":
            values["income"] = cleaned.get("income") or None
        elif key == "special":
            values["special"] = tuple(cleaned.get("special") or ())
        elif key == "urgency":
            values["urgency"] = cleaned.get("urgency") or None
    return Parsed(forms=bound, answers=Answers(**values))


def _label(choices, value, labels=None):
    label = next((label for key, label in choices if key == value), "")
    return str((labels or {}).get(value, label))


def summary_rows(parsed: Parsed) -> list[dict]:
    """One row per question for the "check your answers" page: the step, its label and the answer in words."""
    answers = parsed.answers
    labels = option_labels_for(answers)
    not_answered = str(_("Not filled in"))
    rows = []
    for step in STEPS:
        form = parsed.forms[step.key]
        value = ""
        if step.key == "about":
            names = dict(form.fields["situations"].choices)
            parts = [str(names.get(slug, slug)) for slug in answers.situations]
            if answers.text:
                parts.append(str(_("In your own words: “%(text)s”")) % {"text": answers.text})
            value = "; ".join(parts)
        elif step.key == "for_whom":
            value = _label(qforms.FOR_WHOM_CHOICES, answers.for_whom)
        elif step.key == "kern":
            if answers.kern_name and answers.kern_from_postcode:
                if answers.postcode_verified:
                    template = _("%(kern)s (from postcode %(postcode)s)")
                else:
                    template = _("%(kern)s (from postcode %(postcode)s; we have not checked this yet)")
                value = str(template) % {"kern": answers.kern_name, "postcode": answers.postcode}
            elif answers.kern_name:
                value = answers.kern_name
            else:
                value = _label(form.fields["kern"].choices, answers.kern_choice)
        elif step.key == "age":
            if answers.age is not None:
                value = str(_("%(age)s years")) % {"age": answers.age}
            else:
                value = _label(qforms.AGE_BAND_CHOICES, answers.age_band)
        elif step.key == "household":
            value = _label(qforms.HOUSEHOLD_CHOICES, answers.household, labels)
        elif step.key == "income":
            value = _label(qforms.INCOME_CHOICES, answers.income, labels)
        elif step.key == "special":
            value = "; ".join(_label(qforms.SPECIAL_CHOICES, key, labels) for key in answers.special)
        elif step.key == "urgency":
            value = _label(qforms.URGENCY_CHOICES, answers.urgency)
        label = step.summary_label
        if step.key == "special" and answers.for_whom not in (None, ForWhom.SELF):
            label = _("Situation")
        rows.append({"step": step, "label": label, "value": value or not_answered})
    return rows
