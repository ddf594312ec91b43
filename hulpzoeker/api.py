"""The site's one JSON API on Django Ninja: /api/v1/ (search, suggestions), /api/hsds/ and /api/schema/.

Each app declares its router (``search.api``, ``hulpwijzer.api``, ``opendata.api``) with pydantic schemas,
so the OpenAPI 3.1 document at /api/schema/ is generated from the code. Each app also keeps the error
bodies its clients already know (DESIGN.md): its module answers ``invalid_input(request, problems)`` and
``method_not_allowed(request, allowed)``, the suggestions also ``unreadable_body(request, too_large=...)``.
Validation errors are 400 (not Ninja's 422), wrong methods a JSON 405. There is no interactive docs page:
Ninja's loads Swagger UI from a CDN, and the site makes no third-party requests.
"""

import functools
import json

from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser
from ninja.renderers import JSONRenderer

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern, path

from hulpwijzer import api as hulpwijzer_api
from opendata import api as opendata_api
from search import api as search_api

PREFIX = "/api/"


class BodyTooLarge(ValueError):
    pass


def _no_constants(name):
    # NaN and Infinity are not JSON; Python's parser would accept them.
    raise ValueError(f"{name} is not valid JSON.")


class JsonBodyParser(Parser):
    """Strict JSON, and the suggestions' body limit before any parsing."""

    def parse_body(self, request):
        body = request.body
        if len(body) > hulpwijzer_api.MAX_BODY_BYTES:
            raise BodyTooLarge
        return json.loads(body.decode("utf-8"), parse_constant=_no_constants)


class Renderer(JSONRenderer):
    # Names of services and kernen are Dutch; the body is UTF-8, so no need to escape them.
    json_dumps_params = {"ensure_ascii": False}


class SiteAPI(NinjaAPI):
    def validation_error_from_error_contexts(self, error_contexts):
        # Ninja drops the refused input; the search API names the unknown value in its message.
        errors = []
        for context in error_contexts:
            model = context.model
            for error in context.pydantic_validation_error.errors(include_url=False, include_context=True):
                error["loc"] = (model.__ninja_param_source__,) + _flat_loc(model, tuple(error["loc"]))
                errors.append(error)
        return ValidationError(errors)

    def _get_urls(self):
        # Only our routes: Ninja's own root and documentation views are left out on purpose.
        patterns = [path("schema/", openapi_schema, name="openapi_schema")]
        for bound in self._get_bound_routers():
            if bound.template is self.default_router:
                continue  # every route belongs to an app's router
            errors = ERROR_BODIES[bound.template]
            for pattern in bound.urls_paths(bound.prefix):
                view = _speaking(errors, pattern.callback)
                patterns.append(URLPattern(pattern.pattern, view, pattern.default_args, pattern.name))
        return patterns


ERROR_BODIES = {
    search_api.router: search_api,
    hulpwijzer_api.router: hulpwijzer_api,
    opendata_api.router: opendata_api,
}


def _flat_loc(model, loc):
    # Ninja maps ("params", "page") to ("page",) but not an item's ("params", "channel", 0).
    flat = model.__ninja_flatten_map_reverse__
    for end in range(len(loc), 0, -1):
        if loc[:end] in flat:
            return flat[loc[:end]] + loc[end:]
    return loc


def _speaking(errors, view):
    """The Ninja view, with errors in the dialect of the app that owns the route."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.api_errors = errors
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            return errors.method_not_allowed(request, response["Allow"].split(", "))
        return response

    return wrapper


api = SiteAPI(
    title="Hulpzoeker Westland API",
    version="1.0",
    description=(
        "Read-only open data of the social map of the municipality of Westland (HSDS 3.0, "
        "profile at /api/hsds/profile/), and the JSON search and suggestions endpoints of the "
        "website. HSDS schemas: Open Referral, CC BY-SA 4.0."
    ),
    openapi_extra={
        "info": {
            "summary": "The sociale kaart of Westland as HSDS 3.0 open data, plus search and suggestions.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        }
    },
    urls_namespace="api",
    openapi_url=None,
    docs_url=None,
    parser=JsonBodyParser(),
    renderer=Renderer(),
)
api.add_router("/v1/", search_api.router)
api.add_router("/v1/", hulpwijzer_api.router)
api.add_router("/hsds/", opendata_api.router)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return request.api_errors.invalid_input(request, exc.errors)


@api.exception_handler(RequestDataTooBig)
def _too_large(request, exc):
    return _unreadable(request, too_large=True)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    # Ninja turns any failure of the body parser into HttpError(400); the cause says which it was.
    if exc.status_code == 400:
        return _unreadable(request, too_large=isinstance(exc.__cause__, BodyTooLarge))
    return JsonResponse({"error": exc.message}, status=exc.status_code)


def _unreadable(request, *, too_large):
    errors = request.api_errors
    if hasattr(errors, "unreadable_body"):
        return errors.unreadable_body(request, too_large=too_large)
    return JsonResponse({"error": "The request body is not accepted."}, status=413 if too_large else 400)


@functools.cache
def _document() -> str:
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    components = schema.get("components", {})
    components["schemas"] = {**components.get("schemas", {}), **opendata_api.openapi_components()}
    document = {
        "openapi": schema["openapi"],
        "info": schema["info"],
        "paths": schema["paths"],
        "components": components,
    }
    _drop_unreferenced_models(document)
    return json.dumps(document)


def _drop_unreferenced_models(document):
    # Ninja also lists the query schemas, whose fields it already flattened into parameters. The HSDS
    # schemas stay, referenced or not: they are the published data model.
    schemas = document["components"]["schemas"]
    while True:
        text = json.dumps({"paths": document["paths"], "schemas": schemas})
        unused = [
            name
            for name in schemas
            if not name.startswith("hsds_") and f'"#/components/schemas/{name}"' not in text
        ]
        if not unused:
            return
        for name in unused:
            del schemas[name]


def openapi_document(*, server_url: str = "") -> dict:
    """The OpenAPI 3.1 document of every route above (a fresh dict each call)."""
    document = json.loads(_document())
    document["servers"] = [{"url": server_url or "/"}]
    return document


def openapi_schema(request):
    """/api/schema/: open data like /api/hsds/, with the same caching and error bodies."""
    if request.method not in ("GET", "HEAD"):
        return opendata_api.method_not_allowed(request, ["GET", "HEAD"])
    return opendata_api.open_data_response(
        openapi_document(server_url=request.build_absolute_uri("/").rstrip("/"))
    )
