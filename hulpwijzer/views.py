"""The Hulpwijzer's pages: one question per page, a check of the answers, the results, the print sheet.

Nothing is stored between requests. Every page is a form that POSTs all earlier answers back as hidden
fields; each request binds every step form to the POST again (steps.parse), so the URL never changes and
never holds an answer. The only thing written is an anonymous per-step count (models.py). Every response
is ``no-store`` so a shared library computer does not keep the pages in its cache.
"""

from django import forms
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from services.selectors import services_live

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


def _field_view(form, name):
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
    options = [
        {
            "value": choice,
            "label": label,
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
    fields = [_field_view(form, name) for name in form.fields]
    return {
        "step": step,
        "step_number": index + 1,
        "step_total": len(qsteps.STEPS),
        "question": step.question_for(parsed.answers),
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


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    """GET: the start page with the first question. POST: every next page of the questionnaire."""
    if request.method == "GET":
        _count("about")
        return _show_step(request, qsteps.parse(QueryDict()), "about", together=False)
    return _flow(request)


@never_cache
@require_GET
def together(request):
    """The start page in "samen zoeken" mode, for a volunteer sitting next to a resident."""
    _count("about")
    return _show_step(request, qsteps.parse(QueryDict()), "about", together=True)


@never_cache
@require_GET
def wipe(request):
    """Wipe everything ("Alles wissen"): nothing is stored, so a fresh start; the browser drops its cache."""
    response = HttpResponseRedirect(reverse("hulpwijzer:together"))
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

    if action.startswith("edit:") and action[5:] in qsteps.STEP_KEYS:
        return _show_step(request, parsed, action[5:], return_to_summary=True, **flags)

    if action == "back":
        if step in qsteps.STEP_KEYS:
            index = qsteps.STEP_KEYS.index(step)
            target = qsteps.STEP_KEYS[max(index - 1, 0)]
        else:
            target = qsteps.STEP_KEYS[-1]
        return _show_step(request, parsed, target, **flags)

    if invalid:
        # The current question first (a typo), otherwise the first tampered or broken earlier answer.
        target = step if step in invalid else invalid[0]
        return _show_step(request, parsed, target, return_to_summary=return_to_summary, **flags)

    if action == "next" and step in qsteps.STEP_KEYS:
        index = qsteps.STEP_KEYS.index(step)
        if return_to_summary or index == len(qsteps.STEP_KEYS) - 1:
            _count("summary")
            return _show_summary(request, parsed, **flags)
        target = qsteps.STEP_KEYS[index + 1]
        _count(target)
        return _show_step(request, parsed, target, **flags)

    if action == "summary":
        return _show_summary(request, parsed, **flags)

    if action == "results":
        _count("results")
        return _show_results(request, parsed, **flags)

    # An unknown step or action (an old or edited form): start again, keeping the valid answers.
    return _show_step(request, parsed, qsteps.STEP_KEYS[0], **flags)


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
    """The A4 hand-over sheet of the ticked suggestions (all suggestions when none are ticked)."""
    if request.method == "GET":
        # The sheet is made from a POSTed results page; a bookmark or reload lands on the start.
        return HttpResponseRedirect(reverse("hulpwijzer:start"))
    parsed = qsteps.parse(request.POST)
    ids = _ids(request.POST.getlist("service"))
    if not ids:
        # Only the ids are used here: the sheet renders its services (and their places) itself.
        ids = _ids(s.id for s in _suggestions_for(parsed.answers, with_places=False).suggestions)
    services = _services_in_order(ids)
    now = timezone.now()
    list_url = request.build_absolute_uri(reverse("hulpwijzer:list"))
    if services:
        list_url += "?d=" + ".".join(str(page.pk) for page in services)
    _count("print")
    context = {
        "services": services,
        "printed_on": timezone.localdate(),
        "now": now,
        "list_url": list_url,
        "qr": qr_svg(list_url),
        "hidden": parsed.hidden_pairs(),
        **_flags(request.POST),
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
