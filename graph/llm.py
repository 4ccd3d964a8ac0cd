"""What the LLM may do for arbot: route a request it cannot read with rules, phrase an answer,
classify a remittance memo, draft a reminder. Never more.

It never decides what is written: its output becomes the same typed Request the rules produce
(re-resolved against the ERP), a proposal a person approves, or text checked against the facts
it was given. Untrusted text goes in delimited as data; tools that could write do not exist.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import prompts
from graph import intent_surfaces, intents
from graph.format import day, money
from graph.intent_surfaces import tool
from graph.messages import Reply
from graph.understand import DateRange, Request, parse
from graph.understand_actions import ActionRequest
from integrations.erp.records import DEDUCTION_REASON_CODES, Customer, Invoice
from integrations.llm import LlmClient, LlmUnavailable

_TAGS = re.compile(r"</?\s*(untrusted|facts)\s*>", re.IGNORECASE)


def delimit(tag: str, text: str) -> str:
    """Text as data: inside tags it cannot close, so it cannot pose as instructions."""
    return f"<{tag}>\n{_TAGS.sub('[tag removed]', text)}\n</{tag}>"


_CUSTOMER = {"customer": {"type": "string", "description": "the customer as the person wrote it"}}
_AMOUNT = {"amount": {"type": "number"}}
_INVOICES = {
    "invoices": {
        "type": "array",
        "items": {"type": "string"},
        "description": "invoice or PO numbers exactly as written",
    }
}

# One tool per intent of the registry (graph.intents), then the change requests.
TOOLS = [
    *intent_surfaces.llm_tools(),
    tool(
        "propose_write_off",
        "Ask for a deduction write-off (a person approves it).",
        {
            "invoice": {"type": "string"},
            "reason_code": {"type": "string", "enum": list(DEDUCTION_REASON_CODES)},
        }
        | _AMOUNT,
        ("invoice",),
    ),
    tool(
        "propose_credit_limit",
        "Ask for a new credit limit (a person approves it).",
        _CUSTOMER | _AMOUNT,
        ("customer", "amount"),
    ),
    tool(
        "propose_credit_hold",
        "Ask to put a customer on or off credit hold.",
        _CUSTOMER | {"on_hold": {"type": "boolean"}},
        ("customer", "on_hold"),
    ),
    tool(
        "propose_note",
        "Ask to add a note to a customer.",
        _CUSTOMER | {"text": {"type": "string"}},
        ("customer", "text"),
    ),
    tool(
        "propose_reminder",
        "Ask to e-mail a payment reminder to a customer.",
        _CUSTOMER | _INVOICES,
        ("customer",),
    ),
]
# Intents answered without a customer resolved first (reports, whole-book questions, meta).
_REPORT_TOOLS = {i.name for i in intents.of_kind("portfolio", "report", "meta")} - {"unknown"}

_MONEY = re.compile(r"(?:[$€£]|\b[A-Z]{3}\s)\s?\d[\d,]*(?:\.\d+)?")
_NUMBER = re.compile(r"\b\d[\d,]*\.\d{2}\b")
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_REFERENCE = re.compile(r"\b[A-Z]{2,5}-\d{3,}\b|\b\d{5,}\b")


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _period(arguments: dict[str, Any], today: date) -> DateRange | None:
    if (label := _text(arguments.get("period"))) is not None:
        return parse(f"payments {label}", today).period
    if (since := _text(arguments.get("since"))) is not None:
        return parse(f"payments since {since}", today).period
    return None


def _count(arguments: dict[str, Any], name: str) -> int | None:
    value = arguments.get(name)
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 1000
        else None
    )


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount > 0 else None


def to_request(name: str, arguments: dict[str, Any], text: str, today: date) -> Request | None:
    """A tool call as the same Request the rules make; None for anything not in the list or
    not well formed (the rules then answer)."""
    customer = _text(arguments.get("customer"))
    invoices = tuple(i for i in (arguments.get("invoices") or []) if isinstance(i, str) and i)
    if name == "out_of_scope":
        return Request("unknown", text=text)
    if name == "invoice_status":
        return (
            Request("invoice_status", customer_text=customer, invoice_refs=invoices, text=text)
            if invoices
            else None
        )
    if name in ("customer_balance", "payment_history"):
        if customer is None:
            return None
        count = arguments.get("count")
        return Request(
            name,
            customer_text=customer,
            text=text,
            period=_period(arguments, today) if name == "payment_history" else None,
            limit=count if isinstance(count, int) and 0 < count < 100 else None,
        )
    if name in _REPORT_TOOLS:
        order = _text(arguments.get("order"))
        payment = _text(arguments.get("payment"))
        return Request(
            name,
            customer_text=customer or _text(arguments.get("collector")),
            order_refs=(order.upper(),) if order else (),
            text=text,
            period=_period(arguments, today),
            limit=_count(arguments, "count"),
            days=_count(arguments, "days"),
            payment_refs=(payment.upper(),) if payment else (),
            by_collector=arguments.get("by_collector") is True,
        )
    action = None
    if name == "propose_write_off" and (invoice := _text(arguments.get("invoice"))):
        reason = arguments.get("reason_code")
        action = ActionRequest(
            "write_off_deduction",
            invoice_refs=(invoice,),
            amount=_decimal(arguments.get("amount")),
            reason_code=reason if reason in DEDUCTION_REASON_CODES else None,
        )
    elif (
        name == "propose_credit_limit"
        and customer
        and (amount := _decimal(arguments.get("amount")))
    ):
        action = ActionRequest("set_credit_limit", customer_text=customer, amount=amount)
    elif name == "propose_credit_hold" and customer and isinstance(arguments.get("on_hold"), bool):
        action = ActionRequest(
            "set_credit_hold", customer_text=customer, on_hold=arguments["on_hold"]
        )
    elif name == "propose_note" and customer and (note := _text(arguments.get("text"))):
        action = ActionRequest("add_note", customer_text=customer, text=note)
    elif name == "propose_reminder" and customer:
        action = ActionRequest("send_reminder", customer_text=customer, invoice_refs=invoices)
    return Request("action_request", action=action, text=text) if action else None


def grounded(text: str, facts: str) -> bool:
    """Every amount, date and invoice-like number in ``text`` appears in ``facts``."""
    for pattern in (_MONEY, _NUMBER, _DATE, _REFERENCE):
        for found in pattern.findall(text):
            if found.strip() not in facts:
                return False
    return True


# Words a rewording may use that need not be in the facts: how a sentence is built, not what it
# says. Anything else (an instruction, a link, a new claim) must come from the facts.
PHRASING_WORDS = frozenset(
    """about across after again also amount amounts and balance been before being both but
    currently customer customers days does each from have invoice invoices just last latest
    month more most none nothing now open other outstanding over overdue paid past payment
    payments right since still than that their them there these they this those total under
    week were what when which while with within your yours""".split()
)
_WORD = re.compile(r"[A-Za-z]{4,}")
_MARKUP = re.compile(r"https?:|www\.|[<>@`*_\[\]|]")
MAX_HEADLINE = 240


def faithful(text: str, facts: str) -> bool:
    """A rewording says only what the facts say: one line, no links or markup, every figure
    and every word that carries meaning found in the facts."""
    if "\n" in text or len(text) > MAX_HEADLINE or _MARKUP.search(text):
        return False
    known = {word.lower() for word in _WORD.findall(facts)}
    for word in _WORD.findall(text):
        lowered = word.lower()
        if lowered not in known and lowered not in PHRASING_WORDS:
            return False
    return grounded(text, facts)


class LlmService:
    def __init__(self, client: LlmClient) -> None:
        self.client = client

    def understand(self, text: str, today: date) -> Request | None:
        messages = [
            {"role": "system", "content": prompts.load("understand")},
            {"role": "user", "content": delimit("untrusted", self.client.prepare(text))},
        ]
        try:
            answer = self.client.chat("understand", messages, tools=TOOLS, max_tokens=300)
        except LlmUnavailable:
            return None
        if len(answer.tool_calls) != 1:
            return None
        name, arguments = answer.tool_calls[0]
        return to_request(name, arguments, text, today)

    def phrase(self, reply: Reply) -> Reply:
        """The headline in a human voice, kept only if it says nothing the facts do not: every
        figure and meaningful word from the facts, no link, no markup, one line."""
        facts = reply.to_text() + "\n" + json.dumps(reply.to_json()["data"], ensure_ascii=False)
        messages = [
            {"role": "system", "content": prompts.load("phrase")},
            {"role": "user", "content": delimit("facts", self.client.prepare(facts))},
        ]
        try:
            answer = self.client.chat("phrase", messages, max_tokens=200)
        except LlmUnavailable:
            return reply
        text = (answer.content or "").strip()
        if not text or not faithful(text, facts):
            return reply
        return replace(reply, headline=text)

    def classify(self, memo: str) -> str | None:
        reason_tool = tool(
            "set_reason",
            "The deduction's reason code.",
            {"code": {"type": "string", "enum": list(DEDUCTION_REASON_CODES)}},
            ("code",),
        )
        messages = [
            {"role": "system", "content": prompts.load("classify_deduction")},
            {"role": "user", "content": delimit("untrusted", self.client.prepare(memo))},
        ]
        try:
            answer = self.client.chat("classify", messages, tools=[reason_tool], max_tokens=50)
        except LlmUnavailable:
            return None
        if len(answer.tool_calls) != 1 or answer.tool_calls[0][0] != "set_reason":
            return None
        code = answer.tool_calls[0][1].get("code")
        return code if code in DEDUCTION_REASON_CODES and code != "unknown" else None

    def draft_reminder(
        self, customer: Customer, invoices: list[Invoice], stage: str, sender: str, today: date
    ) -> tuple[str, str, str] | None:
        """(subject, body, prompt fingerprint), or None to keep the template's draft."""
        total = sum((i.balance for i in invoices), Decimal("0.00"))
        facts = "\n".join(
            [
                f"customer: {customer.name}",
                f"stage: {stage}",
                f"sender: {sender}",
                f"total past due: {money(total, customer.currency)}",
                *(
                    f"invoice {i.invoice_number} dated {day(i.invoice_date)} due {day(i.due_date)} "
                    f"open {money(i.balance, i.currency)}"
                    for i in invoices
                ),
                f"today: {day(today)}",
            ]
        )
        reminder_tool = tool(
            "write_reminder",
            "The reminder e-mail.",
            {"subject": {"type": "string"}, "body": {"type": "string"}},
            ("subject", "body"),
        )
        messages = [
            {"role": "system", "content": prompts.load("reminder_draft")},
            {"role": "user", "content": delimit("facts", facts)},
        ]
        try:
            answer = self.client.chat(
                "draft_reminder", messages, tools=[reminder_tool], max_tokens=700
            )
        except LlmUnavailable:
            return None
        if len(answer.tool_calls) != 1 or answer.tool_calls[0][0] != "write_reminder":
            return None
        subject = _text(answer.tool_calls[0][1].get("subject"))
        body = _text(answer.tool_calls[0][1].get("body"))
        if not subject or not body or not grounded(f"{subject}\n{body}", facts):
            return None
        return subject, body + "\n", prompts.fingerprint("reminder_draft")
