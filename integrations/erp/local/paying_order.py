"""Who pays the oldest invoices first, asked of the local ledger in one query: the decisions of
``graph.ar.payers.pays_oldest_first`` and ``pays_out_of_order`` over the payments received
since a date, without reading a payment, an application or an invoice into memory (a year of
history is hundreds of thousands of each). The ledger answers one row a customer.

Per payment (with at least one application): the oldest and newest dates of the invoices it
applied, and how many applications; a customer's payments in the order they arrived
(received on, then payment id as Python compares strings); a payment is out of order when its
oldest invoice is dated before the newest one any earlier payment applied."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, case, func, select

from integrations.erp.local import schema as t


def paying_order(
    engine: Engine, since: date, *, at_least: int = 3
) -> tuple[frozenset[str], frozenset[str]]:
    """(the customers who pay the oldest invoices first — in order, with at least
    ``at_least`` applications —, the customers who once paid out of order)."""
    p, a, i = t.payments.c, t.applications.c, t.invoices.c
    payment_id = p.payment_id
    if engine.dialect.name == "postgresql":  # code point order, as Python sorts the ids
        payment_id = payment_id.collate("C")
    per_payment = (
        select(
            p.customer_id,
            p.received_on,
            payment_id.label("payment_id"),
            func.min(i.invoice_date).label("oldest"),
            func.max(i.invoice_date).label("newest"),
            func.count().label("applications"),
        )
        .select_from(
            t.payments.join(t.applications, a.payment_id == p.payment_id).join(
                t.invoices, i.invoice_number == a.invoice_number
            )
        )
        .where(p.received_on >= since)
        .group_by(p.customer_id, p.received_on, p.payment_id)
        .subquery()
    )
    paid = per_payment.c
    newest_before = func.max(paid.newest).over(
        partition_by=paid.customer_id,
        order_by=(paid.received_on, paid.payment_id),
        rows=(None, -1),
    )
    running = select(
        paid.customer_id,
        paid.applications,
        case((paid.oldest < newest_before, 1), else_=0).label("out_of_order"),
    ).subquery()
    r = running.c
    query = select(r.customer_id, func.sum(r.applications), func.max(r.out_of_order)).group_by(
        r.customer_id
    )
    habitual: list[str] = []
    contrary: list[str] = []
    with engine.connect() as conn:
        for customer_id, applications, out_of_order in conn.execute(query):
            if out_of_order:
                contrary.append(customer_id)
            elif applications >= at_least:
                habitual.append(customer_id)
    return frozenset(habitual), frozenset(contrary)
