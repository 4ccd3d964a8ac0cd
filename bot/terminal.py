"""The terminal surface: Reply → rich output, and the chat loop with numbered approvals."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from graph.format import money
from graph.messages import Click, Reply, Section, Table, Turn
from graph.policy import Identity
from integrations.erp.port import ErpError

if TYPE_CHECKING:  # rendering an answer (arbot ask) needs neither; the chat imports them
    from graph.agent import Agent
    from graph.approvals import ApprovalService


def _table(table: Table) -> RichTable:
    out = RichTable(
        title=table.title,
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    for index, column in enumerate(table.columns):
        out.add_column(
            column, justify="right" if index in table.numeric else "left", overflow="fold"
        )
    for row in table.rows:
        out.add_row(*row)
    return out


def _section(section: Section) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if section.title and section.table is None:
        parts.append(Text(section.title, style="bold"))
    if section.text:
        parts.append(Text(section.text))
    if section.facts:
        grid = RichTable.grid(padding=(0, 2))
        grid.add_column(style="dim")
        grid.add_column()
        for fact in section.facts:
            grid.add_row(fact.label, fact.value)
        parts.append(grid)
    if section.table:
        parts.append(_table(section.table))
    return parts


def render(reply: Reply, numbers: dict[str, int] | None = None) -> RenderableType:
    """A Reply for the terminal. Approval buttons become numbered choices to type."""
    parts: list[RenderableType] = [Text(reply.headline, style="bold")]
    for section in reply.sections:
        parts.extend(Padding(part, (1, 0, 0, 0)) for part in _section(section))
    if reply.context:
        parts.append(Padding(Text("\n".join(reply.context), style="dim italic"), (1, 0, 0, 0)))
    if reply.files:  # a statement: the terminal shows where its files are
        shown = "\n".join(f"{f.media_type.split('/')[-1].upper()}: {f.path}" for f in reply.files)
        parts.append(Padding(Text(shown), (1, 0, 0, 0)))
    for card in reply.proposals:
        amount = (
            f"  {money(card.amount, card.currency or 'USD')}" if card.amount is not None else ""
        )
        lines = [f"{card.summary}{amount}  ({card.approval_id}, {card.status})"]
        lines.extend(f"  {line}" for line in card.evidence)
        if card.waiting and numbers and card.approval_id in numbers:
            n = numbers[card.approval_id]
            lines.append(
                f"  [{n}] approve {n}  ·  reject {n} <reason>"
                + (f"  ·  edit {n} <amount>" if card.editable else "")
            )
        elif card.status == "pending" and not card.decidable:
            lines.append("  suggestion only (monitor mode)")
        parts.append(Padding(Text("\n".join(lines), style="cyan"), (1, 0, 0, 0)))
    return Group(*parts)


_DECIDE = re.compile(
    r"^(?P<verb>approve|reject|edit|retry)\s+(?P<ref>#?\S+)(?:\s+(?P<rest>.+))?$", re.I
)


class TerminalSession:
    """One person at the terminal: questions go to the agent, numbered choices to approvals."""

    def __init__(self, agent: Agent, approvals: ApprovalService | None, user: str) -> None:
        self.agent = agent
        self.approvals = approvals
        self.identity = Identity("terminal", user)
        self.numbers: dict[str, int] = {}

    def _number(self, approval_id: str) -> int:
        return self.numbers.setdefault(approval_id, len(self.numbers) + 1)

    def _approval_id(self, ref: str) -> str | None:
        ref = ref.lstrip("#")
        if ref.isdigit():
            by_number = {n: a for a, n in self.numbers.items()}
            return by_number.get(int(ref))
        return ref.upper()

    def handle(self, text: str) -> Reply:
        match = _DECIDE.match(text.strip())
        if match and self.approvals is not None:
            return self._decide(
                match.group("verb").lower(), match.group("ref"), (match.group("rest") or "").strip()
            )
        if text.strip().lower() in ("approvals", "queue", "pending") and self.approvals:
            from graph.inbox import inbox_reply

            reply = inbox_reply(self.approvals, self._turn(text))
        else:
            try:
                reply = self.agent.ask(self._turn(text))
            except ErpError as error:
                return Reply(headline=f"The ERP refused: {error}")
        for proposal in reply.proposals:
            self._number(proposal.approval_id)
        return reply

    def _turn(self, text: str, click: Click | None = None) -> Turn:
        return Turn(self.identity.user_id, "terminal", text, click=click)

    def _decide(self, verb: str, ref: str, rest: str) -> Reply:
        from graph.decisions import decide

        assert self.approvals is not None
        approval_id = self._approval_id(ref)
        if approval_id is None:
            return Reply(headline=f"There is no choice {ref}; type 'approvals' to list them.")
        if verb == "reject" and not rest:
            return Reply(headline=f"Say why: reject {ref} <reason>.")
        if verb == "edit" and not rest:
            return Reply(headline=f"Give the new amount: edit {ref} 120.00.")
        click = Click(approval_id, verb, reason=rest, amount_text=rest if verb == "edit" else None)
        return decide(self.approvals, self._turn(f"{verb} {ref}", click)).reply


QUIT_WORDS = {"quit", "exit", "bye", ":q"}


def chat_loop(session: TerminalSession, console: Console, history_file: Path | None = None) -> None:
    """Read questions until EOF or 'quit'; a line editor with history on a real terminal."""
    read: Callable[[], str]
    if sys.stdin.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        history = FileHistory(str(history_file)) if history_file else InMemoryHistory()
        prompt: PromptSession[str] = PromptSession(history=history)

        def read() -> str:
            return prompt.prompt("ar> ")
    else:

        def read() -> str:
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line

    console.print(
        "[dim]Ask about customers, invoices and payments, or ask for a change (write off, "
        "apply, credit limit, hold, note, reminder). 'approvals' lists what waits for you, "
        "'help' gives examples, 'quit' leaves.[/dim]"
    )
    while True:
        try:
            text = read().strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not text:
            continue
        if text.lower() in QUIT_WORDS:
            break
        console.print(render(session.handle(text), session.numbers))
        console.print()
