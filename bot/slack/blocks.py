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
from graph.messages import Reply, Section, Table

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_VALUE = 2000
TEXT_BUDGET = 11_000  # below the undocumented ~12-13k total where Slack refuses the message
ROWS_PER_PAGE = 12

Block = dict[str, Any]


def escape(text: str) -> str:
    """Slack's three control characters. Also what keeps untrusted text (a remittance memo, a
    customer name) from becoming a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


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


def render(reply: Reply, *, question: str | None = None, page: int = 0) -> tuple[str, list[Block]]:
    """(notification text, blocks). ``question`` lets a long table offer "Show more", which
    asks the same question again for the next page (fresh data, no state kept in Slack)."""
    blocks: list[Block] = []
    headline = escape(reply.headline)
    if len(headline) <= MAX_HEADER and not reply.actions:
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
        elements = [_mrkdwn(_clip(escape(line), MAX_FIELD_TEXT)) for line in reply.context]
        blocks.append({"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]})
    buttons = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": action.label},
            "action_id": action.action_id,
            "value": action.value,
            **({"style": action.style} if action.style in ("primary", "danger") else {}),
        }
        for action in reply.actions
    ]
    if more and question is not None and (value := show_more_value(question, page + 1)):
        buttons.append(
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Show more"},
                "action_id": "show_more",
                "value": value,
            }
        )
    reserve = 1 if buttons else 0
    while len(blocks) + reserve > MAX_BLOCKS or _text_size(blocks) > TEXT_BUDGET:
        blocks.pop(-2 if blocks and blocks[-1]["type"] == "context" else -1)
    if buttons:
        blocks.append({"type": "actions", "elements": buttons[:25]})
    # The notification text is mrkdwn too: escaped like the rest.
    return _clip(headline, 3000), blocks


def _slack_date(moment: datetime | None) -> str:
    if moment is None:
        return "earlier"
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def decided(approval: Any) -> tuple[str, list[Block]]:
    """The approval message once decided, for everyone in the channel: who, when, the ERP
    reference, or why nothing was written."""
    summary = escape(approval.summary)
    status = approval.status
    line = outcome_line(
        status,
        who=escape(approval.decided_by or "arbot"),
        when=_slack_date(approval.decided_at),
        note=escape(approval.note or ""),
        reference=f"`{escape(approval.erp_reference or '')}`",
    )
    blocks: list[Block] = [
        {"type": "section", "text": _mrkdwn(f"*{summary}*")},
        {
            "type": "context",
            "elements": [_mrkdwn(line), _mrkdwn(f"Approval {approval.approval_id}")],
        },
    ]
    if status == "failed":
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Retry"},
                        "action_id": "retry",
                        "value": approval.approval_id,
                        "style": "primary",
                    }
                ],
            }
        )
    return f"{summary}: {status}", blocks
