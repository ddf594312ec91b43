"""Labels of the domain's fixed vocabularies, for models, forms and the editors' admin.

The values of the sets that code compares come from ``services/vocabulary.py`` (one source); this module
only adds the words people see. Slugs follow ../shared/domain/taxonomy.json.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import vocabulary as v


class PyramidLevel(models.TextChoices):
    SOCIAL_BASE = v.PyramidLevel.SOCIAL_BASE, _("Social base")
    FREELY_ACCESSIBLE = v.PyramidLevel.FREELY_ACCESSIBLE, _("Freely accessible help")
    TAILORED = v.PyramidLevel.TAILORED, _("Tailored help (after an application)")
    SPECIALIST = v.PyramidLevel.SPECIALIST, _("Specialist or regional help")


PYRAMID_ORDER = v.PYRAMID_ORDER


class AccessChannel(models.TextChoices):
    WALK_IN = "inloop", _("Walk in without an appointment")
    PHONE = "telefoon", _("Call")
    ONLINE = "online", _("Online (website, chat, app)")
    APPOINTMENT = "afspraak", _("By appointment")
    REFERRAL = "verwijzing", _("With a referral")
    HOME_VISIT = "huisbezoek", _("A visit at your home")
    APPLICATION = "aanvraag", _("Application or registration")


class Cost(models.TextChoices):
    FREE = "gratis", _("Free")
    CONTRIBUTION = "eigen_bijdrage", _("Personal contribution")
    UNKNOWN = "onbekend", _("Unknown")


class ServiceStatus(models.TextChoices):
    ACTIVE = v.ServiceStatus.ACTIVE, _("Active")
    TEMPORARILY_CLOSED = v.ServiceStatus.TEMPORARILY_CLOSED, _("Temporarily closed")
    ENDED = v.ServiceStatus.ENDED, _("Ended")


class IncomeRule(models.TextChoices):
    NONE = v.IncomeRule.NONE, _("No income rule")
    BIJSTAND = v.IncomeRule.BIJSTAND, _("Only for people who receive social assistance (bijstand)")
    LOW_INCOME = v.IncomeRule.LOW_INCOME, _("Low income: at most a percentage of the social minimum")


class Residence(models.TextChoices):
    ANYWHERE = v.Residence.ANYWHERE, _("Anyone, wherever they live")
    WESTLAND = v.Residence.WESTLAND, _("Lives in Westland")
    KERNEN = v.Residence.KERNEN, _("Lives in one of the chosen villages (kernen)")


class Requirement(models.TextChoices):
    # Editors see the informational conditions second; the order is also stored in the migrations.
    CHILDREN_AT_HOME = v.Requirement.CHILDREN_AT_HOME, _("Children live in the household")
    CARER = v.Requirement.CARER, _("Is an informal carer (mantelzorger)")
    ASSESSMENT = v.Requirement.ASSESSMENT, _("Needs an assessment or decision first (indicatie)")
    REFERRAL = v.Requirement.REFERRAL, _("Needs a referral (for example from the GP or the SKT)")
    STATUS_HOLDER = v.Requirement.STATUS_HOLDER, _("Is a refugee with a residence permit (statushouder)")
    INTEGRATION_DUTY = (
        v.Requirement.INTEGRATION_DUTY,
        _("Has to take the civic integration course (inburgeren)"),
    )
    HOMELESS = v.Requirement.HOMELESS, _("Is homeless or about to become homeless")
    LEAVING_INSTITUTION = v.Requirement.LEAVING_INSTITUTION, _("Is leaving an institution or detention")
    SCHOOL_LEAVER = (
        v.Requirement.SCHOOL_LEAVER,
        _("Is leaving practical or special secondary education (PrO/VSO)"),
    )


# --- The questionnaire's answers, in the words a resident reads (hulpwijzer/forms.py) --------------


class ForWhom(models.TextChoices):
    SELF = v.ForWhom.SELF, _("Myself")
    CHILD = v.ForWhom.CHILD, _("My child")
    CARED_FOR = v.ForWhom.CARED_FOR, _("Someone I care for")
    WORRIED_ABOUT = v.ForWhom.WORRIED_ABOUT, _("Someone I am worried about")


class Household(models.TextChoices):
    ALONE = v.Household.ALONE, _("I live alone")
    PARTNER = v.Household.PARTNER, _("With my partner, without children")
    PARTNER_CHILDREN = v.Household.PARTNER_CHILDREN, _("With my partner and children")
    SINGLE_PARENT = v.Household.SINGLE_PARENT, _("Alone with my children")
    OTHER = v.Household.OTHER, _("Another way (for example with my parents or in a group home)")


class IncomeAnswer(models.TextChoices):
    BIJSTAND = v.IncomeAnswer.BIJSTAND, _("I receive social assistance (bijstand)")
    LOW = v.IncomeAnswer.LOW, _("I have a low income")
    NOT_LOW = v.IncomeAnswer.NOT_LOW, _("I do not have a low income")
    UNKNOWN = v.IncomeAnswer.UNKNOWN, _("I don't know")
    PREFER_NOT = v.IncomeAnswer.PREFER_NOT, _("I'd rather not say")


class SpecialSituation(models.TextChoices):
    CARER = (
        v.SpecialSituation.CARER,
        _("I care for someone close to me for a long time, unpaid (mantelzorger)"),
    )
    PARTNER_DIED = v.SpecialSituation.PARTNER_DIED, _("My partner died not long ago")
    READING = v.SpecialSituation.READING, _("Reading, writing or filling in forms is hard for me")
    STATUS_HOLDER = (
        v.SpecialSituation.STATUS_HOLDER,
        _("I came to the Netherlands as a refugee and have a residence permit (statushouder)"),
    )
    INTEGRATION = (
        v.SpecialSituation.INTEGRATION,
        _("I have to take the civic integration course (inburgeren)"),
    )
    HOMELESS = v.SpecialSituation.HOMELESS, _("I have no home, or I am about to lose my home")
    LEAVING_INSTITUTION = (
        v.SpecialSituation.LEAVING_INSTITUTION,
        _("I am leaving an institution, a shelter or prison"),
    )
    SCHOOL_LEAVER = (
        v.SpecialSituation.SCHOOL_LEAVER,
        _("I am leaving practical or special secondary school (PrO or VSO)"),
    )
    REFERRAL = v.SpecialSituation.REFERRAL, _("I already have a referral from my GP or the SKT")
    INDICATION = v.SpecialSituation.INDICATION, _("I already get help from the municipality (an indicatie)")


class Urgency(models.TextChoices):
    QUESTION = v.Urgency.QUESTION, _("I have a question")
    SOME_HELP = v.Urgency.SOME_HELP, _("I need some help")
    CANT_COPE = v.Urgency.CANT_COPE, _("I can't cope any more")


# --------------------------------------------------------------------------------------------------


class OpeningKind(models.TextChoices):
    OPEN = "open", _("Open")
    WALK_IN = "inloop", _("Walk-in")
    PHONE = "telefonisch", _("By phone")
    APPOINTMENT = "op_afspraak", _("By appointment")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WheelchairAccess(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Municipality")
    WELFARE = "welzijn", _("Welfare organisation")
    LIBRARY = "bibliotheek", _("Library")
    CARE = "zorg", _("Care provider")
    VOLUNTEERS = "vrijwilligers", _("Volunteer organisation")
    REGIONAL = "regionaal", _("Regional organisation")
    NATIONAL = "landelijk", _("National organisation")
    OTHER = "overig", _("Other")


class Pictogram(models.TextChoices):
    COINS = "coins", _("Coins")
    LETTER = "letter", _("Letter")
    BRIEFCASE = "briefcase", _("Briefcase")
    WALLET = "wallet", _("Wallet")
    HOUSE = "house", _("House")
    HOME_CARE = "home-care", _("Care at home")
    HEART_HAND = "heart-hand", _("Heart in a hand")
    PEOPLE = "people", _("People")
    BRAIN = "brain", _("Head")
    CHILD = "child", _("Child")
    ELDERLY = "elderly", _("Older person")
    SPEECH = "speech", _("Speech bubble")
    SHIELD = "shield", _("Shield")
    APPLE = "apple", _("Apple")
    BUS = "bus", _("Bus")
    HANDS = "hands", _("Hands")
