"""export_hsds and import_hsds: a faithful round trip, drafts for review, and all-or-nothing imports."""

import json
import os
import stat

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Revision

from opendata import exporter, ids, importer
from opendata.validation import problems
from services.models import Location, OpeningHours, Organisation, ServicePage
from tests import factories

from .factories import MARKER, MARKER_PHONE, full_service

pytestmark = pytest.mark.django_db


def files(directory):
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def load(directory, table):
    return json.loads((directory / f"{table}.json").read_text(encoding="utf-8"))


def save(directory, table, rows):
    (directory / f"{table}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def wipe():
    ServicePage.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()


def snapshot():
    return (
        sorted(ServicePage.objects.values_list("slug", "title", "live", "latest_revision_id")),
        Revision.objects.count(),
        sorted(Organisation.objects.values_list("slug", "name")),
        sorted(Location.objects.values_list("pk", "name")),
        OpeningHours.objects.count(),
    )


def test_export_wipe_import_publish_export_gives_identical_files(tmp_path):
    """On the demo data plus a service with locations, hours, exceptions and partner-only lines."""
    page = full_service()
    location_pk = page.locations.get().pk
    call_command("export_hsds", str(tmp_path / "first"), "--include-partner-fields", verbosity=0)
    first = files(tmp_path / "first")
    assert len(load(tmp_path / "first", "services")) == 87
    for table, schema in exporter.TABLES.items():
        for row in load(tmp_path / "first", table):
            assert not problems(row, schema), (table, row["id"])

    wipe()
    assert not ServicePage.objects.exists()
    call_command("import_hsds", str(tmp_path / "first"), "--publish", verbosity=0)
    call_command("export_hsds", str(tmp_path / "second"), "--include-partner-fields", verbosity=0)

    second = files(tmp_path / "second")
    assert sorted(first) == sorted(second)
    for name in first:
        assert first[name] == second[name], name
    assert ServicePage.objects.live().count() == 87
    restored = ServicePage.objects.get(slug=page.slug)
    assert restored.locations.get().pk == location_pk
    assert restored.partner_info.get().direct_line == MARKER_PHONE
    # Restoring keys must not break the id sequence for the next new location (PostgreSQL).
    assert factories.LocationFactory(organisation=restored.organisation).pk != location_pk


def test_the_partner_file_is_separate_private_and_only_written_on_request(tmp_path):
    full_service()
    call_command("export_hsds", str(tmp_path), "--include-partner-fields", verbosity=0)
    partner_file = tmp_path / exporter.PARTNER_FILE
    assert stat.S_IMODE(os.stat(partner_file).st_mode) == 0o600
    assert MARKER in partner_file.read_text(encoding="utf-8")
    public = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir() if p != partner_file)
    assert MARKER not in public and MARKER_PHONE not in public
    call_command("export_hsds", str(tmp_path), verbosity=0)
    assert not partner_file.exists()


def small_package(directory, pages, **options):
    exporter.export_package(directory, services=list(pages), **options)
    return directory


def test_import_saves_drafts_for_review_unless_published(tmp_path, client):
    page = full_service()
    small_package(tmp_path, [page])
    rows = load(tmp_path, "services")
    rows[0]["name"] = "Nieuwe naam uit de import"
    save(tmp_path, "services", rows)

    call_command("import_hsds", str(tmp_path), verbosity=0)
    page.refresh_from_db()
    assert page.title == "Testdienst met alles"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Nieuwe naam uit de import"
    api = client.get(f"/api/hsds/services/{ids.service_id(page.slug)}").json()
    assert api["name"] == "Testdienst met alles"

    page.delete()
    call_command("import_hsds", str(tmp_path), verbosity=0)
    new = ServicePage.objects.get(slug="test-volledige-dienst")
    assert not new.live and new.latest_revision_id
    assert client.get(f"/api/hsds/services/{ids.service_id(new.slug)}").status_code == 404

    call_command("import_hsds", str(tmp_path), "--publish", verbosity=0)
    new.refresh_from_db()
    assert new.live and new.title == "Nieuwe naam uit de import"


def test_importing_the_same_package_twice_changes_nothing_the_second_time(tmp_path):
    page = full_service()
    small_package(tmp_path, [page])
    before = snapshot()
    call_command("import_hsds", str(tmp_path), verbosity=0)
    assert snapshot() == before


def test_a_package_from_elsewhere_matches_on_slug_and_reports_the_new_id(tmp_path, capsys):
    page = full_service()
    small_package(tmp_path, [page])
    rows = load(tmp_path, "services")
    old_id = rows[0]["id"]
    foreign = "11111111-2222-4333-8444-555555555555"
    rows[0]["id"] = foreign
    save(tmp_path, "services", rows)
    for table in ("attributes", "phones", "languages", "required_documents", "cost_options", "service_areas"):
        data = [
            {key: (foreign if value == old_id else value) for key, value in row.items()}
            for row in load(tmp_path, table)
        ]
        save(tmp_path, table, data)
    links = load(tmp_path, "service_at_locations")
    for link in links:
        link["service_id"] = foreign
    save(tmp_path, "service_at_locations", links)
    call_command("import_hsds", str(tmp_path))
    output = capsys.readouterr().out
    assert f"service {foreign} is stored with id {old_id}" in output
    assert ServicePage.objects.filter(slug=page.slug).count() == 1


# --- Invalid packages -------------------------------------------------------------------------------


def break_package(directory, breakage):
    """Apply one kind of damage to an exported package; return what the report must mention."""
    services = load(directory, "services")
    service = next(row for row in services if row["hulpzoeker"]["slug"] == "test-volledige-dienst")
    sid = service["id"]
    if breakage == "bad json":
        (directory / "services.json").write_text("[{not json", encoding="utf-8")
        return ["services.json", "not valid JSON"]
    if breakage == "wrong types":
        service["minimum_age"] = "twelve"
        service["name"] = 42
        save(directory, "services", services)
        return [f"services {sid}: minimum_age", f"services {sid}: name"]
    if breakage == "unknown taxonomy":
        attributes = load(directory, "attributes")
        target = next(a for a in attributes if a["link_id"] == sid and a["link_type"] == "life_situation")
        target["taxonomy_term_id"] = ids.taxonomy_term_id("hulpzoeker-life-situation", "bestaat-niet")
        save(directory, "attributes", attributes)
        return [f"attributes {target['id']}: taxonomy_term_id: unknown taxonomy term"]
    if breakage == "invalid age range":
        service["minimum_age"], service["maximum_age"] = 30, 20
        save(directory, "services", services)
        return [f"services {sid}: maximum_age"]
    if breakage == "not a list":
        (directory / "phones.json").write_text('{"id": 1}', encoding="utf-8")
        return ["phones.json", "must be a JSON array"]
    raise AssertionError(breakage)


@pytest.mark.parametrize(
    "breakage", ["bad json", "wrong types", "unknown taxonomy", "invalid age range", "not a list"]
)
def test_an_invalid_package_changes_nothing_and_names_the_problem(tmp_path, breakage):
    page = full_service()
    small_package(tmp_path, [page])
    # A second, valid change in the same package must not be applied either.
    services = load(tmp_path, "services")
    services[0]["name"] = "Deze wijziging mag niet doorkomen"
    save(tmp_path, "services", services)
    expected = break_package(tmp_path, breakage)
    page.delete()
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_hsds", str(tmp_path), "--publish", verbosity=0)
    message = str(raised.value)
    assert "nothing changed" in message
    for part in expected:
        assert part in message, message
    assert snapshot() == before


def test_every_problem_is_reported_at_once_with_record_id_and_field(tmp_path):
    page = full_service()
    small_package(tmp_path, [page])
    services = load(tmp_path, "services")
    sid = services[0]["id"]
    services[0].update(minimum_age=70, maximum_age=10, status="inactive", assured_date="2024-02-30")
    services[0]["email"] = "geen e-mail"
    save(tmp_path, "services", services)
    schedules = load(tmp_path, "schedules")
    schedules[0]["opens_at"] = "25:99"
    save(tmp_path, "schedules", schedules)
    attributes = [a for a in load(tmp_path, "attributes") if a["link_type"] != "pyramid_level"]
    save(tmp_path, "attributes", attributes)
    with pytest.raises(importer.ImportProblems) as raised:
        importer.import_package(tmp_path)
    report = "\n".join(raised.value.problems)
    for expected in (
        f"services {sid}: maximum_age",
        f"services {sid}: status",
        f"services {sid}: assured_date",
        f"services {sid}: email",
        f"services {sid}: attributes (pyramid_level)",
        f"schedules {schedules[0]['id']}: opens_at",
    ):
        assert expected in report, report


def test_a_failure_while_writing_rolls_everything_back(tmp_path, monkeypatch):
    page = full_service()
    small_package(tmp_path, [page])
    wipe()
    before = snapshot()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "write_services", explode)
    with pytest.raises(RuntimeError):
        importer.import_package(tmp_path, publish=True)
    assert snapshot() == before


# --- Runaway input: a clear problem per table, record and field, never a traceback ----------------


def test_a_text_longer_than_any_field_takes_is_refused_before_anything_else(tmp_path):
    page = full_service()
    small_package(tmp_path, [page])
    services = load(tmp_path, "services")
    services[0]["description"] = "schuldhulp " * 5_000
    save(tmp_path, "services", services)
    with pytest.raises(importer.ImportProblems) as raised:
        importer.import_package(tmp_path)
    assert raised.value.problems == [
        f"services {services[0]['id']}: description: text of 55000 characters; at most 20000"
    ]


@pytest.mark.parametrize(
    ("package_field", "model_limit"),
    [("description", 600), ("application_process", 600), ("eligibility_description", 1500)],
)
def test_a_text_over_its_field_cap_is_named_with_table_id_and_field(tmp_path, package_field, model_limit):
    page = full_service()
    small_package(tmp_path, [page])
    services = load(tmp_path, "services")
    services[0][package_field] = "a" * (model_limit + 1)  # one word: only the length cap can object
    save(tmp_path, "services", services)
    with pytest.raises(importer.ImportProblems) as raised:
        importer.import_package(tmp_path)
    report = "\n".join(raised.value.problems)
    assert f"services {services[0]['id']}: {package_field}: " in report, report
    assert str(model_limit) in report


@pytest.mark.parametrize("depth", [30, 100_000])
def test_deeply_nested_json_is_a_problem_not_a_recursion_error(tmp_path, depth):
    page = full_service()
    small_package(tmp_path, [page])
    (tmp_path / "services.json").write_text("[" * depth + "]" * depth, encoding="utf-8")
    with pytest.raises(importer.ImportProblems) as raised:
        importer.import_package(tmp_path)
    (problem,) = raised.value.problems
    assert problem.startswith("services") and "nested more than 20 levels deep" in problem
