"""arbot invoices: invoices drafted from a CSV of billable milestones or time entries."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, runtime_for, settings_for, user_or_me


@click.command()
@click.option(
    "--milestones",
    "path",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="CSV: customer_id, description, and amount (or hours and rate, or quantity and "
    "unit_price); optional po_number, date, taxable.",
)
@click.option("--as", "as_user", help="Who asks (default: the OS user).")
@click.option("--json", "as_json", is_flag=True, help="Print the structured drafts.")
@db_option
def invoices(path: Path, as_user: str | None, as_json: bool, db: str | None) -> None:
    """Draft invoices from billable milestones or time entries, each proposed for approval."""
    from rich.console import Console

    from bot.terminal import render
    from graph.invoicing import Billing, drafted_reply
    from graph.milestones import MilestoneFileError, drafts_from_billables, read_billables
    from integrations.erp.port import ErpError

    runtime = runtime_for(settings_for(db))
    today = runtime.settings.today()
    try:
        rows = read_billables(path, runtime.erp)
        drafts = drafts_from_billables(rows, runtime.erp, today=today, source=path.name)
        billing = Billing(runtime.approvals, today=runtime.settings.today)
        drafted = [billing.propose(d, requested_by=user_or_me(as_user)) for d in drafts]
    except MilestoneFileError as error:
        raise Fail(str(error)) from None
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    reply = drafted_reply(drafted, runtime.policy)
    if as_json:
        jsonout.echo_reply(reply)
    else:
        Console().print(render(reply))
