"""``POST /api/v1/suggestions``: the Hulpwijzer's suggestions as JSON (contract in DESIGN.md).

Request: a JSON object, every field optional (``null`` counts as absent)::

    {"kern": "monster", "age": 72, "household": "alone", "income": "low",
     "situations": ["geld-en-schulden"], "roles": ["mantelzorger"], "children_ages": [4, 9],
     "text": "free text", "lang": "nl"}

Two optional fields beyond the contract, for the same behaviour as the questionnaire: ``for_whom``
(self|child|cared_for|worried_about) and ``urgency`` (question|some_help|cant_cope; "cant_cope" with a
safety-related situation puts crisis services first).

``roles`` present (even ``[]``) means "I answered which roles apply", so a service for carers is left out
for someone who listed no "mantelzorger" role; without ``roles`` such a service stays in as "unknown".

Decisions: unknown fields are rejected (400, listed in ``fields``) rather than ignored, because a
misspelt field ("situation") would otherwise silently give a resident the wrong suggestions. Bodies over
10 kB answer 413. Every error is JSON ``{"error": "...", "fields": {"name": "message"}}``, never a 500.
The body is a pydantic schema (strict: ``"72"`` is not an age), so the OpenAPI document is generated from
it; ``url`` in the answer is absolute, as in ``/api/v1/search``.
No CSRF token or cookie is needed: the endpoint changes nothing and reads only its body. Answers are not
logged or stored.
"""

from typing import Annotated, Literal

from ninja import Body, Field, Router, Schema
from pydantic import AfterValidator, ConfigDict, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

from services.choices import PyramidLevel
from services.eligibility import Profile
from services.models import Kern, LifeSituation
from services.vocabulary import ForWhom, Household, IncomeAnswer, Role, Urgency

from .suggestions import suggest

MAX_BODY_BYTES = 10 * 1024
MAX_LIST_ITEMS = 20
MAX_TEXT_LENGTH = 500
MAX_AGE = 120
MAX_CHILD_AGE = 30
LANGUAGES = ("nl", "en", "pl")

# The questionnaire's vocabularies (services/vocabulary.py) are the schema's enums.
Income = IncomeAnswer
Language = Literal[LANGUAGES]

router = Router(tags=["Hulpzoeker"])


def _known(model, what):
    """Slugs that change with the content are checked against the database, not a fixed enum."""

    def check(value):
        values = value if isinstance(value, list) else [value]
        known = set(model.objects.filter(slug__in=values).values_list("slug", flat=True))
        unknown = [item for item in values if item not in known]
        if unknown:
            raise PydanticCustomError("unknown_slug", f"Unknown {what}: {unknown[0]}.")
        return value

    return AfterValidator(check)


def _plain_text(value):
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "text must not contain NUL characters.")
    return value.strip()


class SuggestionRequest(Schema):
    """Every field is optional; ``null`` counts as absent."""

    # A misspelt field would silently change the suggestions, so unknown fields are an error.
    model_config = ConfigDict(extra="forbid")

    kern: Annotated[StrictStr, _known(Kern, "kern")] | None = Field(None, examples=["monster"])
    age: Annotated[StrictInt, Field(ge=0, le=MAX_AGE)] | None = None
    household: Household | None = None
    income: Income | None = None
    situations: (
        Annotated[list[StrictStr], Field(max_length=MAX_LIST_ITEMS), _known(LifeSituation, "situation")]
        | None
    ) = Field(None, description="Slugs of life situations.")
    roles: Annotated[list[Role], Field(max_length=MAX_LIST_ITEMS)] | None = Field(
        None, description="Given (even []) means the resident answered which roles apply."
    )
    children_ages: (
        Annotated[list[Annotated[StrictInt, Field(ge=0, le=MAX_CHILD_AGE)]], Field(max_length=MAX_LIST_ITEMS)]
        | None
    ) = None
    text: Annotated[StrictStr, Field(max_length=MAX_TEXT_LENGTH), AfterValidator(_plain_text)] | None = None
    lang: Language | None = None
    for_whom: ForWhom | None = None
    urgency: Urgency | None = Field(
        None, description="cant_cope with a safety-related situation puts crisis services first."
    )


class Suggestion(Schema):
    id: int
    slug: str
    name: str
    url: str = Field(description="Absolute URL of the service's page on this site.")
    organisation: str = Field(description="The organisation providing the service.")
    pyramid_level: PyramidLevel
    eligibility: Literal["eligible", "likely", "unknown"]
    reasons: list[str]
    next_step: str
    kernen: list[str]


class HumanRoute(Schema):
    id: int
    slug: str
    name: str
    url: str = Field(description="Absolute URL of the service's page on this site.")
    phone: str
    next_step: str


class CrisisLine(Schema):
    name: str
    number: str


class Fallback(Schema):
    text: str
    services: list[HumanRoute]
    crisis_lines: list[CrisisLine]


class SuggestionsResponse(Schema):
    suggestions: list[Suggestion]
    fallback: Fallback


class SuggestionsError(Schema):
    error: str
    fields: dict[str, str]


def _error(message, fields=None, *, status=400):
    response = JsonResponse({"error": message, "fields": fields or {}}, status=status)
    _never_cache(response)
    return response


def _never_cache(response):
    # Answers describe one resident's situation: no cache, shared or private, may keep them.
    response["Cache-Control"] = "no-store"
    add_never_cache_headers(response)


def invalid_input(request, problems) -> HttpResponse:
    """The 400 answer for a body the schema refused: one message per field."""
    if any(len(problem["loc"]) <= 2 for problem in problems):
        return _error("The body must be a JSON object.", {"body": "Send a JSON object, for example {}."})
    fields = {}
    for problem in problems:
        name = problem["loc"][2]
        if problem["type"] == "extra_forbidden":
            fields.setdefault(name, "Unknown field.")
        else:
            fields.setdefault(name, f"{name}: {problem['msg']}")
    return _error("Some fields are not valid.", fields)


def unreadable_body(request, *, too_large: bool) -> HttpResponse:
    if too_large:
        return _error(f"The body is larger than {MAX_BODY_BYTES} bytes.", status=413)
    return _error("The body is not valid JSON.", {"body": "Send a JSON object encoded as UTF-8."})


def method_not_allowed(request, allowed) -> HttpResponse:
    response = _error("Use POST with a JSON object in the body.", status=405)
    response["Allow"] = ", ".join(sorted(allowed))
    return response


def _absolute(request, item):
    return {**item, "url": request.build_absolute_uri(item["url"]) if item["url"] else item["url"]}


@router.post(
    "/suggestions",
    response={200: SuggestionsResponse, 400: SuggestionsError, 413: SuggestionsError},
    operation_id="suggestServices",
    summary="The lightest fitting help for a resident's situation. Answers are not stored.",
    url_name="api_suggestions",
)
def suggestions(request, response: HttpResponse, body: Body[SuggestionRequest]):
    """Suggestions for the profile in the JSON body (see the module docstring)."""
    roles = frozenset(body.roles or ())
    if body.for_whom == ForWhom.CARED_FOR:
        # Same rule as the questionnaire: looking for help for someone you care for makes you a carer.
        roles |= {Role.CARER}
    profile = Profile(
        kern=body.kern,
        age=body.age,
        household=body.household,
        children_ages=tuple(body.children_ages or ()),
        income=body.income,
        roles=roles,
        roles_known=body.roles is not None,
        situations=frozenset(body.situations or ()),
        for_whom=body.for_whom,
    )
    result = suggest(
        profile=profile,
        text=body.text or "",
        lang=body.lang or "nl",
        urgency=body.urgency,
        with_places=False,  # the JSON answer has no opening hours: not loaded
    ).as_api_dict()
    _never_cache(response)
    # Other systems read these links, so they are absolute, as in /api/v1/search.
    result["suggestions"] = [_absolute(request, item) for item in result["suggestions"]]
    result["fallback"]["services"] = [_absolute(request, item) for item in result["fallback"]["services"]]
    return result
