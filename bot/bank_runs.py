"""One bank file through cash application, the same from ``arbot cashapp`` and from the inbox
folder the server watches: read (receipts and what is not a receipt), run under the policy,
describe the run as one message with its proposals as cards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.runtime import Runtime
from graph.messages import Reply


@dataclass
class BankRun:
    statement: Any  # integrations.bank.BankStatement or FileStatement
    run: Any  # graph.cash_application.CashRun
    reply: Reply | None  # None when not asked for (``with_reply=False``)


def run_bank_file(
    runtime: Runtime,
    path: Path,
    *,
    file_format: str | None = None,
    profile: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    wait: float = 0.0,
    statement: Any = None,
    with_reply: bool = True,
) -> BankRun:
    """Raises ``BankFileError`` (nothing read), ``CashRunError`` (nothing written, or the file
    is being processed by another run). ``statement``: the file already read (or opened: its
    lines are read back from its spool as the run goes through them, ``open_statement``).
    ``with_reply=False``: no summary card (it reads the waiting approvals back) when nothing
    is posted. The run's result rows wait on disk (``ResultSpool``), read back in order."""
    from graph.cash_application import CashApplication
    from graph.cash_run_reply import run_reply
    from graph.cash_spool import ResultSpool
    from integrations.bank import open_statement

    if statement is None:
        statement = open_statement(path, file_format, profile)
    run = CashApplication(runtime.approvals).run(
        statement.receipts,
        as_of=runtime.settings.today(),
        dry_run=dry_run,
        progress=progress,
        source=path.name,
        wait=wait,
        results=ResultSpool(),
    )
    if not with_reply:
        return BankRun(statement, run, None)
    reply = run_reply(
        run,
        runtime.approvals,
        source=path.name,
        not_receipts=statement.not_receipts,
        dry_run=dry_run,
    )
    return BankRun(statement, run, reply)
