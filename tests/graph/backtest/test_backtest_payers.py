"""A replayed payment says what its bank line said: the payer's name as the bank wrote it when
arbot read that line (its cash application's bank files, kept in store_bank_lines), else the
ERP's customer name — in the backtest and in shadow mode, each row saying which it had."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from graph.backtest import cashapp as cash
from graph.backtest.history import read_books
from integrations.erp.local import LocalLedger
from integrations.erp.records import BankLine
from integrations.store import Store
from tests.conftest import Cli
from tests.graph.backtest import books_kit as kit

BANK_SPELLING = "BOLT SUPPLY"  # how the bank showed Bolt Supply LLC on P-5's line


class Seen:
    """The bank lines the matcher was given."""

    def __init__(self) -> None:
        self.lines: list[BankLine] = []


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    record = Seen()

    class Watching(cash.CashMatcher):  # type: ignore[misc]
        def match_all(self, lines: Any, *args: Any, **kwargs: Any) -> Any:
            record.lines += list(lines)
            return super().match_all(lines, *args, **kwargs)

    monkeypatch.setattr(cash, "CashMatcher", Watching)
    return record


def test_the_replay_uses_the_banks_spelling_where_arbot_read_the_line(
    tmp_path: Path, seen: Seen
) -> None:
    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'books.db'}")
    kit.seed_local(ledger)
    books = read_books(ledger, bank_payers={"P-5": BANK_SPELLING})
    ledger.close()
    rows = cash.replay(books, cash.replayable(books, date(2026, 9, 1), kit.TODAY))
    payers = {line.payment_id: line.payer_name for line in seen.lines}
    names = dict(kit.CUSTOMERS)
    assert payers == {p.payment_id: names[p.customer_id] for p in kit.PAYMENTS} | {
        "P-5": BANK_SPELLING
    }
    assert {r["payment_id"]: r["payer"] for r in rows} == {
        "P-1": "erp",
        "P-2": "erp",
        "P-3": "erp",
        "P-4": "erp",
        "P-5": "bank",
    }
    assert cash.figures(rows)["payer_names"] == {"bank": 1, "erp": 4}


def test_arbot_backtest_reads_the_bank_lines_without_writing(arbot: Cli) -> None:
    arbot.home.mkdir(parents=True)
    database = arbot.home / "arbot.db"
    url = f"sqlite:///{database}"
    ledger = LocalLedger.open(url)
    kit.seed_local(ledger)
    ledger.close()
    store = Store.open(url)  # the cash application read P-5's line from a bank file
    line = BankLine("P-5", date(2026, 10, 21), Decimal("777.77"), "USD", BANK_SPELLING, "THANK YOU")
    assert store.record_bank_line(line, {"decision": "review"}, approval_id=None)
    store.close()
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    result = arbot("backtest", "--months", "3", "--kind", "cashapp", "--json")
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    report = json.loads(result.stdout)
    assert report["cashapp"]["payer_names"] == {"bank": 1, "erp": 4}
    text = arbot("backtest", "--months", "3", "--kind", "cashapp")
    assert "Payer names: 1 as the bank wrote them (bank lines arbot read), 4 the ERP's" in (
        text.output
    )


def test_without_bank_lines_every_name_is_the_erps(arbot: Cli) -> None:
    arbot.home.mkdir(parents=True)
    ledger = LocalLedger.open(f"sqlite:///{arbot.home / 'arbot.db'}")
    kit.seed_local(ledger)
    ledger.close()
    result = arbot("backtest", "--months", "3", "--kind", "cashapp", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cashapp"]["payer_names"] == {"bank": 0, "erp": 5}


def test_shadow_mode_matches_with_the_banks_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.shadow as shadow
    import graph.shadow_payments as shadow_payments
    from integrations.erp.records import NewPayment
    from integrations.store import shadow as rows_of
    from tests.graph.shadow_kit import DAYS, books, week_plan

    given: list[BankLine] = []

    class Watching(shadow_payments.CashMatcher):  # type: ignore[misc]
        def match(self, line: BankLine, *args: Any, **kwargs: Any) -> Any:
            given.append(line)
            return super().match(line, *args, **kwargs)

    monkeypatch.setattr(shadow_payments, "CashMatcher", Watching)
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    plan = week_plan()
    ledger, store = books(url, plan), Store.open(url)
    for p in plan[:2]:  # Monday's two payments arrive unapplied; arbot read P-00's bank line
        ledger.apply_payment(
            NewPayment(p["payment"], p["customer"], p["day"], Decimal(p["amount"]), "USD"),
            [],
            idempotency_key=f"feed:{p['payment']}",
        )
    spelled = BankLine("P-00", DAYS[0], Decimal(plan[0]["amount"]), "USD", "ACME WIDGETS", "")
    store.record_bank_line(spelled, {"decision": "review"}, approval_id=None)
    shadow.watch(ledger, store, DAYS[0])
    assert {line.payment_id: line.payer_name for line in given} == {
        "P-00": "ACME WIDGETS",
        "P-01": dict(kit.CUSTOMERS)[plan[1]["customer"]],
    }
    recorded = {
        r.subject: r.suggested["payer"]
        for r in rows_of.rows(store.engine)
        if r.kind == "apply_payment"
    }
    assert (recorded["P-00"], recorded["P-01"]) == ("bank", "erp")
    store.close()
    ledger.close()
