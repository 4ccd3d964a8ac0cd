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
from graph.messages import Reply, Section, Table

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
MAX_CARD_BYTES = 28_000
ROWS_PER_PAGE = 15

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


def _approval_actions(reply: Reply) -> list[dict[str, Any]]:
    actions: list[dict[str, Any]] = []
    for action in reply.actions:
        data = {"action": action.action_id, "approval_id": action.value}
        if action.action_id == "approve":
            actions.append(_execute(action.label, data, style="positive"))
        elif action.action_id == "reject":
            actions.append(
                {
                    "type": "Action.ShowCard",
                    "title": action.label,
                    "card": {
                        "type": "AdaptiveCard",
                        "body": [
                            {
                                "type": "Input.Text",
                                "id": "reason",
                                "isMultiline": True,
                                "isRequired": True,
                                "label": "Why? (the requester and the audit see it)",
                                "errorMessage": "Say why it is rejected.",
                                "maxLength": 1000,
                            }
                        ],
                        "actions": [_execute("Reject", data, style="destructive")],
                    },
                }
            )
        elif action.action_id == "edit":
            actions.append(
                {
                    "type": "Action.ShowCard",
                    "title": action.label,
                    "card": {
                        "type": "AdaptiveCard",
                        "body": [
                            {
                                "type": "Input.Number",
                                "id": "amount",
                                "isRequired": True,
                                "min": 0.01,
                                "label": "Amount (within your approval limit)",
                                "errorMessage": "Give an amount, e.g. 120.00",
                            }
                        ],
                        "actions": [_execute("Approve this amount", data, style="positive")],
                    },
                }
            )
        else:
            actions.append(_execute(action.label, data))
    return actions


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
    actions = _approval_actions(reply)
    if more and question is not None:
        actions.append(
            _execute("Show more", {"action": "show_more", "q": question, "page": page + 1})
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


def decided(approval: Any) -> Card:
    """The approval card once decided, for everyone in the conversation."""
    when = approval.decided_at.strftime("at %Y-%m-%d %H:%M UTC") if approval.decided_at else ""
    status = approval.status
    line = outcome_line(
        status,
        who=plain(approval.decided_by or "arbot"),
        when=when,
        note=plain(approval.note or ""),
        reference=plain(approval.erp_reference or ""),
    )
    card: Card = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": VERSION,
        "body": [
            _text(plain(approval.summary), weight="Bolder"),
            _text(line),
            _text(f"Approval {approval.approval_id}", isSubtle=True, size="Small"),
        ],
    }
    if status == "failed":
        card["actions"] = [
            _execute("Retry", {"action": "retry", "approval_id": approval.approval_id})
        ]
    return card
