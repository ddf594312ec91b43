import pytest

from django.contrib.auth.models import Group

from services.selectors import PARTNER_GROUP_NAME
from tests import factories

PASSWORD = "correct horse battery"  # tests/factories.UserFactory
ADMIN_LOGIN = "/beheer/login/"
PARTNER_LOGIN = "/partners/inloggen/"


@pytest.fixture
def partner(db):
    user = factories.UserFactory(username="partner-bram")
    user.groups.add(Group.objects.get(name=PARTNER_GROUP_NAME))
    return user


@pytest.fixture
def editor(db):
    # Wagtail's own "Editors" group carries wagtailadmin.access_admin.
    user = factories.UserFactory(username="redacteur-ria")
    user.groups.add(Group.objects.get(name="Editors"))
    return user
