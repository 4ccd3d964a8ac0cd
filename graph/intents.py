"""The one list of what arbot answers: every intent's name, kind, handler, LLM tool, slash alias,
help text and examples. ``help``, the LLM tools, the slash subcommands and docs/questions.md are
generated from it; tests ask every example on the demo company.

Handlers are named as ``"module:function"`` and imported when first used, so that reading the
registry (the parser, the CLI's start) imports nothing heavy. Their signatures by kind:

- ``inquiry``: ``handler`` gathers (``(erp, Resolved) -> facts``), ``answer`` words the reply
  (``(Resolved, facts, today) -> Reply``); the agent resolves the customer or invoice first.
- ``portfolio`` and ``report``: ``(ReportContext, Request) -> Reply``.
- ``change_request``: the request becomes a proposal (``graph.requests.build_action``).
- ``meta``: ``(Agent, Request, Turn) -> Reply``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

KINDS = ("inquiry", "portfolio", "report", "change_request", "meta")

_CUSTOMER = {"customer": {"type": "string", "description": "the customer as the person wrote it"}}
_INVOICES = {
    "invoices": {
        "type": "array",
        "items": {"type": "string"},
        "description": "invoice or PO numbers exactly as written",
    }
}
_PERIOD = {
    "period": {
        "type": "string",
        "description": "the period as the person wrote it: today, last week, in October, Q3, "
        "between 2026-09-01 and 2026-10-31, since 4.11.2026",
    },
}
_COUNT = {"count": {"type": "integer", "description": "how many to list"}}


@dataclass(frozen=True)
class Intent:
    name: str
    kind: str
    summary: str  # "Ask about" in help: what it answers
    examples: tuple[str, ...]  # each is asked on the demo company by the tests
    tool: str  # the LLM tool's description
    handler: str | None = None  # "module:function"
    answer: str | None = None  # inquiries: the function that words the reply
    parameters: dict[str, Any] = field(default_factory=dict)  # the LLM tool's arguments
    required: tuple[str, ...] = ()
    slash: str | None = None  # /ar <slash> …
    slash_template: str | None = None  # what "/ar <slash> {rest}" asks
    # A change asked for by its own words and handler ("create an invoice for SO-1001"): the
    # reply is an ``action_request`` (with the kind in its entities), like every change.
    change: bool = False

    def function(self, which: str = "handler") -> Callable[..., Any]:
        target = getattr(self, which)
        if target is None:
            raise LookupError(f"intent {self.name} has no {which}")
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


REGISTRY: tuple[Intent, ...] = (
    # --- one customer, one invoice -------------------------------------------------------------
    Intent(
        "invoice_status",
        "inquiry",
        "Did a customer pay an invoice?",
        ("did acme ind supply pay INV-10034?", "is 10044 paid", "status of INV-10045"),
        "Whether invoices are paid, and by what.",
        "graph.inquiry_invoice_status:gather_invoice_status",
        "graph.inquiry_invoice_status:answer_invoice_status",
        _INVOICES | _CUSTOMER,
        ("invoices",),
        "invoice",
        "invoice {rest}",
    ),
    Intent(
        "customer_balance",
        "inquiry",
        "What a customer owes, aged",
        ("what does Globex owe?", "initech balance"),
        "What one customer owes, aged by due date.",
        "graph.inquiry_customer_balance:gather_customer_balance",
        "graph.inquiry_customer_balance:answer_customer_balance",
        _CUSTOMER,
        ("customer",),
        "customer",
        "what does {rest} owe",
    ),
    Intent(
        "payment_history",
        "inquiry",
        "One customer's payments, optionally in a period",
        ("show Initech's last payments", "did Northwind pay last week?"),
        "One customer's payments, optionally in a period.",
        "graph.inquiry_payment_history:gather_payment_history",
        "graph.inquiry_payment_history:answer_payment_history",
        _CUSTOMER | _PERIOD | _COUNT,
        ("customer",),
    ),
    # --- the whole book ------------------------------------------------------------------------
    Intent(
        "aging_report",
        "portfolio",
        "The aging of the whole book, by bucket and currency (or by collector)",
        ("aging report", "summarize the aging by collector"),
        "The aging report of all customers: open balances by days-past-due bucket and currency.",
        "graph.portfolio_answers:aging_report",
        parameters={"by_collector": {"type": "boolean"}},
        slash="aging",
        slash_template="aging report {rest}",
    ),
    Intent(
        "top_debtors",
        "portfolio",
        "Who owes the most",
        ("who owes us the most", "top 5 debtors"),
        "The customers with the largest open balances, per currency.",
        "graph.portfolio_answers:top_debtors",
        parameters=_COUNT,
        slash="top",
        slash_template="top debtors {rest}",
    ),
    Intent(
        "over_days",
        "portfolio",
        "What is more than N days past due, by customer",
        ("what's over 90", "who is over 60 days past due"),
        "Open invoices more than N days past due, by customer, with totals per currency.",
        "graph.portfolio_answers:over_days",
        parameters={"days": {"type": "integer"}} | _CUSTOMER,
        required=("days",),
        slash="over",
        slash_template="over {rest} days",
    ),
    Intent(
        "total_ar",
        "portfolio",
        "Total AR and total past due",
        ("total AR", "total past due"),
        "Total open receivables and the past-due part, per currency.",
        "graph.portfolio_answers:total_ar",
        slash="total",
        slash_template="total ar",
    ),
    Intent(
        "credit_exceptions",
        "portfolio",
        "Customers over their credit limit or on credit hold",
        ("which customers are over their credit limit", "customers on credit hold"),
        "Customers over their credit limit, and customers on credit hold.",
        "graph.portfolio_credit:credit_exceptions",
        parameters=_CUSTOMER,
        slash="limits",
        slash_template="who is over their credit limit",
    ),
    Intent(
        "largest_invoices",
        "portfolio",
        "The largest open invoices, ranked within each currency",
        ("largest open invoices", "top 3 open invoices"),
        "The largest open invoices, ranked within each currency: all customers' or one's.",
        "graph.portfolio_largest:largest_invoices",
        parameters=_COUNT | _CUSTOMER,
        slash="largest",
        slash_template="largest open invoices {rest}",
    ),
    Intent(
        "payments_received",
        "portfolio",
        "Payments received today, this week or between dates",
        (
            "any payments today",
            "payments received this week",
            "payments between 1.11.2026 and 20.11.2026",
        ),
        "Payments received from all customers in a period (today, this week, between dates).",
        "graph.portfolio_cash:payments_received",
        parameters=_PERIOD | _CUSTOMER,
        slash="received",
        slash_template="payments received {rest}",
    ),
    Intent(
        "unapplied_cash",
        "portfolio",
        "Unapplied cash, by customer",
        ("unapplied cash", "who has unapplied payments"),
        "Payments with amounts not applied to any invoice, by customer.",
        "graph.portfolio_cash:unapplied_cash",
        parameters=_CUSTOMER,
        slash="unapplied",
        slash_template="unapplied cash",
    ),
    Intent(
        "payment_lookup",
        "portfolio",
        "One payment by its id or reference",
        ("who paid PMT-000234", "payment PMT-U00001"),
        "One payment by its id or bank reference: who paid, how much, applied to what.",
        "graph.portfolio_cash:payment_lookup",
        parameters={"payment": {"type": "string"}},
        required=("payment",),
        slash="payment",
        slash_template="payment {rest}",
    ),
    Intent(
        "days_to_pay",
        "portfolio",
        "Average days to pay and days beyond terms, per customer",
        ("average days to pay for northwind", "slowest payers by days to pay"),
        "Average days to pay and days beyond terms of one customer, or per customer.",
        "graph.portfolio_cash:days_to_pay",
        parameters=_CUSTOMER,
        slash="dtp",
        slash_template="days to pay {rest}",
    ),
    Intent(
        "disputes",
        "portfolio",
        "Disputed invoices",
        ("disputed invoices",),
        "Invoices marked as disputed.",
        "graph.disputes_report:disputes_report",
        parameters=_CUSTOMER,
        slash="disputes",
        slash_template="disputed invoices",
    ),
    Intent(
        "promises",
        "portfolio",
        "Promises to pay: due, broken, and kept when asked",
        ("broken promises", "promises due this week", "which promises were kept this month"),
        "Customers' promises to pay: open ones coming due, broken ones, and kept ones when asked.",
        "graph.portfolio_promises:promises",
        parameters=_CUSTOMER | _PERIOD,
        slash="promises",
        slash_template="promises {rest}",
    ),
    # --- reports and checks -------------------------------------------------------------------
    Intent(
        "collections_list",
        "report",
        "Who to chase first",
        ("who should I chase first", "Dana Kim's worklist"),
        "Who to chase first (optionally one collector's worklist).",
        "graph.collections_report:collections_list",
        parameters={"collector": {"type": "string"}},
        slash="collections",
        slash_template="collections {rest}",
    ),
    Intent(
        "deduction_summary",
        "report",
        "Open deductions and short-pays",
        ("open deductions",),
        "Open deductions / short-pays.",
        "graph.deductions_report:deduction_summary",
        parameters=_CUSTOMER,
        slash="deductions",
        slash_template="deductions {rest}",
    ),
    Intent(
        "cash_application",
        "report",
        "Bank lines matched, proposed and in suspense",
        ("cash application status",),
        "Bank lines matched, proposed and in suspense.",
        "graph.store_reports:cash_application",
        slash="cashapp",
        slash_template="cash application",
    ),
    Intent(
        "credit_check",
        "report",
        "A credit decision for a sales order",
        ("check credit for SO-1001", "check credit for SO-1003, D&B paydex 72"),
        "Credit decision for a sales order or customer (with an external score or PAYDEX).",
        "graph.credit_report:credit_check",
        parameters={"order": {"type": "string"}} | _CUSTOMER,
        slash="credit",
        slash_template="check credit for {rest}",
    ),
    Intent(
        "create_invoice",
        "report",
        "An invoice drafted from a fulfilled sales order, for approval",
        ("create an invoice for SO-1001",),
        "Draft an invoice from a fulfilled (shipped or closed) sales order, for approval.",
        "graph.invoicing:create_invoice",
        parameters={"order": {"type": "string"}},
        slash="bill",
        slash_template="create an invoice for {rest}",
        change=True,
    ),
    Intent(
        "forecast",
        "report",
        "DSO, CEI and expected receipts",
        ("what is our dso?", "cash forecast"),
        "DSO, CEI and expected receipts.",
        "graph.forecast_report:forecast_report",
        slash="forecast",
        slash_template="forecast",
    ),
    Intent(
        "digest",
        "report",
        "The daily digest",
        ("morning digest",),
        "The daily AR digest.",
        "graph.store_reports:digest",
        slash="digest",
        slash_template="digest",
    ),
    Intent(
        "customer_statement",
        "report",
        "A customer's statement of account (PDF and CSV)",
        ("statement for globex",),
        "One customer's statement of account: open items with aging and recent payments.",
        "graph.statements:statement_report",
        parameters=_CUSTOMER,
        required=("customer",),
        slash="statement",
        slash_template="statement for {rest}",
    ),
    Intent(
        "customer_reply",
        "report",
        "A customer's e-mail, pasted: read as a promise, dispute, remittance or copy request",
        ("customer wrote: we will pay INV-10186 by friday",),
        "A customer's e-mail pasted into the chat, classified, with the matching proposal.",
        "graph.customer_mail:customer_reply",
    ),
    # --- changes (a person approves each) -------------------------------------------------------
    Intent(
        "action_request",
        "change_request",
        "Ask for a change: write-off, credit limit, payment terms, hold, note, reminder, payment "
        "application, dispute, promise to pay, statement",
        (
            "raise globex's credit limit to 20k",
            "set globex terms to net 60",
            "put initech on credit hold",
            "send a reminder to northwind",
            "note for globex: AP promised payment friday",
            "INV-10183 is disputed: price per PO was 12.40",
            "globex promised 5,000 by friday",
            "send globex a statement",
        ),
        "A change in the ERP, proposed for approval.",
    ),
    # --- arbot itself ----------------------------------------------------------------------------
    Intent(
        "approvals_inbox",
        "meta",
        "What is waiting for your approval",
        ("approvals", "what's waiting for me"),
        "The approvals waiting for the person asking.",
        "graph.agent.nodes:approvals_inbox",
        slash="approvals",
        slash_template="approvals",
    ),
    Intent(
        "help",
        "meta",
        "What you can ask",
        ("help",),
        "What arbot can do.",
        "graph.agent.wording:meta_help",
        slash="help",
        slash_template="help",
    ),
    Intent(
        "unknown",
        "meta",
        "Anything else: arbot says what it understood and what it can do instead",
        (),
        "Anything that is not an accounts-receivable request arbot can answer.",
    ),
)

BY_NAME: dict[str, Intent] = {intent.name: intent for intent in REGISTRY}
NAMES: tuple[str, ...] = tuple(BY_NAME)


def get(name: str) -> Intent:
    return BY_NAME[name]


def of_kind(*kinds: str) -> tuple[Intent, ...]:
    return tuple(i for i in REGISTRY if i.kind in kinds)


def slash_subcommands() -> dict[str, str]:
    """``/ar <alias> {rest}`` → the text the agent is asked (for the Slack surface)."""
    return {i.slash: i.slash_template or i.slash for i in REGISTRY if i.slash}


def _tool(name: str, description: str, properties: dict[str, Any], required: tuple[str, ...]):
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": list(required),
                "additionalProperties": False,
            },
        },
    }


def llm_tools() -> list[dict[str, Any]]:
    """A tool per answering intent (the change requests have tools of their own in graph.llm),
    plus ``out_of_scope`` for anything else."""
    tools = [
        _tool(i.name, i.tool, i.parameters, i.required)
        for i in REGISTRY
        if i.kind != "change_request" and i.name != "unknown"
    ]
    tools.append(
        _tool("out_of_scope", "Anything that is not an accounts-receivable request.", {}, ())
    )
    return tools


def questions_markdown() -> str:
    """docs/questions.md's table (regenerated by ``python -m graph.intents``)."""
    lines = [
        "| Intent | Kind | Ask about | For example | Slack |",
        "|---|---|---|---|---|",
    ]
    for i in REGISTRY:
        examples = "<br>".join(f"`{e}`" for e in i.examples) or "—"
        slash = f"`/ar {i.slash}`" if i.slash else ""
        lines.append(f"| `{i.name}` | {i.kind} | {i.summary} | {examples} | {slash} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(questions_markdown(), end="")
