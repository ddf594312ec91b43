"""Validators for the official HSDS 3.0 JSON schemas in ``schema/`` (Open Referral, CC BY-SA 4.0).

The schema files refer to each other by file name (``"$ref": "phone.json"``); we register every file
under that name so references resolve offline. The schemas declare no dialect; we use draft 2020-12,
the dialect of HSDS's own OpenAPI 3.1 description.
"""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"


@functools.cache
def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")) + sorted((SCHEMA_DIR / "compiled").glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        name = path.name if path.parent == SCHEMA_DIR else f"compiled/{path.name}"
        resources.append((name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@functools.cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one schema file, e.g. ``service.json`` or ``compiled/service_list.json``."""
    schema = registry().contents(name)
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


def problems(instance, name: str) -> list[tuple[str, str]]:
    """``[(field path, message), ...]`` for everything in ``instance`` that breaks schema ``name``."""
    found = []
    for error in sorted(validator(name).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        path = ".".join(str(part) for part in error.absolute_path)
        if error.validator == "required":
            # jsonschema reports a missing key at the parent; name the key itself.
            missing = error.message.split("'")[1] if "'" in error.message else ""
            path = ".".join(filter(None, [path, missing]))
        found.append((path or "(record)", error.message))
    return found
