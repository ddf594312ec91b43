"""Fixed vocabularies of the domain. Slugs follow ../shared/domain/taxonomy.json."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PyramidLevel(models.TextChoices):
    SOCIAL_BASE = "sociale_basis", _("Social base")
    FREELY_ACCESSIBLE = "vrij_toegankelijk", _("Freely accessible help")
    TAILORED = "maatwerk", _("Tailored help (after an application)")
    SPECIALIST = "specialistisch", _("Specialist or regional help")


PYRAMID_ORDER = {level.value: index for index, level in enumerate(PyramidLevel, start=1)}


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
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")
    ENDED = "ended", _("Ended")


class IncomeRule(models.TextChoices):
    NONE = "none", _("No income rule")
    BIJSTAND = "bijstand", _("Only for people who receive social assistance (bijstand)")
    LOW_INCOME = "low_income", _("Low income: at most a percentage of the social minimum")


class Residence(models.TextChoices):
    ANYWHERE = "anywhere", _("Anyone, wherever they live")
    WESTLAND = "westland", _("Lives in Westland")
    KERNEN = "kernen", _("Lives in one of the chosen villages (kernen)")


class Requirement(models.TextChoices):
    CHILDREN_AT_HOME = "kinderen_thuis", _("Children live in the household")
    CARER = "mantelzorger", _("Is an informal carer (mantelzorger)")
    ASSESSMENT = "indicatie", _("Needs an assessment or decision first (indicatie)")
    REFERRAL = "verwijzing", _("Needs a referral (for example from the GP or the SKT)")
    STATUS_HOLDER = "statushouder", _("Is a refugee with a residence permit (statushouder)")
    INTEGRATION_DUTY = "inburgeringsplichtig", _("Has to take the civic integration course (inburgeren)")
    HOMELESS = "dakloos", _("Is homeless or about to become homeless")
    LEAVING_INSTITUTION = "uitstroom_instelling", _("Is leaving an institution or detention")
    SCHOOL_LEAVER = (
        "schoolverlater_pro_vso",
        _("Is leaving practical or special secondary education (PrO/VSO)"),
    )


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
