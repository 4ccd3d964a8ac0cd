"""The approval queue and the audit trail from a shell and from the chat."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli

POLICY = """
mode = "assist"

[[people]]
name = "Dana Kim"
roles = ["ar_specialist"]
terminal = ["dana"]

[[people]]
name = "Morgan Lee"
roles = ["controller"]
terminal = ["morgan"]
"""


@pytest.fixture
def shell(arbot: Cli, tmp_path: Path) -> Cli:
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY)
    arbot.extra = {"ARBOT_POLICY": str(policy)}
    assert arbot("demo", "--no-chat").exit_code == 0
    return arbot


def run(shell: Cli, *args: str, input: str | None = None):
    return shell(*args, input=input, **shell.extra)


def propose(shell: Cli, text: str, user: str = "dana") -> dict:
    result = run(shell, "ask", "--json", text, "--as", user)
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert reply["intent"] == "action_request", reply["text"]
    return reply


def open_invoice(shell: Cli) -> tuple[str, float]:
    reply = json.loads(run(shell, "ask", "--json", "what does globex owe").stdout)
    invoice = reply["data"]["open_invoices"][0]
    return invoice["invoice_number"], invoice["balance"]


def test_propose_refuse_approve_and_audit(shell: Cli) -> None:
    number, balance = open_invoice(shell)
    reply = propose(shell, f"write off 45.00 on {number} as pricing")
    [proposal] = reply["proposals"]
    approval_id = proposal["approval_id"]
    assert proposal == {
        "approval_id": approval_id,
        "action": "write_off_deduction",
        "amount": 45.0,
        "summary": f"Write off $45.00 on {number} (C00003) as pricing",
        "status": "pending",
    }

    listed = json.loads(run(shell, "approvals", "list", "--json").stdout)["approvals"]
    assert [(a["approval_id"], a["status"], a["requested_by"]) for a in listed] == [
        (approval_id, "pending", "Dana Kim")
    ]

    own = run(shell, "approvals", "approve", approval_id, "--as", "dana")
    assert own.exit_code == 1
    assert own.stderr.strip() == (
        "arbot: Not allowed: you requested this write off deduction; someone else must "
        "approve it (separation of duties)."
    )
    ok = run(shell, "approvals", "approve", approval_id.lower(), "--as", "morgan")
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.startswith("Approved by Morgan Lee. Written to the ERP: ADJ-")
    twice = run(shell, "approvals", "approve", approval_id, "--as", "morgan")
    assert twice.exit_code == 1
    assert "Already done by Morgan Lee at" in twice.stderr

    after = json.loads(run(shell, "ask", "--json", f"did globex pay {number}").stdout)
    assert after["data"]["invoices"][0]["balance"] == round(balance - 45.0, 2)

    trail = json.loads(run(shell, "audit", "show", "--approval", approval_id, "--json").stdout)
    assert [r["event"] for r in trail["records"]] == [
        "proposed",
        "refused",
        "approved",
        "executing",
        "done",
    ]
    assert trail["records"][-1]["erp_reference"].startswith("ADJ-")
    verified = run(shell, "audit", "verify")
    assert verified.exit_code == 0
    assert verified.stdout.startswith("The audit trail is intact: 5 record(s)")

    database = shell.home / "arbot.db"
    with sqlite3.connect(database) as conn:
        conn.execute(
            'UPDATE store_audit SET detail = \'{"identity": "terminal:dana"}\' WHERE seq = 3'
        )
    broken = run(shell, "audit", "verify")
    assert broken.exit_code == 1
    assert broken.stderr.strip() == (
        f"arbot: the audit trail is broken: audit record 3 (approved, {approval_id}) was "
        "changed after it was written"
    )


def test_reject_with_a_reason(shell: Cli) -> None:
    number, _ = open_invoice(shell)
    approval_id = propose(shell, f"write off 5 on {number} as freight")["proposals"][0][
        "approval_id"
    ]
    missing = run(shell, "approvals", "reject", approval_id, "--as", "morgan")
    assert missing.exit_code == 2  # --reason is required
    done = run(
        shell,
        "approvals",
        "reject",
        approval_id,
        "--as",
        "morgan",
        "--reason",
        "freight was billed correctly",
    )
    assert done.exit_code == 0
    assert done.stdout.strip() == "Rejected by Morgan Lee: freight was billed correctly"
    assert json.loads(run(shell, "approvals", "list", "--json").stdout)["approvals"] == []
    every = json.loads(run(shell, "approvals", "list", "--all", "--json").stdout)["approvals"]
    assert every[0]["status"] == "rejected"
    assert every[0]["note"] == "freight was billed correctly"


def test_chat_shows_numbered_choices(shell: Cli) -> None:
    number, _ = open_invoice(shell)
    result = run(
        shell,
        "chat",
        "--as",
        "morgan",
        input=f"write off 12.50 on {number} as damage\napprovals\napprove 1\napprove 1\n",
    )
    assert result.exit_code == 0, result.output
    assert "[1] approve 1  ·  reject 1 <reason>  ·  edit 1 <amount>" in result.stdout
    assert "Not allowed: you requested this write off deduction" in result.stdout
    listed = json.loads(run(shell, "approvals", "list", "--json").stdout)["approvals"]
    assert [a["status"] for a in listed] == ["pending"]
    edited = run(shell, "chat", "--as", "dana", input="approvals\nedit 1 10.00\n")
    assert "Approved by Dana Kim. Written to the ERP: ADJ-" in edited.stdout


def test_unknown_approval_and_bad_policy(shell: Cli, tmp_path: Path) -> None:
    result = run(shell, "approvals", "approve", "APR-NOPE", "--as", "morgan")
    assert result.exit_code == 1
    assert result.stderr.strip() == "arbot: There is no approval APR-NOPE."
    bad = tmp_path / "bad.toml"
    bad.write_text('mode = "yolo"\n')
    broken = shell("approvals", "list", ARBOT_POLICY=str(bad))
    assert broken.exit_code == 1
    assert broken.stderr.strip() == (
        f"arbot: {bad}: mode: 'yolo' is not one of monitor, assist, auto"
    )


def test_auto_mode_gives_no_write_to_a_request_nobody_in_the_policy_may_approve(
    arbot: Cli, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(
        POLICY.replace('mode = "assist"', 'mode = "auto"\n[auto]\nwrite_off_deduction = "25.00"')
    )
    arbot.extra = {"ARBOT_POLICY": str(policy)}
    assert arbot("demo", "--no-chat").exit_code == 0
    number, balance = open_invoice(arbot)
    for amount in ("15.00", "14.00"):
        reply = propose(arbot, f"write off {amount} on {number} as pricing", user="mallory")
        assert [p["status"] for p in reply["proposals"]] == ["pending"]
    # Dana may approve write-offs, but not her own request (separation of duties).
    reply = propose(arbot, f"write off 13.00 on {number} as pricing", user="dana")
    assert [p["status"] for p in reply["proposals"]] == ["pending"]
    assert open_invoice(arbot) == (number, balance)


def test_a_payment_is_proposed_only_where_it_can_be_applied(shell: Cli) -> None:
    """Refused when proposed, not when approved: every invoice named is accounted for, and a
    payer's cash goes only to invoices it may pay."""
    payment = json.loads(run(shell, "ask", "--json", "who paid PMT-U00001").stdout)
    unapplied = json.loads(run(shell, "ask", "--json", "what does globex owe").stdout)
    own = [i["invoice_number"] for i in unapplied["data"]["open_invoices"]][:2]
    assert payment and len(own) == 2
    other = json.loads(run(shell, "ask", "--json", "what does initech owe").stdout)
    theirs = other["data"]["open_invoices"][0]["invoice_number"]

    reply = json.loads(
        run(shell, "ask", "--json", f"apply PMT-U00001 to {theirs}", "--as", "dana").stdout
    )
    assert reply["proposals"] == []
    assert f"invoice {theirs} belongs to" in reply["text"]

    reply = json.loads(
        run(
            shell, "ask", "--json", f"apply PMT-U00001 to {own[0]} and {own[1]}", "--as", "dana"
        ).stdout
    )
    assert reply["proposals"] == []
    assert own[1] in reply["text"] and "nothing of" in reply["text"]
