"""Shared fixtures: ledgers on SQLite (always) and PostgreSQL (when ARBOT_TEST_POSTGRES_URL is
set, as CI does), the demo company, and the ``arbot`` command."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from bot.cli import main
from graph.action_request import ActionRequest
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import DemoCompany, build_demo

TODAY = date(2026, 11, 21)
FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL = os.environ.get("ARBOT_TEST_POSTGRES_URL")


@pytest.fixture
def today() -> date:
    return TODAY


def _postgres_database() -> Iterator[str]:
    assert POSTGRES_URL
    name = f"arbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("ARBOT_TEST_POSTGRES_URL is not set")
    yield from _postgres_database()


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[LocalLedger]:
    opened = LocalLedger.open(ledger_url)
    yield opened
    opened.close()


@dataclass
class Demo:
    url: str
    ledger: LocalLedger
    company: DemoCompany


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The small demo company, built once (read-only for the tests that use it)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    opened = LocalLedger.open(url)
    company = build_demo(opened, size="small", seed=7, as_of=TODAY)
    yield Demo(url, opened, company)
    opened.close()


@dataclass
class Cli:
    home: Path
    extra: dict[str, str] = field(default_factory=dict)

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "ARBOT_HOME": str(self.home),
            "ARBOT_TODAY": TODAY.isoformat(),
            "ARBOT_DATABASE_URL": "",
            "ARBOT_ERP": "",
            "ARBOT_POLICY": "",
            **extra,
        }

    def __call__(self, *args: str, input: str | None = None, **env: str):
        return CliRunner().invoke(main, list(args), input=input, env=self.env(**env))


@pytest.fixture
def arbot(tmp_path: Path) -> Cli:
    """Runs the ``arbot`` command in-process with its own ARBOT_HOME and a fixed business date."""
    return Cli(tmp_path / "home")


def ask_json(cli: Cli, text: str, *extra: str) -> dict:
    """``arbot ask --json TEXT`` in-process: the reply as a script reads it (exit code 0)."""
    result = cli("ask", "--json", text, *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def demo_cli(tmp_path_factory: pytest.TempPathFactory, name: str = "demo") -> Cli:
    """A ``Cli`` whose home holds the small demo company (``arbot demo --no-chat``)."""
    cli = Cli(tmp_path_factory.mktemp(name) / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


def asked_action(text: str, today: date = date(2026, 11, 21)) -> ActionRequest:
    """The change a message asks for, asserting the reader reads one."""
    from graph.understand import parse

    request = parse(text, today)
    assert request.intent == "action_request", (text, request)
    assert request.action is not None
    return request.action


def asks_nothing(text: str, today: date = date(2026, 11, 21)) -> None:
    """Asserts the reader reads no change request in a message."""
    from graph.understand import parse

    request = parse(text, today)
    assert request.intent != "action_request", (text, request.action)
