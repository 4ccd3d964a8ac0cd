"""Reply → Block Kit, within Slack's limits, readable on a phone.

Limits (docs.slack.dev Block Kit): 50 blocks a message, 3,000 characters a section's text,
10 fields of 2,000 a section, 150 characters a header, 2,000 a button value; and about 12k
characters of text over all blocks before Slack refuses with ``msg_blocks_too_long``. Tables
become one line per row (phones have no room for columns); long ones are paged with a "Show
more" button instead of breaking a limit.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from graph.approvals import outcome_line
from graph.format import money
from graph.messages import Proposal, Reply, Section, Table

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_VALUE = 2000
TEXT_BUDGET = 11_000  # below the undocumented ~12-13k total where Slack refuses the message
ROWS_PER_PAGE = 12
PROPOSALS_PER_PAGE = 5  # a card is 3 blocks and under 1k characters: room for the report
MAX_EVIDENCE = 3
MAX_EVIDENCE_TEXT = 200

Block = dict[str, Any]


def escape(text: str) -> str:
    """Slack's three control characters. Also what keeps untrusted text (a remittance memo, a
    customer name) from becoming a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mrkdwn(text: str) -> dict[str, Any]:
    """mrkdwn that Slack does not auto-link: a URL or #channel in a customer name or memo
    stays plain text (``verbatim``); arbot's own links use the explicit <url|text> form."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _section(text: str) -> list[Block]:
    """One or more section blocks for a long text, split on line ends."""
    blocks, chunk = [], ""
    for line in text.split("\n"):
        line = _clip(line, MAX_SECTION_TEXT)
        if chunk and len(chunk) + len(line) + 1 > MAX_SECTION_TEXT:
            blocks.append({"type": "section", "text": _mrkdwn(chunk)})
            chunk = ""
        chunk = f"{chunk}\n{line}" if chunk else line
    if chunk:
        blocks.append({"type": "section", "text": _mrkdwn(chunk)})
    return blocks


def _row_line(table: Table, row: tuple[str, ...]) -> str:
    cells = []
    for index, cell in enumerate(row):
        if not cell:
            continue
        value = escape(cell)
        if index == 0:
            value = f"*{value}*"
        elif index in table.numeric:
            value = f"`{value}`"
        cells.append(value)
    return " · ".join(cells)


def _table_blocks(table: Table, rows: tuple[tuple[str, ...], ...]) -> list[Block]:
    lines = []
    if table.title:
        lines.append(f"*{escape(table.title)}*")
    lines.extend(_row_line(table, row) for row in rows)
    return _section("\n".join(lines))


def _fields(section: Section) -> list[Block]:
    blocks = []
    facts = list(section.facts)
    for start in range(0, len(facts), MAX_FIELDS):
        fields = [
            _mrkdwn(_clip(f"*{escape(f.label)}*\n{escape(f.value)}", MAX_FIELD_TEXT))
            for f in facts[start : start + MAX_FIELDS]
        ]
        blocks.append({"type": "section", "fields": fields})
    return blocks


def _text_size(blocks: list[Block]) -> int:
    return len(json.dumps(blocks))


def show_more_value(question: str, page: int) -> str | None:
    value = json.dumps({"q": question, "page": page})
    return value if len(value) <= MAX_BUTTON_VALUE else None


def _verbatim(text: str) -> dict[str, Any]:
    """Text from customers, banks or a model: escaped, and ``verbatim`` so that Slack turns no
    bare URL into a link and no channel name into a mention."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _button(label: str, action_id: str, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": _clip(label, 75)},
        "action_id": action_id,
        "value": value,
    }
    if style in ("primary", "danger"):
        button["style"] = style
    return button


def decision_buttons(card: Proposal) -> list[Block]:
    """Approve / Reject / Edit amount for one approval; every id carries the approval id, so
    ids never repeat in a message and a listener knows which proposal was clicked."""
    approval_id = card.approval_id
    buttons = [
        _button("Approve", f"approve:{approval_id}", approval_id, "primary"),
        _button("Reject", f"reject:{approval_id}", approval_id, "danger"),
    ]
    if card.editable:
        buttons.append(_button("Edit amount", f"edit:{approval_id}", approval_id))
    return buttons


def _outcome(card: Proposal) -> str:
    return outcome_line(
        card.status,
        who=escape(card.decided_by or "arbot"),
        when=_slack_date(card.decided_at),
        note=escape(card.note or ""),
        reference=f"`{escape(card.erp_reference or '')}`",
    )


def proposal_blocks(card: Proposal) -> list[Block]:
    """One proposal as a card of its own: summary and amount, evidence, then its buttons (or,
    once decided, what happened; in monitor mode, that it is a suggestion)."""
    approval_id = card.approval_id
    amount = f" · `{money(card.amount, card.currency or 'USD')}`" if card.amount is not None else ""
    blocks: list[Block] = [
        {
            "type": "section",
            "block_id": f"proposal:{approval_id}",
            "text": _verbatim(f"*{escape(_clip(card.summary, 500))}*{amount}"),
        }
    ]
    notes = [_verbatim(escape(_clip(line, MAX_EVIDENCE_TEXT))) for line in card.evidence]
    notes = notes[:MAX_EVIDENCE]
    if card.status != "pending":
        notes.insert(0, _mrkdwn(_outcome(card)))
    elif not card.decidable:
        notes.insert(0, _mrkdwn("Suggestion only (monitor mode): no buttons."))
    notes.append(_mrkdwn(f"Approval {approval_id}"))
    blocks.append(
        {"type": "context", "block_id": f"evidence:{approval_id}", "elements": notes[:10]}
    )
    if card.waiting:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"decide:{approval_id}",
                "elements": decision_buttons(card),
            }
        )
    elif card.status == "failed" and card.decidable:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"decide:{approval_id}",
                "elements": [_button("Retry", f"retry:{approval_id}", approval_id, "primary")],
            }
        )
    return blocks


def approve_all_value(cards: list[Proposal]) -> str | None:
    ids = [card.approval_id for card in cards if card.waiting]
    value = json.dumps(ids)
    return value if len(ids) > 1 and len(value) <= MAX_BUTTON_VALUE else None


def render(reply: Reply, *, question: str | None = None, page: int = 0) -> tuple[str, list[Block]]:
    """(notification text, blocks). ``question`` lets a long table or a long list of proposals
    offer "Show more", which asks the same question again for the next page (fresh data, no
    state kept in Slack)."""
    blocks: list[Block] = []
    headline = escape(reply.headline)
    if len(reply.headline) <= MAX_HEADER and not reply.proposals:
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": reply.headline}})
    else:
        blocks.extend(_section(f"*{headline}*"))
    more = False
    for section in reply.sections:
        if section.title and section.table is None:
            blocks.extend(_section(f"*{escape(section.title)}*"))
        if section.text:
            blocks.extend(_section(escape(section.text)))
        if section.facts:
            blocks.extend(_fields(section))
        if section.table:
            rows = section.table.rows
            start = page * ROWS_PER_PAGE if len(rows) > ROWS_PER_PAGE else 0
            shown = rows[start : start + ROWS_PER_PAGE]
            more = more or start + ROWS_PER_PAGE < len(rows)
            blocks.extend(_table_blocks(section.table, shown))
            if len(rows) > ROWS_PER_PAGE:
                blocks.append(
                    {
                        "type": "context",
                        "elements": [
                            _mrkdwn(f"Rows {start + 1}-{start + len(shown)} of {len(rows)}")
                        ],
                    }
                )
    if reply.context:
        elements = [_verbatim(_clip(escape(line), MAX_FIELD_TEXT)) for line in reply.context]
        blocks.append({"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]})
    cards = reply.proposals
    first = page * PROPOSALS_PER_PAGE if len(cards) > PROPOSALS_PER_PAGE else 0
    shown_cards = cards[first : first + PROPOSALS_PER_PAGE]
    more = more or first + PROPOSALS_PER_PAGE < len(cards)
    card_blocks = [block for card in shown_cards for block in proposal_blocks(card)]
    if len(cards) > PROPOSALS_PER_PAGE:
        card_blocks.append(
            {
                "type": "context",
                "elements": [
                    _mrkdwn(f"Proposals {first + 1}-{first + len(shown_cards)} of {len(cards)}")
                ],
            }
        )
    buttons = []
    if reply.approve_all and (value := approve_all_value(shown_cards)):
        buttons.append(_button("Approve all shown", "approve_all", value, "primary"))
    if more and question is not None and (value := show_more_value(question, page + 1)):
        buttons.append(_button("Show more", "show_more", value))
    reserve = len(card_blocks) + (1 if buttons else 0)
    while blocks and (
        len(blocks) + reserve > MAX_BLOCKS or _text_size(blocks + card_blocks) > TEXT_BUDGET
    ):
        blocks.pop(-2 if len(blocks) > 1 and blocks[-1]["type"] == "context" else -1)
    blocks.extend(card_blocks)
    if buttons:
        blocks.append({"type": "actions", "block_id": "reply_actions", "elements": buttons})
    # The notification text is mrkdwn too: escaped like the rest.
    return _clip(headline, 3000), blocks


def _slack_date(moment: datetime | None) -> str:
    if moment is None:
        return "earlier"
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def card_of(block: Block) -> str | None:
    """The approval id a block belongs to (its card), or None."""
    prefix, _, approval_id = str(block.get("block_id", "")).partition(":")
    return approval_id if prefix in ("proposal", "evidence", "decide") and approval_id else None


def replace_cards(blocks: list[Block], cards: list[Proposal]) -> list[Block]:
    """A posted message's blocks with these approvals' cards redrawn as they are now, the
    other cards and the report around them left as they were; "Approve all shown" goes once
    fewer than two of its approvals still wait."""
    fresh = {card.approval_id: card for card in cards}
    out: list[Block] = []
    drawn: set[str] = set()
    for block in blocks:
        approval_id = card_of(block)
        if approval_id in fresh:
            if approval_id not in drawn:
                out.extend(proposal_blocks(fresh[approval_id]))
                drawn.add(approval_id)
            continue
        if block.get("block_id") == "reply_actions":
            block = _without_stale_approve_all(block, set(fresh))
            if not block["elements"]:
                continue
        out.append(block)
    return out


def _without_stale_approve_all(block: Block, decided_ids: set[str]) -> Block:
    elements = []
    for element in block.get("elements", []):
        if element.get("action_id") == "approve_all":
            left = [i for i in json.loads(element.get("value") or "[]") if i not in decided_ids]
            if len(left) < 2:
                continue
            element = {**element, "value": json.dumps(left)}
        elements.append(element)
    return {**block, "elements": elements}


def decided(card: Proposal) -> tuple[str, list[Block]]:
    """The approval message once decided, for everyone in the channel: who, when, the ERP
    reference, or why nothing was written."""
    return f"{escape(card.summary)}: {card.status}", proposal_blocks(card)
