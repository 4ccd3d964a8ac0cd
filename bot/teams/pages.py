"""``GET /privacy`` and ``GET /terms``: the pages the Teams app package links to by default
(``arbot teams package --privacy-url/--terms-url`` point it at the organisation's own instead).

Plain HTML, no scripts, no outside resources. The privacy page says what arbot keeps, stated
from what the code stores (the store's tables, the ledger, the logs); keep it true when a table
or a log line changes.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

# Each table of arbot's store and the paragraph of the privacy page that says what it keeps
# (tests/bot/test_teams_package.py fails on a table added without saying so here); the others
# hold no data about people or customers.
DESCRIBED = {
    "store_approvals": "Approvals",
    "store_audit": "The audit trail",
    "store_disputes": "Disputes and promises to pay",
    "store_promises": "Disputes and promises to pay",
    "store_bank_lines": "Cash application",
    "store_payer_aliases": "Cash application",
    "store_conversations": "Where to reach a conversation",
    "store_inbound": "Request ids",
    "store_shadow": "Shadow mode",
}
BOOKKEEPING = (  # locks, leases, counters and hashes of arbot's own work
    "store_audit_head",
    "store_cash_runs",
    "store_job_runs",
    "store_leases",
    "store_rate_buckets",
    "store_versions",
)

STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em}"

PRIVACY = """
<h1>arbot: privacy</h1>
<p>arbot is an accounts-receivable assistant that your organisation runs on its own servers, with
its own database. Everything below stays in that database or on those servers; the authors of
arbot receive nothing. Ask the administrator who installed it for how long your organisation
keeps its data and how to have it deleted.</p>

<h2>What arbot keeps</h2>
<ul>
<li><b>Approvals</b>: each proposed change to the books (the action, amount and currency, the
customer and invoice it concerns, its summary and reasons, who asked for it, who proposed it, who
approved or rejected it and when, why, the ERP's reference, and the conversation it was proposed
in so the outcome can be posted there), with the evidence it quotes (for example a line of a
customer's e-mail or a bank memo).</li>
<li><b>The audit trail</b>: every change and every refusal of an approval, with the person's
name, the time and what happened. It is append-only: arbot never deletes it.</li>
<li><b>Disputes and promises to pay</b> recorded through approvals: the invoice, customer,
amount, reason or promised date, and who recorded them.</li>
<li><b>Cash application</b>: for each bank receipt processed, its payment id, date, amount,
currency and payer name, what was decided, and payer names learned to belong to a customer.</li>
<li><b>Shadow mode</b> (only in monitor mode): for each payment and deduction arbot looked at,
its id, customer, amount and currency, what arbot would have done and why (the invoices it would
have applied the payment to, the deduction's reason), and what the team then posted in the
ERP.</li>
<li><b>Where to reach a conversation</b>: for Microsoft Teams, the ids of the conversations arbot
was installed in or spoken to (conversation, tenant, service URL), so that it can post the daily
digest and approval cards there.</li>
<li><b>Request ids</b> of Slack and Teams deliveries, so that a retried request is answered
once; they are deleted after two days.</li>
<li><b>ERP connection</b>: QuickBooks sign-in tokens, encrypted when the administrator sets an
encryption key; with the built-in ledger, the customers, invoices and payments imported into
it.</li>
</ul>

<h2>What arbot does not keep</h2>
<ul>
<li>The text of questions and answers in Slack or Teams: a question is answered from the ERP and
not stored. (The terminal chat keeps a line history on the machine it runs on.)</li>
<li>Your e-mail address from Slack is looked up to match you to the approval policy and held in
memory for an hour, not stored.</li>
<li>Logs record what arbot did (ids, actions, statuses, request routes and timings), never
message text, secrets or customer details beyond ids.</li>
</ul>

<h2>Who else sees it</h2>
<p>Answers go to the Slack or Teams conversation you asked in. Approved changes are written to
your organisation's ERP (the built-in ledger, QuickBooks Online or Sage Intacct). If the
administrator configures a language model, the text of a question and the facts of its answer
are sent to the model endpoint they chose, optionally with e-mail addresses, phone and account
numbers masked; without one, nothing leaves your servers but the ERP calls.</p>
"""

TERMS = """
<h1>arbot: terms of use</h1>
<p>arbot is open-source software, licensed under the Apache License, Version 2.0, and run by
your organisation. Your organisation's own policies govern how you may use it.</p>
<ul>
<li>arbot proposes changes to the books; a change is written only when a person whose role and
limit cover it approves it, and every decision is recorded with its author.</li>
<li>Answers are read from your organisation's ERP at the time you ask; check them there before
relying on them for a decision that matters.</li>
<li>The software is provided "as is", without warranties or conditions of any kind, and its
authors are not liable for damages arising from its use, as the licence states
(sections 7 and 8).</li>
</ul>
<p>Questions about this service go to the administrator who installed it.</p>
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>{body}</body></html>\n"
    )


def pages_router() -> APIRouter:
    router = APIRouter()
    security = {
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        "X-Content-Type-Options": "nosniff",
    }

    @router.get("/privacy", response_class=HTMLResponse, include_in_schema=False)
    async def privacy() -> HTMLResponse:
        return HTMLResponse(_page("arbot: privacy", PRIVACY), headers=security)

    @router.get("/terms", response_class=HTMLResponse, include_in_schema=False)
    async def terms() -> HTMLResponse:
        return HTMLResponse(_page("arbot: terms of use", TERMS), headers=security)

    return router
