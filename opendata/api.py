"""The HSDS 3.0 read API under /api/hsds/ (conventions in profile.py), a Django Ninja router.

The views never look at the user or the session: every visitor, logged in or not, gets the same bytes,
so shared caches may keep them (``Cache-Control: public``) and partner-only data cannot slip in.
Bad input answers 400 or 404 with a JSON body, never 500. Error messages are plain English and not
translated on purpose: the API is for developers, and its output must not vary with Accept-Language.

Parameters are pydantic schemas, so the OpenAPI document (hulpzoeker/api.py) is generated from them;
response bodies are the official HSDS 3.0 JSON schemas in ``schema/``, referenced as components.
HSDS paths have no trailing slash (``/services/{id}``); we accept one too, because the site's other
URLs end in a slash and people will type it.
"""

import datetime
import functools
import json
import math
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

from ninja import Field, Query, Router, Schema
from pydantic import BeforeValidator, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from django.http import JsonResponse
from django.utils.dateparse import parse_date, parse_datetime

from . import ids, mapping, queries
from .profile import HSDS_VERSION, TAXONOMY_BY_CODE, all_terms, profile_document

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 100
PAGE_MAX = 100_000
SEARCH_MAX = 200
ID_MAX = 100
MAX_AGE_OK = 300
MAX_AGE_ERROR = 60
TIME_ZONE = ZoneInfo("Europe/Amsterdam")
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
POSTCODE = r"^[1-9][0-9]{3} ?([A-Za-z]{2})?$"
MOMENT_MESSAGE = (
    "modified_after must be an ISO 8601 date or date-time, for example 2025-01-31 or 2025-01-31T09:00:00Z."
)
PATTERN_MESSAGES = {
    "kern": "kern must be the slug of a kern, for example naaldwijk.",
    "postcode": "postcode must be a Dutch postcode, for example 2671 or 2671 AB.",
}
BOUNDS = {"page": (1, PAGE_MAX), "per_page": (1, PER_PAGE_MAX)}

router = Router(tags=["HSDS"])


class ParameterError(ValueError):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def open_data_response(data, *, status=200, max_age=MAX_AGE_OK):
    """A JSON response as every /api/hsds/ answer (and the OpenAPI document) is sent."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={max_age}"
    # Open data: any web page may read it. Nothing here depends on cookies, so this is safe.
    response["Access-Control-Allow-Origin"] = "*"
    # The content is Dutch whatever the visitor's language; fixing the header keeps responses identical.
    response["Content-Language"] = "nl"
    # Same bytes for every visitor: PrivateForLoggedInMiddleware leaves the public caching alone.
    response.user_independent = True
    return response


_json = open_data_response


def error_response(status: int, message: str, *, parameter: str | None = None):
    """The JSON error body every /api/hsds/ error uses."""
    data = {
        "status": status,
        "error": {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}[status],
    }
    data["message"] = message
    if parameter:
        data["parameter"] = parameter
    return _json(data, status=status, max_age=MAX_AGE_ERROR)


def _not_found():
    return error_response(404, "Not found. Ids are the UUIDs this API gives out.")


def _message(problem) -> str:
    parameter = str(problem["loc"][-1])
    kind = problem["type"]
    if parameter in BOUNDS and kind != "unknown_value":
        low, high = BOUNDS[parameter]
        return f"{parameter} must be a whole number from {low} to {high}."
    if kind == "string_too_long":
        return f"{parameter} may be at most {problem['ctx']['max_length']} characters long."
    if kind == "string_pattern_mismatch" and parameter in PATTERN_MESSAGES:
        return PATTERN_MESSAGES[parameter]
    return problem["msg"]


def invalid_input(request, problems):
    """The 400 answer for a parameter the schema refused (the first one, named in ``parameter``)."""
    problem = problems[0]
    return error_response(400, _message(problem), parameter=str(problem["loc"][-1]))


def method_not_allowed(request, allowed):
    response = error_response(405, "Only GET and HEAD are allowed.")
    response["Allow"] = "GET, HEAD"
    return response


# --- Parameters -----------------------------------------------------------------------------------


def _moment(value):
    """An ISO 8601 date or date-time; dates and times without offset are Westland (Amsterdam) time."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise PydanticCustomError("unknown_value", MOMENT_MESSAGE)
            moment = datetime.datetime.combine(day, datetime.time())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=TIME_ZONE)
        # Converting here catches dates that overflow in UTC (year 1 or 9999 with an offset).
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError, TypeError):
        raise PydanticCustomError("unknown_value", MOMENT_MESSAGE) from None


def _hsds_id(description):
    return Field("", max_length=ID_MAX, description=description + " An HSDS id (UUID) from this API.")


class HsdsQuery(Schema):
    page: int = Field(1, ge=1, le=PAGE_MAX, description="Page number, from 1.")
    per_page: int = Field(
        PER_PAGE_DEFAULT, ge=1, le=PER_PAGE_MAX, description=f"Results per page (default {PER_PAGE_DEFAULT})."
    )
    search: str = Field(
        "", max_length=SEARCH_MAX, description="Free text. With search, results are ordered by relevance."
    )

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data):
        # Surrounding spaces are ignored and an empty parameter means "not given", as in a form.
        if not isinstance(data, dict):
            return data
        stripped = {key: value.strip() if isinstance(value, str) else value for key, value in data.items()}
        return {key: value for key, value in stripped.items() if value != ""}

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value, info):
        if isinstance(value, str) and "\x00" in value:
            raise PydanticCustomError(
                "unknown_value", "{name} contains a character that is not allowed.", {"name": info.field_name}
            )
        return value


class TaxonomyTermQuery(HsdsQuery):
    taxonomy_id: str = _hsds_id("Only terms of this taxonomy.")


class ServiceQuery(HsdsQuery):
    taxonomy_term_id: str = _hsds_id("Only services with this taxonomy term (see /taxonomy_terms).")
    taxonomy_id: str = _hsds_id("Only services with any term of this taxonomy.")
    organization_id: str = _hsds_id("Only services of this organization.")
    modified_after: Annotated[
        datetime.datetime | None,
        BeforeValidator(_moment),
        WithJsonSchema(
            {
                "type": "string",
                "maxLength": 40,
                "description": "Only services whose published version changed on or after this ISO 8601 "
                "date or date-time (without offset: Europe/Amsterdam time).",
            }
        ),
    ] = None

    def filters(self) -> dict:
        return {
            "search": self.search,
            "taxonomy_term_id": self.taxonomy_term_id,
            "taxonomy_id": self.taxonomy_id,
            "organization_id": self.organization_id,
            "modified_after": self.modified_after,
        }


class ServiceAtLocationQuery(ServiceQuery):
    kern: str = Field(
        "",
        max_length=80,
        pattern=SLUG,
        description="Only locations in this kern (slug, for example naaldwijk).",
    )
    postcode: str = Field(
        "",
        max_length=7,
        pattern=POSTCODE,
        description="Only services whose area covers the kern of this Dutch postcode (2671 or 2671 AB).",
    )


def paginate(items, *, page, per_page, render):
    """The HSDS paginated list shape. A page past the end is empty, not an error."""
    total = len(items)
    total_pages = max(1, math.ceil(total / per_page))
    chunk = items[(page - 1) * per_page : page * per_page]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(chunk),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": total == 0,
        "contents": [render(item) for item in chunk],
    }


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


# --- OpenAPI ----------------------------------------------------------------------------------------

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
HSDS_FILES = (
    "accessibility",
    "address",
    "attribute",
    "contact",
    "cost_option",
    "funding",
    "language",
    "location",
    "meta_table_description",
    "metadata",
    "organization",
    "organization_identifier",
    "phone",
    "program",
    "required_document",
    "schedule",
    "service",
    "service_area",
    "service_at_location",
    "taxonomy",
    "taxonomy_term",
)
COMPILED_FILES = ("service_list", "organization_list", "service_at_location_list")
PAGE_SCHEMA = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 1},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 0, "maximum": PER_PAGE_MAX},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
    },
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["status", "error", "message"],
    "properties": {
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "message": {"type": "string"},
        "parameter": {"type": "string"},
    },
}


def _rewrite_refs(node):
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.endswith(".json"):
                result[key] = "#/components/schemas/hsds_" + value[: -len(".json")]
            else:
                result[key] = _rewrite_refs(value)
        return result
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


@functools.cache
def _components() -> str:
    components = {}
    for name in HSDS_FILES:
        schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        components["hsds_" + name] = _rewrite_refs(schema)
    for name in COMPILED_FILES:
        schema = json.loads((SCHEMA_DIR / "compiled" / f"{name}.json").read_text(encoding="utf-8"))
        components["hsds_" + name] = _rewrite_refs(schema)
    components["Page"] = PAGE_SCHEMA
    components["Error"] = ERROR_SCHEMA
    return json.dumps(components)


def openapi_components() -> dict:
    """The schemas the HSDS responses refer to: ``hsds_<table>``, ``hsds_<name>_list``, Page and Error.

    The HSDS ones are the official HSDS 3.0 files (Open Referral, CC BY-SA 4.0) with their file
    references rewritten; a fresh copy each call, so callers may change it.
    """
    return json.loads(_components())


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json_content(schema):
    return {"application/json": {"schema": schema}}


def _error_doc(description):
    return {"description": description, "content": _json_content(_ref("Error"))}


def _list_doc(summary, item):
    page = {
        "allOf": [_ref("Page")],
        "properties": {"contents": {"type": "array", "items": _ref(item)}},
        "required": ["contents"],
    }
    return {
        200: {"description": summary, "content": _json_content(page)},
        400: _error_doc("A parameter is not valid (the body names it)."),
    }


def _detail_doc(summary, schema_name):
    return {
        200: {"description": summary, "content": _json_content(_ref(schema_name))},
        404: _error_doc("No published record has this id (or it is not a UUID)."),
    }


def _wrap_errors(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (ParameterError, queries.FilterError) as problem:
            return error_response(400, problem.message, parameter=problem.parameter)

    return wrapper


def _hsds(path, *, operation_id, summary, responses, url_name):
    """Register GET (documented) and HEAD on ``path``, and on ``path`` with a trailing slash."""

    def register(view):
        wrapped = _wrap_errors(view)
        spellings = [path, path.rstrip("/") if path.endswith("/") else path + "/"]
        if path == "/":
            spellings = [path]
        for index, spelling in enumerate(spellings):
            documented = index == 0
            router.add_api_operation(
                spelling,
                ["GET"],
                wrapped,
                operation_id=operation_id if documented else None,
                summary=summary,
                include_in_schema=documented,
                openapi_extra={"responses": responses} if documented else None,
                url_name=url_name,
            )
            router.add_api_operation(spelling, ["HEAD"], wrapped, include_in_schema=False, url_name=url_name)
        return view

    return register


# --- Endpoints ------------------------------------------------------------------------------------


@_hsds(
    "/",
    operation_id="getAPIMetaInformation",
    summary="HSDS version and the profile of this API.",
    url_name="hsds_root",
    responses={
        200: {
            "description": "API information.",
            "content": _json_content(
                {
                    "type": "object",
                    "required": ["version", "profile", "openapi_url"],
                    "properties": {
                        "version": {"type": "string", "const": "3.0"},
                        "profile": {"type": "string", "format": "uri"},
                        "openapi_url": {"type": "string", "format": "uri"},
                    },
                }
            ),
        }
    },
)
def root(request):
    base = _base_url(request)
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": base + "/api/hsds/profile/",
            "openapi_url": base + "/api/schema/",
        }
    )


@_hsds(
    "/profile/",
    operation_id="getProfile",
    summary="The Hulpzoeker HSDS profile: taxonomies, attributes and conventions.",
    url_name="hsds_profile",
    responses={
        200: {
            "description": "The profile document.",
            "content": _json_content(
                {"type": "object", "required": ["name", "version", "hsds_version", "taxonomies"]}
            ),
        }
    },
)
def profile(request):
    return _json(profile_document(base_url=_base_url(request)))


@_hsds(
    "/services",
    operation_id="getPaginatedListOfServices",
    summary="Published services (one-to-one fields).",
    url_name="hsds_services",
    responses=_list_doc("Published services (one-to-one fields).", "hsds_service_list"),
)
def service_list(request, params: Query[ServiceQuery]):
    services = queries.filter_services(**params.filters())
    return _json(
        paginate(
            services,
            page=params.page,
            per_page=params.per_page,
            render=lambda s: mapping.service_json(s, nested=False),
        )
    )


@_hsds(
    "/services/{id}",
    operation_id="getFullyNestedServiceById",
    summary="One service with all related data.",
    url_name="hsds_service",
    responses=_detail_doc("One service with all related data.", "hsds_service"),
)
def service_detail(request, id: str):
    service = queries.service_by_uuid(id)
    if service is None:
        return _not_found()
    return _json(mapping.service_json(service))


@_hsds(
    "/organizations",
    operation_id="getPaginatedListOfOrganizations",
    summary="Organizations that provide at least one published service.",
    url_name="hsds_organizations",
    responses=_list_doc(
        "Organizations that provide at least one published service.", "hsds_organization_list"
    ),
)
def organization_list(request, params: Query[HsdsQuery]):
    organisations = queries.published_organisations()
    if params.search:
        organisations = organisations.filter(name__icontains=params.search)
    return _json(
        paginate(
            list(organisations),
            page=params.page,
            per_page=params.per_page,
            render=lambda o: mapping.organization_json(o, nested=False),
        )
    )


@_hsds(
    "/organizations/{id}",
    operation_id="getOrganizationById",
    summary="One organization with its phones, locations and services.",
    url_name="hsds_organization",
    responses=_detail_doc("One organization with its phones, locations and services.", "hsds_organization"),
)
def organization_detail(request, id: str):
    organisation = queries.organisation_by_uuid(id)
    if organisation is None:
        return _not_found()
    data = mapping.organization_json(organisation)
    services = queries.published_services().filter(organisation=organisation)
    data["services"] = [mapping.service_json(s, nested=False) for s in services]
    locations = queries.published_locations().filter(organisation=organisation)
    data["locations"] = [mapping.location_json(location) for location in locations]
    return _json(data)


@_hsds(
    "/service_at_locations",
    operation_id="getPaginatedListOfServiceAtLocation",
    summary="Published services at their locations.",
    url_name="hsds_service_at_locations",
    responses=_list_doc("Published services at their locations.", "hsds_service_at_location_list"),
)
def service_at_location_list(request, params: Query[ServiceAtLocationQuery]):
    services = queries.filter_services(**params.filters(), relations=True, located_only=True)
    kern = queries.kern_for(kern=params.kern) if params.kern else None
    covered = queries.kern_for(postcode=params.postcode) if params.postcode else None
    pairs = queries.service_locations(
        services, kern=kern, covered_kern=covered, postcode_outside=bool(params.postcode) and covered is None
    )
    return _json(
        paginate(
            pairs,
            page=params.page,
            per_page=params.per_page,
            render=lambda pair: mapping.service_at_location_json(*pair),
        )
    )


@_hsds(
    "/service_at_locations/{id}",
    operation_id="getServiceAtLocationById",
    summary="One service at one location, fully nested.",
    url_name="hsds_service_at_location",
    responses=_detail_doc("One service at one location, fully nested.", "hsds_service_at_location"),
)
def service_at_location_detail(request, id: str):
    wanted = ids.parse(id)
    if wanted is None:
        return _not_found()
    for service, location in queries.service_locations(
        queries.filter_services(relations=True, located_only=True)
    ):
        sal_id = ids.service_at_location_id(ids.service_id(service.slug), ids.location_id(location.pk))
        if sal_id == wanted:
            return _json(mapping.service_at_location_json(service, location, nested=True))
    return _not_found()


def _taxonomy_code(value: str, *, parameter: str = "taxonomy_id") -> str:
    wanted = ids.parse(value)
    for code in TAXONOMY_BY_CODE:
        if ids.taxonomy_id(code) == wanted:
            return code
    raise ParameterError(parameter, "Unknown taxonomy. See /api/hsds/taxonomies.")


@_hsds(
    "/taxonomies",
    operation_id="getPaginatedListOfTaxonomies",
    summary="The Hulpzoeker taxonomies.",
    url_name="hsds_taxonomies",
    responses=_list_doc("The Hulpzoeker taxonomies.", "hsds_taxonomy"),
)
def taxonomy_list(request, params: Query[HsdsQuery]):
    search = params.search.lower()
    codes = [code for code, spec in TAXONOMY_BY_CODE.items() if not search or search in spec.name.lower()]
    return _json(paginate(codes, page=params.page, per_page=params.per_page, render=mapping.taxonomy_json))


@_hsds(
    "/taxonomies/{id}",
    operation_id="getTaxonomyById",
    summary="One taxonomy.",
    url_name="hsds_taxonomy",
    responses=_detail_doc("One taxonomy.", "hsds_taxonomy"),
)
def taxonomy_detail(request, id: str):
    try:
        code = _taxonomy_code(id)
    except ParameterError:
        return _not_found()
    return _json(mapping.taxonomy_json(code))


@_hsds(
    "/taxonomy_terms",
    operation_id="getPaginatedListOfTaxonomyTerms",
    summary="Taxonomy terms.",
    url_name="hsds_taxonomy_terms",
    responses=_list_doc("Taxonomy terms.", "hsds_taxonomy_term"),
)
def taxonomy_term_list(request, params: Query[TaxonomyTermQuery]):
    search = params.search.lower()
    code = _taxonomy_code(params.taxonomy_id) if params.taxonomy_id else None
    terms = [
        term
        for term in all_terms()
        if (code is None or term.taxonomy == code) and (not search or search in term.name.lower())
    ]
    return _json(paginate(terms, page=params.page, per_page=params.per_page, render=mapping.term_json))


@_hsds(
    "/taxonomy_terms/{id}",
    operation_id="getTaxonomyTermById",
    summary="One taxonomy term.",
    url_name="hsds_taxonomy_term",
    responses=_detail_doc("One taxonomy term.", "hsds_taxonomy_term"),
)
def taxonomy_term_detail(request, id: str):
    wanted = ids.parse(id)
    for term in all_terms():
        if term.id == wanted:
            return _json(mapping.term_json(term))
    return _not_found()


def not_found(request, rest: str):
    # Anything else under /api/hsds/ is a JSON 404, not the website's HTML error page.
    return _not_found()


router.add_api_operation(
    "/{path:rest}", ["GET", "HEAD"], not_found, include_in_schema=False, url_name="hsds_not_found"
)
