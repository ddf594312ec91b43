"""How an import reports what is wrong: every problem as one line naming its table, record id and field."""

from django.core.exceptions import ValidationError


class ImportProblems(Exception):
    """The package was not imported. ``problems`` lists every problem found, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class Problems(list):
    """The problems found so far; every stage adds to it, so one run lists them all."""

    def add(self, table, record_id, field_name, message):
        where = f"{table} {record_id}" if record_id else table
        self.append(f"{where}: {field_name}: {message}" if field_name else f"{where}: {message}")

    def add_validation_error(self, table, record_id, error: ValidationError, names: dict):
        """A model ValidationError, each model field named as the package names it (``names``)."""
        if hasattr(error, "error_dict"):
            for model_field, errors in error.error_dict.items():
                for item in errors:
                    self.add(table, record_id, names.get(model_field, model_field), " ".join(item.messages))
        else:
            for message in error.messages:
                self.add(table, record_id, "(record)", message)
