"""After "for whom", the later questions speak about that person, in Dutch (B1) and in translation."""

import pytest

from django.utils import translation

from hulpwijzer.steps import STEPS_BY_KEY, Answers, option_labels_for

from .helpers import Questionnaire

CARED = "cared_for"
WORRIED = "worried_about"


@pytest.mark.parametrize(
    ("for_whom", "step", "question"),
    [
        (None, "kern", "In welke kern woon je?"),
        ("self", "kern", "In welke kern woon je?"),
        ("child", "kern", "In welke kern woont je kind?"),
        (CARED, "kern", "In welke kern woont de persoon voor wie je zorgt?"),
        (WORRIED, "kern", "In welke kern woont de persoon over wie je je zorgen maakt?"),
        (None, "age", "Hoe oud ben je?"),
        ("self", "age", "Hoe oud ben je?"),
        ("child", "age", "Hoe oud is je kind?"),
        (CARED, "age", "Hoe oud is de persoon voor wie je zorgt?"),
        (WORRIED, "age", "Hoe oud is de persoon over wie je je zorgen maakt?"),
        ("self", "household", "Met wie woon je?"),
        # A child's household is the family's: the child schemes look at the parent's home.
        ("child", "household", "Met wie woon je?"),
        (CARED, "household", "Met wie woont de persoon voor wie je zorgt?"),
        (WORRIED, "household", "Met wie woont de persoon over wie je je zorgen maakt?"),
        ("self", "income", "Hoe is je inkomen?"),
        ("child", "income", "Hoe is het inkomen van je gezin?"),
        (CARED, "income", "Hoe is het inkomen van de persoon voor wie je zorgt?"),
        (WORRIED, "income", "Hoe is het inkomen van de persoon over wie je je zorgen maakt?"),
        ("child", "special", "Geldt een van deze dingen voor jou of je kind?"),
        (CARED, "special", "Geldt een van deze dingen voor de persoon voor wie je zorgt?"),
        (WORRIED, "special", "Geldt een van deze dingen voor de persoon over wie je je zorgen maakt?"),
        # "How heavy is it" stays about the resident: a carer's own burden is what decides carer support.
        (CARED, "urgency", "Hoe zwaar is het nu voor je?"),
    ],
)
def test_the_question_speaks_about_the_person_chosen(for_whom, step, question):
    with translation.override("nl"):
        assert STEPS_BY_KEY[step].question_for(Answers(for_whom=for_whom)) == question


@pytest.mark.parametrize(
    ("lang", "for_whom", "step", "question"),
    [
        ("en", CARED, "age", "How old is the person you care for?"),
        ("en", WORRIED, "household", "Who does the person you are worried about live with?"),
        ("pl", CARED, "age", "Ile lat ma osoba, którą się opiekujesz?"),
        ("pl", "child", "kern", "W której miejscowości mieszka twoje dziecko?"),
        ("pl", WORRIED, "income", "Jaki jest dochód osoby, o którą się martwisz?"),
    ],
)
def test_the_wording_about_the_person_is_translated(lang, for_whom, step, question):
    with translation.override(lang):
        assert STEPS_BY_KEY[step].question_for(Answers(for_whom=for_whom)) == question


@pytest.mark.parametrize(
    ("for_whom", "value", "label"),
    [
        ("self", "alone", None),
        ("child", "alone", None),
        (CARED, "alone", "Hij of zij woont alleen"),
        (WORRIED, "low", "Hij of zij heeft een laag inkomen"),
        (CARED, "reading", "Lezen, schrijven of formulieren invullen is moeilijk voor hem of haar"),
        (WORRIED, "homeless", "Hij of zij heeft geen huis, of raakt het huis bijna kwijt"),
    ],
)
def test_answer_options_about_someone_else_say_he_or_she(for_whom, value, label):
    with translation.override("nl"):
        labels = {key: str(text) for key, text in option_labels_for(Answers(for_whom=for_whom)).items()}
    assert labels.get(value) == label


def test_the_household_hint_for_someone_else_no_longer_says_answer_for_that_person():
    with translation.override("nl"):
        hint = STEPS_BY_KEY["household"].hint_for(Answers(for_whom=CARED))
    assert hint == "Weet je het niet? Sla deze vraag dan over."


def test_the_pages_ask_about_the_person_you_care_for(client, demo_data):
    q = Questionnaire(client)
    q.start()
    q.submit(situations=["mantelzorg"])
    kern = q.submit(for_whom=CARED)
    assert "In welke kern woont de persoon voor wie je zorgt?" in kern.content.decode()
    q.submit(kern="monster")
    household = q.submit(age="81")
    html = household.content.decode()
    assert "Met wie woont de persoon voor wie je zorgt?" in html
    assert "Hij of zij woont alleen" in html and "Ik woon alleen" not in html
    q.submit(household="alone")
    q.submit()
    q.submit(special=["reading"])
    summary = q.submit()
    values = [row["value"] for row in summary.context["rows"]]
    assert "Hij of zij woont alleen" in values
