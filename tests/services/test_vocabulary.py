"""One source per vocabulary: services/vocabulary.py spells the values, everything else agrees with it.

Two kinds of checks: the value sets seen by models, forms, the engine, the ranking and the suggestions
API are the enums' sets; and no code or template under services/, search/, hulpwijzer/ or templates/
spells one of the values itself (a scan of string literals, shown to fail on a small bad example).
"""

import ast
import json
import re
import sys
from pathlib import Path

import pytest

from services import choices
from services.eligibility import Criteria, Profile, evaluate
from services.models import ServicePage
from services.vocabulary import (
    PYRAMID_ORDER,
    ROLE_REQUIREMENTS,
    ForWhom,
    Household,
    IncomeAnswer,
    IncomeRule,
    PyramidLevel,
    Requirement,
    Residence,
    Role,
    ServiceStatus,
    SpecialSituation,
    Unanswered,
    Urgency,
)

ROOT = Path(__file__).resolve().parents[2]

VOCABULARIES = (
    PyramidLevel,
    ServiceStatus,
    Unanswered,
    ForWhom,
    Household,
    IncomeAnswer,
    IncomeRule,
    Residence,
    Role,
    Requirement,
    SpecialSituation,
    Urgency,
)


def values(enum_or_choices):
    return {str(member.value) for member in enum_or_choices}


# --------------------------------------------------------------------------------------------------
# The module itself
# --------------------------------------------------------------------------------------------------


def test_the_vocabulary_imports_only_the_standard_library():
    tree = ast.parse((ROOT / "services" / "vocabulary.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "the vocabulary imports nothing of the project"
            modules = [node.module or ""]
        else:
            continue
        for module in modules:
            assert module.split(".")[0] in sys.stdlib_module_names, module


@pytest.mark.parametrize(
    ("enum", "expected"),
    [
        # DESIGN.md's suggestions API contract and the values stored in the database: never change them here.
        (Household, ["alone", "partner", "partner_children", "single_parent", "other"]),
        (IncomeAnswer, ["bijstand", "low", "not_low", "unknown", "prefer_not"]),
        (ForWhom, ["self", "child", "cared_for", "worried_about"]),
        (IncomeRule, ["none", "bijstand", "low_income"]),
        (Residence, ["anywhere", "westland", "kernen"]),
        (PyramidLevel, ["sociale_basis", "vrij_toegankelijk", "maatwerk", "specialistisch"]),
        (ServiceStatus, ["active", "temporarily_closed", "ended"]),
        (Urgency, ["question", "some_help", "cant_cope"]),
        (
            Role,
            [
                "mantelzorger",
                "statushouder",
                "inburgeringsplichtig",
                "dakloos",
                "uitstroom_instelling",
                "schoolverlater_pro_vso",
                "indicatie",
                "verwijzing",
            ],
        ),
    ],
)
def test_the_stored_and_published_values_stay_as_they_are(enum, expected):
    assert [member.value for member in enum] == expected


def test_every_role_is_also_a_requirement_and_only_children_at_home_is_not_a_role():
    assert values(Requirement) - values(Role) == {Requirement.CHILDREN_AT_HOME}
    assert values(Role) <= values(Requirement)


def test_the_pyramid_order_is_the_order_of_the_levels():
    assert list(PYRAMID_ORDER) == list(PyramidLevel)
    assert list(PYRAMID_ORDER.values()) == [1, 2, 3, 4]


# --------------------------------------------------------------------------------------------------
# Labels, models and forms agree with the enums
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("labelled", "enum"),
    [
        (choices.PyramidLevel, PyramidLevel),
        (choices.ServiceStatus, ServiceStatus),
        (choices.IncomeRule, IncomeRule),
        (choices.Residence, Residence),
        (choices.Requirement, Requirement),
        (choices.ForWhom, ForWhom),
        (choices.Household, Household),
        (choices.IncomeAnswer, IncomeAnswer),
        (choices.SpecialSituation, SpecialSituation),
        (choices.Urgency, Urgency),
    ],
)
def test_every_labelled_choice_set_has_exactly_the_enums_values_and_a_label_for_each(labelled, enum):
    assert values(labelled) == values(enum)
    assert all(str(label) for _value, label in labelled.choices)


@pytest.mark.parametrize(
    ("field", "enum"),
    [
        ("pyramid_level", PyramidLevel),
        ("status", ServiceStatus),
        ("income_rule", IncomeRule),
        ("residence", Residence),
    ],
)
def test_service_page_field_choices_are_the_enums_values(field, enum):
    assert {value for value, _label in ServicePage._meta.get_field(field).choices} == values(enum)


def test_the_requirements_field_offers_exactly_the_requirements():
    assert set(ServicePage._meta.get_field("requirements").allowed) == values(Requirement)


def test_the_questionnaire_forms_offer_the_enums_plus_only_their_own_ways_out():
    from hulpwijzer import forms as qforms

    def offered(form_class, name):
        return {str(value) for value, _label in form_class().fields[name].choices}

    ways_out = {qforms.PREFER_NOT, qforms.NONE_OF_THESE}
    assert offered(qforms.ForWhomForm, "for_whom") == values(ForWhom)
    assert offered(qforms.HouseholdForm, "household") == values(Household) | {qforms.PREFER_NOT}
    assert offered(qforms.IncomeForm, "income") == values(IncomeAnswer)
    assert offered(qforms.SpecialForm, "special") == values(SpecialSituation) | ways_out
    assert offered(qforms.UrgencyForm, "urgency") == values(Urgency)
    assert values(Unanswered) <= qforms.OTHER_ANSWERS


def test_every_special_situation_leads_to_a_role_or_a_life_situation_and_every_role_is_reachable():
    from hulpwijzer import steps

    assert set(steps.SPECIAL_ROLES) | set(steps.SPECIAL_SITUATIONS) == values(SpecialSituation)
    reachable = {role for roles in steps.SPECIAL_ROLES.values() for role in roles}
    assert reachable == values(Role)


# --------------------------------------------------------------------------------------------------
# The engine, the ranking and the API accept exactly the enums' values
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", list(IncomeRule))
def test_the_engine_accepts_every_income_rule(rule):
    Criteria(income_rule=rule.value)


@pytest.mark.parametrize("residence", list(Residence))
def test_the_engine_accepts_every_residence_rule(residence):
    kernen = {"monster"} if residence is Residence.KERNEN else set()
    Criteria(residence=residence.value, residence_kernen=kernen)


@pytest.mark.parametrize(
    ("field", "enum"), [("household", Household), ("income", IncomeAnswer), ("for_whom", ForWhom)]
)
def test_a_profile_accepts_exactly_the_enums_values(field, enum):
    for member in enum:
        Profile(**{field: member.value})
    with pytest.raises(ValueError):
        Profile(**{field: "something_else"})


def test_the_engine_explains_every_requirement_and_rejects_others():
    verdict = evaluate(profile=Profile(), criteria=Criteria(requires=frozenset(values(Requirement))))
    explained = {reason.criterion for reason in (*verdict.unchecked, *verdict.caveats)}
    assert explained == values(Requirement)
    with pytest.raises(ValueError):
        Criteria(requires={"something_else"})


def test_a_role_the_resident_has_fulfils_the_requirement_of_the_same_name():
    for requirement in ROLE_REQUIREMENTS:
        profile = Profile(roles={Role(requirement.value).value}, roles_known=True)
        verdict = evaluate(profile=profile, criteria=Criteria(requires={requirement.value}))
        assert [reason.criterion for reason in verdict.passed] == [requirement]


def test_the_ranking_knows_every_status_and_level():
    from search import ranking

    assert values(ServiceStatus) == ranking.STATUSES
    assert set(ranking.PYRAMID_ORDER) == values(PyramidLevel)


def _post(client, body):
    return client.post("/api/v1/suggestions", json.dumps(body), content_type="application/json")


API_FIELDS = [("household", Household), ("income", IncomeAnswer), ("for_whom", ForWhom), ("urgency", Urgency)]


@pytest.mark.parametrize(
    ("field", "value"), [(field, member.value) for field, enum in API_FIELDS for member in enum]
)
def test_the_suggestions_api_accepts_every_value_of_the_enum(client, db, field, value):
    assert _post(client, {field: value}).status_code == 200


@pytest.mark.parametrize("field", [field for field, _enum in API_FIELDS])
def test_the_suggestions_api_refuses_values_outside_the_enum(client, db, field):
    assert _post(client, {field: "something_else"}).status_code == 400


def test_the_suggestions_api_accepts_every_role_and_no_other(client, db):
    assert _post(client, {"roles": [role.value for role in Role]}).status_code == 200
    assert _post(client, {"roles": [Requirement.CHILDREN_AT_HOME.value]}).status_code == 400


# --------------------------------------------------------------------------------------------------
# Nobody spells the values outside the vocabulary
# --------------------------------------------------------------------------------------------------

SCANNED_DIRS = ("services", "search", "hulpwijzer", "templates")
ALL_VALUES = frozenset(value for enum in VOCABULARIES for value in values(enum))
# Values that are also ordinary words in other roles (a Django "self" relation, the "kernen" relation, the
# compound part "bijstand", the access channel "verwijzing", a pictogram "child", the word "question" in a
# view's context): these count only where code compares something with them.
COMMON_WORDS = frozenset(
    {
        "active",
        "bijstand",
        "child",
        "ended",
        "kernen",
        "low",
        "none",
        "other",
        "partner",
        "question",
        "self",
        "unknown",
        "verwijzing",
        "westland",
    }
)
# Known exceptions, each with its reason. Each must still occur, so the list can only shrink.
ALLOWED: dict[tuple[str, str], str] = {}


def _python_literals(source: str):
    """(line, value) of every vocabulary value spelled in Python source, by the rules above."""
    tree = ast.parse(source)
    compared = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                items = operand.elts if isinstance(operand, ast.Tuple | ast.List | ast.Set) else [operand]
                compared.update(id(item) for item in items)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in ALL_VALUES
            and (node.value not in COMMON_WORDS or id(node) in compared)
        ):
            yield node.lineno, node.value


_TEMPLATE_TAG = re.compile(r"{%.*?%}", re.DOTALL)
_QUOTED = re.compile(r"""(==|!=|\bin)?\s*(["'])([a-z_]+)\2\s*(==|!=)?""")


def _template_literals(source: str):
    """(line, value) of each vocabulary value in a template tag: compared, or spelled if not a common word."""
    for tag in _TEMPLATE_TAG.finditer(source):
        for match in _QUOTED.finditer(tag.group()):
            before, _quote, value, after = match.groups()
            if value in ALL_VALUES and (value not in COMMON_WORDS or before or after):
                yield source.count("\n", 0, tag.start()) + 1, value


def spelled_values(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return list(_python_literals(text))
    return list(_template_literals(text))


def _scanned_files():
    for directory in SCANNED_DIRS:
        for path in sorted((ROOT / directory).rglob("*")):
            relative = path.relative_to(ROOT)
            if path.suffix not in (".py", ".html") or "migrations" in relative.parts:
                continue
            if relative == Path("services/vocabulary.py"):
                continue
            yield path, relative.as_posix()


def test_no_code_or_template_spells_a_vocabulary_value_outside_the_vocabulary():
    found = set()
    offences = []
    for path, relative in _scanned_files():
        for line, value in spelled_values(path):
            found.add((relative, value))
            if (relative, value) not in ALLOWED:
                offences.append(f"{relative}:{line}: {value!r}")
    assert not offences, (
        "use the enums of services/vocabulary.py (or a property in templates):\n" + "\n".join(offences)
    )
    stale = set(ALLOWED) - found
    assert not stale, f"no longer spelled there, remove from ALLOWED: {sorted(stale)}"


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("bad.py", 'if answers.for_whom == "child":\n    pass\n', [(1, "child")]),
        ("bad.py", 'ROLES = ("mantelzorger", "dakloos")\n', [(1, "mantelzorger"), (1, "dakloos")]),
        ("bad.py", 'if income in ("low", "not_low"):\n    pass\n', [(1, "low"), (1, "not_low")]),
        ("bad.html", '<p>\n{% if answers.for_whom == "worried_about" %}x{% endif %}', [(2, "worried_about")]),
        ("bad.html", "{% if page.residence != 'westland' %}x{% endif %}", [(1, "westland")]),
        ("good.py", '"""A carer ("mantelzorger") may ask."""\nmodel = ForeignKey("self")\n', []),
        ("good.html", '{% pictogram "child" %} {% trans "Someone I care for" %}', []),
    ],
)
def test_the_scan_finds_spelled_values_and_leaves_prose_alone(tmp_path, name, source, expected):
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    assert sorted(spelled_values(path)) == sorted(expected)


# --------------------------------------------------------------------------------------------------
# What templates ask instead of comparing with the values
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "cannot_cope", "worried_about"),
    [
        ({}, False, False),
        ({"urgency": Urgency.CANT_COPE.value}, True, False),
        ({"urgency": Urgency.SOME_HELP.value}, False, False),
        ({"for_whom": ForWhom.WORRIED_ABOUT.value}, False, True),
        ({"for_whom": ForWhom.CARED_FOR.value}, False, False),
    ],
)
def test_the_results_page_asks_the_answers_not_the_raw_values(answers, cannot_cope, worried_about):
    from hulpwijzer.steps import Answers

    assert Answers(**answers).cannot_cope is cannot_cope
    assert Answers(**answers).is_for_someone_worried_about is worried_about


def test_only_the_ways_out_of_a_question_are_drawn_as_other_options():
    from hulpwijzer import forms as qforms
    from hulpwijzer.views import _field_view

    for form, name, others in [
        (qforms.HouseholdForm(), "household", {Unanswered.PREFER_NOT}),
        (qforms.IncomeForm(), "income", {Unanswered.UNKNOWN, Unanswered.PREFER_NOT}),
        (qforms.SpecialForm(), "special", {Unanswered.PREFER_NOT, qforms.NONE_OF_THESE}),
        (qforms.UrgencyForm(), "urgency", set()),
    ]:
        options = _field_view(form, name)["options"]
        assert {option["value"] for option in options if option["is_other"]} == others, name
