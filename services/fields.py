"""A model field for a small set of fixed choices of which several may be picked.

Stored as a comma-separated string so it works the same on SQLite and PostgreSQL, can be filtered with
``__contains`` for our comma-free slugs, and survives Wagtail revisions (which serialise the list).
Editors see checkboxes; nobody ever types the stored form.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.CharField):
    description = "Several values from a fixed list of choices"

    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = self.options
        return name, path, args, kwargs

    @property
    def allowed(self):
        return [value for value, _label in self.options]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return [item for item in str(value).split(",") if item]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            # Keep the order of the choices, so equal selections compare and store equally.
            chosen = set(value)
            return ",".join(v for v in self.allowed if v in chosen)
        return value

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        unknown = [item for item in value if item not in self.allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(values)s"), code="invalid_choice", params={"values": ", ".join(unknown)}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.options,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "choices_form_class"):
            defaults.pop(key, None)
        return form_class(**defaults)
