"""``--json`` on every command, money in it exact (or strings with ARBOT_JSON_MONEY=string),
never a secret in it; lists as CSV and workbooks (collections, deductions, cash-application
results) with text from outside never becoming a formula."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
import pytest
from openpyxl import load_workbook

from bot.cli import COMMANDS, load_command
from integrations.erp.local import LocalLedger
from tests.conftest import FIXTURES, Cli

CSV = FIXTURES / "csv"
HOSTILE_NAME = '=HYPERLINK("http://127.0.0.1/x","pay here")'


def leaves(command: click.Command, path: str) -> list[tuple[str, click.Command]]:
    if isinstance(command, click.Group):
        return [
            leaf for name, sub in command.commands.items() for leaf in leaves(sub, f"{path} {name}")
        ]
    return [(path, command)]


def test_every_command_takes_json() -> None:
    commands = [leaf for name in COMMANDS for leaf in leaves(load_command(name), name)]
    assert len(commands) >= 24
    without = [path for path, c in commands if not any("--json" in p.opts for p in c.params)]
    assert without == []


def exact(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


def amounts(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (key, value) leaf whose key names an amount of money."""
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in amounts(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in amounts(v, key)]
    money_keys = ("amount", "balance", "open_total", "past_due", "credit_limit", "unapplied")
    return [(key, value)] if key.startswith(money_keys) else []


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("json") / "home")
    built = cli("demo", "--json")  # --json builds it without opening the chat
    assert built.exit_code == 0, built.output
    report = json.loads(built.stdout)
    assert report["size"] == "small" and report["counts"]["customers"] > 0
    assert Path(report["bank_file"]).is_file() and Path(report["policy"]).is_file()
    return cli


def test_money_has_the_ledger_digits_as_numbers_or_as_strings(demo_cli: Cli) -> None:
    answer = demo_cli("ask", "--json", "what does globex owe?")
    assert answer.exit_code == 0, answer.output
    reply = exact(answer.stdout)
    ledger = LocalLedger.open(f"sqlite:///{demo_cli.home / 'arbot.db'}")
    for invoice in reply["data"]["open_invoices"]:
        stored = ledger.get_invoice(invoice["invoice_number"])
        assert stored is not None
        # The digits of the Decimal, trailing zeros included: 3861.50 is not 3861.5.
        assert invoice["balance"].as_tuple() == stored.balance.as_tuple()
    ledger.close()
    found = amounts(reply["data"])
    assert found and all(isinstance(v, Decimal) and v.as_tuple().exponent == -2 for _, v in found)
    assert any(str(v).endswith("0") for _, v in found)  # a float would have dropped that zero

    as_strings = demo_cli("ask", "--json", "what does globex owe?", ARBOT_JSON_MONEY="string")
    assert as_strings.exit_code == 0, as_strings.output
    strings = amounts(json.loads(as_strings.stdout)["data"])
    assert [k for k, _ in strings] == [k for k, _ in found]
    assert [Decimal(v).as_tuple() for _, v in strings] == [v.as_tuple() for _, v in found]
    assert all(isinstance(v, str) for _, v in strings)


def test_a_wrong_money_setting_stops_before_anything_is_done(demo_cli: Cli) -> None:
    result = demo_cli("deductions", "--json", ARBOT_JSON_MONEY="float")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "arbot: ARBOT_JSON_MONEY is 'float': use number (the default) or string"
    )


def test_collections_and_deductions_as_csv_and_workbooks(demo_cli: Cli, tmp_path: Path) -> None:
    listed = json.loads(demo_cli("collections", "--top", "5", "--json").stdout)["data"]
    table = demo_cli("collections", "--top", "5", "--format", "csv")
    assert table.exit_code == 0, table.output
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [r["customer_id"] for r in rows] == [e["customer_id"] for e in listed["entries"]]
    for row, entry in zip(rows, listed["entries"], strict=True):
        assert row["currency"] == entry["currency"]
        assert Decimal(row["past_due"]) == Decimal(str(entry["past_due"]))
        assert row["past_due_invoices"].split() == entry["past_due_invoices"]

    deductions = exact(demo_cli("deductions", "--json").stdout)["data"]["deductions"]
    workbook = tmp_path / "deductions.xlsx"
    written = demo_cli("deductions", "--format", "xlsx", "--out", str(workbook))
    assert written.exit_code == 0, written.output
    sheet = load_workbook(workbook).active
    header, *cells = list(sheet.iter_rows())
    names = [c.value for c in header]
    assert len(cells) == len(deductions)
    for row, deduction in zip(cells, deductions, strict=True):
        amount = row[names.index("amount")]
        assert Decimal(str(amount.value)) == deduction["amount"]
        assert amount.number_format == "#,##0.00"  # shown with its cents
        assert row[names.index("invoice_number")].value == deduction["invoice_number"]

    lone_out = demo_cli("deductions", "--out", str(tmp_path / "x.csv"))
    assert lone_out.exit_code == 2 and "--format" in lone_out.output


def test_text_from_outside_stays_text_in_a_workbook(arbot: Cli, tmp_path: Path) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "customer_id,name,credit_limit,terms_days,currency,email\n"
        f'X-1,"{HOSTILE_NAME.replace(chr(34), chr(34) * 2)}",1000.00,30,USD,ap@x.example.com\n'
        "X-2,-Minus Trading,1000.00,30,USD,ap@m.example.com\n"
    )
    invoices = tmp_path / "invoices.csv"
    invoices.write_text(
        "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,po_number\n"
        "INV-1,X-1,2026-08-01,2026-08-31,500.00,500.00,USD,\n"
        "INV-2,X-2,2026-08-01,2026-08-31,250.10,250.10,USD,@PO\n"
    )
    imported = arbot("erp", "import", "--customers", str(customers), "--invoices", str(invoices))
    assert imported.exit_code == 0, imported.output
    workbook = tmp_path / "collections.xlsx"
    written = arbot("collections", "--format", "xlsx", "--out", str(workbook))
    assert written.exit_code == 0, written.output
    cells = [c for row in load_workbook(workbook).active.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    names = {c.value for c in cells}
    assert {HOSTILE_NAME, "-Minus Trading"} <= names  # the same text, not a changed one
    hostile = next(c for c in cells if c.value == HOSTILE_NAME)
    assert hostile.quotePrefix  # Excel keeps it text even when the cell is edited


BANK = """payment_id,date,amount,currency,payer_name,reference
B-1,2026-11-20,8250.50,USD,HARBOR WHOLESALE,INV-000982 THANK YOU
B-2,2026-11-20,1000.10,USD,=cmd|' /C calc'!A0,PAYMENT
"""


@pytest.fixture
def books(arbot: Cli) -> Cli:
    result = arbot(
        "erp",
        "import",
        "--json",
        "--customers",
        str(CSV / "customers.csv"),
        "--invoices",
        str(CSV / "invoices.csv"),
        "--payments",
        str(CSV / "payments.csv"),
    )
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["imported"] is True
    assert counts["counts"]["customers"]["added"] > 0
    return arbot


def test_erp_import_problems_as_json(arbot: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "invoices.csv"
    broken.write_text(
        "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,po_number\n"
        "INV-9,NOBODY,2026-13-01,2026-08-31,12.3.4,1,USD,\n"
    )
    customers = str(CSV / "customers.csv")
    result = arbot("erp", "import", "--json", "--customers", customers, "--invoices", str(broken))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["imported"] is False and report["problems"]
    assert all("invoices.csv:2" in p for p in report["problems"])


def test_cashapp_as_json_and_results_by_file_extension(books: Cli, tmp_path: Path) -> None:
    bank = tmp_path / "bank.csv"
    bank.write_text(BANK)
    run = books("cashapp", "--bank", str(bank), "--dry-run", "--json")
    assert run.exit_code == 0, run.output
    report = exact(run.stdout)
    assert (report["lines"], report["dry_run"], report["posted"]) == (2, True, [])
    assert report["auto"] + report["review"] + report["unmatched"] == 2
    first = next(r for r in report["results"] if r["payment_id"] == "B-1")
    assert first["currency"] == "USD"
    assert [(a["invoice_number"], a["amount"]) for a in first["applications"]] == [
        ("INV-000982", Decimal("8250.50"))  # the cents as written, not 8250.5
    ]
    assert first["unapplied_amount"].as_tuple() == Decimal("0.00").as_tuple()

    as_json = tmp_path / "out" / "results.json"
    assert books("cashapp", "--bank", str(bank), "--dry-run", "--out", str(as_json)).exit_code == 0
    contracted = exact(as_json.read_text())
    assert [r["payment_id"] for r in contracted["results"]] == ["B-1", "B-2"]
    assert contracted["results"][0]["applications"] == first["applications"]

    as_csv = tmp_path / "results.csv"
    assert books("cashapp", "--bank", str(bank), "--dry-run", "--out", str(as_csv)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.read_text())))
    assert [r["payment_id"] for r in rows] == ["B-1", "B-2"]
    assert (rows[0]["applied_amount"], rows[0]["applications"]) == (
        "8250.50",
        "INV-000982 8250.50",
    )

    as_xlsx = tmp_path / "results.xlsx"
    assert books("cashapp", "--bank", str(bank), "--dry-run", "--out", str(as_xlsx)).exit_code == 0
    sheet = load_workbook(as_xlsx).active
    header, *cells = list(sheet.iter_rows(values_only=True))
    first_row = dict(zip(header, cells[0], strict=True))
    assert (first_row["payment_id"], first_row["currency"]) == ("B-1", "USD")
    assert Decimal(str(first_row["applied_amount"])) == Decimal("8250.50")
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)

    strings = books(
        "cashapp", "--bank", str(bank), "--dry-run", "--json", ARBOT_JSON_MONEY="string"
    )
    applied = json.loads(strings.stdout)["results"][0]["applications"][0]["amount"]
    assert applied == "8250.50"


def test_setup_and_audit_commands_as_json(arbot: Cli, tmp_path: Path) -> None:
    upgraded = arbot("db", "upgrade", "--json")
    assert upgraded.exit_code == 0, upgraded.output
    histories = json.loads(upgraded.stdout)
    assert {h["history"] for h in histories} == {"store", "ledger", "quickbooks", "intacct"}
    assert all(h["head"] for h in histories)
    again = json.loads(arbot("db", "upgrade", "--json").stdout)
    assert not any(h["upgraded"] for h in again)

    key = {"ARBOT_AUDIT_KEY": "0123456789abcdef-json-audit-key"}
    anchors = tmp_path / "anchors.jsonl"
    anchored = arbot("audit", "anchor", "--to", str(anchors), "--json", **key)
    assert anchored.exit_code == 0, anchored.output
    head = json.loads(anchored.stdout)
    assert head["file"] == str(anchors)
    assert json.loads(anchors.read_text()) == {k: head[k] for k in json.loads(anchors.read_text())}
    printed = json.loads(arbot("audit", "anchor", "--to", "-", "--json", **key).stdout)
    assert printed["file"] is None and printed["seq"] == head["seq"]

    package = tmp_path / "teams.zip"
    app_id = "00000000-0000-4000-8000-000000000001"
    made = arbot(
        "teams", "package", "--app-id", app_id, "--url", "https://arbot.example.com",
        "--out", str(package), "--json",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout) == {
        "package": str(package),
        "app_id": app_id,
        "url": "https://arbot.example.com",
    }
    assert package.is_file()
    manifest = arbot("slack", "manifest", "--url", "https://arbot.example.com", "--json")
    assert json.loads(manifest.stdout) == json.loads(
        arbot("slack", "manifest", "--url", "https://arbot.example.com").stdout
    )


def test_chat_as_json_lines(demo_cli: Cli) -> None:
    result = demo_cli(
        "chat", "--json", input="what does globex owe?\n\naging report\nquit\ntotal ar\n"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["intent"] for line in lines] == ["customer_balance", "aging_report"]


def test_serve_json_prints_one_startup_record_and_logs_json_without_secrets(
    tmp_path: Path,
) -> None:
    import signal
    import subprocess
    import sys

    import httpx

    from tests.bot.serve_kit import ARBOT, ROOT, serve_env

    secrets = {
        "ARBOT_API_TOKEN": "api-token-never-printed-1234",
        "MICROSOFT_APP_ID": "00000000-0000-4000-8000-000000000002",
        "MICROSOFT_APP_PASSWORD": "teams-password-never-printed",
        "MICROSOFT_APP_TENANT_ID": "00000000-0000-4000-8000-000000000003",
        "QBO_CLIENT_SECRET": "qbo-secret-never-printed",
        "ARBOT_AUDIT_KEY": "audit-key-never-printed-0123456789",
    }
    env = serve_env(tmp_path, f"sqlite:///{tmp_path / 'arbot.db'}", **secrets)
    env.pop("ARBOT_LOG_FORMAT")  # --json alone turns the logs to JSON
    process = subprocess.Popen(
        [sys.executable, "-c", ARBOT, "serve", "--port", "0", "--json"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        record = json.loads(process.stdout.readline())  # printed once it listens
        assert record["event"] == "listening" and record["port"] > 0
        assert (record["erp"], record["mode"], record["database"]) == ("local", "assist", "sqlite")
        assert record["teams"]["app_id"] == secrets["MICROSOFT_APP_ID"]
        assert httpx.get(f"{record['url']}/healthz", timeout=10).json()["status"] == "ok"
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
    assert out.strip() == ""  # one record, nothing else on stdout
    logs = [json.loads(line) for line in err.splitlines() if line.strip()]
    assert logs and all({"ts", "level", "event", "logger"} <= set(r) for r in logs)
    printed = json.dumps(record) + out + err
    leaked = [name for name, value in secrets.items() if value in printed and "APP_ID" not in name]
    assert leaked == []


def test_quickbooks_connect_as_json_never_prints_a_token(
    arbot: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import integrations.erp.quickbooks as quickbooks
    from tests.fakes.quickbooks import CLIENT_ID, CLIENT_SECRET, TOKEN_PATH, fake_quickbooks

    redirect = "https://arbot.example.com/quickbooks/callback"
    monkeypatch.setattr(quickbooks, "new_state", lambda: "state-json")
    with fake_quickbooks() as fake:
        fake.auth_codes["AB11-json"] = redirect
        landed = f"{redirect}?code=AB11-json&state=state-json&realmId={fake.realm_id}"
        result = arbot(
            "quickbooks",
            "connect",
            "--redirect-uri",
            redirect,
            "--json",
            input=landed + "\n",
            QBO_CLIENT_ID=CLIENT_ID,
            QBO_CLIENT_SECRET=CLIENT_SECRET,
            QBO_TOKEN_URL=fake.url + TOKEN_PATH,
        )
        issued = [*fake.refresh_tokens, *fake.access_tokens]
    assert result.exit_code == 0, result.output
    assert "appcenter.intuit.com" in result.stderr  # the address to open, off stdout
    outcome = json.loads(result.stdout)
    assert outcome["connected"] is True and outcome["realm_id"] == fake.realm_id
    assert outcome["next"] == {"QBO_REALM_ID": fake.realm_id, "ARBOT_ERP": "quickbooks"}
    assert issued and not [t for t in issued if t in result.stdout + result.stderr]
    assert CLIENT_SECRET not in result.stdout + result.stderr
