"""The Teams app package: a manifest on the current schema version that passes the schema's
rules (tests/fakes/teams_manifest.py), privacy and terms links that answer (arbot's own pages by
default, the organisation's when given), and a privacy page that accounts for every table."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

from bot.teams.package import MANIFEST_VERSION, manifest, write_package
from tests.bot.slack_kit import Harness, slack_server
from tests.conftest import Cli
from tests.fakes.teams_manifest import validate_manifest

APP_ID = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Harness]:
    with slack_server(tmp_path) as harness:
        yield harness


def test_the_manifest_is_on_the_current_schema_and_passes_it() -> None:
    content = manifest(APP_ID, "https://ar.example.com/")
    assert MANIFEST_VERSION == "1.29"
    assert content["manifestVersion"] == MANIFEST_VERSION
    assert content["$schema"].endswith(f"/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json")
    assert validate_manifest(content) == []


@pytest.mark.parametrize(
    ("change", "refused"),
    [
        (lambda m: m["developer"].pop("privacyUrl"), "/developer: requires privacyUrl"),
        (lambda m: m["developer"].update(termsOfUseUrl="http://x.example"), "termsOfUseUrl"),
        (lambda m: m["name"].update(short="a" * 31), "/name/short: is longer than 30"),
        (lambda m: m.update(packageName="com.example.arbot"), "/packageName: is not allowed"),
        (lambda m: m["bots"][0].update(scopes=["groupchat"]), "'groupchat' is not one of"),
        (lambda m: m.update(manifestVersion="1.17"), "'1.17' is not a supported version"),
        (lambda m: m.update(accentColor="navy"), "/accentColor: must match"),
        (lambda m: m["bots"][0]["commandLists"][0]["commands"][0].update(title="t" * 33), "32"),
        (lambda m: m.pop("icons"), ": requires icons"),
        (lambda m: m.update(validDomains=["https://ar.example.com"]), "not a URL"),
    ],
)
def test_the_rules_refuse_what_teams_refuses(change, refused: str) -> None:
    content = copy.deepcopy(manifest(APP_ID, "https://ar.example.com"))
    change(content)
    problems = validate_manifest(content)
    assert any(refused in problem for problem in problems), problems


def test_the_default_privacy_and_terms_links_are_pages_arbot_serves(server: Harness) -> None:
    content = manifest(APP_ID, "https://ar.example.com")
    for key, heading in (("privacyUrl", "What arbot keeps"), ("termsOfUseUrl", "terms of use")):
        link = urlparse(content["developer"][key])
        assert link.netloc == "ar.example.com"
        page = httpx.get(f"{server.url}{link.path}", timeout=10)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "<script" not in page.text and heading in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert (
            httpx.post(f"{server.url}{link.path}", content=b"x" * 1000, timeout=10).status_code
            == 405
        )
        assert httpx.get(f"{server.url}{link.path}?q={'%00' * 500}", timeout=10).status_code == 200


def test_the_organisations_own_pages(arbot: Cli, tmp_path: Path) -> None:
    out = tmp_path / "arbot-teams.zip"
    done = arbot(
        "teams", "package", "--app-id", APP_ID, "--url", "https://ar.example.com",
        "--privacy-url", "https://example.com/legal/privacy",
        "--terms-url", "https://example.com/legal/terms",
        "--out", str(out),
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    with zipfile.ZipFile(out) as archive:
        content = json.loads(archive.read("manifest.json"))
    assert content["developer"]["privacyUrl"] == "https://example.com/legal/privacy"
    assert content["developer"]["termsOfUseUrl"] == "https://example.com/legal/terms"
    assert validate_manifest(content) == []
    plain = arbot(
        "teams", "package", "--app-id", APP_ID, "--url", "https://ar.example.com",
        "--privacy-url", "http://example.com/privacy", "--out", str(tmp_path / "x.zip"),
    )  # fmt: skip
    assert plain.exit_code == 1 and "is not an https URL" in plain.stderr
    with pytest.raises(ValueError, match="is not an https URL"):
        write_package(tmp_path / "y.zip", APP_ID, "https://ar.example.com", terms_url="ftp://x")


def test_the_privacy_page_accounts_for_every_table_of_the_store() -> None:
    import integrations.store.collector  # noqa: F401  (its tables join the store's metadata)
    from bot.teams.pages import BOOKKEEPING, DESCRIBED, PRIVACY
    from integrations.store.schema import metadata

    assert set(metadata.tables) == set(DESCRIBED) | set(BOOKKEEPING)
    for paragraph in set(DESCRIBED.values()):
        assert f"<b>{paragraph}</b>" in PRIVACY
