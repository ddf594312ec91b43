"""The demo data keeps the catalogue's facts and invents nothing."""

import pytest

from services.models import Location, ServicePage

pytestmark = pytest.mark.django_db


def test_seed_demo_keeps_the_catalogue_facts(demo_data):
    youth_work = ServicePage.objects.get(slug="jongerenwerk")
    assert (youth_work.min_age, youth_work.max_age) == (12, 23)
    strandgoed = ServicePage.objects.get(slug="respijthuis-strandgoed")
    assert [k.slug for k in strandgoed.kernen.all()] == ["ter-heijde"]
    assert "mantelzorger" in strandgoed.requirements
    kindpakket = ServicePage.objects.get(slug="kindpakket")
    assert kindpakket.income_rule == "low_income" and kindpakket.income_max_pct is None


def test_seed_demo_invents_no_contact_details(demo_data):
    """The sources give no phone numbers except national lines; nothing else may be made up."""
    with_phone = set(ServicePage.objects.exclude(phone="").values_list("slug", flat=True))
    assert with_phone <= {"113-zelfmoordpreventie", "veilig-thuis", "crisisdienst-ggz"}
    assert not Location.objects.exists()
