"""A statement in the collector's words, sent or shown: "send Globex a statement", "send
statements to everyone over 10k", "… asked for a statement, can you email it over", "statement
for globex". Read by ``graph.understand_collector.read``; other wordings of a statement asked for
are ``graph.understand_statements``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.requests_batch import batch_scope
from graph.understand_actions import ActionRequest, _customer_of, _money
from graph.understand_collector import _MYSELF, _QUESTION, _action_request, _report
from graph.understand_mentioned import STATEMENT_THOUGHT_OF
from graph.understand_refs import _extract, customer_id
from graph.understand_statement_clause import statement_in_clause
from graph.understand_verbs import ASKING_YOU, clauses
from graph.understand_verbs import POLITE as _POLITE

if TYPE_CHECKING:
    from graph.understand import Request

_SEND_STATEMENT = lazy(
    # "share SOA of X": shown to the one asking, not sent to X
    r"^(?:send|email|e-mail|mail|forward|resend|re-send|shoot"
    r"|share(?! (?:the |their |an? )?(?:soa|statements? of account|statements?(?! of account))"
    r" (?:of|for)\b))\b"
    r"(?! me\b)(?! us\b).{0,60}"
    r"(?:\bstatements?\b(?! of (?:cash|work))|\bsoa\b)"
    r"|^(?:an? |the )?(?:statements?|soa|statement of account) to\b"
)
_STATEMENT = lazy(r"\bstatements?(?: of account)?\b|\bsoa\b|\baccount statement\b")
_STATEMENT_FIGURE = lazy(
    r"\b(?:statements?|soa)(?: of account)? (?:balances?|outstanding|amounts?|totals?|figures?"
    r"|dues?)\b"
)
# a statement of something that is not a customer: the company's own accounts, the bank, tax
_NON_CUSTOMER = (
    r"(?:bank|cash ?flows?|p ?(?:&|and|n) ?l|profit and loss|income|financial|balance sheet"
    r"|vat|tax|expense|audited|earnings|equity)"
)
_NOT_CUSTOMER_STATEMENT = lazy(
    rf"\b{_NON_CUSTOMER} statements?\b|\bstatements? of (?:cash|work|financial|income"
    r"|comprehensive|changes|profit|retained|operations)\b|\bmt940\b"
)
_EVERYONE = lazy(
    r"\b(?:all|every|each)(?: (?:the|of (?:the|our)))? (?:customers?|accounts?|clients?)\b"
    r"|\beveryone\b|\beverybody\b|\b(?:customers|accounts) (?:with|owing|over|above)\b"
)
_THRESHOLD = lazy(
    r"\b(?:over|above|more than|owing more than|with more than|at least|>)\s*(\$?\s?\d[\d,]*"
    r"(?:\.\d{1,2})?\s*k?)"
)

# "… asked for a statement, can you email it over": the sending asked of what another clause named
_SEND_IT = lazy(
    r"^(?:send|email|e-mail|mail|forward|resend|shoot|share)\b(?! me\b)(?! us\b)"
    r" (?:it|one|that|this|them|a copy|one across)\b"
)
_ASKED_FOR = lazy(
    r"\b(?:asked|asks|asking|wants?|requested|requests|needs?) (?:for )?(?:a |an |the |their )?"
    r"(?:copy of (?:the |their )?)?(?:statement|soa)"
)


def _sent_elsewhere(text: str, norm: str) -> Request | None:
    said = clauses(norm)
    for n, (clause, _) in enumerate(said):
        if not _SEND_IT.match(_POLITE.sub("", clause.strip())):
            continue
        for other, question in said[:n]:
            if not question and (asked := _ASKED_FOR.search(other)):
                customer = _customer_of(other[: asked.start()])
                if customer:
                    action = ActionRequest("send_statement", customer_text=customer)
                    return _action_request(text, action)
    return None


def read_statement(text: str, norm: str) -> Request | None:
    if not _STATEMENT.search(norm) or _NOT_CUSTOMER_STATEMENT.search(norm) or _MYSELF.search(norm):
        return None
    if STATEMENT_THOUGHT_OF.search(norm):
        return None  # "X owe how much? thinking of sending statement later": the question
    body = _POLITE.sub("", norm)
    if _SEND_STATEMENT.search(body) and (not norm.endswith("?") or ASKING_YOU.match(norm)):
        if _EVERYONE.search(body):
            threshold = None
            if match := _THRESHOLD.search(body):
                threshold, _ = _money(match.group(1))
            batch = ActionRequest(
                "send_statement", amount=threshold or Decimal("0"), reason_code=batch_scope(body)
            )  # "… to all customers with an overdue balance": graph.requests_batch
            return _action_request(text, batch)
        words = _STATEMENT.sub(" ", body)
        words = re.sub(r"^\S+", " ", words)  # the verb
        words = re.sub(
            r"\ba/c\b|\b(?:a|an|the|copy|of|their|its|to|by|e-?mail|now|today|updated|latest)\b",
            " ",
            words,
        )
        customer = _customer_of(words)
        # "statement of account to HW-101": a customer's id (the agent says whether it is one)
        ids = () if customer else tuple(i for r in _extract(text).invoices if (i := customer_id(r)))
        return _action_request(
            text, ActionRequest("send_statement", customer_text=customer, invoice_refs=ids[:1])
        )
    if (sent := _sent_elsewhere(text, norm)) is not None:
        return sent
    if (one := statement_in_clause(text, norm)) is not None:
        return _action_request(text, one)  # "…, so please email X a statement today"
    if _QUESTION.search(body) and not re.match(r"^(?:show|can you show)\b", body):
        return None
    if _STATEMENT_FIGURE.search(body):
        return None  # "riverbend SOA balance please": the balance asked, not the statement
    words = _STATEMENT.sub(" ", body)
    words = re.sub(
        r"\b(?:show|show me|print|get|pull|make|generate|create|produce|prepare|run|give me|the|a"
        r"|for|of|me|pdf|csv|current|latest|customer)\b",
        " ",
        words,
    )
    customer = _customer_of(words)
    return _report("customer_statement", text, customer) if customer else None
