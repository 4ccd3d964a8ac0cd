"""A customer's statement of account: its open items with their aging and the payments of the
last 90 days, as a PDF (fpdf2, imported only when one is made) and a CSV.

The files are a function of the statement alone (the PDF's creation date is the statement's
date), so the same open items make the same bytes: a file offered in Teams can be made again
when the person accepts it and checked against what was offered (``statement_file``)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from integrations.erp.port import ErpClient
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    Customer,
    Invoice,
    Payment,
    aging_bucket,
)

RECENT_PAYMENT_DAYS = 90
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Statement:
    customer: Customer
    as_of: date
    open_items: tuple[Invoice, ...]
    payments: tuple[Payment, ...]  # received in the last RECENT_PAYMENT_DAYS

    def totals(self) -> dict[str, Decimal]:
        sums: dict[str, Decimal] = {}
        for invoice in self.open_items:
            sums[invoice.currency] = sums.get(invoice.currency, ZERO) + invoice.balance
        return sums

    def aging(self) -> dict[str, dict[str, Decimal]]:
        """Per currency, the open balance in each days-past-due bucket."""
        found: dict[str, dict[str, Decimal]] = {}
        for invoice in self.open_items:
            buckets = found.setdefault(invoice.currency, dict.fromkeys(AGING_BUCKET_NAMES, ZERO))
            buckets[aging_bucket(invoice.days_past_due(self.as_of))] += invoice.balance
        return found

    def digest(self) -> str:
        """What the statement says, as a short hash: it changes when any open item does."""
        items = [(i.invoice_number, str(i.balance), i.currency) for i in self.open_items]
        return hashlib.sha256(repr(items).encode()).hexdigest()[:16]

    def file_stem(self) -> str:
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", self.customer.customer_id).strip("-") or "customer"
        return f"statement-{safe}-{self.as_of.isoformat()}"


def build(erp: ErpClient, customer: Customer, as_of: date) -> Statement:
    invoices = sorted(
        (i for i in erp.invoices(customer.customer_id) if i.balance > 0),
        key=lambda i: (i.due_date, i.invoice_number),
    )
    since = as_of - timedelta(days=RECENT_PAYMENT_DAYS)
    payments = erp.payments(customer.customer_id, since=since, until=as_of)
    return Statement(customer, as_of, tuple(invoices), tuple(payments))


# --- files ----------------------------------------------------------------------------------------
def to_csv(statement: Statement) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        (
            "type",
            "reference",
            "date",
            "due_date",
            "po_number",
            "amount",
            "open_balance",
            "currency",
            "days_past_due",
            "aging_bucket",
        )
    )
    for i in statement.open_items:
        writer.writerow(
            (
                "invoice",
                i.invoice_number,
                i.invoice_date.isoformat(),
                i.due_date.isoformat(),
                i.po_number or "",
                str(i.amount),
                str(i.balance),
                i.currency,
                i.days_past_due(statement.as_of),
                aging_bucket(i.days_past_due(statement.as_of)),
            )
        )
    for p in statement.payments:
        applied = " ".join(a.invoice_number for a in p.applications)
        writer.writerow(
            (
                "payment",
                p.payment_id,
                p.received_on.isoformat(),
                "",
                applied,
                str(p.amount),
                "",
                p.currency,
                "",
                "",
            )
        )
    return _csv_safe(out.getvalue()).encode()


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, @ at its start) is quoted as text."""
    return re.sub(r"(^|,)([=+@])", r"\1'\2", text, flags=re.MULTILINE)


def _latin(text: str) -> str:
    """The PDF's core font speaks Latin-1: anything else is shown as '?'."""
    return text.encode("latin-1", "replace").decode("latin-1")


def _amount(value: Decimal, currency: str) -> str:
    return f"{value:,.2f} {currency}"


def to_pdf(statement: Statement, sender: str = "Accounts receivable") -> bytes:
    from fpdf import FPDF  # a well-kept PDF library, imported only when a statement is made

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_creation_date(datetime.combine(statement.as_of, time(), tzinfo=UTC))
    pdf.add_page()
    pdf.set_title(_latin(f"Statement of account - {statement.customer.name}"))
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Statement of account", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    customer = statement.customer
    for line in (
        f"{customer.name} ({customer.customer_id})",
        f"As of {statement.as_of.isoformat()} - terms {customer.terms_label}",
        f"From: {sender}",
    ):
        pdf.cell(0, 6, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = (32, 24, 24, 30, 38, 38)
    pdf.set_font("Helvetica", "B", 9)
    for width, title in zip(
        widths, ("Invoice", "Date", "Due", "Past due", "Amount", "Open"), strict=True
    ):
        pdf.cell(width, 7, title, border="B", align="R" if title in ("Amount", "Open") else "L")
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for i in statement.open_items:
        days = i.days_past_due(statement.as_of)
        cells = (
            i.invoice_number,
            i.invoice_date.isoformat(),
            i.due_date.isoformat(),
            f"{days} days" if days else "current",
            _amount(i.amount, i.currency),
            _amount(i.balance, i.currency),
        )
        for n, (width, text) in enumerate(zip(widths, cells, strict=True)):
            pdf.cell(width, 6, _latin(text), align="R" if n >= 4 else "L")
        pdf.ln()
    if not statement.open_items:
        pdf.cell(0, 6, "No open items.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 10)
    for currency, total in sorted(statement.totals().items()):
        pdf.cell(
            0, 6, _latin(f"Total open: {_amount(total, currency)}"), new_x="LMARGIN", new_y="NEXT"
        )
    pdf.set_font("Helvetica", "", 9)
    for currency, buckets in sorted(statement.aging().items()):
        parts = ", ".join(f"{name}: {value:,.2f}" for name, value in buckets.items() if value)
        pdf.cell(0, 6, _latin(f"Aging ({currency}): {parts}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(
        0,
        7,
        f"Payments received in the last {RECENT_PAYMENT_DAYS} days",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 9)
    for p in statement.payments:
        applied = ", ".join(a.invoice_number for a in p.applications) or "on account"
        line = f"{p.received_on.isoformat()}  {p.payment_id}  {_amount(p.amount, p.currency)}"
        pdf.cell(0, 6, _latin(f"{line}  applied to {applied}"), new_x="LMARGIN", new_y="NEXT")
    if not statement.payments:
        pdf.cell(0, 6, "None.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


FORMATS = {"pdf": "application/pdf", "csv": "text/csv"}


def statement_file(
    erp: ErpClient, customer_id: str, as_of: date, fmt: str, sender: str = "Accounts receivable"
) -> tuple[str, bytes] | None:
    """The file name and bytes of a customer's statement as of a day, made again from the ERP;
    None when the customer does not exist or the format is not one of ``FORMATS``."""
    if fmt not in FORMATS:
        return None
    customer = erp.get_customer(customer_id)
    if customer is None:
        return None
    statement = build(erp, customer, as_of)
    data = to_pdf(statement, sender) if fmt == "pdf" else to_csv(statement)
    return f"{statement.file_stem()}.{fmt}", data


def statement_folder() -> Path:
    home = Path(os.environ.get("ARBOT_HOME") or Path.home() / ".arbot").expanduser()
    return home / "statements"


def save(statement: Statement, folder: Path | None = None) -> tuple[Path, Path]:
    """Write the PDF and the CSV (replacing a statement of the same customer and day)."""
    folder = folder or statement_folder()
    folder.mkdir(parents=True, exist_ok=True)
    pdf_path = folder / f"{statement.file_stem()}.pdf"
    csv_path = folder / f"{statement.file_stem()}.csv"
    for path, data in ((pdf_path, to_pdf(statement)), (csv_path, to_csv(statement))):
        partial = path.with_suffix(path.suffix + ".part")
        partial.write_bytes(data)
        partial.replace(path)
    return pdf_path, csv_path
