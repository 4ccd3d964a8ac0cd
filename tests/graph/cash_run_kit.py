"""Books for cash-application runs, a bank file for them, a run in its own OS process, and the one
checker that the ledger, the approvals and the bank-line records agree with each other.

Run as a process: ``python -m tests.graph.cash_run_kit URL BANK_FILE`` prints the run's counts
as JSON, or the refusal on stderr with exit 3 (file in progress) or 4 (invalid lines).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import invoice_number_key
from integrations.store import Store

TODAY = date(2026, 11, 21)
AUTO_LIMIT = "5000.00"
AUTO_DECIDER = "arbot (auto policy)"
HEADER = "payment_id,date,amount,currency,payer_name,reference\n"


def seed(url: str, invoices: int) -> list[tuple[str, str, str, Decimal]]:
    """Customers and open invoices; returns (invoice, customer id, name, amount) per invoice."""
    ledger = LocalLedger.open(url)
    names = [f"Customer {n:02d} Industries" for n in range(12)]
    made = []
    for n in range(invoices):
        customer = n % len(names)
        # Every seventh invoice is above the auto limit, so it is proposed, not applied.
        amount = Decimal(7000 + n) if n % 7 == 3 else Decimal(100 + 13 * n) + Decimal("0.25")
        made.append((f"INV-{5000 + n}", f"C{customer:02d}", names[customer], amount))
    with ledger.writing() as conn:
        conn.execute(
            insert(t.customers),
            [
                {
                    "customer_id": f"C{n:02d}",
                    "name": name,
                    "currency": "USD",
                    "terms_days": 30,
                    "on_hold": False,
                    "discount_percent": Decimal(0),
                    "discount_days": 0,
                }
                for n, name in enumerate(names)
            ],
        )
        conn.execute(
            insert(t.invoices),
            [
                {
                    "invoice_number": number,
                    "number_key": invoice_number_key(number),
                    "customer_id": customer,
                    "invoice_date": date(2026, 10, 1),
                    "due_date": date(2026, 10, 31),
                    "amount": amount,
                    "balance": amount,
                    "currency": "USD",
                }
                for number, customer, _, amount in made
            ],
        )
    ledger.close()
    return made


def bank_csv(made: list[tuple[str, str, str, Decimal]], *, strangers: int = 2) -> str:
    """One credit paying each invoice exactly, plus credits nobody can place."""
    rows = [
        f"BNK-{n:04d},2026-11-20,{amount},USD,{name.upper()},{number}"
        for n, (number, _, name, amount) in enumerate(made)
    ]
    rows += [f"BNK-X{n},2026-11-20,77.0{n},USD,NOBODY {n},NO REMITTANCE" for n in range(strangers)]
    return HEADER + "\n".join(rows) + "\n"


def policy_overrides() -> dict[str, object]:
    return {"mode": "auto", "auto": {"apply_payment": AUTO_LIMIT}}


def check_books(url: str, *, settled: bool = True) -> list[str]:
    """Everything that disagrees between the ledger, the approvals and the bank-line records
    (an empty list when they agree). ``settled``: no write may still be in flight."""
    problems: list[str] = []
    store = Store.open(url)
    ledger = LocalLedger.open(url)
    try:
        lines = store.bank_lines()
        approvals = {
            a.approval_id: a
            for a in store.list()
            if a.action == "apply_payment" and (a.origin or {}).get("source") == "cash_application"
        }
        pointed: dict[str, str] = {}
        for line in lines:
            pid, decision, approval_id = line["payment_id"], line["decision"], line["approval_id"]
            if decision not in ("auto", "review", "unmatched"):
                problems.append(f"{pid}: recorded as {decision}")
                continue
            if decision == "unmatched":
                if approval_id is not None:
                    problems.append(f"{pid}: in suspense but has approval {approval_id}")
                if ledger.get_payment(pid) is not None:
                    problems.append(f"{pid}: in suspense but applied in the ledger")
                continue
            approval = approvals.get(approval_id or "")
            if approval is None:
                problems.append(f"{pid}: {decision} without a cash-application approval")
                continue
            if approval_id in pointed:
                problems.append(f"{approval_id}: recorded for {pointed[approval_id]} and {pid}")
            pointed[approval_id] = pid
            if approval.payload["payment_id"] != pid:
                problems.append(f"{pid}: approval {approval_id} is for another payment")
            alone = approval.decided_by == AUTO_DECIDER
            if decision == "auto" and not (
                alone and approval.status in ("done", "approved", "executing")
            ):
                problems.append(f"{pid}: auto but {approval_id} is {approval.status}")
            if decision == "review" and alone and approval.status == "done":
                problems.append(f"{pid}: filed for review but applied automatically")
        for approval_id, approval in approvals.items():
            pid = approval.payload["payment_id"]
            if approval_id not in pointed:
                problems.append(f"{approval_id} ({pid}, {approval.status}): no bank-line record")
            if settled and approval.status in ("approved", "executing"):
                problems.append(f"{approval_id} ({pid}): still {approval.status}")
            payment = ledger.get_payment(pid)
            if approval.status == "done":
                wanted = {n: Decimal(a) for n, a in approval.payload["applications"]}
                got = {
                    a.invoice_number: a.amount for a in (payment.applications if payment else ())
                }
                if got != wanted:
                    problems.append(f"{pid}: ledger applied {got}, approval {approval_id} {wanted}")
        done = [a.payload["payment_id"] for a in approvals.values() if a.status == "done"]
        if len(done) != len(set(done)):
            problems.append("a payment was applied by two approvals")
        for payment in ledger.payments():
            if payment.payment_id.startswith("BNK-") and payment.payment_id not in done:
                problems.append(f"{payment.payment_id}: in the ledger without a done approval")
    finally:
        store.close()
        ledger.close()
    return problems


def auto_applied(url: str) -> int:
    store = Store.open(url)
    try:
        return sum(
            1
            for a in store.list(("done",))
            if a.decided_by == AUTO_DECIDER and (a.origin or {}).get("source") == "cash_application"
        )
    finally:
        store.close()


def main(url: str, bank_file: str) -> int:
    from graph.cash_application import CashApplication, FileInProgress, InvalidBankLines
    from integrations.bank import read_bank_file
    from tests.approvals_kit import service

    approvals = service(url, **policy_overrides())
    try:
        run = CashApplication(approvals).run(
            read_bank_file(bank_file), as_of=TODAY, source=bank_file
        )
    except FileInProgress as busy:
        print(busy, file=sys.stderr)
        return 3
    except InvalidBankLines as invalid:
        print(invalid, file=sys.stderr)
        return 4
    counts = {d: run.count(d) for d in ("auto", "review", "unmatched")}
    print(
        json.dumps(counts | {"already": run.already_processed, "resumed": bool(run.resumed_from)})
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], str(Path(sys.argv[2]))))
