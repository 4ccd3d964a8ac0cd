"""Rows whose facts were written in a writer's own shape, turned into the scorer's shape.

    python evals/scorer_shape.py IN.jsonl OUT.jsonl

dev15 and dev16 were written by people who could not read the end-to-end section of
evals/README.md, so each row's ``facts`` is a rich dict of their own (bucket tables, ranked
lists, a payment's fields). The scorer checks ``customers`` (names or ids), ``invoices`` and
``amounts``; this keeps only the headline figures a right reply must show, per intent, and
leaves the rest out (never guessed): a per-currency total, the first-ranked customer of each
currency, the invoice or payment asked about. The writer's own facts stay in ``facts_written``.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any


def _per_currency(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [str(v) for v in value.values() if isinstance(v, str) and Decimal(v) != 0]
    if isinstance(value, str):
        return [value]
    return []


def _bucket_totals(table: dict[str, dict[str, str]]) -> list[str]:
    return [
        str(sum((Decimal(v) for v in buckets.values()), Decimal(0))) for buckets in table.values()
    ]


def _first_of_each(ranked: Any) -> list[Any]:
    if isinstance(ranked, dict):
        return [rows[0] for rows in ranked.values() if rows]
    if isinstance(ranked, list) and ranked:
        return [ranked[0]]
    return []


def shaped(intent: str, facts: dict[str, Any]) -> dict[str, list[str]]:
    customers: list[str] = []
    invoices: list[str] = []
    amounts: list[str] = []
    who = facts.get("customer_id") or facts.get("customer")
    if isinstance(who, str) and intent not in {"action_request"}:
        customers.append(who)
    if intent == "aging_report":
        table = facts.get("buckets") or facts.get("aging")
        if isinstance(table, dict):
            amounts += _bucket_totals(table)
    elif intent == "top_debtors":
        for name, amount in _first_of_each(facts.get("top")):
            customers.append(name)
            amounts.append(amount)
    elif intent == "over_days":
        amounts += _per_currency(facts.get("amount") or facts.get("over_total"))
        for entry in facts.get("customers") or []:
            customers.append(entry if isinstance(entry, str) else entry[0])
    elif intent == "total_ar":
        amounts += _per_currency(facts.get("total") or facts.get("total_ar"))
    elif intent == "credit_exceptions":
        for entry in (facts.get("over_limit") or []) + (facts.get("on_hold") or []):
            customers.append(entry if isinstance(entry, str) else entry[0])
    elif intent == "largest_invoices":
        ranked = facts.get("invoices") or facts.get("largest")
        for entry in _first_of_each(ranked):
            invoices.append(entry[0])
    elif intent == "payments_received":
        amounts += _per_currency(facts.get("total") or facts.get("received"))
    elif intent == "unapplied_cash":
        amounts += _per_currency(facts.get("total") or facts.get("unapplied_total"))
    elif intent == "payment_lookup":
        amounts += _per_currency(facts.get("amount") or facts.get("payment_amount"))
    elif intent == "customer_balance":
        amounts += _per_currency(facts.get("open_balance") or facts.get("balance"))
    elif intent == "invoice_status":
        if facts.get("invoice"):
            invoices.append(facts["invoice"])
        amounts += _per_currency(facts.get("balance"))
    return {
        key: value
        for key, value in (("customers", customers), ("invoices", invoices), ("amounts", amounts))
        if value
    }


def scorer_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row as its writer wrote it, in the scorer's shape (the writer's facts kept beside)."""
    written = row.get("facts") or {}
    entities = {k: v for k, v in (row.get("entities") or {}).items() if v is not None}
    return {
        **row,
        "entities": entities,
        "facts": shaped(row["intent"], written),
        "facts_written": written,
    }


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as rows, open(target, "w", encoding="utf-8") as out:
        for line in rows:
            if line.strip():
                out.write(json.dumps(scorer_row(json.loads(line)), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
