"""A database already at the head of a history is recognised without Alembic; the head read
from the revision files is Alembic's own, and anything unclear is left to Alembic."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from integrations.db import script_head

ROOT = Path(__file__).resolve().parents[2]
HISTORIES = sorted(p.parent for p in ROOT.glob("integrations/**/migrations/versions"))


def alembic_head(location: Path) -> str | None:
    config = Config()
    config.set_main_option("script_location", str(location))
    return ScriptDirectory.from_config(config).get_current_head()


@pytest.mark.parametrize("location", HISTORIES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_head_read_from_the_files_is_alembics(location: Path) -> None:
    assert script_head(location) == alembic_head(location)


def history(tmp_path: Path, *revisions: tuple[str, str]) -> Path:
    versions = tmp_path / "versions"
    versions.mkdir(parents=True)
    for number, (revision, down) in enumerate(revisions):
        (versions / f"{number:04d}_x.py").write_text(
            f'"""x"""\n\nrevision = "{revision}"\ndown_revision = {down}\n', encoding="utf-8"
        )
    return tmp_path


def test_two_heads_are_left_to_alembic(tmp_path: Path) -> None:
    assert script_head(history(tmp_path, ("a", "None"), ("b", '"a"'), ("c", '"a"'))) is None


def test_a_file_that_does_not_say_its_revision_plainly_is_left_to_alembic(tmp_path: Path) -> None:
    location = history(tmp_path, ("a", "None"), ("b", '"a"'))
    (location / "versions" / "0002_odd.py").write_text("revision = make_id()\n", encoding="utf-8")
    assert script_head(location) is None


def test_a_merge_revision_is_the_head(tmp_path: Path) -> None:
    location = history(tmp_path, ("a", "None"), ("b", '"a"'), ("c", '"a"'), ("d", '("b", "c")'))
    assert script_head(location) == "d"
