"""The HSDS 3.0 read API under /api/hsds/ (see openapi.py for the contract and profile.py for conventions).

The views never look at the user or the session: every visitor, logged in or not, gets the same bytes,
so shared caches may keep them (``Cache-Control: public``) and partner-only data cannot slip in.
Bad input answers 400 or 404 with a JSON body, never 500. Error messages are plain English and not
translated on purpose: the API is for developers, and its output must not vary with Accept-Language.
"""

import datetime
import functools
import math
import re
from zoneinfo import ZoneInfo

from django.http import Http404, JsonResponse
from django.utils.dateparse import parse_date, parse_datetime

from . import ids, mapping, queries
from .openapi import build_spec
from .profile import HSDS_VERSION, TAXONOMY_BY_CODE, all_terms, profile_document

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 100
PAGE_MAX = 100_000
SEARCH_MAX = 200
MAX_AGE_OK = 300
MAX_AGE_ERROR = 60
TIME_ZONE = ZoneInfo("Europe/Amsterdam")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
POSTCODE = re.compile(r"^[1-9][0-9]{3} ?([A-Za-z]{2})?$")


class ParameterError(ValueError):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _json(data, *, status=200, max_age=MAX_AGE_OK):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={max_age}"
    # Open data: any web page may read it. Nothing here depends on cookies, so this is safe.
    response["Access-Control-Allow-Origin"] = "*"
    # The content is Dutch whatever the visitor's language; fixing the header keeps responses identical.
    response["Content-Language"] = "nl"
    # Same bytes for every visitor: PrivateForLoggedInMiddleware leaves the public caching alone.
    response.user_independent = True
    return response


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


def hsds_endpoint(view):
    """GET/HEAD only; parameter and filter problems become 400, unknown records 404, all as JSON."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, "Only GET and HEAD are allowed.")
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except (ParameterError, queries.FilterError) as problem:
            return error_response(400, problem.message, parameter=problem.parameter)
        except Http404:
            return error_response(404, "Not found. Ids are the UUIDs this API gives out.")

    return wrapper


# --- Parameters -----------------------------------------------------------------------------------


def _text(request, name, *, max_length=SEARCH_MAX):
    value = request.GET.get(name, "").strip()
    if "\x00" in value:
        raise ParameterError(name, f"{name} contains a character that is not allowed.")
    if len(value) > max_length:
        raise ParameterError(name, f"{name} may be at most {max_length} characters long.")
    return value


def _integer(request, name, *, default, minimum, maximum):
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return default
    if not re.fullmatch(r"[0-9]{1,9}", raw):
        raise ParameterError(name, f"{name} must be a whole number from {minimum} to {maximum}.")
    value = int(raw)
    if not minimum <= value <= maximum:
        raise ParameterError(name, f"{name} must be a whole number from {minimum} to {maximum}.")
    return value


def _pagination(request):
    page = _integer(request, "page", default=1, minimum=1, maximum=PAGE_MAX)
    per_page = _integer(request, "per_page", default=PER_PAGE_DEFAULT, minimum=1, maximum=PER_PAGE_MAX)
    return page, per_page


def _moment(request, name):
    """An ISO 8601 date or date-time; dates and times without offset are Westland (Amsterdam) time."""
    raw = _text(request, name, max_length=40)
    if not raw:
        return None
    message = f"{name} must be an ISO 8601 date or date-time, for example 2025-01-31 or 2025-01-31T09:00:00Z."
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            if day is None:
                raise ParameterError(name, message)
            moment = datetime.datetime.combine(day, datetime.time())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=TIME_ZONE)
        # Converting here catches dates that overflow in UTC (year 1 or 9999 with an offset).
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise ParameterError(name, message) from None


def _service_filters(request):
    return {
        "search": _text(request, "search"),
        "taxonomy_term_id": _text(request, "taxonomy_term_id", max_length=100),
        "taxonomy_id": _text(request, "taxonomy_id", max_length=100),
        "organization_id": _text(request, "organization_id", max_length=100),
        "modified_after": _moment(request, "modified_after"),
    }


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


# --- Endpoints ------------------------------------------------------------------------------------


@hsds_endpoint
def root(request):
    base = _base_url(request)
    return _json(
        {
            "version": HSDS_VERSION,
            "profile": base + "/api/hsds/profile/",
            "openapi_url": base + "/api/schema/",
        }
    )


@hsds_endpoint
def profile(request):
    return _json(profile_document(base_url=_base_url(request)))


@hsds_endpoint
def openapi_schema(request):
    return _json(build_spec(server_url=_base_url(request)))


@hsds_endpoint
def service_list(request):
    page, per_page = _pagination(request)
    services = queries.filter_services(**_service_filters(request))
    return _json(
        paginate(
            services, page=page, per_page=per_page, render=lambda s: mapping.service_json(s, nested=False)
        )
    )


@hsds_endpoint
def service_detail(request, service_id):
    service = queries.service_by_uuid(service_id)
    if service is None:
        raise Http404
    return _json(mapping.service_json(service))


@hsds_endpoint
def organization_list(request):
    page, per_page = _pagination(request)
    search = _text(request, "search")
    organisations = queries.published_organisations()
    if search:
        organisations = organisations.filter(name__icontains=search)
    return _json(
        paginate(
            list(organisations),
            page=page,
            per_page=per_page,
            render=lambda o: mapping.organization_json(o, nested=False),
        )
    )


@hsds_endpoint
def organization_detail(request, organization_id):
    organisation = queries.organisation_by_uuid(organization_id)
    if organisation is None:
        raise Http404
    data = mapping.organization_json(organisation)
    services = queries.published_services().filter(organisation=organisation)
    data["services"] = [mapping.service_json(s, nested=False) for s in services]
    locations = queries.published_locations().filter(organisation=organisation)
    data["locations"] = [mapping.location_json(location) for location in locations]
    return _json(data)


def _service_location_pairs(request):
    kern_slug = _text(request, "kern", max_length=80)
    postcode = _text(request, "postcode", max_length=7)
    if kern_slug and not SLUG.match(kern_slug):
        raise ParameterError("kern", "kern must be the slug of a kern, for example naaldwijk.")
    if postcode and not POSTCODE.match(postcode):
        raise ParameterError("postcode", "postcode must be a Dutch postcode, for example 2671 or 2671 AB.")
    services = queries.filter_services(**_service_filters(request), relations=True, located_only=True)
    kern = queries.kern_for(kern=kern_slug) if kern_slug else None
    covered = queries.kern_for(postcode=postcode) if postcode else None
    return queries.service_locations(
        services, kern=kern, covered_kern=covered, postcode_outside=bool(postcode) and covered is None
    )


@hsds_endpoint
def service_at_location_list(request):
    page, per_page = _pagination(request)
    pairs = _service_location_pairs(request)
    return _json(
        paginate(
            pairs, page=page, per_page=per_page, render=lambda pair: mapping.service_at_location_json(*pair)
        )
    )


@hsds_endpoint
def service_at_location_detail(request, service_at_location_id):
    wanted = ids.parse(service_at_location_id)
    if wanted is None:
        raise Http404
    for service, location in queries.service_locations(
        queries.filter_services(relations=True, located_only=True)
    ):
        sal_id = ids.service_at_location_id(ids.service_id(service.slug), ids.location_id(location.pk))
        if sal_id == wanted:
            return _json(mapping.service_at_location_json(service, location, nested=True))
    raise Http404


def _taxonomy_code(value: str, *, parameter: str = "taxonomy_id") -> str:
    wanted = ids.parse(value)
    for code in TAXONOMY_BY_CODE:
        if ids.taxonomy_id(code) == wanted:
            return code
    raise ParameterError(parameter, "Unknown taxonomy. See /api/hsds/taxonomies.")


@hsds_endpoint
def taxonomy_list(request):
    page, per_page = _pagination(request)
    search = _text(request, "search").lower()
    codes = [code for code, spec in TAXONOMY_BY_CODE.items() if not search or search in spec.name.lower()]
    return _json(paginate(codes, page=page, per_page=per_page, render=mapping.taxonomy_json))


@hsds_endpoint
def taxonomy_detail(request, taxonomy_id):
    try:
        code = _taxonomy_code(taxonomy_id)
    except ParameterError:
        raise Http404 from None
    return _json(mapping.taxonomy_json(code))


@hsds_endpoint
def taxonomy_term_list(request):
    page, per_page = _pagination(request)
    search = _text(request, "search").lower()
    taxonomy = _text(request, "taxonomy_id", max_length=100)
    code = _taxonomy_code(taxonomy) if taxonomy else None
    terms = [
        term
        for term in all_terms()
        if (code is None or term.taxonomy == code) and (not search or search in term.name.lower())
    ]
    return _json(paginate(terms, page=page, per_page=per_page, render=mapping.term_json))


@hsds_endpoint
def taxonomy_term_detail(request, taxonomy_term_id):
    wanted = ids.parse(taxonomy_term_id)
    for term in all_terms():
        if term.id == wanted:
            return _json(mapping.term_json(term))
    raise Http404


@hsds_endpoint
def not_found(request, rest=""):
    raise Http404
