"""The search page ``/zoeken/``: validate (``search.filters``), retrieve (``search.retrieval``), render.

Server-rendered and complete without JavaScript. The search terms are in the URL (GET), which is fine
for a search page, but they are never logged: this module logs nothing, and the project's settings keep
Django's request logging quiet. Only an anonymous daily count of searches that found nothing is kept
(``search.measurement``).
"""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from services.models import LifeSituation
from services.selectors import service_index_get

from .filters import SearchFilterSet
from .measurement import record_zero_result
from .retrieval import search_services

FACET_ORDER = ("situation", "group", "channel", "cost")
PAGINATION_WINDOW = 2


def _url_with(query, **changes):
    """The search URL's query string with some parameters replaced (``None`` removes one)."""
    params = query.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = str(value)
    return "?" + params.urlencode()


def _pagination(query, results):
    if results.num_pages <= 1:
        return None
    current, last = results.page, results.num_pages
    numbers = sorted(
        {1, last, *range(max(1, current - PAGINATION_WINDOW), min(last, current + PAGINATION_WINDOW) + 1)}
    )
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"gap": True})
        items.append({"number": number, "url": _url_with(query, page=number), "current": number == current})
        previous = number
    return {
        "items": items,
        "previous_url": _url_with(query, page=current - 1) if current > 1 else None,
        "next_url": _url_with(query, page=current + 1) if current < last else None,
    }


def _facet_groups(results, errors):
    """Facets for the form: each with its legend, input type and values with counts (selected kept)."""
    legends = {
        "situation": _("Subject"),
        "group": _("For whom"),
        "channel": _("How you get the help"),
        "cost": _("Cost"),
    }
    groups = []
    for name in FACET_ORDER:
        values = [v for v in results.facets.get(name, []) if v["count"] or v["selected"]]
        if not values and not errors.get(name):
            continue
        groups.append(
            {
                "name": name,
                "legend": legends[name],
                "type": "radio" if name == "cost" else "checkbox",
                "values": values,
                "any_selected": any(v["selected"] for v in values),
                "errors": errors.get(name, []),
            }
        )
    return groups


def dutch_texts_note():
    return _("We understood the words in your language. The information about the help is in Dutch.")


def _language_notes(results):
    """The "texts are in Dutch" line in the interface language, and in the query's language when the
    site has that language too: someone who searched in Polish reads it in Polish on the Dutch page."""
    if not results.languages or not results.count:
        return []
    current = translation.get_language()
    notes = [{"lang": current, "text": dutch_texts_note()}]
    offered = {code for code, _name in settings.LANGUAGES}
    for language in results.languages:
        if language in offered and language != current:
            with translation.override(language):
                notes.append({"lang": language, "text": dutch_texts_note()})
    return notes


def _related_situations(results):
    index_page = service_index_get()
    situations = LifeSituation.objects.all()
    if results.situations:
        situations = situations.filter(slug__in=results.situations)
    return [
        {"name": situation.name, "url": index_page.situation_url(situation) if index_page else None}
        for situation in situations
    ]


@require_GET
def search_page(request):
    filterset = SearchFilterSet(request.GET)
    valid = filterset.is_valid()
    errors = {} if valid else filterset.error_dict()
    # With an invalid value the page still answers (HTTP 400): the errors on top, results for the rest.
    params = filterset.search_params()
    results = search_services(**params)
    if valid and params["text"] and results.count == 0 and params["page"] == 1:
        record_zero_result(text=params["text"], kern=params["kern"])

    query = request.GET.copy()
    query.pop("page", None)
    text = params["text"]
    has_filters = any(
        params[name] for name in ("situations", "groups", "channels", "cost", "open_now", "kern")
    )
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "errors": errors,
        "results": results,
        "text": text,
        "params": params,
        "has_filters": has_filters,
        "kern_facet": results.facets["kern"],
        "open_now_facet": results.facets["open_now"][0],
        "facet_groups": _facet_groups(results, errors),
        "pagination": _pagination(query, results),
        "first_page_url": _url_with(query, page=None),
        "suggestion_url": _url_with(query, q=results.suggestion) if results.suggestion else None,
        "clear_filters_url": _url_with(QueryDict(mutable=True), q=text or None),
        "without_open_now_url": _url_with(query, open_now=None) if params["open_now"] else None,
        "related_situations": _related_situations(results) if results.count == 0 else [],
        "language_notes": _language_notes(results),
    }
    return render(request, "search/search_page.html", context, status=200 if valid else 400)
