"""Reports: arbot collections, arbot deductions, arbot digest."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, one_shot, runtime_for, settings_for, user_or_me
from bot.cli.export import format_option, out_option, write_table

if TYPE_CHECKING:
    from bot.runtime import Runtime


@dataclass(frozen=True)
class ListTable:
    """A report's list as rows for ``--format csv|xlsx``: where the list is in the reply's
    ``data`` and which of its fields become columns (lists of text joined by spaces)."""

    key: str
    columns: tuple[str, ...]
    sheet: str

    def rows(self, data: dict[str, Any]) -> list[list[Any]]:
        return [[_cell(item.get(column)) for column in self.columns] for item in data[self.key]]


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return value


COLLECTIONS_TABLE = ListTable(
    "entries",
    (
        "rank",
        "customer_id",
        "name",
        "collector",
        "currency",
        "score",
        "open_total",
        "past_due",
        "amount_at_risk",
        "chance_late",
        "next_step",
        "stage",
        "past_due_invoices",
        "next_step_text",
        "behaviour",
    ),
    "collections",
)
DEDUCTIONS_TABLE = ListTable(
    "deductions",
    (
        "customer_id",
        "invoice_number",
        "payment_id",
        "amount",
        "currency",
        "reason_code",
        "taken_on",
        "age_days",
        "valid",
        "needs_backup",
        "memo",
        "problems",
    ),
    "deductions",
)


def _report(
    runtime: Runtime,
    request: Any,
    as_json: bool,
    table: ListTable | None = None,
    table_format: str | None = None,
    out: Path | None = None,
) -> None:
    from graph.messages import Turn
    from integrations.erp.port import ErpError

    if out is not None and table_format is None:
        raise click.UsageError("--out is where --format csv|xlsx writes: give --format too")
    try:
        reply = runtime.agent.report(request, Turn(user_or_me(None), "terminal", request.text))
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if table is not None and table_format:
        rows = table.rows(reply.data) if table.key in reply.data else []
        write_table(table.columns, rows, table_format, out, sheet=table.sheet)
    elif as_json:
        jsonout.echo_reply(reply)
    else:
        from rich.console import Console

        from bot.terminal import render

        Console().print(render(reply))


@click.command()
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--collector", help="Only this collector's worklist.")
@click.option("--json", "as_json", is_flag=True, help="Print the structured list.")
@format_option
@out_option
@db_option
def collections(
    top: int,
    collector: str | None,
    as_json: bool,
    table_format: str | None,
    out: Path | None,
    db: str | None,
) -> None:
    """The collections priority list: who to chase first, why, and what next."""
    from graph.understand import Request

    request = Request("collections_list", customer_text=collector, limit=top, text="collections")
    runtime = runtime_for(settings_for(db))
    _report(runtime, request, as_json, COLLECTIONS_TABLE, table_format, out)


@click.command()
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only deductions taken on or after this date.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the structured summary.")
@format_option
@out_option
@db_option
def deductions(
    since: Any, as_json: bool, table_format: str | None, out: Path | None, db: str | None
) -> None:
    """Open deductions by reason, customer and age; write-offs proposed, the rest to follow up."""
    from graph.understand import DateRange, Request

    settings = settings_for(db)
    period = DateRange(since.date(), settings.today(), "since") if since else None
    request = Request("deduction_summary", period=period, text="deductions")
    _report(runtime_for(settings), request, as_json, DEDUCTIONS_TABLE, table_format, out)


@click.command()
@click.option(
    "--post",
    "target",
    metavar="slack:CHANNEL|teams:CONVERSATION",
    help="Post it there instead of printing it.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the structured digest.")
@db_option
def digest(target: str | None, as_json: bool, db: str | None) -> None:
    """The daily digest: yesterday's cash, approvals waiting, open AR and its chart."""
    # numpy's BLAS does no work here: one thread spares starting its pool (~30 ms of CPU).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with one_shot():  # on the large demo the collector's full passes were ~0.15 s of ~1.6
        _digest(target, as_json, db)


def _digest(target: str | None, as_json: bool, db: str | None) -> None:
    from bot.config import ConfigError
    from bot.digest import build, parse_target

    settings = settings_for(db)
    runtime = runtime_for(settings)
    reply = build(runtime, chart=not as_json)  # JSON does not carry the chart
    if target:
        import asyncio

        from bot.poster import Poster

        try:
            surface, where = parse_target(target)
            asyncio.run(Poster(runtime).post(f"{surface}:{where}", reply))
        except (ConfigError, LookupError) as error:
            raise Fail(str(error)) from None
        click.echo(f"Posted the digest to {target}.")
        return
    if as_json:
        jsonout.echo_reply(reply)
        return
    from rich.console import Console

    from bot.terminal import render

    Console().print(render(reply))
    for image in reply.images:
        path = settings.home / "digests" / image.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(image.png)
        click.echo(f"Chart: {path}")
