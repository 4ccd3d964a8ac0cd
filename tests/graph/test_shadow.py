"""Shadow mode: a week of monitor-mode looks at a ledger where the team applies payments as it
sees fit, differently from arbot's suggestions in known places (tests/graph/shadow_kit.py); the
scorecard reports exactly those disagreements, and ``arbot trust`` shows the same."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from graph.shadow_score import scorecard
from integrations.store import Store
from tests.conftest import TODAY, Cli
from tests.graph.shadow_kit import run_week, week_plan


def test_a_week_in_monitor_mode(arbot: Cli) -> None:
    arbot.home.mkdir(parents=True)
    url = f"sqlite:///{arbot.home / 'arbot.db'}"
    run_week(url)
    plan = week_plan()
    store = Store.open(url)
    card = scorecard(store)["kinds"]
    store.close()
    cash = card["apply_payment"]
    assert cash["observed"] == cash["settled"] == len(plan)
    assert cash["waiting"] == 0
    assert {d["subject"] for d in cash["disagreements"]} == {"P-20", "P-41"}
    assert cash["agree"] == len(plan) - 2
    p41 = next(d for d in cash["disagreements"] if d["subject"] == "P-41")
    assert p41["people"]["unapplied"] == str(Decimal(p41["people"]["applications"][0][1]))
    deductions = card["write_off_deduction"]
    assert (deductions["observed"], deductions["agree"], deductions["disagree"]) == (2, 1, 1)
    [wrong] = deductions["disagreements"]
    assert wrong["subject"] == "INV-7001"
    assert (wrong["arbot"]["reason_code"], wrong["people"]["reason_code"]) == ("damage", "pricing")

    # arbot trust in monitor mode looks once more (nothing new) and shows the same card.
    Path(arbot.home / "arbot.toml").write_text('mode = "monitor"\n', encoding="utf-8")
    result = arbot("trust", "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["mode"] == "monitor" and shown["looked"] == {"new": 0, "settled": 0}
    assert shown["kinds"] == card
    text = arbot("trust")
    assert text.exit_code == 0, text.output
    assert "P-20: arbot" in text.output
    assert "INV-7001: arbot reason damage; team reason pricing" in text.output


class _Down:
    """An ERP that cannot be reached."""

    name = "local"

    def payments(self, *args: object, **kwargs: object) -> list:
        raise ConnectionError("connection refused")


def test_the_servers_look_logs_a_failure_and_goes_on(
    arbot: Cli, caplog: pytest.LogCaptureFixture
) -> None:
    from graph.shadow import look

    arbot.home.mkdir(parents=True)
    store = Store.open(f"sqlite:///{arbot.home / 'arbot.db'}")
    with caplog.at_level("ERROR", logger="graph.shadow"):
        assert look(_Down(), store, TODAY, Decimal("250.00")) is None  # type: ignore[arg-type]
    assert "shadow mode's look at the ERP failed: ConnectionError" in caplog.text
    assert scorecard(store)["kinds"]["apply_payment"]["observed"] == 0
    store.close()
