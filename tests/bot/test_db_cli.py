"""``arbot db upgrade`` / ``arbot db status`` as a deploy step, Alembic run directly with the
repository's alembic.ini, and PostgreSQL asked for without its extra installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.bot.serve_kit import ARBOT, ROOT
from tests.conftest import Cli

HISTORIES = ["store", "ledger", "quickbooks", "intacct"]


def test_upgrade_then_status_on_every_backend(arbot: Cli, ledger_url: str) -> None:
    behind = arbot("db", "status", "--json", "--db", ledger_url)
    assert behind.exit_code == 1
    assert [row["history"] for row in json.loads(behind.stdout)] == HISTORIES
    assert not any(row["at_head"] for row in json.loads(behind.stdout))
    first = arbot("db", "upgrade", "--db", ledger_url)
    assert first.exit_code == 0, first.output
    assert [line.split()[:3] for line in first.stdout.splitlines()] == [
        [name, "upgraded", "to"] for name in HISTORIES
    ]
    again = arbot("db", "upgrade", "--db", ledger_url)
    assert [line.split()[1:3] for line in again.stdout.splitlines()] == [["already", "at"]] * 4
    current = arbot("db", "status", "--json", "--db", ledger_url)
    assert current.exit_code == 0
    assert all(row["at_head"] and row["current"] for row in json.loads(current.stdout))


def test_an_unreachable_database_is_one_line(arbot: Cli) -> None:
    url = "postgresql+psycopg://nobody:secret-pw@127.0.0.1:9/arbot"
    result = arbot("db", "upgrade", "--db", url)
    assert result.exit_code == 1
    assert result.stderr.startswith("arbot: the database could not be upgraded: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "secret-pw" not in result.stderr


def test_alembic_with_the_repository_ini_upgrades_each_history(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARBOT_DATABASE_URL": url}
    for history in HISTORIES:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "alembic",
                "-c",
                str(ROOT / "alembic.ini"),
                "-n",
                history,
                "upgrade",
                "head",
            ],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    status = subprocess.run(
        [sys.executable, "-c", ARBOT, "db", "status", "--db", url],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert status.returncode == 0, status.stdout + status.stderr
    assert status.stdout.count("at head") == 4


def test_postgresql_without_the_extra_says_how_to_get_it(tmp_path: Path) -> None:
    # psycopg made unimportable, as in an install without arbot[postgres]
    hide = "import sys; sys.modules['psycopg'] = None; "
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            hide + ARBOT,
            "db",
            "upgrade",
            "--db",
            "postgresql+psycopg://arbot@127.0.0.1:9/arbot",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT), "ARBOT_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "pip install 'arbot[postgres]'" in done.stderr
    assert "Traceback" not in done.stderr
