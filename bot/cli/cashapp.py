"""arbot cashapp: a bank file's receipts matched, applied or proposed under the policy."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.cli.common import Fail, db_option, runtime_for, settings_for
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
@click.option("--out", type=click.Path(path_type=Path), help="Write the results as JSON.")
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
@db_option
def cashapp(
    bank_file: Path,
    file_format: str | None,
    profile: str | None,
    out: Path | None,
    dry_run: bool,
    targets: tuple[str, ...],
    wait: float,
    db: str | None,
) -> None:
    """Match a bank file's receipts to open invoices; apply or propose under the policy."""
    from bot.bank_runs import run_bank_file
    from bot.digest import parse_target
    from graph.cash_application import CashRunError
    from integrations.bank import BankFileError, read_statement

    for target in targets:
        try:
            parse_target(target)
        except ConfigError as error:
            raise click.BadParameter(str(error), param_hint="--post") from None
    settings = settings_for(db)
    try:
        statement = read_statement(bank_file, file_format, profile)
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
            )
        except CashRunError as error:
            raise Fail(str(error)) from None
    run = done.run
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"results": run.results}, indent=2, ensure_ascii=False))
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
    if targets and not dry_run:
        import asyncio

        from bot.poster import Poster

        posted = asyncio.run(Poster(runtime).deliver(done.reply, "apply_payment", targets))
        if not posted:
            raise Fail(f"the run is done but could not be posted to {', '.join(targets)}")
        click.echo(f"Posted to {', '.join(posted)}.")
