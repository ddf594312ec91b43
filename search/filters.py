"""Validation of the search parameters shared by the search page and ``/api/v1/search``.

A django-filter ``FilterSet`` declares and validates every parameter (``q``, ``kern``, ``situation``,
``group``, ``channel``, ``cost``, ``open_now``, ``page``) for the search page, with messages residents can
read. ``/api/v1/search`` validates with a pydantic schema (``search.api``) built on the same choices and
messages defined here. It does not
filter a queryset itself: retrieval (``search.retrieval``) filters the engine's hits in Python so the
database and Elasticsearch engines give the same result. Views call :meth:`SearchFilterSet.search_params`
on a valid filterset and pass the result to ``search_services``.

Absurd input never reaches retrieval: ``q`` is cut to 200 characters and stripped of control
characters, ``page`` must be a whole number from 1 to ``MAX_PAGE``, every choice must exist.
"""

import django_filters

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from services.choices import AccessChannel, Cost
from services.models import Kern, LifeSituation, ServicePage, TargetGroup

from .retrieval import MAX_PAGE
from .understanding import MAX_QUERY_CHARS, clean_text


class OpenNow(models.TextChoices):
    """The one value of "open now": the page's checkbox sends it, and absent means any time."""

    YES = "1", _("Open now")


# One wording per parameter for the page and /api/v1/search, so both answer a wrong value the same way.
INVALID_CHOICE_MESSAGES = {
    "kern": _("We do not know this village. Choose one from the list."),
    "situation": _("We do not know the subject “%(value)s”. Choose one from the list."),
    "group": _("We do not know the group “%(value)s”. Choose one from the list."),
    "channel": _("We do not know the way “%(value)s”. Choose one from the list."),
    "cost": _("We do not know the cost “%(value)s”. Choose one from the list."),
    "open_now": forms.ChoiceField.default_error_messages["invalid_choice"],
}
PAGE_MESSAGES = {
    "invalid": _("The page number must be a whole number, for example 2."),
    "min_value": _("The page number must be 1 or higher."),
    "max_value": _("There are not that many pages. Go back to the first page."),
}


class QueryField(forms.CharField):
    """Free text, cleaned as retrieval will use it (long pasted text is cut, not refused)."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class PageField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_PAGE)
        kwargs.setdefault("error_messages", PAGE_MESSAGES)
        super().__init__(**kwargs)


class QueryFilter(django_filters.CharFilter):
    field_class = QueryField


class PageFilter(django_filters.Filter):
    field_class = PageField


def _unused(queryset, name, value):
    # Filtering happens in search.retrieval over the engine's hits; see the module docstring.
    return queryset


class SearchFilterSet(django_filters.FilterSet):
    q = QueryFilter(label=_("What do you need help with?"), method=_unused)
    kern = django_filters.ModelChoiceFilter(
        label=_("Where do you live?"),
        queryset=Kern.objects.all(),
        to_field_name="slug",
        method=_unused,
        empty_label=_("All villages"),
        error_messages={"invalid_choice": INVALID_CHOICE_MESSAGES["kern"]},
    )
    situation = django_filters.ModelMultipleChoiceFilter(
        label=_("Subject"),
        queryset=LifeSituation.objects.all(),
        to_field_name="slug",
        method=_unused,
        error_messages={"invalid_choice": INVALID_CHOICE_MESSAGES["situation"]},
    )
    group = django_filters.ModelMultipleChoiceFilter(
        label=_("For whom"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        method=_unused,
        error_messages={"invalid_choice": INVALID_CHOICE_MESSAGES["group"]},
    )
    channel = django_filters.MultipleChoiceFilter(
        label=_("How you get the help"),
        choices=AccessChannel.choices,
        method=_unused,
        error_messages={"invalid_choice": INVALID_CHOICE_MESSAGES["channel"]},
    )
    cost = django_filters.ChoiceFilter(
        label=_("Cost"),
        choices=Cost.choices,
        method=_unused,
        empty_label=_("Any cost"),
        error_messages={"invalid_choice": INVALID_CHOICE_MESSAGES["cost"]},
    )
    open_now = django_filters.ChoiceFilter(
        label=_("Open now"),
        choices=OpenNow.choices,
        method=_unused,
        error_messages={"invalid_choice": INVALID_CHOICE_MESSAGES["open_now"]},
    )
    page = PageFilter(label=_("Page"), method=_unused)

    class Meta:
        model = ServicePage
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=ServicePage.objects.none(), **kwargs)

    def search_params(self) -> dict:
        """Keyword arguments for ``search.retrieval.search_services``.

        Call after ``is_valid()``. On an invalid filterset only the valid parameters are used, so a page can
        still show results for the rest of the question next to the error message.
        """
        data = getattr(self.form, "cleaned_data", {})
        return {
            "text": data.get("q") or "",
            "kern": data["kern"].slug if data.get("kern") else None,
            "situations": tuple(s.slug for s in data.get("situation") or ()),
            "groups": tuple(g.slug for g in data.get("group") or ()),
            "channels": tuple(data.get("channel") or ()),
            "cost": data.get("cost") or None,
            "open_now": data.get("open_now") == OpenNow.YES,
            "page": data.get("page") or 1,
        }

    def error_dict(self) -> dict[str, list[str]]:
        """Errors per parameter as plain strings, for the JSON API and the page's error summary."""
        return {name: [str(message) for message in messages] for name, messages in self.form.errors.items()}


__all__ = ["INVALID_CHOICE_MESSAGES", "MAX_QUERY_CHARS", "PAGE_MESSAGES", "OpenNow", "SearchFilterSet"]
