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
No CSRF token or cookie is needed: the endpoint changes nothing and reads only its body. Answers are not
logged or stored.
"""

import json

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

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
URGENCIES = tuple(Urgency)
FIELDS = (
    "kern",
    "age",
    "household",
    "income",
    "situations",
    "roles",
    "children_ages",
    "text",
    "lang",
    "for_whom",
    "urgency",
)


def _error(message, fields=None, *, status=400):
    response = JsonResponse({"error": message, "fields": fields or {}}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _is_int(value):
    # JSON true/false arrive as bool, which Python counts as int; an age of "true" is not a number.
    return isinstance(value, int) and not isinstance(value, bool)


def _one_of(value, options, name):
    if not isinstance(value, str):
        return None, f"{name} must be a string, one of: {', '.join(options)}."
    if value not in options:
        return None, f"Unknown value for {name}; use one of: {', '.join(options)}."
    return value, None


def _int_in(value, low, high, name):
    if not _is_int(value):
        return None, f"{name} must be a whole number."
    if not low <= value <= high:
        return None, f"{name} must be between {low} and {high}."
    return value, None


def _list_of(value, check, name):
    if not isinstance(value, list):
        return None, f"{name} must be a list."
    if len(value) > MAX_LIST_ITEMS:
        return None, f"{name} may hold at most {MAX_LIST_ITEMS} items."
    result = []
    for item in value:
        cleaned, error = check(item)
        if error:
            return None, error
        result.append(cleaned)
    return result, None


def validate(data):
    """Check a decoded request body; return (cleaned values, errors by field)."""
    errors = dict.fromkeys(sorted(set(data) - set(FIELDS)), "Unknown field.")
    cleaned = {}
    present = {name: value for name, value in data.items() if name in FIELDS and value is not None}

    def check(name, result):
        value, error = result
        if error:
            errors[name] = error
        else:
            cleaned[name] = value

    if "kern" in present:
        kernen = tuple(Kern.objects.order_by("slug").values_list("slug", flat=True))
        check("kern", _one_of(present["kern"], kernen, "kern"))
    if "age" in present:
        check("age", _int_in(present["age"], 0, MAX_AGE, "age"))
    if "household" in present:
        check("household", _one_of(present["household"], tuple(Household), "household"))
    if "income" in present:
        check("income", _one_of(present["income"], tuple(IncomeAnswer), "income"))
    if "situations" in present:
        slugs = tuple(LifeSituation.objects.order_by("slug").values_list("slug", flat=True))
        check(
            "situations",
            _list_of(
                present["situations"], lambda item: _one_of(item, slugs, "each situation"), "situations"
            ),
        )
    if "roles" in present:
        check(
            "roles", _list_of(present["roles"], lambda item: _one_of(item, tuple(Role), "each role"), "roles")
        )
    if "children_ages" in present:
        check(
            "children_ages",
            _list_of(
                present["children_ages"],
                lambda item: _int_in(item, 0, MAX_CHILD_AGE, "each child's age"),
                "children_ages",
            ),
        )
    if "text" in present:
        text = present["text"]
        if not isinstance(text, str):
            errors["text"] = "text must be a string."
        elif len(text) > MAX_TEXT_LENGTH:
            errors["text"] = f"text may be at most {MAX_TEXT_LENGTH} characters."
        elif "\x00" in text:
            errors["text"] = "text must not contain NUL characters."
        else:
            cleaned["text"] = text.strip()
    if "lang" in present:
        check("lang", _one_of(present["lang"], LANGUAGES, "lang"))
    if "for_whom" in present:
        check("for_whom", _one_of(present["for_whom"], tuple(ForWhom), "for_whom"))
    if "urgency" in present:
        check("urgency", _one_of(present["urgency"], URGENCIES, "urgency"))
    return cleaned, errors


@csrf_exempt
@never_cache
def suggestions(request):
    """Suggestions for the profile in the JSON body (see the module docstring)."""
    if request.method != "POST":
        response = _error("Use POST with a JSON object in the body.", status=405)
        response["Allow"] = "POST"
        return response
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        return _error(f"The body is larger than {MAX_BODY_BYTES} bytes.", status=413)
    try:
        body = request.body
    except RequestDataTooBig:
        return _error(f"The body is larger than {MAX_BODY_BYTES} bytes.", status=413)
    if len(body) > MAX_BODY_BYTES:
        return _error(f"The body is larger than {MAX_BODY_BYTES} bytes.", status=413)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _error("The body is not valid JSON.", {"body": "Send a JSON object encoded as UTF-8."})
    if not isinstance(data, dict):
        return _error("The body must be a JSON object.", {"body": "Send a JSON object, for example {}."})

    cleaned, errors = validate(data)
    if errors:
        return _error("Some fields are not valid.", errors)

    roles = frozenset(cleaned.get("roles", ()))
    if cleaned.get("for_whom") == "cared_for":
        # Same rule as the questionnaire: looking for help for someone you care for makes you a carer.
        roles |= {"mantelzorger"}
    profile = Profile(
        kern=cleaned.get("kern"),
        age=cleaned.get("age"),
        household=cleaned.get("household"),
        children_ages=tuple(cleaned.get("children_ages", ())),
        income=cleaned.get("income"),
        roles=roles,
        roles_known="roles" in cleaned,
        situations=frozenset(cleaned.get("situations", ())),
        for_whom=cleaned.get("for_whom"),
    )
    result = suggest(
        profile=profile,
        text=cleaned.get("text", ""),
        lang=cleaned.get("lang", "nl"),
        urgency=cleaned.get("urgency"),
    )
    response = JsonResponse(result.as_api_dict())
    response["Cache-Control"] = "no-store"
    return response
