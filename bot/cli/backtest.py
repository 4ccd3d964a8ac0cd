"""arbot backtest: what arbot would have done on the configured ERP's own history (read-only)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, runtime_for, settings_for

if TYPE_CHECKING:
    from bot.config import Settings

KINDS = ("cashapp", "collections", "forecast", "deductions", "all")
MAX_MONTHS = 60


class BadOption(click.UsageError):
    """Bad usage, said in one line (exit 2)."""

    def show(self, file: Any = None) -> None:
        click.echo(f"arbot: {self.format_message()}", err=True)


def parse_months(text: str) -> int:
    try:
        months = int(text.strip())
    except ValueError:
        months = 0
    if not 1 <= months <= MAX_MONTHS:
        raise BadOption(f"--months: {text[:40]!r} is not a number of months (1-{MAX_MONTHS})")
    return months


def parse_kinds(text: str) -> list[str]:
    kind = text.strip().lower()
    if kind not in KINDS:
        raise BadOption(f"--kind: {text[:40]!r} is not one of {', '.join(KINDS)}")
    return list(KINDS[:-1]) if kind == "all" else [kind]


def source_of(settings: Settings) -> str:
    """What identifies the books (hashed into the checkpoint's name, never printed)."""
    return "|".join(
        (
            settings.erp,
            settings.database_url,
            os.environ.get("QBO_REALM_ID", ""),
            os.environ.get("INTACCT_COMPANY_ID", ""),
        )
    )


@click.command()
@click.option(
    "--months",
    "months_text",
    default="6",
    metavar="N",
    show_default=True,
    help="How many months back to replay (1-60).",
)
@click.option(
    "--kind",
    "kind_text",
    default="all",
    metavar="|".join(KINDS),
    show_default=True,
    help="Which work to backtest.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--resume", is_flag=True, help="Continue an interrupted backtest where it stopped.")
@db_option
def backtest(months_text: str, kind_text: str, as_json: bool, resume: bool, db: str | None) -> None:
    """Replay the ERP's own history: what arbot would have done against what people did."""
    months = parse_months(months_text)
    kinds = parse_kinds(kind_text)
    settings = settings_for(db)
    runtime = runtime_for(settings)
    if settings.erp != "local":
        # The QuickBooks request budget and the ERP clients' own state live in arbot's store
        # (its tables are made on first use). The local ledger shares the database file and is
        # never written, so the store is not opened for it.
        runtime.store  # noqa: B018
    report = run(
        runtime.erp,
        settings,
        months,
        kinds,
        resume,
        runtime.policy.deduction_tolerance,
        bank_payers(runtime, settings),
    )
    if as_json:
        jsonout.echo(report)
        return
    from graph.backtest.text import lines

    for line in lines(report):
        click.echo(line)


def bank_payers(runtime: Any, settings: Settings) -> dict[str, str]:
    """The payer's name as the bank wrote it, by payment id, for every bank line arbot's cash
    application read (``store_bank_lines``). On the local ledger, whose database the store
    shares and which a backtest never writes, the table is read only where it exists."""
    from sqlalchemy import inspect, select

    from integrations.store.schema import bank_lines

    if settings.erp == "local":
        engine = runtime.erp.engine
        if not inspect(engine).has_table(bank_lines.name):
            return {}
    else:
        engine = runtime.store.engine
    query = select(bank_lines.c.payment_id, bank_lines.c.payer_name)
    with engine.connect() as conn:
        return {pid: name for pid, name in conn.execute(query) if name}


def run(
    erp: Any,
    settings: Settings,
    months: int,
    kinds: list[str],
    resume: bool,
    tolerance: Any,
    payers: dict[str, str] | None = None,
) -> dict[str, Any]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from graph.backtest import BacktestError
    from graph.backtest.checkpoint import Checkpoint
    from graph.backtest.history import read_books
    from graph.backtest.run import run_backtest
    from integrations.erp.port import ErpError

    today = settings.today()
    with Progress(
        TextColumn("{task.description:<18}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        try:
            books = read_books(
                erp,
                lambda what, done, total: progress("reading the ERP", done, total),
                bank_payers=payers,
            )
            checkpoint = Checkpoint(
                settings.home / "backtests",
                {
                    "source": source_of(settings),
                    "today": today,
                    "months": months,
                    "books": [len(books.invoices), len(books.payments), len(books.adjustments)],
                    "last": books.payments[-1].payment_id if books.payments else "",
                },
                resume=resume,
            )
            if resume and not checkpoint.resumed:
                click.echo(
                    "arbot: no interrupted backtest of these books to resume; starting", err=True
                )
            return run_backtest(
                books,
                today=today,
                months=months,
                kinds=kinds,
                checkpoint=checkpoint,
                tolerance=tolerance,
                progress=progress,
            )
        except BacktestError as error:
            raise Fail(str(error)) from None
        except ErpError as error:
            raise Fail(f"the ERP refused: {error}") from None
        except KeyboardInterrupt:
            raise Fail(
                "interrupted; `arbot backtest` with the same options and --resume continues "
                "where it stopped"
            ) from None
