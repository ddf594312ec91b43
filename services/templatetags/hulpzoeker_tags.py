"""Template helpers for the public pages: pictograms, opening-hours sentences, weekly tables, ages.

The sentences themselves live in ``services/wording.py``, so the questionnaire, the print sheet and the
APIs say the same thing as the pages without importing a template-tag module.
"""

import datetime
import functools
import re

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from services import opening_hours
from services.choices import AccessChannel, OpeningKind
from services.selectors import user_is_partner
from services.vocabulary import PyramidLevel
from services.wording import hhmm, opening_sentence

register = template.Library()

# Only plain names: a name comes from the database (LifeSituation.pictogram) and must never reach
# outside static/icons/ ("../", absolute paths, URL schemes).
_ICON_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

CHANNEL_ICONS = {
    AccessChannel.WALK_IN: "walk-in",
    AccessChannel.PHONE: "phone",
    AccessChannel.ONLINE: "external",
    AccessChannel.APPOINTMENT: "clock",
    AccessChannel.REFERRAL: "letter",
    AccessChannel.HOME_VISIT: "house",
    AccessChannel.APPLICATION: "letter",
}


# The NL Design System components every public page loads, in cascade order (see package.json).
NLDS_COMPONENTS = (
    "root",
    "document",
    "page",
    "page-header",
    "page-content",
    "page-footer",
    "skip-link",
    "heading-1",
    "heading-2",
    "heading-3",
    "heading-4",
    "paragraph",
    "link",
    "link-list",
    "unordered-list",
    "ordered-list",
    "button",
    "button-link",
    "alert",
    "badge-status",
    "table",
    "data-list",
    "separator",
    "breadcrumb-nav",
    "form-field",
    "form-label",
    "form-field-description",
    "form-field-error-message",
    "form-fieldset",
    "textbox",
    "select",
    "checkbox",
    "radio-button",
    "pagination",
)


@register.simple_tag
def nlds_stylesheets():
    """<link> tags for the NL Design System component CSS, served from node_modules as static/nlds/."""
    return format_html_join(
        "\n",
        '<link rel="stylesheet" href="{}">',
        ((static(f"nlds/{name}-css/dist/index.min.css"),) for name in NLDS_COMPONENTS),
    )


@functools.lru_cache(maxsize=64)
def _icon_svg(name):
    """The SVG markup of one icon, read once per process. Empty for unknown names."""
    path = finders.find(f"icons/{name}.svg")
    if not path:
        return ""
    with open(path, encoding="utf-8") as handle:
        svg = handle.read().strip()
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""


@register.simple_tag
def pictogram(name, css_class="hz-icon"):
    """Inline SVG pictogram, hidden from assistive technology (the text next to it carries the meaning).

    Inline rather than <img> so it takes the text colour (also in Windows high-contrast mode).
    """
    name = str(name or "")
    if not _ICON_NAME.match(name):
        return ""
    svg = _icon_svg(name)
    if not svg:
        return ""
    attributes = format_html(' class="{}" aria-hidden="true" focusable="false"', css_class)
    return mark_safe(svg.replace("<svg", "<svg" + attributes, 1))


@register.filter
def channel_icon(value):
    """Pictogram name for an access channel value."""
    return CHANNEL_ICONS.get(value, "info")


# --- Opening hours ---------------------------------------------------------------------------------


@register.simple_tag
def opening_text(state, now=None):
    """``{% opening_text state %}``: e.g. "Open now until 17:00" / "Nu open tot 17:00"."""
    return opening_sentence(state, now=now)


@register.simple_tag
def weekly_hours(location):
    """``{% weekly_hours location as rows %}``: seven rows, Monday first.

    Each row: ``{"weekday": 0..6, "is_today": bool, "day": "Monday" (translated),
    "periods": [{"opens": "09:00", "closes": "12:00", "kind": "inloop", "kind_label": "Walk-in"}]}``.
    """
    kind_labels = dict(OpeningKind.choices)
    today = timezone.localdate().weekday()
    rows = []
    for weekday, periods in opening_hours.weekly_table(location.schedule()):
        rows.append(
            {
                "weekday": weekday,
                "is_today": weekday == today,
                "day": capfirst(str(WEEKDAYS[weekday])),
                "periods": [
                    {
                        "opens": hhmm(period.opens),
                        "closes": hhmm(period.closes),
                        "kind": period.kind,
                        "kind_label": str(kind_labels.get(period.kind, period.kind)),
                    }
                    for period in periods
                ],
            }
        )
    return rows


@register.filter
def has_periods(rows):
    """Whether a weekly table from ``weekly_hours`` has any opening period at all."""
    return any(row["periods"] for row in rows or ())


# --- Small wording helpers -------------------------------------------------------------------------


@register.filter
def age_range(service):
    """Ages in words: "From 12 to 23 years" / "Van 12 tot en met 23 jaar"; empty when no age rule."""
    low = getattr(service, "min_age", None)
    high = getattr(service, "max_age", None)
    if low is not None and high is not None:
        return _("From %(min)s to %(max)s years old") % {"min": low, "max": high}
    if low is not None:
        return _("From %(min)s years old") % {"min": low}
    if high is not None:
        return _("Up to and including %(max)s years old") % {"max": high}
    return ""


@register.filter
def service_count(count):
    """ "12 services" in the active language."""
    count = int(count or 0)
    return ngettext("%(count)s service", "%(count)s services", count) % {"count": count}


@register.filter
def level_heading(level):
    """Friendly B1 heading for a pyramid level (a PyramidLevel member or its value)."""
    value = getattr(level, "value", level)
    headings = {
        PyramidLevel.SOCIAL_BASE: pgettext("pyramid level heading", "On your own or together with others"),
        PyramidLevel.FREELY_ACCESSIBLE: pgettext("pyramid level heading", "You can just go here"),
        PyramidLevel.TAILORED: pgettext("pyramid level heading", "For this you make an application"),
        PyramidLevel.SPECIALIST: pgettext("pyramid level heading", "When things get harder"),
    }
    return headings.get(value, getattr(level, "label", value))


@register.filter
def level_intro(level):
    """One sentence under the level heading, saying what that kind of help is."""
    value = getattr(level, "value", level)
    intros = {
        PyramidLevel.SOCIAL_BASE: _(
            "Help from people nearby, volunteers and clubs. You do not need to sign up."
        ),
        PyramidLevel.FREELY_ACCESSIBLE: _(
            "You can go here without an application. Often without an appointment."
        ),
        PyramidLevel.TAILORED: _(
            "First you ask for this help. Then the municipality or the provider decides."
        ),
        PyramidLevel.SPECIALIST: _(
            "Care from specialists, often with a referral. Sometimes outside Westland."
        ),
    }
    return intros.get(value, "")


@register.filter
def tel_href(number):
    """Digits (and a leading +) of a phone number, for a ``tel:`` link."""
    number = str(number or "").strip()
    digits = re.sub(r"\D", "", number)
    return ("+" + digits) if number.startswith("+") else digits


@register.filter
def whatsapp_href(number):
    """wa.me link for a Dutch mobile number ("06 1234 5678" → https://wa.me/31612345678)."""
    digits = re.sub(r"\D", "", str(number or ""))
    if digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "31" + digits[1:]
    return f"https://wa.me/{digits}" if digits else ""


@register.filter
def url_display(url):
    """A website address without scheme and trailing slash, easier to read aloud and to print."""
    text = re.sub(r"^https?://", "", str(url or ""))
    return text.rstrip("/")


@register.simple_tag
def situation_url(index_page, situation):
    """URL of the list of one life situation on the service overview."""
    if index_page is None or situation is None:
        return ""
    return index_page.situation_url(situation)


@register.simple_tag
def service_link(slug):
    """``{% service_link "sociaal-kernteam" as skt %}``: {"title", "url"} of a live service, or None."""
    from services.models import ServicePage

    page = ServicePage.objects.live().public().filter(slug=slug).first()
    if page is None:
        return None
    return {"title": page.title, "url": page.url}


@register.filter
def local_date(value):
    """A date or datetime as "3 March 2025" in the active language and local time zone."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return date_format(value, "j F Y")


@register.simple_tag(takes_context=True)
def human_route_section(context, intro=None, heading_id="hz-human-route-title"):
    """The "would you rather talk to someone?" block that ends every list: a list never ends empty.

    Rendered here rather than in an include so every page says it the same way; ``human_route`` comes
    from the ``site_chrome`` context processor (a callable, evaluated only when a page shows it).
    """
    route = context.get("human_route")
    items = route() if callable(route) else (route or [])
    if intro is None:
        intro = _("People at these places help you for free. You do not have to know exactly what you need.")
    if items:
        links = format_html_join(
            "",
            '<li><a class="utrecht-link utrecht-link--html-a" href="{}">{}<span>{}</span></a></li>',
            ((item["url"], pictogram("speech"), item["title"]) for item in items),
        )
    else:
        fallback = _("Go to the library near you and ask for the Buurtinformatiepunt.")
        links = format_html("<li>{}</li>", fallback)
    return format_html(
        '<section class="hz-human-route" aria-labelledby="{id}">'
        '<h2 class="utrecht-heading-2" id="{id}">{heading}</h2>'
        '<p class="utrecht-paragraph">{intro}</p>'
        '<ul class="hz-plain-list">{links}</ul>'
        "</section>",
        id=heading_id,
        heading=_("Would you rather talk to someone?"),
        intro=intro,
        links=links,
    )


@register.simple_tag
def content_lang():
    """`` lang="nl"`` on editor-written text when the interface is shown in another language.

    Pages are written in Dutch only (no Wagtail localisation); marking them keeps a Polish or English
    screen reader from reading Dutch with the wrong voice (WCAG 3.1.2, language of parts).
    """
    content_language = settings.LANGUAGE_CODE.split("-")[0]
    active = (get_language() or content_language).split("-")[0]
    if active == content_language:
        return ""
    return format_html(' lang="{}"', content_language)


@register.filter
def is_network_partner(user):
    """Whether this user sees partner-only data (a member of the Netwerkpartner group, or a superuser)."""
    return user_is_partner(user=user)
