"""The OpenAPI 3.1 description of Hulpzoeker's public APIs, served at /api/schema/.

Response bodies of the HSDS endpoints are the official HSDS 3.0 JSON schemas (opendata/schema/,
CC BY-SA 4.0, Open Referral), embedded as components with their file references rewritten. The
/api/v1/ endpoints are described as DESIGN.md fixes them; the search app implements them.
"""

import copy
import functools
import json
from pathlib import Path

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
def hsds_components() -> dict:
    """The HSDS schemas as OpenAPI components named ``hsds_<table>`` (and ``hsds_<name>_list``)."""
    components = {}
    for name in HSDS_FILES:
        schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        components["hsds_" + name] = _rewrite_refs(schema)
    for name in COMPILED_FILES:
        schema = json.loads((SCHEMA_DIR / "compiled" / f"{name}.json").read_text(encoding="utf-8"))
        components["hsds_" + name] = _rewrite_refs(schema)
    return components


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json_content(schema):
    return {"application/json": {"schema": schema}}


def _param(name, description, schema, *, where="query", required=False):
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


PAGE = _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 100000})
PER_PAGE = _param(
    "per_page", "Results per page (default 50).", {"type": "integer", "minimum": 1, "maximum": 100}
)
SEARCH = _param(
    "search",
    "Free text. With search, results are ordered by relevance.",
    {"type": "string", "maxLength": 200},
)
UUID_PARAM = {"type": "string", "description": "An HSDS id (UUID) from this API."}
SERVICE_FILTERS = [
    SEARCH,
    _param("taxonomy_term_id", "Only services with this taxonomy term (see /taxonomy_terms).", UUID_PARAM),
    _param("taxonomy_id", "Only services with any term of this taxonomy.", UUID_PARAM),
    _param("organization_id", "Only services of this organization.", UUID_PARAM),
    _param(
        "modified_after",
        "Only services whose published version changed on or after this ISO 8601 date or date-time "
        "(without offset: Europe/Amsterdam time).",
        {"type": "string", "maxLength": 40},
    ),
    PAGE,
    PER_PAGE,
]


def _error(description):
    return {"description": description, "content": _json_content(_ref("Error"))}


def _page_of(item_schema_name):
    return {
        "allOf": [_ref("Page")],
        "properties": {"contents": {"type": "array", "items": _ref(item_schema_name)}},
        "required": ["contents"],
    }


def _list_operation(operation_id, summary, item, parameters):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["HSDS"],
            "parameters": parameters,
            "responses": {
                "200": {"description": summary, "content": _json_content(_page_of(item))},
                "400": _error("A parameter is not valid (the body names it)."),
            },
        }
    }


def _detail_operation(operation_id, summary, schema_name):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["HSDS"],
            "parameters": [
                _param("id", "The UUID of the record.", {"type": "string"}, where="path", required=True)
            ],
            "responses": {
                "200": {"description": summary, "content": _json_content(_ref(schema_name))},
                "404": _error("No published record has this id (or it is not a UUID)."),
            },
        }
    }


def _api_v1_paths():
    """/api/v1/search and /api/v1/suggestions, exactly as DESIGN.md fixes their contracts."""
    listed_service = {
        "type": "object",
        "required": ["id", "slug", "name", "url", "organisation", "pyramid_level", "kernen"],
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "url": {"type": "string"},
            "organisation": {"description": "The organisation providing the service."},
            "pyramid_level": {
                "type": "string",
                "enum": ["sociale_basis", "vrij_toegankelijk", "maatwerk", "specialistisch"],
            },
            "kernen": {"type": "array", "items": {"type": "string"}},
        },
    }
    search_result = copy.deepcopy(listed_service)
    search_result["required"].append("score")
    search_result["properties"]["score"] = {"type": "number"}
    suggestion = copy.deepcopy(listed_service)
    suggestion["required"] += ["eligibility", "reasons", "next_step"]
    suggestion["properties"].update(
        eligibility={"type": "string", "enum": ["eligible", "likely", "unknown"]},
        reasons={"type": "array", "items": {"type": "string"}},
        next_step={"type": "string"},
    )
    message = {
        "description": "Invalid input; the JSON body has a message.",
        "content": _json_content({"type": "object"}),
    }
    text = {"type": "string", "maxLength": 200}
    return {
        "/api/v1/search": {
            "get": {
                "operationId": "searchServices",
                "summary": "Search services, ordered as the search page orders them.",
                "tags": ["Hulpzoeker"],
                "parameters": [
                    _param("q", "Free text.", text),
                    _param("kern", "Slug of a kern.", text),
                    _param("situation", "Slug of a life situation.", text),
                    _param("group", "Slug of a target group.", text),
                    _param("channel", "Access channel (inloop, telefoon, ...).", text),
                    _param("cost", "gratis, eigen_bijdrage or onbekend.", text),
                    _param("open_now", "1: only services open now.", {"type": "string", "enum": ["1"]}),
                    _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
                ],
                "responses": {
                    "200": {
                        "description": "Search results with facets and a did-you-mean suggestion.",
                        "content": _json_content(
                            {
                                "type": "object",
                                "required": ["count", "results", "facets", "suggestion"],
                                "properties": {
                                    "count": {"type": "integer", "minimum": 0},
                                    "results": {"type": "array", "items": search_result},
                                    "facets": {"type": "object"},
                                    "suggestion": {"type": ["string", "null"]},
                                },
                            }
                        ),
                    },
                    "400": message,
                },
            }
        },
        "/api/v1/suggestions": {
            "post": {
                "operationId": "suggestServices",
                "summary": "The lightest fitting help for a resident's situation. Answers are not stored.",
                "tags": ["Hulpzoeker"],
                "requestBody": {
                    "required": True,
                    "content": _json_content(
                        {
                            "type": "object",
                            "description": "Every field is optional.",
                            "properties": {
                                "kern": {"type": "string", "examples": ["monster"]},
                                "age": {"type": "integer", "minimum": 0, "maximum": 120},
                                "household": {
                                    "type": "string",
                                    "enum": [
                                        "alone",
                                        "partner",
                                        "partner_children",
                                        "single_parent",
                                        "other",
                                    ],
                                },
                                "income": {
                                    "type": "string",
                                    "enum": ["bijstand", "low", "not_low", "unknown"],
                                },
                                "situations": {"type": "array", "items": {"type": "string"}},
                                "roles": {"type": "array", "items": {"type": "string"}},
                                "children_ages": {
                                    "type": "array",
                                    "items": {"type": "integer", "minimum": 0},
                                },
                                "text": {"type": "string"},
                                "lang": {"type": "string", "enum": ["nl", "en", "pl"]},
                            },
                        }
                    ),
                },
                "responses": {
                    "200": {
                        "description": "Suggestions (clearly ineligible ones left out) and a human fallback.",
                        "content": _json_content(
                            {
                                "type": "object",
                                "required": ["suggestions", "fallback"],
                                "properties": {
                                    "suggestions": {"type": "array", "items": suggestion},
                                    "fallback": {"type": "object"},
                                },
                            }
                        ),
                    },
                    "400": message,
                    "413": {
                        "description": "The request body is too large.",
                        "content": _json_content({"type": "object"}),
                    },
                },
            }
        },
    }


def build_spec(*, server_url: str = "") -> dict:
    """The whole OpenAPI document (a fresh dict each call; callers may change it)."""
    sal_filters = SERVICE_FILTERS[:-2] + [
        _param(
            "kern",
            "Only locations in this kern (slug, for example naaldwijk).",
            {"type": "string", "maxLength": 80},
        ),
        _param(
            "postcode",
            "Only services whose area covers the kern of this Dutch postcode (2671 or 2671 AB).",
            {"type": "string", "maxLength": 7},
        ),
        PAGE,
        PER_PAGE,
    ]
    paths = {
        "/api/hsds/": {
            "get": {
                "operationId": "getAPIMetaInformation",
                "summary": "HSDS version and the profile of this API.",
                "tags": ["HSDS"],
                "responses": {
                    "200": {
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
            }
        },
        "/api/hsds/profile/": {
            "get": {
                "operationId": "getProfile",
                "summary": "The Hulpzoeker HSDS profile: taxonomies, attributes and conventions.",
                "tags": ["HSDS"],
                "responses": {
                    "200": {
                        "description": "The profile document.",
                        "content": _json_content(
                            {"type": "object", "required": ["name", "version", "hsds_version", "taxonomies"]}
                        ),
                    }
                },
            }
        },
        "/api/hsds/services": _list_operation(
            "getPaginatedListOfServices",
            "Published services (one-to-one fields).",
            "hsds_service_list",
            SERVICE_FILTERS,
        ),
        "/api/hsds/services/{id}": _detail_operation(
            "getFullyNestedServiceById", "One service with all related data.", "hsds_service"
        ),
        "/api/hsds/organizations": _list_operation(
            "getPaginatedListOfOrganizations",
            "Organizations that provide at least one published service.",
            "hsds_organization_list",
            [SEARCH, PAGE, PER_PAGE],
        ),
        "/api/hsds/organizations/{id}": _detail_operation(
            "getOrganizationById",
            "One organization with its phones, locations and services.",
            "hsds_organization",
        ),
        "/api/hsds/service_at_locations": _list_operation(
            "getPaginatedListOfServiceAtLocation",
            "Published services at their locations.",
            "hsds_service_at_location_list",
            sal_filters,
        ),
        "/api/hsds/service_at_locations/{id}": _detail_operation(
            "getServiceAtLocationById",
            "One service at one location, fully nested.",
            "hsds_service_at_location",
        ),
        "/api/hsds/taxonomies": _list_operation(
            "getPaginatedListOfTaxonomies",
            "The Hulpzoeker taxonomies.",
            "hsds_taxonomy",
            [SEARCH, PAGE, PER_PAGE],
        ),
        "/api/hsds/taxonomies/{id}": _detail_operation("getTaxonomyById", "One taxonomy.", "hsds_taxonomy"),
        "/api/hsds/taxonomy_terms": _list_operation(
            "getPaginatedListOfTaxonomyTerms",
            "Taxonomy terms.",
            "hsds_taxonomy_term",
            [SEARCH, _param("taxonomy_id", "Only terms of this taxonomy.", UUID_PARAM), PAGE, PER_PAGE],
        ),
        "/api/hsds/taxonomy_terms/{id}": _detail_operation(
            "getTaxonomyTermById", "One taxonomy term.", "hsds_taxonomy_term"
        ),
    }
    paths.update(_api_v1_paths())
    schemas = dict(copy.deepcopy(hsds_components()))
    schemas["Page"] = {
        "type": "object",
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
        ],
        "properties": {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 1},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0, "maximum": 100},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
        },
    }
    schemas["Error"] = {
        "type": "object",
        "required": ["status", "error", "message"],
        "properties": {
            "status": {"type": "integer"},
            "error": {"type": "string"},
            "message": {"type": "string"},
            "parameter": {"type": "string"},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hulpzoeker Westland API",
            "version": "1.0",
            "summary": "The sociale kaart of Westland as HSDS 3.0 open data, plus search and suggestions.",
            "description": (
                "Read-only open data of the social map of the municipality of Westland (HSDS 3.0, "
                "profile at /api/hsds/profile/), and the JSON search and suggestions endpoints of the "
                "website. HSDS schemas: Open Referral, CC BY-SA 4.0."
            ),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": server_url or "/"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
