"""Issue 13's scenario: a bank file dropped in the inbox folder → one run message with a card
per proposal in the approvals channel → the approvers told → one click approves one proposal
(the ERP written once) → "Approve all shown" decides the rest, each on its own → a second
person's click is told who decided. On Slack and on Teams, against stand-ins that refuse what
the platforms refuse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from integrations.erp.local import LocalLedger
from tests.bot.slack_kit import (
    DANA_AAD,
    MORGAN_AAD,
    button_body,
    slack_server,
    teams_invoke,
    teams_message,
)
from tests.fakes.adaptive_cards import validate_invoke_response

TEAMS_CONVERSATION = "19:approvals@thread.tacv2"


def bank_file(ledger: LocalLedger, folder: Path, count: int = 3) -> list[str]:
    """Receipts that pay one open invoice each, exactly, citing it: clean matches, proposed
    (the policy is assist) rather than applied."""
    rows = ["payment_id,date,amount,currency,payer_name,reference"]
    invoices = []
    for customer in ledger.list_customers():
        invoice = next((i for i in ledger.invoices(customer.customer_id) if i.balance > 0), None)
        if invoice is None or invoice.currency != "USD":
            continue
        invoices.append(invoice.invoice_number)
        rows.append(
            f"BNK-{len(invoices):03d},2026-11-15,{invoice.balance},USD,"
            f"{customer.name.upper()},INV {invoice.invoice_number}"
        )
        if len(invoices) == count:
            break
    (folder / "statement-2026-11-15.csv").write_text("\n".join(rows) + "\n")
    return invoices


def balances(ledger: LocalLedger, numbers: list[str]) -> list[Any]:
    return [ledger.get_invoice(n).balance for n in numbers]  # type: ignore[union-attr]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_a_dropped_bank_file_reaches_the_approvers_in_slack(tmp_path: Path, inbox: Path) -> None:
    extra = '\n[destinations]\napply_payment = "slack:C0CASH"\n'
    with slack_server(tmp_path / "home", policy_extra=extra, bank_inbox=inbox) as server:
        numbers = bank_file(server.ledger, inbox)
        [run] = server.slack.wait_for(
            "chat.postMessage", where=lambda c: c.args["channel"] == "C0CASH"
        )
        blocks = run.args["blocks"]
        cards = [
            b["block_id"].partition(":")[2]
            for b in blocks
            if b.get("block_id", "").startswith("decide:")
        ]
        assert len(cards) == 3
        assert "Cash application of statement-2026-11-15.csv" in run.args["text"]
        # Dana may apply payments: told by DM where to look. Casey (a collector) is not.
        [dm] = server.slack.wait_for(
            "chat.postMessage", where=lambda c: c.args["channel"] == "U0DANA"
        )
        assert "3 proposals waiting for your decision in <#C0CASH>" in dm.args["text"]
        assert "U0CASEY" not in [c.args["channel"] for c in server.slack.called("chat.postMessage")]
        before = balances(server.ledger, numbers)

        # One click approves one proposal; only its card is redrawn.
        [(key, message)] = [(k, m) for k, m in server.slack.history.items() if k[0] == "C0CASH"]
        ts = key[1]
        server.form(
            button_body(
                "approve",
                cards[0],
                user="U0DANA",
                channel="C0CASH",
                ts=ts,
                blocks=message["blocks"],
            )
        )
        [update] = server.slack.wait_for("chat.update")
        shown = json.dumps(update.args["blocks"])
        assert "Approved by Dana Kim" in shown
        assert f"approve:{cards[1]}" in shown and f"approve:{cards[0]}" not in shown
        assert balances(server.ledger, numbers)[0] == 0 and before[0] > 0

        # Approve all shown: each of the remaining two decided on its own.
        approve_all = (
            next(
                e
                for b in update.args["blocks"]
                if b.get("block_id") == "reply_actions"
                for e in b["elements"]
                if e["action_id"] == "approve_all"
            )
            if any(b.get("block_id") == "reply_actions" for b in update.args["blocks"])
            else None
        )
        assert approve_all is not None and json.loads(approve_all["value"]) == cards[1:]
        server.form(
            button_body(
                "approve_all",
                approve_all["value"],
                user="U0DANA",
                channel="C0CASH",
                ts=ts,
                blocks=update.args["blocks"],
            )
        )
        [_, second] = server.slack.wait_for("chat.update", 2)
        assert json.dumps(second.args["blocks"]).count("Approved by Dana Kim") == 3
        [outcome] = server.slack.wait_for("chat.postEphemeral")
        assert outcome.args["user"] == "U0DANA" and "Approved 2 of 2" in outcome.args["text"]
        assert balances(server.ledger, numbers) == [0, 0, 0]

        # A second person's click: told who decided, nothing written again.
        server.form(
            button_body(
                "approve",
                cards[1],
                user="U0MORGAN",
                channel="C0CASH",
                ts=ts,
                blocks=second.args["blocks"],
            )
        )
        notes = server.slack.wait_for("chat.postEphemeral", 2)
        assert notes[1].args["user"] == "U0MORGAN"
        assert notes[1].args["text"].startswith("Already done by Dana Kim")
        payments = [p for p in server.ledger.payments() if p.payment_id.startswith("BNK-")]
        assert sorted(p.payment_id for p in payments) == ["BNK-001", "BNK-002", "BNK-003"]


def test_a_dropped_bank_file_reaches_the_approvers_in_teams(tmp_path: Path, inbox: Path) -> None:
    extra = f'\n[destinations]\napply_payment = "teams:{TEAMS_CONVERSATION}"\n'
    with slack_server(tmp_path / "home", policy_extra=extra, bank_inbox=inbox) as server:
        server.runtime.store.remember_conversation(
            "teams", TEAMS_CONVERSATION, server.connector.url, tenant_id=None, kind="channel"
        )
        # Dana has a personal chat with arbot: that is where she is told.
        hello = teams_message("help", service_url=server.connector.url, user=DANA_AAD)
        httpx.post(f"{server.url}/api/messages", timeout=10, json=hello)
        personal = hello["conversation"]["id"]
        server.connector.wait_for("send", where=lambda s: s.conversation_id == personal)
        numbers = bank_file(server.ledger, inbox)
        sent = server.connector.wait_for(
            "send", 4, where=lambda s: s.conversation_id == TEAMS_CONVERSATION
        )
        run, *cards = sent[:4]
        told = server.connector.wait_for("send", 2, where=lambda s: s.conversation_id == personal)
        assert "3 proposals waiting for your decision" in json.dumps(told[-1].card)
        assert "Cash application of statement-2026-11-15.csv" in run.card["body"][0]["text"]  # type: ignore[index]
        ids = [c.card["actions"][0]["data"]["approval_id"] for c in cards]  # type: ignore[index]

        def click(data: dict[str, Any], reply_to: str, user: str) -> dict[str, Any]:
            answer = httpx.post(
                f"{server.url}/api/messages",
                timeout=10,
                json=teams_invoke(
                    data, service_url=server.connector.url, reply_to=reply_to, user=user
                ),
            ).json()
            assert validate_invoke_response(answer) == []
            return answer

        click({"action": "approve", "approval_id": ids[0]}, cards[0].new_id or "", DANA_AAD)
        [update] = server.connector.wait_for("update")
        assert "Approved by Dana Kim" in json.dumps(update.card)
        assert balances(server.ledger, numbers)[0] == 0

        all_ids = run.card["actions"][0]["data"]["ids"]  # type: ignore[index]
        assert all_ids == ids
        answer = click({"action": "approve_all", "ids": all_ids}, run.new_id or "", DANA_AAD)
        assert "Approved 2 of 3" in json.dumps(answer)
        assert balances(server.ledger, numbers) == [0, 0, 0]

        again = click(
            {"action": "approve", "approval_id": ids[1]}, cards[1].new_id or "", MORGAN_AAD
        )
        assert again["value"].startswith("Already done by Dana Kim")


def test_two_replicas_on_postgresql_process_a_dropped_file_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    from integrations.erp.local.demo import build_demo
    from tests.bot.slack_kit import POLICY
    from tests.conftest import POSTGRES_URL, TODAY, _postgres_database
    from tests.fakes.slack_api import fake_slack

    if not POSTGRES_URL:
        pytest.skip("ARBOT_TEST_POSTGRES_URL is not set")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    policy = tmp_path / "arbot.toml"
    policy.write_text(POLICY + '\n[destinations]\napply_payment = "slack:C0CASH"\n')
    go = tmp_path / "go"
    from contextlib import contextmanager

    from integrations.store import Store
    from integrations.store.checkpoints import open_checkpointer

    with contextmanager(_postgres_database)() as url, fake_slack() as slack:
        ledger = LocalLedger.open(url)
        build_demo(ledger, size="small", seed=7, as_of=TODAY)
        Store.open(url)  # a deploy migrates once before the replicas start
        open_checkpointer(url)
        numbers = bank_file(ledger, inbox)
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.bot.inbox_worker",
                    url,
                    str(tmp_path),
                    str(policy),
                    str(inbox),
                    f"{slack.url}/api/",
                    str(go),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=Path(__file__).resolve().parents[2],
            )
            for _ in range(2)
        ]
        go.touch()
        outputs = [worker.communicate(timeout=120) for worker in workers]
        assert [w.returncode for w in workers] == [0, 0], [err for _, err in outputs]
        posted = sorted(out.strip() for out, _ in outputs)
        assert posted == ["", "statement-2026-11-15.csv"], "one replica posts, once"
        runs = [c for c in slack.called("chat.postMessage") if c.args["channel"] == "C0CASH"]
        assert len(runs) == 1
        store = Store.open(url)
        waiting = [a for a in store.list(("pending",)) if a.action == "apply_payment"]
        assert sorted(a.payload["payment_id"] for a in waiting) == ["BNK-001", "BNK-002", "BNK-003"]
        assert balances(LocalLedger.open(url), numbers) == balances(ledger, numbers)
