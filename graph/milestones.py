"""Billable milestones and time entries from a CSV file, as invoice drafts.

One header row; the columns (extra ones are ignored):

- ``customer_id``, ``description`` — required;
- the amount: ``amount``, or ``hours`` and ``rate``, or ``quantity`` and ``unit_price``;
- optional: ``po_number``, ``date`` (``YYYY-MM-DD``, when the work was done), ``taxable``
  (``yes``/``no``).

Rows of one customer and PO number become one draft. Its invoice number is a hash of what it
bills, so drafting the same file again proposes the same invoices, which the ERP creates once.
The file is read whole or refused whole: every problem is ``file:line: column: what is wrong``
and nothing is proposed.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from graph.order_actions import CreateInvoice
from integrations.erp.money import MoneyError, parse_amount
from integrations.erp.port import ErpClient

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_TEXT = 500
REQUIRED = ("customer_id", "description")


class MilestoneFileError(ValueError):
    """The file cannot be billed; the message lists each problem as ``file:line: …``."""


@dataclass(frozen=True)
class Billable:
    customer_id: str
    description: str
    amount: Decimal
    quantity: Decimal
    po_number: str | None
    taxable: bool


def _decimal(text: str, column: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{column}: {text!r} is not a number") from None
    if not value.is_finite() or value <= 0 or value > Decimal("1000000000"):
        raise ValueError(f"{column}: {text!r} must be a positive number")
    return value


def _row(row: dict[str, str], currency_of: dict[str, str]) -> Billable:
    customer_id = row.get("customer_id", "").strip()
    if not customer_id:
        raise ValueError("customer_id: empty")
    if customer_id not in currency_of:
        raise ValueError(f"customer_id: {customer_id!r} is not a customer in the ERP")
    currency = currency_of[customer_id]
    description = " ".join((row.get("description") or "").split())
    if not description:
        raise ValueError("description: empty")
    if len(description) > MAX_TEXT:
        raise ValueError(f"description: longer than {MAX_TEXT} characters")
    quantity = Decimal(1)
    try:
        if (row.get("amount") or "").strip():
            amount = parse_amount(row["amount"], currency)
            if amount <= 0:
                raise ValueError(f"amount: {row['amount']!r} must be positive")
        elif (row.get("hours") or "").strip():
            quantity = _decimal(row["hours"], "hours")
            rate = parse_amount(row.get("rate") or "", currency)
            amount = (quantity * rate).quantize(Decimal("0.01"))
        elif (row.get("quantity") or "").strip():
            quantity = _decimal(row["quantity"], "quantity")
            price = parse_amount(row.get("unit_price") or "", currency)
            amount = (quantity * price).quantize(Decimal("0.01"))
        else:
            raise ValueError("amount: give amount, hours and rate, or quantity and unit_price")
    except MoneyError as error:
        raise ValueError(str(error)) from None
    if amount <= 0:
        raise ValueError("amount: must be positive")
    po = (row.get("po_number") or "").strip() or None
    if po is not None and len(po) > 64:
        raise ValueError("po_number: longer than 64 characters")
    if (when := (row.get("date") or "").strip()) and len(when) <= 10:
        try:
            day = date.fromisoformat(when)
        except ValueError:
            raise ValueError(f"date: {when!r} is not YYYY-MM-DD") from None
        description = f"{description} ({day.isoformat()})"
    elif when:
        raise ValueError(f"date: {when[:20]!r} is not YYYY-MM-DD")
    taxable_text = (row.get("taxable") or "no").strip().lower()
    if taxable_text not in ("yes", "no", "true", "false", "1", "0", ""):
        raise ValueError(f"taxable: {taxable_text[:20]!r} is not yes or no")
    return Billable(
        customer_id, description, amount, quantity, po, taxable_text in ("yes", "true", "1")
    )


def read_billables(path: Path, erp: ErpClient) -> list[Billable]:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise MilestoneFileError(f"{name}: cannot be read ({error.strerror})") from None
    if size > MAX_BYTES:
        raise MilestoneFileError(f"{name}: larger than {MAX_BYTES // 1024} KB")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MilestoneFileError(f"{name}: not UTF-8 text") from None
    if "\x00" in text:
        raise MilestoneFileError(f"{name}: not a CSV file (it holds NUL bytes)")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise MilestoneFileError(f"{name}:1: missing column(s): {', '.join(missing)}")
    reader.fieldnames = header
    currency_of = {c.customer_id: c.currency for c in erp.list_customers()}
    rows: list[Billable] = []
    problems: list[str] = []
    try:
        for row in reader:
            if reader.line_num > MAX_ROWS + 1:
                raise MilestoneFileError(f"{name}: more than {MAX_ROWS} rows")
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            clean = {k: v if isinstance(v, str) else "" for k, v in row.items() if k}
            try:
                rows.append(_row(clean, currency_of))
            except ValueError as error:
                problems.append(f"{name}:{reader.line_num}: {error}")
    except csv.Error as error:
        raise MilestoneFileError(f"{name}:{reader.line_num}: {error}") from None
    if problems:
        raise MilestoneFileError("\n".join(problems[:50]))
    if not rows:
        raise MilestoneFileError(f"{name}: no billable rows")
    return rows


def drafts_from_billables(
    rows: list[Billable], erp: ErpClient, *, today: date, source: str
) -> list[CreateInvoice]:
    groups: dict[tuple[str, str | None], list[Billable]] = defaultdict(list)
    for row in rows:
        groups[(row.customer_id, row.po_number)].append(row)
    drafts = []
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][1] or ""))
    for (customer_id, po), billed in ordered:
        customer = erp.get_customer(customer_id)
        assert customer is not None  # read_billables checked it
        lines = tuple((b.description, str(b.amount), str(b.quantity), b.taxable) for b in billed)
        digest = hashlib.sha256(repr((customer_id, po, lines)).encode()).hexdigest()[:10]
        drafts.append(
            CreateInvoice(
                customer_id=customer_id,
                invoice_number=f"INV-M{digest.upper()}",
                invoice_date=today.isoformat(),
                due_date=(today + timedelta(days=customer.terms_days)).isoformat(),
                invoice_currency=customer.currency,
                terms_days=customer.terms_days,
                lines=lines,
                po_number=po,
                memo=f"billable work from {source}",
                source=f"{len(billed)} billable line(s) from {source}",
            )
        )
    return drafts
