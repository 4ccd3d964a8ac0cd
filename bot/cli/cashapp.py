"""arbot cashapp: a bank file's receipts matched, applied or proposed under the policy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, runtime_for, settings_for
from bot.cli.export import FORMATS, replaced, write_table
from bot.config import ConfigError

FORMAT_CHOICES = ["csv", "bai2", "camt053", "camt054", "mt940", "mt942"]


@click.command()
@click.option(
    "--bank",
    "bank_file",
    type=click.Path(path_type=Path),
    required=True,
    help="The bank file: MT940/MT942, camt.053/.054, BAI2, or a CSV export.",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(FORMAT_CHOICES),
    help="Skip detection by content.",
)
@click.option(
    "--profile",
    metavar="NAME|FILE",
    help="How to read a bank's own CSV export: a built-in profile or a TOML file.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the results: RESULT.csv as CSV, RESULT.xlsx as a workbook, any other name as JSON.",
)
@click.option("--dry-run", is_flag=True, help="Match only: apply and propose nothing.")
@click.option(
    "--post",
    "targets",
    metavar="slack:CHANNEL|teams:CONVERSATION",
    multiple=True,
    help="Post the run and its proposals as approval cards there (repeatable).",
)
@click.option(
    "--wait",
    type=click.FloatRange(0, 3600),
    default=0.0,
    help="Seconds to wait when another run is processing the same file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the run (counts and results) as JSON.")
@db_option
def cashapp(
    bank_file: Path,
    file_format: str | None,
    profile: str | None,
    out: Path | None,
    dry_run: bool,
    targets: tuple[str, ...],
    wait: float,
    as_json: bool,
    db: str | None,
) -> None:
    """Match a bank file's receipts to open invoices; apply or propose under the policy."""
    from bot.bank_runs import run_bank_file
    from graph.cash_application import CashRunError
    from integrations.bank import BankFileError, open_statement

    if targets:  # bot.digest (the digest and all it reads) only for a run that posts
        from bot.digest import parse_target

        for target in targets:
            try:
                parse_target(target)
            except ConfigError as error:
                raise click.BadParameter(str(error), param_hint="--post") from None
    settings = settings_for(db)
    try:
        # Checked and parsed whole now; its lines are read back from a spool as the run needs them.
        statement = open_statement(bank_file, file_format, profile)
    except BankFileError as error:
        raise Fail(str(error)) from None
    runtime = runtime_for(settings)
    with Progress(
        TextColumn("Matching bank lines"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=len(statement.receipts) < 500,
    ) as progress:
        task = progress.add_task("match", total=None)
        try:
            done = run_bank_file(
                runtime,
                bank_file,
                file_format=file_format,
                profile=profile,
                dry_run=dry_run,
                progress=lambda n, total: progress.update(task, completed=n, total=total),
                wait=wait,
                statement=statement,
                with_reply=bool(targets) and not dry_run,  # the card only when it is posted
            )
        except (CashRunError, BankFileError) as error:
            raise Fail(str(error)) from None
    run = done.run
    if out is not None:
        try:
            write_results(exact_results(run.results, statement.receipts), out)
        except BankFileError as error:
            raise Fail(str(error)) from None
    posted: list[str] = []
    if targets and not dry_run:
        import asyncio

        from bot.poster import Poster

        assert done.reply is not None
        posted = list(asyncio.run(Poster(runtime).deliver(done.reply, "apply_payment", targets)))
        if not posted:
            raise Fail(f"the run is done but could not be posted to {', '.join(targets)}")
    if as_json:
        echo_json(
            {
                "lines": len(statement.receipts),
                "dry_run": dry_run,
                **{decision: run.count(decision) for decision in ("auto", "review", "unmatched")},
                "already_processed": run.already_processed,
                "not_receipts": [
                    {
                        "payment_id": other.payment_id,
                        "amount": other.amount,
                        "currency": other.currency,
                        "reason": other.reason,
                        "where": other.where,
                    }
                    for other in statement.not_receipts
                ],
                "warnings": list(statement.warnings),
                "out": out,
                "posted": posted,
            },
            exact_results(run.results, statement.receipts),
        )
        return
    for warning in statement.warnings:
        click.echo(f"note: {warning}", err=True)
    for other in statement.not_receipts:
        click.echo(f"not a customer receipt: {other.payment_id} ({other.reason})", err=True)
    verb = "would be applied" if dry_run else "applied"
    lines = len(statement.receipts)
    click.echo(
        f"{lines} bank line(s): {run.count('auto')} {verb} automatically, "
        f"{run.count('review')} proposed for approval, {run.count('unmatched')} unmatched "
        "(suspense)"
        + (f"; {run.already_processed} already processed earlier" if run.already_processed else "")
        + (
            f"; {len(statement.not_receipts)} not customer receipts"
            if statement.not_receipts
            else ""
        )
        + (f". Results: {out}" if out else ".")
    )
    if posted:
        click.echo(f"Posted to {', '.join(posted)}.")


def exact_result(row: dict[str, Any], currency: str | None) -> dict[str, Any]:
    """A result row (CONTRACTS' shape) with its money as the exact Decimals it was made from
    and the bank line's currency added."""

    def money(value: Any) -> Decimal | None:
        if currency is None:
            return None if value is None else Decimal(repr(float(value)))
        return jsonout.money_from_float(value, currency)

    def applied(applications: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [a | {"amount": money(a["amount"])} for a in applications]

    exact = dict(row)
    exact["applications"] = applied(row.get("applications") or [])
    if row.get("deduction") is not None:
        exact["deduction"] = row["deduction"] | {"amount": money(row["deduction"]["amount"])}
    if "unapplied_amount" in row:
        exact["unapplied_amount"] = money(row["unapplied_amount"])
    exact["alternatives"] = [
        alt | {"applications": applied(alt.get("applications") or [])}
        for alt in row.get("alternatives") or []
    ]
    exact["currency"] = currency
    return exact


RESULT_COLUMNS = (
    "payment_id",
    "decision",
    "customer_id",
    "currency",
    "applied_amount",
    "applications",
    "deduction_amount",
    "deduction_reason",
    "unapplied_amount",
    "confidence",
    "approval_id",
    "explanation",
)


def exact_results(rows: Iterable[dict[str, Any]], lines: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """The run's result rows (one per bank line, in the lines' order) as ``exact_result``s,
    one at a time (the lines read again as they go)."""
    for row, line in zip(rows, lines, strict=True):
        yield exact_result(row, line.currency if line.payment_id == row["payment_id"] else None)


def echo_json(head: dict[str, Any], results: Iterable[dict[str, Any]]) -> None:
    """``--json``: ``head`` with ``results`` last, printed a row at a time (``jsonout.echo``'s
    text for ``head | {"results": [...]}``)."""
    for part in json_parts(head, results):
        click.echo(part, nl=False)
    click.echo()


def json_parts(head: dict[str, Any], results: Iterable[dict[str, Any]]) -> Iterator[str]:
    """``jsonout.dumps(head | {"results": rows})`` in pieces, a row at a time: the rows are
    never all held (nor their text)."""
    text = jsonout.dumps({**head, "results": []})
    assert text.endswith("[]\n}")
    yield text[:-4]
    first = True
    for row in results:
        # A row two levels down: jsonout's own text with its lines indented two levels more
        # (a JSON string never holds a bare newline).
        yield ("[\n    " if first else ",\n    ") + jsonout.dumps(row).replace("\n", "\n    ")
        first = False
    yield "[]\n}" if first else "\n  ]\n}"


def write_results(results: Iterable[dict[str, Any]], out: Path) -> None:
    """``--out``: CSV or a workbook by the file's extension (one row per bank line), else
    CONTRACTS' ``{"results": [...]}`` JSON; written a row at a time to a temporary file that
    becomes ``out`` only when every row is written."""
    kind = out.suffix.lower().lstrip(".")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.FileError(str(out), hint=error.strerror or str(error)) from None
    if kind not in FORMATS:
        with replaced(out) as handle:
            for part in json_parts({}, results):
                handle.write(part)
        return
    write_table(RESULT_COLUMNS, map(_table_row, results), kind, out, sheet="cash application")


def _table_row(row: dict[str, Any]) -> tuple[Any, ...]:
    applications = row["applications"]
    deduction = row.get("deduction") or {}
    return (
        row["payment_id"],
        row["decision"],
        row.get("customer_id"),
        row.get("currency"),
        sum((a["amount"] for a in applications), Decimal(0)) if applications else None,
        "; ".join(f"{a['invoice_number']} {a['amount']}" for a in applications),
        deduction.get("amount"),
        deduction.get("reason_code"),
        row.get("unapplied_amount"),
        row.get("confidence"),
        row.get("approval_id"),
        row.get("explanation"),
    )
