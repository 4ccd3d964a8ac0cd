"""``arbot backtest`` on every ERP: the same history written into the local ledger (rows and a
CSV import), the QuickBooks stand-in and the Intacct stand-in gives the same figures, known by
hand (tests/graph/backtest/books_kit.py), and not one write reaches any of them."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from integrations.erp.local import LocalLedger
from tests.conftest import Cli
from tests.fakes.intacct import fake_intacct
from tests.fakes.quickbooks import CLIENT_ID, CLIENT_SECRET, TOKEN_PATH, fake_quickbooks
from tests.graph.backtest import books_kit as kit

READS = {"readByQuery", "readMore", "read", "getAPISession", "readByName", "inspect"}


def backtest(cli: Cli, *args: str, **env: str) -> dict:
    result = cli("backtest", "--months", "3", "--json", *args, **env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_known_figures(report: dict) -> None:
    cash = report["cashapp"]
    assert cash["payments"] == len(kit.PAYMENTS)
    assert {k: v["payments"] for k, v in cash["by_scenario"].items()} == kit.SCENARIOS
    # The clerk's rule by hand: P-1, P-2 by number, P-5 by amount; P-3 and P-4 do not add up.
    assert cash["clerk"]["auto"] == 3 and cash["clerk"]["auto_wrong"] == 0
    assert cash["clerk"]["right_top"] == 0.6
    # arbot places every payment where people did, and applies none of them wrongly.
    assert cash["arbot"]["right_top"] == 1.0
    assert cash["arbot"]["auto_wrong"] == 0 and cash["wrong_auto"] == []


def held(store: dict) -> dict:
    """What a stand-in holds (kinds it was only asked about hold nothing)."""
    return {kind: copy.deepcopy(rows) for kind, rows in store.items() if rows}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_local_ledger_read_only_and_known_figures(arbot: Cli) -> None:
    arbot.home.mkdir(parents=True)
    database = arbot.home / "arbot.db"
    ledger = LocalLedger.open(f"sqlite:///{database}")
    kit.seed_local(ledger)
    ledger.close()
    before = sha256(database)
    report = backtest(arbot)
    assert sha256(database) == before  # not one byte of the ledger changed
    assert_known_figures(report)
    deductions = report["deductions"]  # the write-off of P-3's short-pay, reason damage
    assert (deductions["write_offs"], deductions["reason_right"]) == (1, 1)
    assert not list((arbot.home / "backtests").glob("*.json"))  # a finished run keeps none


def test_imported_history(arbot: Cli, tmp_path: Path) -> None:
    paths = kit.write_csv(tmp_path / "export")
    imported = arbot(
        "erp",
        "import",
        "--customers",
        str(paths["customers"]),
        "--invoices",
        str(paths["invoices"]),
        "--payments",
        str(paths["payments"]),
    )
    assert imported.exit_code == 0, imported.output
    assert_known_figures(backtest(arbot, "--kind", "cashapp"))


def test_quickbooks_stand_in(arbot: Cli) -> None:
    with fake_quickbooks() as fake:
        kit.seed_quickbooks(fake)
        entities = held(fake.entities)
        seen = len(fake.requests)
        env = {
            "ARBOT_ERP": "quickbooks",
            "QBO_CLIENT_ID": CLIENT_ID,
            "QBO_CLIENT_SECRET": CLIENT_SECRET,
            "QBO_REALM_ID": fake.realm_id,
            "QBO_BASE_URL": fake.url,
            "QBO_TOKEN_URL": fake.url + TOKEN_PATH,
            "QBO_REFRESH_TOKEN": fake.issue_refresh_token(),
        }
        report = backtest(arbot, "--kind", "cashapp", **env)
        requests = fake.requests[seen:]
        assert requests, "the backtest read QuickBooks"
        writes = [
            r
            for r in requests
            if r.method != "GET" and not r.path.endswith("/query") and TOKEN_PATH not in r.path
        ]
        assert writes == []
        assert held(fake.entities) == entities
    assert_known_figures(report)


def test_intacct_stand_in(arbot: Cli) -> None:
    with fake_intacct() as fake:
        kit.seed_intacct(fake)
        records = held(fake.records)
        env = {
            "ARBOT_ERP": "intacct",
            "INTACCT_SENDER_ID": fake.sender_id,
            "INTACCT_SENDER_PASSWORD": fake.sender_password,
            "INTACCT_COMPANY_ID": fake.company_id,
            "INTACCT_USER_ID": fake.user_id,
            "INTACCT_USER_PASSWORD": fake.user_password,
            "INTACCT_ENDPOINT": fake.url + "/ia/xml/xmlgw.phtml",
            "INTACCT_PAGE_SIZE": "2",  # every read pages
        }
        report = backtest(arbot, "--kind", "cashapp", **env)
        functions = {name for seen in fake.log for name, _, _ in seen.functions}
        assert "readMore" in functions  # paged to the end
        assert functions <= READS, functions - READS
        assert held(fake.records) == records
    assert_known_figures(report)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--months", "abc"), "--months: 'abc' is not a number of months (1-60)"),
        (("--months", "0"), "--months: '0' is not a number of months (1-60)"),
        (("--months", "9" * 40), "is not a number of months (1-60)"),
        (("--months", "-3"), "is not a number of months (1-60)"),
        (("--kind", "everything"), "--kind: 'everything' is not one of cashapp, collections"),
    ],
)
def test_bad_options_one_line_exit_2(arbot: Cli, args: tuple[str, ...], message: str) -> None:
    result = arbot("backtest", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_books_without_history_one_line_exit_1(arbot: Cli) -> None:
    arbot.home.mkdir(parents=True)
    LocalLedger.open(f"sqlite:///{arbot.home / 'arbot.db'}").close()
    result = arbot("backtest")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "arbot: nothing to backtest: the ERP has no paid history (0 invoices, 0 payments)"
    )
