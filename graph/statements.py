"""Customer statements in chat and by e-mail: "statement for globex" shows one with its files
(``graph.statement_files`` makes the PDF and CSV; Slack gets them as files, the terminal prints
their paths), and "send globex a statement" proposes e-mailing them through the approval path
(``SendStatement``: written once on approval, logged as a note on the customer).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from graph.action_base import Action, ActionError
from graph.format import day, money, plural
from graph.messages import TABLE_MAX_ROWS, Reply, Section, Table
from graph.messages import Attachment as FileOut
from graph.statement_files import Statement, build, save, to_csv, to_pdf
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, WriteResult
from integrations.mail import Attachment, Mailer, MailError

if TYPE_CHECKING:
    from graph.reports import ReportContext
    from graph.understand import Request


def email_text(statement: Statement, sender: str) -> tuple[str, str]:
    totals = " + ".join(money(v, c) for c, v in sorted(statement.totals().items())) or "nothing"
    subject = f"Statement of account {statement.customer.name} as of {day(statement.as_of)}"
    body = (
        f"Dear {statement.customer.name} accounts payable team,\n\n"
        f"Please find attached your statement of account as of {day(statement.as_of)}: "
        f"{plural(len(statement.open_items), 'open item')}, {totals} open.\n"
        "Please let us know if anything on it does not match your records.\n\n"
        f"Kind regards,\n{sender}\n"
    )
    return subject, body


# --- the action ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SendStatement(Action):
    kind: ClassVar[str] = "send_statement"
    to: str = ""
    as_of: str = ""
    subject: str = ""
    body: str = ""
    items: int = 0
    items_digest: str = ""  # what the statement said when proposed
    sender: str = "Accounts receivable"

    def summary(self) -> str:
        return (
            f"E-mail {self.customer_id}'s statement as of {self.as_of} "
            f"({plural(self.items, 'open item')}, PDF and CSV) to {self.to or 'nobody'}"
        )

    def _statement(self, erp: ErpClient) -> Statement | None:
        customer = erp.get_customer(self.customer_id)
        if customer is None:
            return None
        return build(erp, customer, date.fromisoformat(self.as_of))

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if "@" not in self.to:
            problems.append(f"{self.customer_id} has no e-mail address to send a statement to")
        statement = self._statement(erp)
        if statement is not None and statement.digest() != self.items_digest:
            problems.append("the open items changed since this statement was proposed")
        return problems

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        statement = self._statement(erp)
        return {"items_digest": statement.digest() if statement else None}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        if mailer is None:
            raise ActionError("no mail server is configured (set ARBOT_SMTP_HOST)")
        statement = self._statement(erp)
        if statement is None:
            raise ActionError(f"customer {self.customer_id} does not exist")
        message_id = f"<{hashlib.sha256(key.encode()).hexdigest()[:24]}@arbot>"
        stem = statement.file_stem()
        try:
            mailer.send(
                to=self.to,
                subject=self.subject,
                body=self.body,
                message_id=message_id,
                attachments=(
                    Attachment(f"{stem}.pdf", "application/pdf", to_pdf(statement, self.sender)),
                    Attachment(f"{stem}.csv", "text/csv", to_csv(statement)),
                ),
            )
        except MailError as error:
            raise ActionError(str(error)) from error
        erp.add_note(
            self.customer_id,
            f"Statement as of {self.as_of} sent to {self.to} ({plural(self.items, 'open item')})",
            author="arbot",
            idempotency_key=f"{key}:note",
        )
        return WriteResult(message_id, key)


def send_statement_action(
    erp: ErpClient, customer: Customer, as_of: date, sender: str
) -> SendStatement:
    statement = build(erp, customer, as_of)
    subject, body = email_text(statement, sender)
    return SendStatement(
        customer_id=customer.customer_id,
        to=customer.email or "",
        as_of=as_of.isoformat(),
        subject=subject,
        body=body,
        items=len(statement.open_items),
        items_digest=statement.digest(),
        sender=sender,
    )


# --- the answer: "statement for globex" -----------------------------------------------------------
def statement_reply(statement: Statement, pdf_path: Path, csv_path: Path) -> Reply:
    totals = " + ".join(money(v, c) for c, v in sorted(statement.totals().items())) or "nothing"
    customer = statement.customer
    rows = tuple(
        (
            i.invoice_number,
            day(i.invoice_date),
            day(i.due_date),
            str(i.days_past_due(statement.as_of)),
            money(i.balance, i.currency),
        )
        for i in statement.open_items[:TABLE_MAX_ROWS]
    )
    sections = (
        [
            Section(
                table=Table(
                    ("Invoice", "Date", "Due", "Days past due", "Open"),
                    rows,
                    numeric=(3, 4),
                    title="Open items",
                )
            )
        ]
        if rows
        else []
    )
    return Reply(
        headline=(
            f"Statement for {customer.name} as of {day(statement.as_of)}: "
            f"{plural(len(statement.open_items), 'open item')}, {totals} open."
        ),
        sections=sections,
        context=[
            f"Files: {pdf_path.name} and {csv_path.name}.",
            f"“send {customer.name} a statement” proposes e-mailing it to "
            f"{customer.email or 'the customer (no e-mail address on file)'}.",
        ],
        intent="customer_statement",
        entities={"customer_id": customer.customer_id},
        data={
            "customer_id": customer.customer_id,
            "customer_name": customer.name,
            "as_of": statement.as_of,
            "open_items": [
                {
                    "invoice_number": i.invoice_number,
                    "balance": i.balance,
                    "currency": i.currency,
                    "days_past_due": i.days_past_due(statement.as_of),
                }
                for i in statement.open_items
            ],
            "totals": statement.totals(),
            "payments": [p.payment_id for p in statement.payments],
            "pdf": str(pdf_path),
            "csv": str(csv_path),
        },
        files=[
            FileOut(pdf_path.name, "application/pdf", pdf_path),
            FileOut(csv_path.name, "text/csv", csv_path),
        ],
    )


def statement_report(context: ReportContext, request: Request) -> Reply:
    if not request.customer_text:
        return Reply(
            headline="Whose statement? For example: “statement for Globex”.",
            intent="customer_statement",
        )
    customer = context.customer_of(request.customer_text)
    statement = build(context.erp, customer, context.today)
    pdf_path, csv_path = save(statement)
    return statement_reply(statement, pdf_path, csv_path)
