"""``GET /api/v1/search``: the search page's results as JSON (DESIGN.md, "Search API").

``?q=&kern=&situation=&group=&channel=&cost=&open_now=1&page=N`` →
``{"count", "results": [{"id", "slug", "name", "url", "organisation", "pyramid_level", "kernen", "score"}],
"facets": {...}, "suggestion"}``, ordered exactly as the search page orders them (same validation, same
``search_services`` call). An unknown or malformed parameter answers 400 with
``{"error": "...", "fields": {"<parameter>": ["<message>", ...]}}``; never a 500 for bad input.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .filters import SearchFilterSet
from .measurement import record_zero_result
from .retrieval import search_services


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


@require_GET
def search_api(request):
    filterset = SearchFilterSet(request.GET)
    if not filterset.is_valid():
        return JsonResponse(
            {"error": _("Some search parameters are not valid."), "fields": filterset.error_dict()},
            status=400,
        )
    params = filterset.search_params()
    results = search_services(**params)
    if params["text"] and results.count == 0 and params["page"] == 1:
        record_zero_result(text=params["text"], kern=params["kern"])
    response = JsonResponse(
        {
            "count": results.count,
            "results": [_result(request, result) for result in results.results],
            "facets": _facets(results.facets),
            "suggestion": results.suggestion,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # Results follow the content; a shared cache must not keep them, and the query is nobody else's.
    response["Cache-Control"] = "private, no-store"
    return response
