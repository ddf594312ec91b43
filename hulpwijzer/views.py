"""The Hulpwijzer's pages: one question per page, a check of the answers, the results, the print sheet.

Every answer is POSTed to the questionnaire's own address and answered with a 303 redirect to a GET page
of the step (Post/Redirect/Get), so the browser's Back button and reload never ask to resubmit a form.
No answer goes into a URL, a log or a table: between two pages the answers live only in the encrypted,
short-lived cookie of answer_cookie.py. Each page still carries the valid answers in hidden fields of its
POST form, so a POST holds all answers (also when the cookie has just expired) and every step form is bound
to the whole POST again (steps.parse). The only thing written is an anonymous per-step count (models.py).
Every response is ``no-store`` so a shared library computer does not keep the pages in its cache.
"""

from django import forms
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from services.selectors import services_live

from . import answer_cookie
from . import steps as qsteps
from .forms import OTHER_ANSWERS
from .models import QuestionnaireStepCount
from .qr import qr_svg
from .suggestions import suggest

MAX_LIST_IDS = 20
# Page ids are 32-bit integers in the database; larger "ids" in a tampered form or link are dropped.
MAX_ID = 2**31 - 1
# Shown per group before "show more": a long list discourages more than it helps.
VISIBLE_PER_GROUP = 5


def _count(step):
    QuestionnaireStepCount.increment(step)


def _flags(data):
    return {"together": data.get("together") == "1"}


def _field_view(form, name, labels=None):
    """What the template needs to draw one field by hand (NL Design System markup, no Django widgets)."""
    bound = form[name]
    widget = bound.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        kind = "checkbox"
    elif isinstance(widget, forms.RadioSelect):
        kind = "radio"
    elif isinstance(bound.field, forms.IntegerField):
        kind = "number"
    else:
        kind = "text"
    value = bound.value()
    if isinstance(value, list | tuple):
        selected = {str(item) for item in value}
    else:
        selected = {str(value)} if value not in (None, "") else set()
    meta = {}
    if name == "situations":
        meta = {s.slug: {"pictogram": s.pictogram, "description": s.description} for s in form.situation_list}
    choices = bound.field.choices if kind in ("checkbox", "radio") else []
    labels = labels or {}
    options = [
        {
            "value": choice,
            "label": labels.get(choice, label),
            "id": f"id_{name}_{index}",
            "checked": str(choice) in selected,
            "is_other": choice in OTHER_ANSWERS,
            **meta.get(choice, {}),
        }
        for index, (choice, label) in enumerate(choices)
    ]
    return {
        "name": name,
        "id": f"id_{name}",
        "kind": kind,
        "label": bound.field.label,
        "help": bound.field.help_text,
        "errors": bound.errors,
        "value": "" if value is None or kind in ("checkbox", "radio") else value,
        "options": options,
        "tiles": name == "situations",
    }


def _step_context(parsed, key, *, together, return_to_summary=False):
    step = qsteps.STEPS_BY_KEY[key]
    index = qsteps.STEP_KEYS.index(key)
    form = parsed.forms[key]
    labels = qsteps.option_labels_for(parsed.answers)
    fields = [_field_view(form, name, labels) for name in form.fields]
    return {
        "step": step,
        "step_number": index + 1,
        "step_total": len(qsteps.STEPS),
        "question": step.question_for(parsed.answers),
        "hint": step.hint_for(parsed.answers),
        "form": form,
        "fields": fields,
        "question_in_legend": fields[0]["kind"] in ("checkbox", "radio"),
        "hidden": parsed.hidden_pairs(exclude=key),
        "back_hidden": parsed.hidden_pairs(),
        "together": together,
        "return_to_summary": return_to_summary,
        "is_first": index == 0,
        "answers": parsed.answers,
        "has_errors": bool(form.errors),
    }


def _show_step(request, parsed, key, *, together, return_to_summary=False):
    context = _step_context(parsed, key, together=together, return_to_summary=return_to_summary)
    return render(request, "questionnaire/step.html", context)


def _show_summary(request, parsed, *, together):
    context = {
        "rows": qsteps.summary_rows(parsed),
        "hidden": parsed.hidden_pairs(),
        "together": together,
        "answers": parsed.answers,
    }
    return render(request, "questionnaire/summary.html", context)


def _suggestions_for(answers, *, now=None, with_places=True):
    return suggest(
        profile=answers.profile(),
        text=answers.text,
        lang=translation.get_language() or "nl",
        now=now,
        age_range=answers.age_range(),
        urgency=answers.urgency,
        with_places=with_places,
    )


def _show_results(request, parsed, *, together):
    result = _suggestions_for(parsed.answers)
    context = {
        "result": result,
        "groups": [
            {
                "group": group,
                "visible": group.suggestions[:VISIBLE_PER_GROUP],
                "more": group.suggestions[VISIBLE_PER_GROUP:],
            }
            for group in result.groups
        ],
        "hidden": parsed.hidden_pairs(),
        "together": together,
        "answers": parsed.answers,
    }
    return render(request, "questionnaire/results.html", context)


def _without_step(data, key):
    """A copy of the POST without the fields of one step: "skip this question" forgets what was ticked."""
    copy = data.copy()
    for name in qsteps.STEPS_BY_KEY[key].form_class.base_fields:
        copy.pop(name, None)
    return copy


# What the cookie keeps: the answer fields of every step and the volunteer mode. "step", "action" and
# "return" say where to go next; that is in the redirect's path.
ANSWER_FIELDS = (*(name for step in qsteps.STEPS for name in step.form_class.base_fields), "together")
# Ticked services travel on to the print sheet's GET page as well.
SHEET_FIELDS = (*ANSWER_FIELDS, "service")


def _step_url(key, *, together=False, change=False):
    """The GET address of a question; no answer is ever part of it."""
    if change:
        return reverse("hulpwijzer:change", args=[key])
    if key == qsteps.STEP_KEYS[0]:
        return reverse("hulpwijzer:together" if together else "hulpwijzer:start")
    return reverse("hulpwijzer:question", args=[key])


def _see_other(request, url, data, *, parsed, names=ANSWER_FIELDS):
    """Answer a POST with 303 See Other to a GET page, and hand the answers to the browser in the cookie."""
    response = HttpResponseRedirect(url, status=303)
    fallback = parsed.hidden_pairs() + ([("together", "1")] if _flags(data)["together"] else [])
    answer_cookie.write(response, request, data, names, fallback=fallback)
    return response


def _stored(request):
    """The answers from the cookie, or None: then the questionnaire starts afresh."""
    return answer_cookie.read(request)


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    """GET: the start page with the first question. POST: every answer of the questionnaire."""
    if request.method == "POST":
        return _flow(request)
    return _first_question(request, together=False)


@never_cache
@require_GET
def together(request):
    """The start page in "samen zoeken" mode, for a volunteer sitting next to a resident."""
    return _first_question(request, together=True)


def _first_question(request, *, together):
    data = _stored(request)
    if data is None:
        # Counted once per fresh start, not again when the browser's Back returns to the first question.
        _count("about")
    data = data or QueryDict()
    together = together or _flags(data)["together"]
    return _show_step(request, qsteps.parse(data), qsteps.STEP_KEYS[0], together=together)


def _stored_or_start(request):
    data = _stored(request)
    if data is None:
        return None, HttpResponseRedirect(reverse("hulpwijzer:start"))
    return data, None


@never_cache
@require_GET
def question(request, key, *, change=False):
    """One question as a GET page (where a POST redirects to, and where Back returns to)."""
    if key not in qsteps.STEPS_BY_KEY:
        raise Http404
    data, restart = _stored_or_start(request)
    if restart:
        return restart
    return _show_step(request, qsteps.parse(data), key, return_to_summary=change, **_flags(data))


@never_cache
@require_GET
def change(request, key):
    """A question opened from "check your answers": saving it returns there."""
    return question(request, key, change=True)


@never_cache
@require_GET
def summary(request):
    return _with_complete_answers(request, _show_summary)


@never_cache
@require_GET
def results(request):
    return _with_complete_answers(request, _show_results)


def _with_complete_answers(request, show):
    """Show a page that needs every answer: back to the start without any, to the first invalid step else."""
    data, restart = _stored_or_start(request)
    if restart:
        return restart
    parsed = qsteps.parse(data)
    if parsed.invalid_steps():
        return HttpResponseRedirect(_step_url(parsed.invalid_steps()[0], **_flags(data)))
    return show(request, parsed, **_flags(data))


@never_cache
@require_GET
def wipe(request):
    """Wipe everything ("Alles wissen"): delete the answer cookie, drop the browser's cache, start afresh."""
    response = HttpResponseRedirect(reverse("hulpwijzer:together"))
    answer_cookie.delete(response)
    response["Clear-Site-Data"] = '"cache"'
    return response


@never_cache
@require_GET
def crisis(request):
    """The "unsafe or crisis, now" option: count it (anonymously) and go straight to the crisis page."""
    _count("crisis")
    return HttpResponseRedirect(reverse("crisis"))


def _flow(request):
    data = request.POST
    flags = _flags(data)
    step = data.get("step", "")
    action = data.get("action", "")
    return_to_summary = data.get("return") == "summary"

    if action == "skip" and step in qsteps.STEP_KEYS:
        data = _without_step(data, step)
        action = "next"
    parsed = qsteps.parse(data)
    invalid = parsed.invalid_steps()

    def go(url):
        return _see_other(request, url, data, parsed=parsed)

    if action.startswith("edit:") and action[5:] in qsteps.STEP_KEYS:
        return go(_step_url(action[5:], change=True))

    if action == "back":
        if step in qsteps.STEP_KEYS:
            index = qsteps.STEP_KEYS.index(step)
            target = qsteps.STEP_KEYS[max(index - 1, 0)]
        else:
            target = qsteps.STEP_KEYS[-1]
        return go(_step_url(target, **flags))

    if invalid:
        # The current question first (a typo), otherwise the first tampered or broken earlier answer.
        # The cookie keeps the wrong value, so the GET page shows the same message the POST found.
        target = step if step in invalid else invalid[0]
        return go(_step_url(target, change=return_to_summary, **flags))

    if action == "next" and step in qsteps.STEP_KEYS:
        index = qsteps.STEP_KEYS.index(step)
        if return_to_summary or index == len(qsteps.STEP_KEYS) - 1:
            _count("summary")
            return go(reverse("hulpwijzer:summary"))
        target = qsteps.STEP_KEYS[index + 1]
        _count(target)
        return go(_step_url(target, **flags))

    if action == "summary":
        return go(reverse("hulpwijzer:summary"))

    if action == "results":
        _count("results")
        return go(reverse("hulpwijzer:results"))

    # An unknown step or action (an old or edited form): start again, keeping the valid answers.
    return go(_step_url(qsteps.STEP_KEYS[0], **flags))


def _ids(values):
    ids = []
    for value in values:
        value = str(value).strip()
        if value.isdigit() and len(value) <= 10 and 0 < int(value) <= MAX_ID and int(value) not in ids:
            ids.append(int(value))
    return ids[:MAX_LIST_IDS]


def _services_in_order(ids):
    services = {page.pk: page for page in services_live().filter(pk__in=ids)}
    return [services[pk] for pk in ids if pk in services]


@never_cache
@require_http_methods(["GET", "POST"])
def print_sheet(request):
    """The A4 hand-over sheet of the ticked suggestions (all suggestions when none are ticked).

    POST (from the results page) keeps the ticks with the answers and redirects to GET, like every step.
    """
    if request.method == "POST":
        _count("print")
        parsed = qsteps.parse(request.POST)
        return _see_other(
            request, reverse("hulpwijzer:print"), request.POST, parsed=parsed, names=SHEET_FIELDS
        )
    data = _stored(request)
    if data is None:
        # The sheet is made from a results page; a bookmark or an expired cookie lands on the start.
        return HttpResponseRedirect(reverse("hulpwijzer:start"))
    parsed = qsteps.parse(data)
    ids = _ids(data.getlist("service"))
    if not ids:
        # Only the ids are used here: the sheet renders its services (and their places) itself.
        ids = _ids(s.id for s in _suggestions_for(parsed.answers, with_places=False).suggestions)
    services = _services_in_order(ids)
    now = timezone.now()
    list_url = request.build_absolute_uri(reverse("hulpwijzer:list"))
    if services:
        list_url += "?d=" + ".".join(str(page.pk) for page in services)
    context = {
        "services": services,
        "printed_on": timezone.localdate(),
        "now": now,
        "list_url": list_url,
        "qr": qr_svg(list_url),
        "hidden": parsed.hidden_pairs(),
        **_flags(data),
    }
    return render(request, "questionnaire/print.html", context)


@never_cache
@require_GET
def service_list(request):
    """The public list a QR code on the print sheet opens: only service ids travel in the URL."""
    raw = request.GET.get("d", "")
    tokens = [token for token in raw.split(".") if token.strip()]
    ids = _ids(tokens) if len(raw) <= 400 else []
    # A link we never made (typed over, cut off, tampered) is bad input: say so plainly with a 400.
    # Ids that are well-formed but no longer on the map are a normal, honest empty list.
    malformed = len(raw) > 400 or len(ids) != len(set(tokens))
    services = [] if malformed else _services_in_order(ids)
    _count("list")
    context = {"services": services, "now": timezone.now(), "malformed": malformed}
    return render(request, "questionnaire/list.html", context, status=400 if malformed else 200)
