"""Domain text that several apps show: the crisis lines, the human route and opening-hours sentences.

Every sentence is built with gettext (English message ids) rather than in the pure
``services/opening_hours.py``, so the pages, the questionnaire, the print sheet and the APIs say the same
thing in the visitor's language.
"""

from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from services import opening_hours
from services.choices import OpeningKind

# National lines only; their numbers are public and stable. Reviewed with the SKT ("controleren").
CRISIS_LINES = (
    {"name": gettext_lazy("Emergency: police, fire brigade, ambulance"), "number": "112", "tel": "112"},
    {
        "name": gettext_lazy("113 Suicide prevention (free, day and night)"),
        "number": "0800-0113",
        "tel": "08000113",
    },
    {
        "name": gettext_lazy("Veilig Thuis: domestic violence and child abuse"),
        "number": "0800-2000",
        "tel": "08002000",
    },
)

# The services that are always offered as a person to talk to: a list never ends empty.
HUMAN_ROUTE_SLUGS = ("buurtinformatiepunt", "formulierenbrigade", "sociaal-kernteam")


def human_route():
    """The human-route services with their URLs, in ``HUMAN_ROUTE_SLUGS`` order (cached briefly)."""
    route = cache.get("hulpzoeker:human_route")
    if route is None:
        from services.models import ServicePage

        pages = {p.slug: p for p in ServicePage.objects.live().filter(slug__in=HUMAN_ROUTE_SLUGS)}
        route = [{"title": pages[s].title, "url": pages[s].url} for s in HUMAN_ROUTE_SLUGS if s in pages]
        cache.set("hulpzoeker:human_route", route, 60)
    return route


# --- Opening hours ---------------------------------------------------------------------------------


def hhmm(moment):
    return time_format(moment, "H:i")


def _weekday(moment):
    # Django's own catalogue gives weekday names in the active language.
    return date_format(moment, "l")


def _open_sentence(kind, until):
    if until is None:
        sentences = {
            OpeningKind.WALK_IN: _("Walk in now"),
            OpeningKind.PHONE: _("You can call now"),
            OpeningKind.APPOINTMENT: _("Open now, by appointment"),
        }
        return sentences.get(kind, _("Open now"))
    sentences = {
        OpeningKind.WALK_IN: _("Walk in now until %(time)s"),
        OpeningKind.PHONE: _("You can call now until %(time)s"),
        OpeningKind.APPOINTMENT: _("Open now, by appointment, until %(time)s"),
    }
    return sentences.get(kind, _("Open now until %(time)s")) % {"time": until}


def _closed_sentence(kind, when, time):
    sentences = {
        OpeningKind.WALK_IN: _("Closed now. Walk in %(when)s from %(time)s"),
        OpeningKind.PHONE: _("Closed now. You can call %(when)s from %(time)s"),
        OpeningKind.APPOINTMENT: _("Closed now. By appointment %(when)s from %(time)s"),
    }
    return sentences.get(kind, _("Closed now. Opens %(when)s at %(time)s")) % {"when": when, "time": time}


def opening_sentence(state, now=None):
    """One short sentence for an :class:`opening_hours.OpeningState`, in the active language."""
    if state is None or state.status == opening_hours.OpeningStatus.UNKNOWN:
        return _("Opening hours unknown")
    now = timezone.localtime(now)

    if state.status == opening_hours.OpeningStatus.OPEN:
        closes = state.closes_at
        if closes is None:
            return _open_sentence(state.kind, None)
        closes = timezone.localtime(closes)
        days = (closes.date() - now.date()).days
        # "until 02:00" at 23:00 can only mean tonight; name the day only when the time alone would
        # read as later today.
        if days <= 0 or (days == 1 and closes.time() <= now.time()):
            until = hhmm(closes)
        elif days == 1:
            until = _("tomorrow %(time)s") % {"time": hhmm(closes)}
        else:
            until = _("%(day)s %(time)s") % {"day": _weekday(closes), "time": hhmm(closes)}
        return _open_sentence(state.kind, until)

    opens = state.opens_next_at
    if opens is None:
        return _("Closed now. No opening hours in the next two weeks")
    opens = timezone.localtime(opens)
    days = (opens.date() - now.date()).days
    if days <= 0:
        when = _("today")
    elif days == 1:
        when = _("tomorrow")
    elif days < 7:
        when = _("on %(day)s") % {"day": _weekday(opens)}
    else:
        # A weekday alone is ambiguous a week or more ahead; add the date.
        when = _("on %(day)s %(date)s") % {"day": _weekday(opens), "date": date_format(opens, "j F")}
    return _closed_sentence(state.next_kind, when, hhmm(opens))
