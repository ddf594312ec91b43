"""seed_demo finds the home page through the default site (services imports nothing from home)."""

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_without_a_default_site_seed_demo_explains_what_to_run():
    Site.objects.all().delete()
    with pytest.raises(CommandError, match="migrate"):
        call_command("seed_demo", "--no-index", verbosity=0)
