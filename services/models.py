"""The domain of the social map: places, vocabularies, organisations, locations and service pages.

Models stay thin: fields, panels and validation that protects the data. Reading logic lives in
``services/selectors.py``; rules live in the pure modules ``services/eligibility`` and
``services/opening_hours``.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import opening_hours
from .choices import (
    AccessChannel,
    Cost,
    ForWhom,
    IncomeRule,
    OpeningKind,
    OrganisationKind,
    Pictogram,
    PyramidLevel,
    Requirement,
    Residence,
    ServiceStatus,
    Weekday,
    WheelchairAccess,
)
from .fields import MultipleChoiceField

SUMMARY_MAX_WORDS = 60

pc4_validator = RegexValidator(
    r"^[1-9][0-9]{3}$", _("Enter the four digits of a postcode, for example 2671.")
)
postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("Enter a Dutch postcode, for example 2671 AB.")
)
phone_validator = RegexValidator(
    r"^[0-9+() -]{3,20}$", _("Enter a phone number with digits only, for example 0174 123456.")
)


def validate_summary_length(value):
    words = len(value.split())
    if words > SUMMARY_MAX_WORDS:
        raise ValidationError(
            _("Keep the summary to at most %(max)s words; it now has %(count)s. Move details to the body."),
            code="too_long",
            params={"max": SUMMARY_MAX_WORDS, "count": words},
        )


# Caps on free text (issue 12: a 5 MB description passed every check). Generous for a social map — the
# demo data's longest texts are well under half of each — and small enough that no text can stall
# normalising, indexing or rendering. TextField's max_length only reaches forms (a maxlength attribute
# and the admin's check); the validator makes full_clean() and the importer check it too.
BODY_PARAGRAPH_MAX_LENGTH = 5000


def text_cap(limit: int) -> dict:
    """Keyword arguments that cap a TextField at *limit* characters in forms and in full_clean()."""
    return {"max_length": limit, "validators": [MaxLengthValidator(limit)]}


def lines(text):
    """The non-empty lines of a one-item-per-line text field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- Places ---------------------------------------------------------------------------------------


class Kern(models.Model):
    """One of the 11 villages of Westland. Residents name their kern, not their postcode."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    aliases = models.TextField(
        _("other names"), blank=True, **text_cap(1000), help_text=_("One per line, as residents write it.")
    )
    former_municipality = models.CharField(_("former municipality"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude (approximate)"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude (approximate)"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    neighbours = models.ManyToManyField("self", verbose_name=_("neighbouring villages"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("aliases"),
        FieldPanel("former_municipality"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("neighbours"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("village (kern)")
        verbose_name_plural = _("villages (kernen)")

    def __str__(self):
        return self.name


class PostcodeArea(models.Model):
    """Maps a four-digit postcode to a kern. Unverified rows are general knowledge, not fact."""

    pc4 = models.CharField(_("postcode (4 digits)"), max_length=4, unique=True, validators=[pc4_validator])
    kern = models.ForeignKey(
        Kern, verbose_name=_("village"), on_delete=models.CASCADE, related_name="postcodes"
    )
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_(
            "Tick only after checking against CBS/BAG data. Unverified postcodes are only a suggestion."
        ),
    )

    panels = [FieldPanel("pc4"), FieldPanel("kern"), FieldPanel("verified")]

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")

    def __str__(self):
        suffix = "" if self.verified else " (" + str(_("not verified")) + ")"
        return f"{self.pc4} → {self.kern}{suffix}"


# --- Vocabularies ---------------------------------------------------------------------------------


class LifeSituation(index.Indexed, models.Model):
    """A life situation residents recognise ("Geld en schulden"), the main way into the map."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(
        _("description (B1)"), **text_cap(500), help_text=_("One or two short sentences, plain Dutch.")
    )
    pictogram = models.CharField(_("pictogram"), max_length=30, choices=Pictogram.choices)
    synonyms = models.TextField(
        _("words residents use"),
        blank=True,
        **text_cap(2000),
        help_text=_("One per line. Search finds this situation with these words too."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("pictogram"),
        FieldPanel("synonyms"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("synonyms"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("life situation")
        verbose_name_plural = _("life situations")

    def __str__(self):
        return self.name

    @property
    def synonym_list(self):
        return lines(self.synonyms)


class TargetGroup(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name


# --- Organisations and locations ------------------------------------------------------------------


class Organisation(index.Indexed, models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    description = models.TextField(_("description (B1)"), blank=True, **text_cap(2000))
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_placeholder = models.BooleanField(
        _("provider not known yet"),
        default=False,
        help_text=_("Ticked for the stand-in organisation of services whose provider is not known."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")
        ),
        FieldPanel("logo"),
        FieldPanel("is_placeholder"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Location(ClusterableModel):
    """A place where a service can be visited, with its opening hours."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[postcode_validator])
    kern = models.ForeignKey(
        Kern,
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="locations",
    )
    city = models.CharField(_("town (if outside Westland)"), max_length=100, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    wheelchair_access = models.CharField(
        _("wheelchair access"),
        max_length=10,
        choices=WheelchairAccess.choices,
        default=WheelchairAccess.UNKNOWN,
    )
    hours_known = models.BooleanField(
        _("opening hours are known"),
        default=False,
        help_text=_(
            "Leave unticked when we do not know the hours. Ticked without hours means: no fixed hours."
        ),
    )
    hours_note = models.CharField(_("note about the hours"), max_length=200, blank=True)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postcode"),
                FieldPanel("kern"),
                FieldPanel("city"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("wheelchair_access"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hours_known"),
                FieldPanel("hours_note"),
                InlinePanel("opening_hours", label=_("Opening hours")),
                InlinePanel("opening_exceptions", label=_("Exceptions (holidays, other hours)")),
            ],
            heading=_("When"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        place = self.kern.name if self.kern else self.city
        return f"{self.name} ({place})" if place else self.name

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Fill in both latitude and longitude, or neither.")
        if self.kern_id is None and not self.city and self.street_address:
            errors["kern"] = _(
                "Choose the village of this address, or fill in the town if it is outside Westland."
            )
        if errors:
            raise ValidationError(errors)

    def schedule(self):
        """The pure-Python opening schedule of this location (see services/opening_hours.py)."""
        return opening_hours.Schedule(
            periods=tuple(
                opening_hours.OpeningPeriod(
                    weekday=row.weekday, opens=row.opens, closes=row.closes, kind=row.kind
                )
                for row in self.opening_hours.all()
            ),
            exceptions=tuple(
                opening_hours.OpeningException(
                    date=row.date,
                    closed=row.closed,
                    opens=row.opens,
                    closes=row.closes,
                    note=row.note,
                    kind=row.kind,
                )
                for row in self.opening_exceptions.all()
            ),
            hours_known=self.hours_known,
        )

    def opening_state(self, now=None, kinds=None):
        return opening_hours.opening_state(self.schedule(), now=now or timezone.now(), kinds=kinds)


class OpeningHours(Orderable):
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("An earlier time than 'opens' means: after midnight."))
    kind = models.CharField(_("kind"), max_length=20, choices=OpeningKind.choices, default=OpeningKind.OPEN)

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("kind")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("Closing time must differ from opening time.")})


class OpeningException(Orderable):
    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="opening_exceptions")
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OpeningKind.choices, default=OpeningKind.OPEN)
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For example: Second Christmas Day")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes"), FieldPanel("kind")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")

    def clean(self):
        super().clean()
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError({"opens": _("Fill in the other hours, or tick 'closed all day'.")})
        if self.closed and (self.opens or self.closes):
            raise ValidationError(
                {"closed": _("A day that is closed all day has no hours. Remove the hours.")}
            )


# --- Pages ----------------------------------------------------------------------------------------


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", max_length=120)
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        max_length=BODY_PARAGRAPH_MAX_LENGTH,
    )
    steps = blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=300), label=_("Steps"), icon="list-ol", max_num=30
    )

    class Meta:
        required = False
        max_num = 40


class ServiceIndexPage(RoutablePageMixin, Page):
    """The map: all services, and one list per life situation at ``thema/<slug>/``."""

    intro = models.TextField(_("introduction"), blank=True, **text_cap(1000))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1

    class Meta:
        verbose_name = _("service overview")

    def get_context(self, request, *args, **kwargs):
        from .selectors import services_grouped_by_situation

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = services_grouped_by_situation()
        return context

    @path("thema/<slug:situation_slug>/", name="situation")
    def situation(self, request, situation_slug):
        from django.http import Http404

        from .selectors import services_for_situation

        situation = LifeSituation.objects.filter(slug=situation_slug).first()
        if situation is None:
            raise Http404
        return self.render(
            request,
            template="services/situation_list.html",
            context_overrides={
                "situation": situation,
                "levels": services_for_situation(situation=situation),
            },
        )

    def situation_url(self, situation):
        return self.url + self.reverse_subpage("situation", kwargs={"situation_slug": situation.slug})


class ServicePageForm(WagtailAdminPageForm):
    """Completeness rules that need the whole edit form (relations included)."""

    def clean(self):
        cleaned = super().clean()
        reachable = any(
            cleaned.get(name) for name in ("access_channels", "phone", "email", "website", "whatsapp")
        )
        main = cleaned.get("main_life_situation")
        situations = cleaned.get("life_situations")
        if main is not None and situations is not None and main not in list(situations):
            # The main situation is always one of the page's situations; adding it saves the editor a
            # round trip and keeps "life situations" the complete list that filters and facets read.
            cleaned["life_situations"] = [*situations, main]
        if not reachable and not cleaned.get("locations"):
            self.add_error(
                "access_channels",
                _(
                    "There is no way to reach this service. Choose a way to get this help, or add a phone "
                    "number, e-mail, website or location."
                ),
            )
        return cleaned


class ServicePage(Page):
    """One service on the social map."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="services"
    )
    summary = models.TextField(
        _("summary (B1)"),
        max_length=600,
        validators=[validate_summary_length, MaxLengthValidator(600)],
        help_text=_("At most 60 words, plain Dutch (B1): what is it, for whom, what do you get."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("more information"), blank=True)

    # Who is it for
    life_situations = ParentalManyToManyField(
        LifeSituation, verbose_name=_("life situations"), related_name="services", blank=False
    )
    main_life_situation = models.ForeignKey(
        LifeSituation,
        verbose_name=_("main life situation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="main_for_services",
        help_text=_(
            "The one life situation this help is mainly for. The other life situations count as side "
            "subjects. Help that fits the main situation is shown first. It is added to the life "
            "situations when it is missing there."
        ),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), related_name="services", blank=True
    )
    asked_for = MultipleChoiceField(
        _("who asks for this help"),
        options=ForWhom.choices,
        help_text=_(
            "Leave empty when anyone can ask for it. Tick only the people it is meant for: for example "
            "only 'Someone I am worried about' for a place where you report worries about someone else."
        ),
    )
    pyramid_level = models.CharField(
        _("level in the pyramid of care"),
        max_length=20,
        choices=PyramidLevel.choices,
        help_text=_("Lighter help is shown first. Choose the lightest level that describes this service."),
    )

    # How to reach it
    access_channels = MultipleChoiceField(_("ways to get this help"), options=AccessChannel.choices)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=20, blank=True, validators=[phone_validator])
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("For example: Nederlands, Engels, Pools"),
    )
    next_step = models.TextField(
        _("next step (B1)"),
        **text_cap(600),
        help_text=_("What should the resident do now? One or two sentences."),
    )
    what_to_bring = models.TextField(
        _("what to bring"), blank=True, **text_cap(1000), help_text=_("One item per line.")
    )

    # Where and when
    locations = ParentalManyToManyField(
        Location, verbose_name=_("locations"), related_name="services", blank=True
    )
    kernen = ParentalManyToManyField(
        Kern,
        verbose_name=_("villages served"),
        related_name="services",
        blank=True,
        help_text=_("Leave empty when the service is for all of Westland."),
    )
    regional = models.BooleanField(
        _("regional"),
        default=False,
        help_text=_("Organised for several municipalities or located outside Westland."),
    )

    # Cost
    cost = models.CharField(_("cost"), max_length=20, choices=Cost.choices, default=Cost.UNKNOWN)
    cost_note = models.CharField(_("note about the cost"), max_length=255, blank=True)

    # Eligibility
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    income_rule = models.CharField(
        _("income"), max_length=20, choices=IncomeRule.choices, default=IncomeRule.NONE
    )
    income_max_pct = models.PositiveSmallIntegerField(
        _("income limit (percentage of the social minimum)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(300)],
        help_text=_("Only with 'low income'. Leave empty when the exact limit is not known."),
    )
    residence = models.CharField(
        _("where the resident lives"), max_length=20, choices=Residence.choices, default=Residence.ANYWHERE
    )
    residence_kernen = ParentalManyToManyField(
        Kern, verbose_name=_("only for these villages"), related_name="+", blank=True
    )
    requirements = MultipleChoiceField(_("other conditions"), options=Requirement.choices)
    eligibility_description = models.TextField(
        _("who it is for, in words (B1)"),
        blank=True,
        **text_cap(1500),
        help_text=_("Say plainly who can use it, and who cannot."),
    )

    # Status and review
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    status_alert = models.CharField(
        _("message when temporarily closed"),
        max_length=255,
        blank=True,
        help_text=_(
            "For example: Closed until 1 March because of renovation. Go to the library in Naaldwijk."
        ),
    )
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    is_general_knowledge = models.BooleanField(
        _("based on general knowledge"),
        default=False,
        help_text=_("The description goes beyond the municipal documents. Check it with the provider."),
    )
    sources = models.TextField(
        _("sources"), blank=True, **text_cap(4000), help_text=_("One per line: document and lines.")
    )
    facts = models.TextField(
        _("facts with their year"), blank=True, **text_cap(4000), help_text=_("One per line.")
    )

    # Normalised text for the database search engine (filled by search/search_text.py, never by editors).
    search_text = models.TextField(editable=False, blank=True, default="")

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []
    base_form_class = ServicePageForm

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("summary"),
        FieldPanel("next_step"),
        FieldPanel("body"),
        FieldPanel("status"),
        FieldPanel("status_alert"),
    ]
    who_panels = [
        FieldPanel("main_life_situation"),
        FieldPanel("life_situations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("asked_for"),
        FieldPanel("pyramid_level"),
    ]
    reach_panels = [
        FieldPanel("access_channels"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website"), FieldPanel("whatsapp")],
            heading=_("Contact"),
        ),
        FieldPanel("languages"),
        FieldPanel("what_to_bring"),
        MultiFieldPanel([FieldPanel("cost"), FieldPanel("cost_note")], heading=_("Cost")),
    ]
    where_panels = [
        FieldPanel("locations"),
        FieldPanel("kernen", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regional"),
    ]
    eligibility_panels = [
        HelpPanel(
            content=_("Pick the conditions. Leave a field empty when it does not apply or is not known.")
        ),
        FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading=_("Age")),
        FieldRowPanel([FieldPanel("income_rule"), FieldPanel("income_max_pct")], heading=_("Income")),
        FieldPanel("residence"),
        FieldPanel("residence_kernen", widget=forms.CheckboxSelectMultiple),
        FieldPanel("requirements"),
        FieldPanel("eligibility_description"),
    ]
    partner_panels = [
        HelpPanel(content=_("Only logged-in network partners see this. Never shown to the public.")),
        InlinePanel("partner_info", label=_("Partner-only contact"), max_num=1),
    ]
    review_panels = [
        FieldPanel("checked_on"),
        FieldPanel("is_general_knowledge"),
        FieldPanel("facts"),
        FieldPanel("sources"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(who_panels, heading=_("Who is it for")),
            ObjectList(reach_panels, heading=_("How to reach it")),
            ObjectList(where_panels, heading=_("Where and when")),
            ObjectList(eligibility_panels, heading=_("Eligibility")),
            ObjectList(partner_panels, heading=_("Partner-only")),
            ObjectList(review_panels, heading=_("Review")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("next_step"),
        index.SearchField("eligibility_description"),
        index.SearchField("search_text"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("life_situations", [index.SearchField("name"), index.SearchField("synonyms")]),
        index.FilterField("pyramid_level"),
        index.FilterField("status"),
        index.FilterField("cost"),
        index.FilterField("regional"),
    ]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def clean(self):
        super().clean()
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _(
                "The maximum age (%(max)s) is lower than the minimum age (%(min)s). "
                "Nobody could use this service."
            ) % {"max": self.max_age, "min": self.min_age}
        if self.income_max_pct is not None and self.income_rule != IncomeRule.LOW_INCOME:
            errors["income_max_pct"] = _(
                "An income limit only applies with 'low income'. Choose that, or clear it."
            )
        if self.status == ServiceStatus.TEMPORARILY_CLOSED and not self.status_alert.strip():
            errors["status_alert"] = _(
                "Say in a message why the service is closed and where people can go instead."
            )
        if self.checked_on and self.checked_on > timezone.localdate():
            errors["checked_on"] = _("The date 'checked on' cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    # --- Presentation helpers (kept tiny; selectors do the querying) ---

    @property
    def what_to_bring_list(self):
        return lines(self.what_to_bring)

    @property
    def facts_list(self):
        return lines(self.facts)

    @property
    def languages_list(self):
        return [part.strip() for part in self.languages.split(",") if part.strip()]

    @property
    def access_channel_labels(self):
        labels = dict(AccessChannel.choices)
        return [(value, labels[value]) for value in self.access_channels if value in labels]

    @property
    def requirement_labels(self):
        labels = dict(Requirement.choices)
        return [labels[value] for value in self.requirements if value in labels]

    # Templates ask these instead of comparing with the stored strings (one spelling, in vocabulary.py).

    @property
    def is_active(self):
        return self.status == ServiceStatus.ACTIVE

    @property
    def is_temporarily_closed(self):
        return self.status == ServiceStatus.TEMPORARILY_CLOSED

    @property
    def has_ended(self):
        return self.status == ServiceStatus.ENDED

    @property
    def requires_bijstand(self):
        return self.income_rule == IncomeRule.BIJSTAND

    @property
    def requires_low_income(self):
        return self.income_rule == IncomeRule.LOW_INCOME

    @property
    def has_income_rule(self):
        return self.requires_bijstand or self.requires_low_income

    @property
    def is_for_westland_residents(self):
        return self.residence == Residence.WESTLAND

    @property
    def is_for_residents_of_some_kernen(self):
        return self.residence == Residence.KERNEN

    @property
    def has_residence_rule(self):
        return self.is_for_westland_residents or self.is_for_residents_of_some_kernen

    @property
    def needs_review(self):
        if self.checked_on is None:
            return True
        limit = datetime.timedelta(days=settings.SERVICE_REVIEW_INTERVAL_DAYS)
        return timezone.localdate() - self.checked_on > limit

    @cached_property
    def kern_list(self):
        return list(self.kernen.all())

    def get_context(self, request, *args, **kwargs):
        from .selectors import service_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(service_detail_context(service=self, user=request.user))
        return context


class ServicePartnerInfo(models.Model):
    """Partner-only contact lines. Stored apart from public fields and never indexed or exported."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="partner_info")
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    direct_line = models.CharField(_("direct line"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(_("direct e-mail"), blank=True)
    referral_notes = models.TextField(_("notes for referrers"), blank=True, **text_cap(2000))

    panels = [
        FieldPanel("contact_person"),
        FieldPanel("direct_line"),
        FieldPanel("email"),
        FieldPanel("referral_notes"),
    ]

    class Meta:
        verbose_name = _("partner-only contact")
        verbose_name_plural = _("partner-only contacts")

    def __str__(self):
        return str(_("Partner-only contact"))
