"""Reply → Adaptive Card 1.5, the newest schema Teams renders.

Teams refuses messages above about 100 KB and older guidance says 28-40 KB, so cards are kept
under ``MAX_CARD_BYTES``; long tables are paged with a "Show more" button that asks the same
question again for the next page. Approval buttons are ``Action.Execute`` (universal actions,
the card is replaced in place) with an ``Action.Submit`` fallback for older clients.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

from graph.approvals import outcome_line
from graph.format import money
from graph.messages import Proposal, Reply, Section, Table

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
MAX_CARD_BYTES = 28_000
ROWS_PER_PAGE = 15
PROPOSALS_PER_PAGE = 8
MAX_EVIDENCE = 3

Card = dict[str, Any]
_MARKDOWN = re.compile(r"([\\*_\[\]()~`>#])")


def plain(text: str) -> str:
    """Text shown as it is: markdown in a memo or a name cannot make links or formatting."""
    return _MARKDOWN.sub(r"\\\1", text)


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def _execute(title: str, data: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """Action.Execute, with Action.Submit for clients without universal actions."""
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": data["action"],
        "data": data,
        "fallback": {"type": "Action.Submit", "title": title, "data": data},
        **extra,
    }


def _table(table: Table, page: int) -> list[dict[str, Any]]:
    rows = table.rows
    start = page * ROWS_PER_PAGE if len(rows) > ROWS_PER_PAGE else 0
    shown = rows[start : start + ROWS_PER_PAGE]

    def cell(text: str, index: int, header: bool = False) -> dict[str, Any]:
        block = _text(plain(text), **({"weight": "Bolder"} if header else {}))
        if index in table.numeric:
            block["horizontalAlignment"] = "Right"
        return {"type": "TableCell", "items": [block]}

    out: list[dict[str, Any]] = []
    if table.title:
        out.append(_text(plain(table.title), weight="Bolder", spacing="Medium"))
    out.append(
        {
            "type": "Table",
            "columns": [{"width": 1} for _ in table.columns],
            "firstRowAsHeader": True,
            "showGridLines": False,
            "rows": [
                {
                    "type": "TableRow",
                    "cells": [cell(c, i, True) for i, c in enumerate(table.columns)],
                },
                *(
                    {"type": "TableRow", "cells": [cell(c, i) for i, c in enumerate(row)]}
                    for row in shown
                ),
            ],
        }
    )
    if len(rows) > ROWS_PER_PAGE:
        out.append(
            _text(
                f"Rows {start + 1}-{start + len(shown)} of {len(rows)}", isSubtle=True, size="Small"
            )
        )
    return out


def _section(section: Section, page: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if section.title and section.table is None:
        out.append(_text(plain(section.title), weight="Bolder", spacing="Medium"))
    if section.text:
        out.append(_text(plain(section.text)))
    if section.facts:
        out.append(
            {
                "type": "FactSet",
                "facts": [
                    {"title": plain(f.label), "value": plain(f.value)} for f in section.facts
                ],
            }
        )
    if section.table:
        out.extend(_table(section.table, page))
    return out


def decision_actions(card: Proposal) -> list[dict[str, Any]]:
    """Approve / Reject (with its reason) / Edit amount for one approval. Every input and
    action id carries the approval id: ids are unique in any card that shows several."""
    approval_id = card.approval_id
    data = {"approval_id": approval_id}
    reason_id, amount_id = f"reason-{approval_id}", f"amount-{approval_id}"
    actions: list[dict[str, Any]] = [
        _execute(
            "Approve", {"action": "approve", **data}, id=f"approve-{approval_id}", style="positive"
        ),
        {
            "type": "Action.ShowCard",
            "id": f"reject-{approval_id}",
            "title": "Reject",
            "card": {
                "type": "AdaptiveCard",
                "body": [
                    {
                        "type": "Input.Text",
                        "id": reason_id,
                        "isMultiline": True,
                        "isRequired": True,
                        "label": "Why? (the requester and the audit see it)",
                        "errorMessage": "Say why it is rejected.",
                        "maxLength": 1000,
                    }
                ],
                "actions": [
                    _execute(
                        "Reject",
                        {"action": "reject", **data},
                        id=f"reject-send-{approval_id}",
                        style="destructive",
                    )
                ],
            },
        },
    ]
    if card.editable:
        actions.append(
            {
                "type": "Action.ShowCard",
                "id": f"edit-{approval_id}",
                "title": "Edit amount",
                "card": {
                    "type": "AdaptiveCard",
                    "body": [
                        {
                            "type": "Input.Text",
                            "id": amount_id,
                            "isRequired": True,
                            "maxLength": 32,
                            "label": "Amount (within your approval limit)",
                            "errorMessage": "Give an amount, e.g. 120.00",
                        }
                    ],
                    "actions": [
                        _execute(
                            "Approve this amount",
                            {"action": "edit", **data},
                            id=f"edit-send-{approval_id}",
                            style="positive",
                        )
                    ],
                },
            }
        )
    return actions


def proposal_card(card: Proposal) -> Card:
    """One proposal as a card of its own: summary, amount and evidence, then its buttons; once
    decided, who decided and what happened; in monitor mode, a suggestion without buttons."""
    amount = money(card.amount, card.currency or "USD") if card.amount is not None else ""
    body: list[dict[str, Any]] = [_text(plain(card.summary), weight="Bolder")]
    if amount:
        body.append(_text(amount, spacing="None"))
    body.extend(
        _text(plain(line), isSubtle=True, size="Small", spacing="None")
        for line in card.evidence[:MAX_EVIDENCE]
    )
    if card.status != "pending":
        when = card.decided_at.strftime("at %Y-%m-%d %H:%M UTC") if card.decided_at else ""
        line = outcome_line(
            card.status,
            who=plain(card.decided_by or "arbot"),
            when=when,
            note=plain(card.note or ""),
            reference=plain(card.erp_reference or ""),
        )
        body.append(_text(line))
    elif not card.decidable:
        body.append(_text("Suggestion only (monitor mode): no buttons.", isSubtle=True))
    body.append(_text(f"Approval {card.approval_id}", isSubtle=True, size="Small"))
    out: Card = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if card.waiting:
        out["actions"] = decision_actions(card)
    elif card.status == "failed" and card.decidable:
        out["actions"] = [
            _execute(
                "Retry",
                {"action": "retry", "approval_id": card.approval_id},
                id=f"retry-{card.approval_id}",
            )
        ]
    return out


def shown_proposals(reply: Reply, page: int) -> list[Proposal]:
    cards = reply.proposals
    first = page * PROPOSALS_PER_PAGE if len(cards) > PROPOSALS_PER_PAGE else 0
    return cards[first : first + PROPOSALS_PER_PAGE]


def render_all(reply: Reply, *, question: str | None = None, page: int = 0) -> list[Card]:
    """The reply's card, then one card per proposal on this page (each decided on its own)."""
    return [
        render(reply, question=question, page=page),
        *(proposal_card(card) for card in shown_proposals(reply, page)),
    ]


def _size(card: Card) -> int:
    return len(json.dumps(card).encode())


def render(reply: Reply, *, question: str | None = None, page: int = 0) -> Card:
    body: list[dict[str, Any]] = [_text(plain(reply.headline), size="Medium", weight="Bolder")]
    more = False
    for section in reply.sections:
        body.extend(_section(section, page))
        if section.table and len(section.table.rows) > (page + 1) * ROWS_PER_PAGE:
            more = True
    if reply.context:
        body.append(
            _text(plain("\n\n".join(reply.context)), isSubtle=True, size="Small", spacing="Medium")
        )
    cards = reply.proposals
    shown = shown_proposals(reply, page)
    if cards:
        first = cards.index(shown[0]) + 1 if shown else 0
        waiting = [card.approval_id for card in shown if card.waiting]
        body.append(
            _text(
                f"Proposals {first}-{first + len(shown) - 1} of {len(cards)}: each is a card "
                "below.",
                isSubtle=True,
                spacing="Medium",
            )
        )
    more = more or len(cards) > (page + 1) * PROPOSALS_PER_PAGE
    actions: list[dict[str, Any]] = []
    if reply.approve_all and cards and len(waiting) > 1:
        actions.append(
            _execute(
                "Approve all shown", {"action": "approve_all", "ids": waiting}, id="approve-all"
            )
        )
    if more and question is not None:
        actions.append(
            _execute(
                "Show more",
                {"action": "show_more", "q": question, "page": page + 1},
                id="show-more",
            )
        )
    card: Card = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        card["actions"] = actions
    while _size(card) > MAX_CARD_BYTES and len(body) > 1:
        body.pop(-2 if len(body) > 2 else -1)  # keep the headline and the evidence line
    # Inline images do not count toward Teams' message size limit, so they go in last.
    for image in reply.images:
        encoded = base64.b64encode(image.png).decode()
        body.append(
            {
                "type": "Image",
                "url": f"data:image/png;base64,{encoded}",
                "altText": image.alt,
                "size": "Stretch",
            }
        )
    return card


def decided(card: Proposal) -> Card:
    """The approval's card once decided, for everyone in the conversation."""
    return proposal_card(card)
