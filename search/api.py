"""``GET /api/v1/search``: the search page's results as JSON (DESIGN.md, "Search API").

``?q=&kern=&situation=&group=&channel=&cost=&open_now=1&page=N`` →
``{"count", "results": [{"id", "slug", "name", "url", "organisation", "pyramid_level", "kernen", "score"}],
"facets": {...}, "suggestion"}``, ordered exactly as the search page orders them (same ``search_services``
call). The parameters are a pydantic schema with the page's choices and messages (``search.filters``), so
the OpenAPI document is generated from them. An unknown or malformed parameter answers 400 with
``{"error": "...", "fields": {"<parameter>": ["<message>", ...]}}``; never a 500 for bad input.
"""

from typing import Annotated

from ninja import Field, Query, Router, Schema
from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from services.choices import AccessChannel, Cost, PyramidLevel
from services.models import Kern, LifeSituation, TargetGroup

from .filters import INVALID_CHOICE_MESSAGES, PAGE_MESSAGES, OpenNow
from .measurement import record_zero_result
from .retrieval import FACETS, MAX_PAGE, search_services
from .understanding import MAX_QUERY_CHARS, clean_text

router = Router(tags=["Hulpzoeker"])


def _known(model):
    """Slugs that change with the content are checked against the database, not a fixed enum."""

    def check(value):
        if value is None:
            return value
        values = value if isinstance(value, list) else [value]
        known = set(model.objects.filter(slug__in=values).values_list("slug", flat=True))
        for item in values:
            if item not in known:
                # The message is replaced by the page's wording (INVALID_CHOICE_MESSAGES), given the value.
                raise PydanticCustomError("unknown_slug", "Unknown value: {value}.", {"value": item})
        return value

    return AfterValidator(check)


def _blank_is_absent(value):
    # An empty form field (``?kern=``) means "no choice", as on the search page.
    return None if value == "" else value


def _blank_items_dropped(value):
    return [item for item in value if item != ""] if isinstance(value, list) else value


Slugs = Annotated[list[str], BeforeValidator(_blank_items_dropped)]


class SearchQuery(Schema):
    # The API refuses what the search page cuts: a program can shorten its own text, and the limit is then
    # in the OpenAPI document (maxLength) instead of a silent difference between request and answer.
    q: Annotated[str, AfterValidator(clean_text)] = Field(
        "",
        max_length=MAX_QUERY_CHARS,
        description=f"Free text, at most {MAX_QUERY_CHARS} characters.",
    )
    kern: Annotated[str | None, BeforeValidator(_blank_is_absent), _known(Kern)] = Field(
        None, description="Slug of a kern (village), for example monster."
    )
    situation: Annotated[Slugs, _known(LifeSituation)] = Field(
        [], description="Slugs of life situations; repeat the parameter for more than one."
    )
    group: Annotated[Slugs, _known(TargetGroup)] = Field(
        [], description="Slugs of target groups; repeat the parameter for more than one."
    )
    channel: Annotated[list[AccessChannel], BeforeValidator(_blank_items_dropped)] = Field(
        [], description="Ways to get the help; repeat the parameter for more than one."
    )
    cost: Annotated[Cost | None, BeforeValidator(_blank_is_absent)] = None
    open_now: Annotated[OpenNow | None, BeforeValidator(_blank_is_absent)] = Field(
        None, description="1: only services open now."
    )
    page: Annotated[int, BeforeValidator(lambda value: 1 if value == "" else value)] = Field(
        1, ge=1, le=MAX_PAGE, description="Page number, from 1."
    )


class SearchResult(Schema):
    id: int
    slug: str
    name: str
    url: str | None = Field(description="Absolute URL of the service's page on this site.")
    organisation: str = Field(description="The organisation providing the service.")
    pyramid_level: PyramidLevel
    kernen: list[str]
    score: float


class FacetValue(Schema):
    value: str
    label: str
    count: int = Field(ge=0)
    selected: bool


class SearchResponse(Schema):
    count: int = Field(ge=0)
    results: list[SearchResult]
    facets: dict[str, list[FacetValue]] = Field(description="Per filter: " + ", ".join(FACETS) + ".")
    suggestion: str | None = Field(description="A did-you-mean correction of q, or null.")


class SearchError(Schema):
    error: str
    fields: dict[str, list[str]]


def _message(problem) -> str:
    parameter = problem["loc"][1] if len(problem["loc"]) > 1 else ""
    kind = problem["type"]
    if parameter == "page":
        key = {"greater_than_equal": "min_value", "less_than_equal": "max_value"}.get(kind, "invalid")
        return str(PAGE_MESSAGES[key])
    if parameter in INVALID_CHOICE_MESSAGES:
        value = problem.get("ctx", {}).get("value", problem.get("input"))
        return str(INVALID_CHOICE_MESSAGES[parameter]) % {"value": value}
    return problem["msg"]


def invalid_input(request, problems) -> HttpResponse:
    """The 400 answer for parameters the schema refused, in the page's words."""
    fields = {}
    for problem in problems:
        parameter = problem["loc"][1] if len(problem["loc"]) > 1 else "query"
        message = _message(problem)
        if message not in fields.setdefault(parameter, []):
            fields[parameter].append(message)
    return _error(_("Some search parameters are not valid."), fields, status=400)


def method_not_allowed(request, allowed) -> HttpResponse:
    response = _error("Use GET.", {}, status=405)
    response["Allow"] = ", ".join(sorted(allowed))
    return response


def _error(message, fields, *, status):
    response = JsonResponse({"error": message, "fields": fields}, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _result(request, result):
    document = result.document
    return {
        "id": document.id,
        "slug": document.slug,
        "name": document.title,
        "url": request.build_absolute_uri(document.url) if document.url else None,
        "organisation": document.organisation,
        "pyramid_level": document.pyramid_level,
        "kernen": list(document.kernen),
        "score": round(result.score, 4),
    }


def _facets(facets):
    return {
        name: [
            {"value": v["value"], "label": v["label"], "count": v["count"], "selected": v["selected"]}
            for v in values
        ]
        for name, values in facets.items()
    }


@router.get(
    "/search",
    response={200: SearchResponse, 400: SearchError},
    operation_id="searchServices",
    summary="Search services, ordered as the search page orders them.",
    url_name="search_api",
)
def search_api(request, response: HttpResponse, params: Query[SearchQuery]):
    """Unknown filter values answer 400 with a JSON message per parameter."""
    results = search_services(
        text=params.q,
        kern=params.kern,
        situations=tuple(params.situation),
        groups=tuple(params.group),
        channels=tuple(channel.value for channel in params.channel),
        cost=params.cost.value if params.cost else None,
        open_now=params.open_now == OpenNow.YES,
        page=params.page,
    )
    if params.q and results.count == 0 and params.page == 1:
        record_zero_result(text=params.q, kern=params.kern)
    # Results follow the content; a shared cache must not keep them, and the query is nobody else's.
    response["Cache-Control"] = "private, no-store"
    return {
        "count": results.count,
        "results": [_result(request, result) for result in results.results],
        "facets": _facets(results.facets),
        "suggestion": results.suggestion,
    }
