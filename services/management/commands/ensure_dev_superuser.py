"""Create a superuser for a developer from the environment, or say how to make one. Safe to re-run."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the dev superuser from DJANGO_SUPERUSER_USERNAME/PASSWORD if set; otherwise explain."

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        User = get_user_model()
        if not username or not password:
            if not User.objects.filter(is_superuser=True).exists():
                self.stdout.write(
                    "No editor account yet. Create one with:\n"
                    "  DJANGO_SUPERUSER_USERNAME=admin DJANGO_SUPERUSER_PASSWORD=... make run\n"
                    "or: .venv/bin/python manage.py createsuperuser"
                )
            return
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Superuser '{username}' exists already.")
            return
        User.objects.create_superuser(
            username=username, password=password, email=os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        )
        self.stdout.write(self.style.SUCCESS(f"Superuser '{username}' created."))
