"""The local ledger's reads and writes of many records at once (a cash run's bank lines): a few
queries for a thousand lines instead of a few per line.

``apply_payments`` writes many payments in one transaction, each under its own idempotency key
and with exactly the checks of ``LocalLedger.apply_payment``; a payment that fails a check is
refused alone (nothing of it written) and the others are written. Anything unexpected (a
concurrent writer, a constraint) rolls the transaction back and the payments are written one
at a time instead, so the outcome is always the one ``apply_payment`` gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BindParameter,
    Column,
    Connection,
    Table,
    and_,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from integrations import plain_in
from integrations.erp.local import schema as t
from integrations.erp.local.ledger_records import customer_of, invoice_of
from integrations.erp.money import quantize
from integrations.erp.port import ErpError, InvalidWrite, NotFound
from integrations.erp.records import (
    ApplicationRequest,
    Customer,
    Invoice,
    NewPayment,
    Payment,
    WriteResult,
    may_pay_for,
)
from integrations.plain_writes import LEDGER_CACHE_KIB, bulk_write_transaction, execute_plain

if TYPE_CHECKING:
    from integrations.erp.local.ledger_reads import LedgerReads
    from integrations.erp.local.ledger_writes import LedgerWrites

PaymentWrite = tuple[NewPayment, Sequence[ApplicationRequest], str]  # payment, applications, key


class _Conflict(Exception):
    """The rows changed under the transaction: write one at a time instead."""


def rows_in(
    conn: Connection,
    table: Table,
    column: Column[Any],
    values: Iterable[str],
    *,
    lock: bool = False,
    columns: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Rows whose ``column`` is one of ``values``, by that value, in chunks (straight to the
    driver: ``plain_in``); only ``column`` and ``columns`` of each when given (no conversion
    of the columns not wanted)."""
    selected = [table] if columns is None else [column, *(table.c[n] for n in columns)]

    def query(values: BindParameter[Any]) -> Any:
        found = select(*selected).where(column.in_(values))
        return found.with_for_update() if lock else found

    name = f"ledger:{table.name}:{column.name}:{','.join(columns or ['*'])}:{lock}"
    return {row[column.name]: row for row in plain_in.rows_in(conn, name, query, values)}


def get_invoices(ledger: LedgerReads, numbers: Iterable[str]) -> dict[str, Invoice]:
    with ledger.engine.connect() as conn:
        rows = rows_in(conn, t.invoices, t.invoices.c.invoice_number, numbers)
    return {number: invoice_of(row) for number, row in rows.items()}


def get_customers(ledger: LedgerReads, ids: Iterable[str]) -> dict[str, Customer]:
    with ledger.engine.connect() as conn:
        rows = rows_in(conn, t.customers, t.customers.c.customer_id, ids)
    return {customer_id: customer_of(row) for customer_id, row in rows.items()}


def get_payments(ledger: LedgerReads, ids: Iterable[str]) -> dict[str, Payment]:
    with ledger.engine.connect() as conn:
        rows = list(rows_in(conn, t.payments, t.payments.c.payment_id, ids).values())
        found = ledger._with_applications(conn, rows) if rows else []
    return {payment.payment_id: payment for payment in found}


@dataclass
class _Plan:
    """What one transaction writes, built payment by payment."""

    parents: dict[str, str | None]
    balances: dict[str, Decimal]  # invoice number → balance after the planned writes
    unapplied: dict[str, Decimal]  # payment id → unapplied after the planned writes
    payments: dict[str, Any]  # payment id → its row (recorded, or planned as new)
    writes: list[dict[str, Any]]
    new_payments: dict[str, dict[str, Any]]
    applications: list[dict[str, Any]]


def _check_one(
    plan: _Plan,
    invoices: dict[str, Any],
    payment: NewPayment,
    requests: Sequence[ApplicationRequest],
) -> tuple[Decimal, dict[str, Decimal], Decimal, list[dict[str, Any]]]:
    """The checks of ``LocalLedger.apply_payment`` against the planned state; what this payment
    changes (its amount, invoice balances after it, its unapplied after it, its applications)."""
    amount = quantize(payment.amount, payment.currency)
    if amount <= 0:
        raise InvalidWrite(f"payment {payment.payment_id}: amount must be positive")
    if payment.customer_id not in plan.parents:
        raise NotFound(f"customer {payment.customer_id} does not exist")
    existing = plan.payments.get(payment.payment_id)
    if existing is not None and (
        existing["customer_id"],
        existing["amount"],
        existing["currency"],
    ) != (payment.customer_id, amount, payment.currency):
        raise InvalidWrite(
            f"payment {payment.payment_id} is already recorded as "
            f"{existing['amount']} {existing['currency']} from {existing['customer_id']}"
        )
    unapplied = plan.unapplied.get(payment.payment_id, amount)
    balances: dict[str, Decimal] = {}
    applications = []
    for request in requests:
        applied = quantize(request.amount, payment.currency)
        if applied <= 0:
            raise InvalidWrite(
                f"{request.invoice_number}: an application must be a positive amount"
            )
        invoice = invoices.get(request.invoice_number)
        if invoice is None:
            raise NotFound(f"invoice {request.invoice_number} does not exist")
        if invoice["currency"] != payment.currency:
            raise InvalidWrite(
                f"invoice {request.invoice_number} is in {invoice['currency']}, "
                f"the payment in {payment.currency}"
            )
        owner = invoice["customer_id"]
        payer_parent = plan.parents.get(payment.customer_id)
        if not may_pay_for(payment.customer_id, payer_parent, owner, plan.parents.get(owner)):
            raise InvalidWrite(
                f"invoice {request.invoice_number} belongs to {owner}, "
                f"not to the payer {payment.customer_id}"
            )
        number = request.invoice_number
        balance = balances.get(number, plan.balances[number])
        if balance < applied:
            raise InvalidWrite(
                f"invoice {number} has {balance} {invoice['currency']} open; "
                f"cannot take {applied} off it"
            )
        if unapplied < applied:
            raise InvalidWrite(
                f"payment {payment.payment_id} has not enough unapplied cash for "
                f"{applied} on {number}"
            )
        balances[number] = balance - applied
        unapplied -= applied
        applications.append(
            {
                "payment_id": payment.payment_id,
                "invoice_number": number,
                "amount": applied,
                "applied_on": payment.received_on,
            }
        )
    return amount, balances, unapplied, applications


def _plan_and_write(
    conn: Connection, items: Sequence[PaymentWrite], results: list[WriteResult | ErpError | None]
) -> _Plan:
    earlier = {
        key: row["erp_reference"]
        for key, row in rows_in(
            conn,
            t.writes,
            t.writes.c.idempotency_key,
            (key for _, _, key in items),
            columns=["erp_reference"],
        ).items()
    }
    numbers = [r.invoice_number for _, requests, _ in items for r in requests]
    invoices = rows_in(
        conn,
        t.invoices,
        t.invoices.c.invoice_number,
        numbers,
        lock=True,
        columns=["customer_id", "currency", "balance"],
    )
    owners = {row["customer_id"] for row in invoices.values()}
    payers = {payment.customer_id for payment, _, _ in items}
    parents = {
        customer_id: row["parent_id"]
        for customer_id, row in rows_in(
            conn, t.customers, t.customers.c.customer_id, payers | owners, columns=["parent_id"]
        ).items()
    }
    recorded = rows_in(
        conn,
        t.payments,
        t.payments.c.payment_id,
        (p.payment_id for p, _, _ in items),
        lock=True,
        columns=["customer_id", "amount", "currency", "unapplied"],
    )
    plan = _Plan(
        parents=parents,
        balances={number: row["balance"] for number, row in invoices.items()},
        unapplied={pid: row["unapplied"] for pid, row in recorded.items()},
        payments=dict(recorded),
        writes=[],
        new_payments={},
        applications=[],
    )
    now = datetime.now(UTC)
    for index, (payment, requests, key) in enumerate(items):
        if results[index] is not None:
            continue
        if key in earlier:
            results[index] = WriteResult(earlier[key], key, replayed=True)
            continue
        try:
            amount, balances, unapplied, applications = _check_one(
                plan, invoices, payment, requests
            )
        except ErpError as refused:
            results[index] = refused
            continue
        earlier[key] = payment.payment_id
        plan.writes.append(
            {
                "idempotency_key": key,
                "action": "apply_payment",
                "erp_reference": payment.payment_id,
                "created_at": now,
            }
        )
        if payment.payment_id not in plan.payments:
            row = {
                "payment_id": payment.payment_id,
                "customer_id": payment.customer_id,
                "received_on": payment.received_on,
                "amount": amount,
                "unapplied": amount,
                "currency": payment.currency,
                "method": payment.method,
                "reference": payment.reference,
            }
            plan.payments[payment.payment_id] = plan.new_payments[payment.payment_id] = row
        plan.balances.update(balances)
        plan.unapplied[payment.payment_id] = unapplied
        plan.applications += applications
        results[index] = WriteResult(payment.payment_id, key)
    _write(conn, plan, invoices, recorded)
    return plan


def _write(
    conn: Connection, plan: _Plan, invoices: dict[str, Any], recorded: dict[str, Any]
) -> None:
    """The plan's rows, each table's in one statement straight to the driver
    (``execute_plain``); a balance or unapplied amount changed meanwhile is a ``_Conflict``."""
    if not plan.writes:
        return
    execute_plain(conn, "ledger:writes", lambda: insert(t.writes), plan.writes)
    for payment_id, row in plan.new_payments.items():
        row["unapplied"] = plan.unapplied[payment_id]
    execute_plain(
        conn, "ledger:payments", lambda: insert(t.payments), list(plan.new_payments.values())
    )
    changed = [
        {"b_number": n, "b_was": invoices[n]["balance"], "b_now": balance}
        for n, balance in plan.balances.items()
        if balance != invoices[n]["balance"]
    ]
    if changed and execute_plain(conn, "ledger:balances", _balances, changed) != len(changed):
        raise _Conflict
    topped = [
        {"b_pid": pid, "b_was": row["unapplied"], "b_now": plan.unapplied[pid]}
        for pid, row in recorded.items()
        if plan.unapplied[pid] != row["unapplied"]
    ]
    if topped and execute_plain(conn, "ledger:unapplied", _unapplied, topped) != len(topped):
        raise _Conflict
    execute_plain(conn, "ledger:applications", _applications, plan.applications)


def _balances() -> Any:
    i = t.invoices.c
    return (
        update(t.invoices)
        .where(and_(i.invoice_number == bindparam("b_number"), i.balance == bindparam("b_was")))
        .values(balance=bindparam("b_now"))
    )


def _unapplied() -> Any:
    p = t.payments.c
    return (
        update(t.payments)
        .where(and_(p.payment_id == bindparam("b_pid"), p.unapplied == bindparam("b_was")))
        .values(unapplied=bindparam("b_now"))
    )


def _applications() -> Any:
    # The id is the database's to number: left out of the statement, not bound as NULL.
    names = ("payment_id", "invoice_number", "amount", "applied_on")
    return insert(t.applications).values({n: bindparam(n) for n in names})


def apply_payments(
    ledger: LedgerWrites,
    items: Sequence[PaymentWrite],
    after: dict[str, dict[str, Decimal]] | None = None,
) -> list[WriteResult | ErpError]:
    """Each payment's result, in order: written (or replayed under its key), or refused.
    ``after``: filled, once the transaction is committed, with the balances of the invoices
    and the unapplied amounts of the payments the items name as that transaction left them
    (``invoices``, ``payments``; the rows were locked, so they are the ledger's state right
    after the write). Left empty when the writes went one at a time (a conflict)."""
    results: list[WriteResult | ErpError | None] = [
        None if key else InvalidWrite("an idempotency key is required for every ERP write")
        for _, _, key in items
    ]
    try:
        with bulk_write_transaction(ledger.engine, LEDGER_CACHE_KIB) as conn:
            plan = _plan_and_write(conn, items, results)
        if after is not None:
            after["invoices"] = dict(plan.balances)
            after["payments"] = dict(plan.unapplied)
    except (IntegrityError, _Conflict):
        results = [None] * len(items)
        for index, (payment, requests, key) in enumerate(items):
            try:
                results[index] = ledger.apply_payment(payment, requests, idempotency_key=key)
            except ErpError as refused:
                results[index] = refused
    assert all(result is not None for result in results)
    return results  # type: ignore[return-value]
