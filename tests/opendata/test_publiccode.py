"""publiccode.yml describes the software for the Dutch government software catalogue (standard v0.4)."""

from pathlib import Path

import yaml

PUBLICCODE = Path(__file__).resolve().parents[2] / "publiccode.yml"
CATEGORIES = {
    "digital-citizenship",
    "knowledge-management",
    "content-management",
    "online-community",
    "survey",
}
SCOPES = {"welfare", "local-authorities", "healthcare", "society", "employment", "education"}


def test_publiccode_yml_has_the_mandatory_keys_of_standard_0_4():
    data = yaml.safe_load(PUBLICCODE.read_text(encoding="utf-8"))
    assert data["publiccodeYmlVersion"] == "0.4"
    assert data["name"] == "Hulpzoeker"
    assert data["url"].startswith("https://")
    assert data["platforms"] == ["web"]
    assert set(data["categories"]) <= CATEGORIES
    assert data["developmentStatus"] == "development"
    assert data["softwareType"] == "standalone/web"
    assert data["legal"]["license"] == "EUPL-1.2"
    assert data["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert data["maintenance"]["contacts"]
    assert data["localisation"]["localisationReady"] is True
    assert data["localisation"]["availableLanguages"] == ["nl", "en", "pl"]
    assert {d["name"] for d in data["dependsOn"]["open"]} >= {"Python", "Django", "Wagtail", "PostgreSQL"}
    assert set(data["intendedAudience"]["scope"]) <= SCOPES
    assert data["intendedAudience"]["countries"] == ["nl"]
    for language in ("nl", "en"):
        description = data["description"][language]
        assert len(description["shortDescription"]) <= 150
        assert 150 <= len(description["longDescription"]) <= 10000
        assert description["features"]
