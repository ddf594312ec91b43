"""Read: the JSON files of a data package directory, each checked only for being the right JSON shape.

Runaway input stops here with a named problem, never a traceback: JSON nested deeper than any HSDS
record (:data:`MAX_DEPTH`) and texts longer than any field takes (:data:`MAX_TEXT_LENGTH`; the model
fields have their own, smaller caps, checked later by ``full_clean``).
"""

import json
from pathlib import Path

from ..exporter import PARTNER_FILE, TABLES
from .problems import Problems

MAX_DEPTH = 20
"""Containers inside containers a package file may have (an HSDS table file needs about four)."""
MAX_TEXT_LENGTH = 20_000
"""Characters any one string may have; the longest capped model field takes 5,000."""


def read_package(path) -> tuple[dict, list | None, Problems]:
    """The tables of a package directory (or of the directory of a ``datapackage.json``).

    Returns ``(tables, partner rows or None, problems)``. A missing table file is an empty table,
    except ``datapackage.json`` and ``services.json``, which every package has.
    """
    problems = Problems()
    root = Path(path)
    if root.is_file() and root.name == "datapackage.json":
        root = root.parent
    if not root.is_dir():
        problems.add(
            str(path), "", "", "not a data package directory (expected a directory with datapackage.json)"
        )
        return {}, None, problems
    tables = {}
    for table in ("datapackage", *TABLES):
        file = root / f"{table}.json"
        if not file.exists():
            if table in ("datapackage", "services"):
                problems.add(file.name, "", "", "file is missing")
            tables[table] = []
            continue
        data = _load(file, problems)
        if data is _UNREADABLE:
            continue
        if table == "datapackage":
            if not isinstance(data, dict):
                problems.add(file.name, "", "", "must be a JSON object")
            continue
        if not isinstance(data, list):
            problems.add(file.name, "", "", "must be a JSON array of records")
            continue
        tables[table] = data
    return tables, _read_partner_file(root / PARTNER_FILE, problems), problems


def _read_partner_file(file: Path, problems: Problems) -> list | None:
    if not file.exists():
        return None
    data = _load(file, problems)
    if data is _UNREADABLE:
        return None
    partner = data.get("partner_info") if isinstance(data, dict) else None
    if not isinstance(partner, list):
        problems.add(PARTNER_FILE, "", "partner_info", "must be a list")
        return None
    return partner


_UNREADABLE = object()


def _load(file: Path, problems: Problems):
    """The JSON in *file*, or ``_UNREADABLE`` after adding a problem that names the file and record."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(file.name, "", "", f"not valid JSON: {error}")
        return _UNREADABLE
    except RecursionError:
        problems.add(file.name, "", "", f"JSON is nested more than {MAX_DEPTH} levels deep")
        return _UNREADABLE
    if _runaway(file.stem, data, problems):
        return _UNREADABLE
    return data


def _runaway(name: str, data, problems: Problems) -> bool:
    """Report containers nested too deeply and oversize strings, without recursion; True if any."""
    found = False
    # (value, depth, record id, field): the record is the top-level item, the field its key.
    stack = [(data, 0, "", "")]
    while stack:
        value, depth, record, field = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT_LENGTH:
                problems.add(
                    name,
                    record,
                    field or "(value)",
                    f"text of {len(value)} characters; at most {MAX_TEXT_LENGTH}",
                )
                found = True
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= MAX_DEPTH:
            problems.add(name, record, field, f"JSON is nested more than {MAX_DEPTH} levels deep")
            found = True
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if depth == 0 and isinstance(data, list):
                item_record = _item_id(item, key)
                stack.append((item, 1, item_record, ""))
            else:
                stack.append((item, depth + 1, record, field or str(key)))
    return found


def _item_id(item, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return item["id"][:100]
    return f"#{index + 1}"
