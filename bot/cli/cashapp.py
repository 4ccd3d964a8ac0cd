"""arbot cashapp: a bank file's receipts matched, applied or proposed under the policy."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.cli.common import Fail, db_option, runtime_for, settings_for


@click.command()
@click.option(
    "--bank",
    "bank_file",
    type=click.Path(path_type=Path),
    required=True,
    help="The bank file: CSV (contract columns), BAI2 or camt.053.",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["csv", "bai2", "camt053"]),
    help="Skip detection by content.",
)
@click.option("--out", type=click.Path(path_type=Path), help="Write the results as JSON.")
@click.option("--dry-run", is_flag=True, help="Match only: apply and propose nothing.")
@db_option
def cashapp(
    bank_file: Path, file_format: str | None, out: Path | None, dry_run: bool, db: str | None
) -> None:
    """Match a bank file's credits to open invoices; apply or propose under the policy."""
    from graph.cash_application import CashApplication
    from integrations.bank import BankFileError, read_bank_file

    settings = settings_for(db)
    try:
        lines = read_bank_file(bank_file, file_format)
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
        disable=len(lines) < 500,
    ) as progress:
        task = progress.add_task("match", total=len(lines))
        run = CashApplication(runtime.approvals).run(
            lines,
            as_of=settings.today(),
            dry_run=dry_run,
            progress=lambda done, _total: progress.update(task, completed=done),
        )
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"results": run.results}, indent=2, ensure_ascii=False))
    verb = "would be applied" if dry_run else "applied"
    click.echo(
        f"{len(lines)} bank line(s): {run.count('auto')} {verb} automatically, "
        f"{run.count('review')} proposed for approval, {run.count('unmatched')} unmatched "
        "(suspense)"
        + (f"; {run.already_processed} already processed earlier" if run.already_processed else "")
        + (f". Results: {out}" if out else ".")
    )
