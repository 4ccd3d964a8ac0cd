"""The terminal surface: Reply → rich output, and the chat loop."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from graph.messages import Reply, Section, Table


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


def render(reply: Reply) -> RenderableType:
    parts: list[RenderableType] = [Text(reply.headline, style="bold")]
    for section in reply.sections:
        parts.extend(Padding(part, (1, 0, 0, 0)) for part in _section(section))
    if reply.context:
        parts.append(Padding(Text("\n".join(reply.context), style="dim italic"), (1, 0, 0, 0)))
    for number, action in enumerate(reply.actions, start=1):
        parts.append(Text(f"  [{number}] {action.label}"))
    return Group(*parts)


QUIT_WORDS = {"quit", "exit", "bye", ":q"}


def chat_loop(
    ask: Callable[[str], Reply], console: Console, history_file: Path | None = None
) -> None:
    """Read questions until EOF or 'quit'; a line editor with history on a real terminal."""
    if sys.stdin.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        history = FileHistory(str(history_file)) if history_file else InMemoryHistory()
        session: PromptSession[str] = PromptSession(history=history)

        def read() -> str:
            return session.prompt("ar> ")
    else:

        def read() -> str:
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line

    console.print(
        "[dim]Ask about customers, invoices and payments. 'help' for examples, "
        "'quit' to leave.[/dim]"
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
        console.print(render(ask(text)))
        console.print()
