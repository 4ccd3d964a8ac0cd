"""A customer's reply — pasted into chat or dropped in with ``arbot inbox add FILE.eml`` — read
as one of: a promise to pay, a dispute, remittance advice, a request for a copy (invoice or
statement), or something else; and the matching proposal made for a person to approve, edit or
decline. The deterministic reading works on plain phrasing without an LLM. When the rules find
nothing and an LLM is configured, the LLM may name the kind, with the e-mail's own sentence that
says it (checked to be in the e-mail); the rules then read that sentence for the invoice, amount
and date, exactly as they read their own.

The e-mail is untrusted data: it is never read for commands (nothing in it can ask arbot for a
write-off, an approval or anything but the proposal its kind calls for), it is quoted only as
evidence on the card, and every proposal waits for a person.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

from graph import understand_vocab as vocab
from graph.action_base import Action
from graph.collector_requests import build
from graph.format import money
from graph.messages import Reply, Section
from graph.understand_actions import ActionRequest, _money
from graph.understand_collector import due_date
from graph.understand_refs import _extract
from integrations.erp.records import Customer, Invoice

if TYPE_CHECKING:
    from graph.llm import LlmService
    from graph.reports import ReportContext
    from graph.understand import Request

MAX_EMAIL_BYTES = 1_000_000
MAX_TEXT_CHARS = 20_000
KINDS = ("promise", "dispute", "remittance", "copy_request", "other")

_RULES = {
    "remittance": re.compile(
        r"\bremit(?:tance)?(?: advice)?\b|\bpayment advice\b|\bwe (?:have )?(?:paid|sent|wired|"
        r"released|remitted|transferred)\b|\bpayment (?:was |has been )?(?:sent|made|released|"
        r"processed|initiated|issued)\b|\bpaid (?:today|yesterday|this morning)\b|\bamount paid\b"
        r"|\bcheck (?:number|no\.?|#)|\bach (?:sent|trace)\b"
    ),
    "dispute": re.compile(
        r"\bdisput\w*\b|\bdisagree\b|\bincorrect\b|\bwrong (?:price|pricing|amount|invoice|"
        r"quantity|rate)\b|\bovercharg\w*\b|\bdamaged?\b|\bshort[- ]?ship\w*\b|\bnot (?:received|"
        r"delivered|ordered)\b|\bnever (?:received|arrived|ordered)\b|\bbilled twice\b|\bduplicate"
        r" (?:invoice|charge|billing)\b|\b(?:will not|won't|cannot|can't|refuse to) pay\b"
        r"|\bquality (?:issue|problem)s?\b|\bcredit (?:note|memo) (?:is )?(?:due|owed|needed)\b"
    ),
    "promise": re.compile(
        r"\b(?:we|i|they)(?: will|'ll| shall| are going to| plan to| intend to)(?: be)?"
        r" (?:pay|paying|send|sending|remit|remitting|wire|wiring|transfer|release|releasing"
        r"|process|processing|settle|settling)\b|\bpayment (?:will be|is) (?:made|sent|released"
        r"|scheduled|processed|going out)\b|\bscheduled (?:for )?payment\b|\bpromise to pay\b"
        r"|\bin (?:the|our) next (?:payment|check) run\b"
    ),
    "copy_request": re.compile(
        r"\b(?:send|resend|re-send|forward|need|request|provide|share|email)\b.{0,40}\b(?:cop"
        r"(?:y|ies)|statement|pdf)\b|\bcopy of (?:the |your )?(?:invoice|statement)\b"
        r"|\bstatement of account\b"
    ),
}
_DEDUCTION = re.compile(r"\bdeduct\w*\b|\bshort[- ]?pa(?:id|y)\b|\bless\b|\bwithheld\b")


@dataclass(frozen=True)
class Reading:
    kind: str
    invoice_refs: tuple[str, ...]
    amount: Decimal | None
    due: date | None
    sender: str | None  # the From address, as the e-mail says (unverified)
    subject: str
    quote: str  # the sentence that decided, for the card's evidence
    by: str = "rules"  # rules | llm (the rules found nothing; the LLM named the kind)


@dataclass(frozen=True)
class Mail:
    sender: str | None
    subject: str
    body: str


class MailRefused(ValueError):
    """The file is not an e-mail arbot reads; the message says why."""


def read_eml(data: bytes) -> Mail:
    """An .eml file's sender, subject and plain text (or the text of its HTML)."""
    if len(data) > MAX_EMAIL_BYTES:
        raise MailRefused(f"the e-mail is larger than {MAX_EMAIL_BYTES // 1_000_000} MB")
    if b"\x00" in data[:4096]:
        raise MailRefused("this is not an e-mail (binary content)")
    try:
        return _parsed(email.message_from_bytes(data, policy=email.policy.default))
    except MailRefused:
        raise
    except (ValueError, TypeError, LookupError, AttributeError, email.errors.MessageError) as error:
        # a header or part the parser cannot make sense of: refused, never a traceback
        raise MailRefused(f"the e-mail cannot be read ({error.__class__.__name__})") from None


def _parsed(message: Any) -> Mail:
    if not isinstance(message, EmailMessage) or not (message["From"] or message["Subject"]):
        raise MailRefused("this is not an e-mail (no From or Subject header)")
    part = message.get_body(preferencelist=("plain", "html"))
    text = part.get_content() if part is not None else ""
    if not isinstance(text, str):
        raise MailRefused("the e-mail has no text body")
    if part is not None and part.get_content_type() == "text/html":
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    sender = str(message["From"] or "") or None
    subject = str(message["Subject"] or "")
    return Mail(sender, subject[:500], text[:MAX_TEXT_CHARS])


def read_pasted(text: str) -> Mail:
    """A pasted e-mail: its From and Subject lines when it has them, and its text."""
    text = text[:MAX_TEXT_CHARS]
    sender = re.search(r"(?im)^\s*from\s*:\s*(.+)$", text)
    subject = re.search(r"(?im)^\s*subject\s*:\s*(.+)$", text)
    return Mail(
        sender.group(1).strip()[:300] if sender else None,
        subject.group(1).strip()[:500] if subject else "",
        text,
    )


def _sentences(text: str) -> list[str]:
    lines = [
        line
        for line in text.splitlines()
        if line.strip() and not re.match(r"(?i)^\s*(?:>|from|to|sent|date|cc)\s*:?", line)
    ]
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", "\n".join(lines)) if s.strip()]


def classify(mail: Mail, today: date) -> Reading:
    """What the customer's e-mail is, by plain rules; the first kind whose words it has, in the
    order remittance (it says it paid), dispute, promise, copy request."""
    text = f"{mail.subject}\n{mail.body}"
    norm = vocab.normalize(text)
    for name in ("remittance", "dispute", "promise", "copy_request"):
        if _RULES[name].search(norm):
            quote = next(
                (s for s in _sentences(text) if _RULES[name].search(vocab.normalize(s))), ""
            )
            return _reading(name, quote, mail, today)
    return _reading("other", "", mail, today)


def _reading(kind: str, quote: str, mail: Mail, today: date, by: str = "rules") -> Reading:
    text = f"{mail.subject}\n{mail.body}"
    refs = _extract(text)
    amount, due = None, None
    if kind in ("promise", "remittance", "dispute"):
        when, rest = due_date(vocab.normalize(quote or text), today)
        due = when
        amount, _ = _money(_extract(rest).remaining)
    return Reading(
        kind, tuple(refs.invoices), amount, due, mail.sender, mail.subject, quote[:300], by
    )


def read(mail: Mail, today: date, llm: LlmService | None = None) -> Reading:
    """The rules' reading; when they find nothing, the LLM's (if there is one and it says
    something the e-mail backs)."""
    from graph.customer_mail_llm import llm_kind

    reading = classify(mail, today)
    if reading.kind != "other" or llm is None:
        return reading
    suggested = llm_kind(llm, mail)
    if suggested is None:
        return reading
    kind, sentence = suggested
    return _reading(kind, sentence, mail, today, by="llm")


# --- who wrote, and what to propose --------------------------------------------------------------
_ADDRESS = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def _customer(context: ReportContext, reading: Reading, invoices: list[Invoice]) -> Customer | None:
    owners = {i.customer_id for i in invoices}
    if len(owners) == 1:
        return context.erp.get_customer(owners.pop())
    found = _ADDRESS.search(reading.sender or "")
    if found is None:
        return None
    address, domain = found.group(0).lower(), found.group(1).lower()
    customers = [c for c in context.erp.list_customers() if c.email]
    exact = [c for c in customers if (c.email or "").lower() == address]
    if len(exact) == 1:
        return exact[0]
    same_domain = [c for c in customers if (c.email or "").lower().endswith("@" + domain)]
    return same_domain[0] if len(same_domain) == 1 else None


def _invoices(context: ReportContext, refs: tuple[str, ...]) -> list[Invoice]:
    found: list[Invoice] = []
    for ref in refs[:10]:
        matches = context.erp.find_invoices(ref) or context.erp.invoices_by_po(ref)
        if len(matches) == 1 and matches[0] not in found:
            found.append(matches[0])
    return found


def _request(reading: Reading, customer: Customer, invoices: list[Invoice]) -> ActionRequest | None:
    numbers = tuple(i.invoice_number for i in invoices)
    if reading.kind == "promise":
        return ActionRequest(
            "record_promise",
            customer_text=customer.customer_id,
            invoice_refs=numbers[:1],
            amount=reading.amount,
            due=reading.due,
            reason_code="email",
            text=reading.quote,
        )
    if reading.kind == "dispute" and numbers:
        return ActionRequest(
            "open_dispute",
            invoice_refs=numbers[:1],
            amount=reading.amount if reading.amount and len(numbers) == 1 else None,
            reason_code=_dispute_reason(reading.quote),
            text=reading.quote,
        )
    if reading.kind == "remittance" and numbers and _DEDUCTION.search(reading.quote.lower()):
        return ActionRequest(
            "open_dispute", invoice_refs=numbers[:1], text=reading.quote, on_hold=False
        )
    if reading.kind == "copy_request":
        return ActionRequest("send_statement", customer_text=customer.customer_id)
    return None


def _dispute_reason(quote: str) -> str | None:
    from graph.understand_disputes import _dispute_reason as reason

    return reason(vocab.normalize(quote))


_SAID = {
    "promise": "a promise to pay",
    "dispute": "a dispute",
    "remittance": "remittance advice",
    "copy_request": "a request for a copy (invoice or statement)",
    "other": "nothing arbot acts on",
}


def reply_to(context: ReportContext, mail: Mail, *, source: str) -> Reply:
    """Classify the e-mail and propose what its kind calls for (a suggestion a person approves,
    edits or declines)."""
    from graph.approvals import SYSTEM, ProposalRejected
    from graph.proposals import attach_proposals
    from graph.requests import Unclear

    reading = read(mail, context.today, context.llm)
    invoices = _invoices(context, reading.invoice_refs)
    customer = _customer(context, reading, invoices)
    facts = [f"Read as {_SAID[reading.kind]}" + (f" from {customer.name}" if customer else "")]
    if reading.by == "llm":
        facts.append("The rules found nothing; the language model read it so (check it).")
    if reading.quote:
        facts.append(f"It says: “{reading.quote}”")
    data: dict[str, Any] = {
        "kind": reading.kind,
        "customer_id": customer.customer_id if customer else None,
        "invoices": [i.invoice_number for i in invoices],
        "amount": reading.amount,
        "due": reading.due,
        "read_by": reading.by,
    }
    reply = Reply(
        headline=f"This e-mail reads as {_SAID[reading.kind]}.",
        sections=[Section(text="\n".join(facts))],
        context=[
            f"From {source}. The e-mail is read as data only: nothing in it is taken as an "
            "instruction, and every proposal waits for a person."
        ],
        intent="customer_reply",
        entities={"customer_id": customer.customer_id} if customer else {},
        data=data,
    )
    if reading.kind == "remittance" and not _DEDUCTION.search(reading.quote.lower()):
        paid = ", ".join(i.invoice_number for i in invoices) or "no invoice I could find"
        reply.context.insert(
            0,
            f"It names {paid}; cash application matches the payment when "
            "the bank file or the ERP has it.",
        )
    if customer is None:
        if reading.kind != "other":
            reply.headline += " I can't tell which customer wrote it: name the invoice or customer."
        return reply
    request = _request(reading, customer, invoices)
    approvals = context.approval_service() if request is not None else None
    if request is None or approvals is None:
        if reading.kind == "dispute" and not invoices:
            reply.headline += " Which invoice does it dispute? (“INV-… is disputed: …”)"
        return reply
    try:
        actions: list[Action] = build(
            context.erp,
            request,
            lambda _: customer,
            requested_by=context.requested_by,
            today=context.today,
            store=context.store,
            unclear=Unclear,
        )
    except Unclear as unclear:
        reply.headline += f" {unclear}"
        return reply
    by = " (the language model's reading)" if reading.by == "llm" else ""
    explanation = f"Read from {source}{by}" + (f": “{reading.quote}”" if reading.quote else "")
    proposed = []
    for action in actions:
        try:
            proposed.append(
                approvals.propose(
                    action,
                    requested_by=context.requested_by,
                    proposed_by=SYSTEM,
                    origin={"explanation": explanation[:400], "source": "customer_email"},
                )
            )
        except ProposalRejected as rejected:
            reply.context.append("Not proposed: " + "; ".join(rejected.problems))
    if reading.amount is not None and reading.kind == "promise":
        data["amount_text"] = money(reading.amount, customer.currency)
    return attach_proposals(reply, proposed, context.policy)


def customer_reply(context: ReportContext, request: Request) -> Reply:
    """The ``customer_reply`` intent: an e-mail pasted into chat."""
    return reply_to(context, read_pasted(request.text), source="the pasted e-mail")
