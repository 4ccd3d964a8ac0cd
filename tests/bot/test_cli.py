"""Every intent end to end through the ``arbot`` command, and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, Cli, ask_json

CSV = FIXTURES / "csv"


def import_fixtures(arbot: Cli, *extra: str):
    return arbot(
        "erp",
        "import",
        "--customers",
        str(CSV / "customers.csv"),
        "--invoices",
        str(CSV / "invoices.csv"),
        "--payments",
        str(CSV / "payments.csv"),
        "--sales-orders",
        str(CSV / "sales_orders.csv"),
        *extra,
    )


def test_demo_then_every_intent_as_json(arbot: Cli) -> None:
    built = arbot("demo", "--no-chat")
    assert built.exit_code == 0, built.output
    assert "Demo company ready" in built.stdout
    assert (arbot.home / "demo" / "bank-credits-2026-11-21.csv").exists()

    balance = ask_json(arbot, "what does Globex owe?")
    assert set(balance) == {"intent", "entities", "text", "data", "proposals"}
    assert balance["intent"] == "customer_balance"
    assert balance["entities"] == {"customer_id": "C00003"}
    assert isinstance(balance["data"]["open_total"]["USD"], float)
    assert balance["proposals"] == []

    invoice = balance["data"]["open_invoices"][0]["invoice_number"]
    status = ask_json(arbot, f"did globex pay {invoice.replace('INV-', 'inv 0')}?")
    assert status["intent"] == "invoice_status"
    assert status["entities"]["invoice_number"] == invoice
    assert status["text"].split("\n")[0].startswith(("Not yet", "Partly"))

    history = ask_json(arbot, "show initech's last payments")
    assert history["intent"] == "payment_history"
    assert len(history["data"]["payments"]) == 5

    assert ask_json(arbot, "help")["intent"] == "help"
    assert ask_json(arbot, "tell me a joke")["intent"] == "unknown"


def test_terminal_answer_reads_well(arbot: Cli) -> None:
    arbot("demo", "--no-chat")
    result = arbot("ask", "what does globex owe")
    assert result.exit_code == 0
    assert "Globex Corporation owes $" in result.stdout
    assert "Aging by due date" in result.stdout


def test_demo_opens_the_chat(arbot: Cli) -> None:
    result = arbot("demo", input="what does globex owe?\nquit\n")
    assert result.exit_code == 0, result.output
    assert "Globex Corporation owes" in result.stdout


def test_chat_answers_until_eof(arbot: Cli) -> None:
    arbot("demo", "--no-chat")
    result = arbot("chat", input="help\n\nshow initech's last payments\n")
    assert result.exit_code == 0
    assert "I answer questions" in result.stdout
    assert "Initech LLC's last 5 payments" in result.stdout


def test_imported_data_answers_inquiries(arbot: Cli) -> None:
    result = import_fixtures(arbot)
    assert result.exit_code == 0, result.output
    assert "customers: 5 added" in result.stdout

    paid = ask_json(arbot, "did harbor wholesale grocers pay INV-981?")
    assert paid["text"].startswith("Yes — INV-000981 (Harbor Wholesale Grocers Inc., $12,400.00)")
    assert paid["data"]["invoices"][0]["payments"][0]["payment_id"] == "PAY-5001"

    owed = ask_json(arbot, "what does pinnacle packaging owe?")
    assert owed["data"]["open_total"] == {"USD": 34500.0}
    assert owed["data"]["past_due"] == {"USD": 30000.0}

    cad = ask_json(arbot, "what does pinnacle foods owe?")
    assert cad["data"]["open_total"] == {"CAD": 2300.0}
    assert "CAD 2,300.00" in cad["text"]

    history = ask_json(arbot, "payments from harbor wholesale grocers inc")
    assert [p["payment_id"] for p in history["data"]["payments"]] == ["PAY-5002", "PAY-5001"]
    assert history["data"]["payments"][0]["unapplied"] == 500.0

    again = import_fixtures(arbot)
    assert again.exit_code == 0
    assert "customers: 0 added, 0 updated, 5 unchanged" in again.stdout


def test_import_errors_exit_1_with_file_line_column(arbot: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "invoices.csv"
    bad.write_text(
        "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,po_number\n"
        "INV-1,HW-100,2026-11-01,2026-12-01,12.3.4,0,USD,\n"
    )
    result = arbot(
        "erp", "import", "--customers", str(CSV / "customers.csv"), "--invoices", str(bad)
    )
    assert result.exit_code == 1
    assert "invoices.csv:2: amount: '12.3.4' is not an amount" in result.stderr
    assert result.stderr.strip().endswith("nothing was imported")
    assert "Traceback" not in result.output


def test_demo_never_overwrites_a_real_ledger(arbot: Cli) -> None:
    assert import_fixtures(arbot).exit_code == 0
    result = arbot("demo", "--no-chat")
    assert result.exit_code == 1
    assert "holds a real ledger" in result.stderr
    assert ask_json(arbot, "what does pinnacle packaging owe?")["entities"] == {
        "customer_id": "PK-200"
    }


def test_bad_usage_exits_2_and_config_errors_exit_1(arbot: Cli) -> None:
    assert arbot("ask").exit_code == 2
    assert arbot("demo", "--size", "huge").exit_code == 2
    result = arbot("ask", "help", ARBOT_ERP="sap")
    assert result.exit_code == 1
    assert "ARBOT_ERP='sap' is not one of local, quickbooks, intacct" in result.stderr


def test_db_option_selects_the_database(arbot: Cli, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert arbot("demo", "--no-chat", "--db", url).exit_code == 0
    assert (tmp_path / "elsewhere.db").exists()
    assert ask_json(arbot, "what does globex owe", "--db", url)["entities"] == {
        "customer_id": "C00003"
    }


def test_the_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("arbot")
    env = {"ARBOT_HOME": str(tmp_path), "ARBOT_TODAY": "2026-11-21", "PATH": "/usr/bin:/bin"}
    subprocess.run([script, "demo", "--no-chat"], env=env, check=True, capture_output=True)
    done = subprocess.run(
        [script, "ask", "--json", "did acme logistics pay last month?"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    reply = json.loads(done.stdout)
    assert reply["intent"] == "payment_history"
    assert reply["entities"] == {"customer_id": "C00002"}


def test_intacct_settings_are_named_when_missing(arbot: Cli) -> None:
    result = arbot("ask", "help", ARBOT_ERP="intacct")
    assert result.exit_code == 1
    assert "INTACCT_" in result.stderr and "is not set" in result.stderr


def test_quickbooks_settings_are_named_when_missing(arbot: Cli) -> None:
    result = arbot("ask", "help", ARBOT_ERP="quickbooks")
    assert result.exit_code == 1
    assert "QBO_" in result.stderr and "not set" in result.stderr
