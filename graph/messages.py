"""The two shapes the agent speaks with every surface: a Turn in, a Reply out.

Nothing here knows about Slack, Teams or terminals; each surface renders a Reply within its own
limits. ``Reply.to_text`` is the plain reading of a reply (logs, JSON output, notifications).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Click:
    """A decision on one approval: a button, a modal, or a typed "approve 3"."""

    approval_id: str
    verb: str  # approve | reject | edit | retry
    reason: str = ""
    amount_text: str | None = None  # an edited amount as the person typed it


@dataclass(frozen=True, slots=True)
class Turn:
    """Who spoke, where, and what they said or clicked. ``user_id`` comes from the verified
    platform request (or the local OS user in the terminal), never from the text."""

    user_id: str
    surface: str  # terminal | slack | teams
    text: str = ""
    conversation_id: str = "local"
    email: str | None = None  # as the platform vouches for it (Slack users.info, Entra UPN)
    click: Click | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: str


TABLE_MAX_ROWS = 50  # the most rows a reply's table lists (its data may hold more)


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Columns holding amounts: renderers right-align them.
    numeric: tuple[int, ...] = ()
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    text: str | None = None
    facts: tuple[Fact, ...] = ()
    table: Table | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """A button bound to an approval (or a follow-up question)."""

    label: str
    action_id: str
    value: str
    style: str = "default"  # default | primary | danger


@dataclass(frozen=True, slots=True)
class Proposal:
    """One approval as a card of its own: what would be written, why, and (while it waits and
    someone may decide it) its buttons; once decided, who decided and what happened."""

    approval_id: str
    action: str
    amount: Decimal | None
    summary: str
    currency: str | None = None
    status: str = "pending"
    evidence: tuple[str, ...] = ()
    editable: bool = False
    decidable: bool = True  # False in monitor mode: a suggestion, shown without buttons
    decided_by: str | None = None
    decided_at: datetime | None = None
    note: str | None = None  # why it was rejected, failed or superseded
    erp_reference: str | None = None

    @property
    def waiting(self) -> bool:
        return self.status == "pending" and self.decidable


@dataclass(frozen=True, slots=True)
class Image:
    """A picture a surface attaches (the digest's chart): PNG bytes and a text alternative."""

    name: str
    png: bytes
    alt: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file a reply comes with (a customer statement): Slack uploads it, Teams and the
    terminal name it and where it is."""

    name: str
    media_type: str
    path: Path


@dataclass
class Reply:
    headline: str
    sections: list[Section] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # evidence: where each number comes from
    actions: list[Action] = field(default_factory=list)
    intent: str = "unknown"
    entities: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    files: list[Attachment] = field(default_factory=list)
    # Offer one "Approve all shown" for the waiting proposals on a page (each still decided
    # on its own, under the policy and the exactly-once claim).
    approve_all: bool = False

    def to_text(self) -> str:
        lines = [self.headline]
        for section in self.sections:
            if section.title:
                lines.append(f"\n{section.title}")
            if section.text:
                lines.append(section.text)
            lines.extend(f"{fact.label}: {fact.value}" for fact in section.facts)
            if section.table:
                lines.append("  ".join(section.table.columns))
                lines.extend("  ".join(row) for row in section.table.rows)
        lines.extend(self.context)
        return "\n".join(lines)

    def to_json(self, *, exact: bool = False) -> dict[str, Any]:
        """The CONTRACTS shape of ``arbot ask --json``; money becomes floats only here, or
        stays ``Decimal`` with ``exact`` (for a writer that keeps its digits: bot.cli.jsonout)."""
        money = _exact if exact else float
        return {
            "intent": self.intent,
            "entities": dict(self.entities),
            "text": self.to_text(),
            "data": _jsonable(self.data, money),
            "proposals": [
                {
                    "approval_id": p.approval_id,
                    "action": p.action,
                    "amount": None if p.amount is None else money(p.amount),
                    "summary": p.summary,
                    "status": p.status,
                }
                for p in self.proposals
            ],
        }


def _exact(value: Decimal) -> Decimal:
    return value


def _jsonable(value: Any, money: Any = float) -> Any:
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v, money) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v, money) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
