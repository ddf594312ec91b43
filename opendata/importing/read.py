"""Read: the JSON files of a data package directory, each checked only for being the right JSON shape."""

import json
from pathlib import Path

from ..exporter import PARTNER_FILE, TABLES
from .problems import Problems


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
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.add(file.name, "", "", f"not valid JSON: {error}")
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
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(PARTNER_FILE, "", "", f"not valid JSON: {error}")
        return None
    partner = data.get("partner_info") if isinstance(data, dict) else None
    if not isinstance(partner, list):
        problems.add(PARTNER_FILE, "", "partner_info", "must be a list")
        return None
    return partner
