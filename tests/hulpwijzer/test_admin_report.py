"""Editors see how far residents get in the Hulpwijzer: anonymous totals per step, nothing else."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from hulpwijzer.models import QuestionnaireStepCount
from tests.factories import UserFactory


def test_the_report_sums_the_steps_over_the_period(client, db):
    today = timezone.localdate()
    QuestionnaireStepCount.objects.create(date=today, step="about", count=10)
    QuestionnaireStepCount.objects.create(date=today - datetime.timedelta(days=2), step="about", count=10)
    QuestionnaireStepCount.objects.create(date=today, step="results", count=5)
    QuestionnaireStepCount.objects.create(date=today - datetime.timedelta(days=60), step="results", count=99)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("questionnaire_step_counts"))
    assert response.status_code == 200
    rows = {row["step"]: row for row in response.context["rows"]}
    assert rows["about"]["total"] == 20
    assert rows["results"]["total"] == 5
    assert rows["results"]["share"] == 25


def test_the_report_needs_its_permission(client, db):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("questionnaire_step_counts"))
    assert response.status_code in (302, 403)
    group = Group.objects.create(name="Rapporten")
    group.permissions.add(Permission.objects.get(codename="view_questionnairestepcount"))
    editor.groups.add(group)
    response = client.get(reverse("questionnaire_step_counts"), {"days": "bogus"})
    assert response.status_code == 200


def test_concurrent_style_increments_add_up(db):
    for _ in range(3):
        QuestionnaireStepCount.increment("kern")
    assert QuestionnaireStepCount.objects.get(step="kern").count == 3
