"""The ERP: arbot erp import, arbot quickbooks connect."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, settings_for


@click.group()
def erp() -> None:
    """The ERP: import data into the local ledger."""


@erp.command("import")
@click.option("--customers", type=click.Path(path_type=Path), required=True)
@click.option("--invoices", type=click.Path(path_type=Path), required=True)
@click.option("--payments", type=click.Path(path_type=Path))
@click.option("--sales-orders", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the counts (or the problems) as JSON.")
@db_option
def erp_import(
    customers: Path,
    invoices: Path,
    payments: Path | None,
    sales_orders: Path | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Load CSV exports into the local ledger (all or nothing; re-importing changes nothing)."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.config import ConfigError, open_local_ledger
    from integrations.erp.local.csv_import import ImportFailed, import_csv

    settings = settings_for(db)
    if settings.erp != "local":
        raise Fail(f"import loads the local ledger; ARBOT_ERP is {settings.erp}")
    try:
        ledger = open_local_ledger(settings)
    except ConfigError as error:
        raise Fail(str(error)) from None
    try:
        summary = import_csv(
            ledger,
            customers=customers,
            invoices=invoices,
            payments=payments,
            sales_orders=sales_orders,
            today=settings.today,
        )
    except ImportFailed as failure:
        if as_json:  # the problems are what a script needs; exit 1 as without --json
            jsonout.echo(
                {"imported": False, "message": str(failure), "problems": list(failure.problems)}
            )
        else:
            for problem in failure.problems:
                click.echo(problem, err=True)
        raise Fail(str(failure)) from None
    except SQLAlchemyError as error:  # the checks should have caught it; the write rolled back
        reason = str(error).splitlines()[0] if str(error) else ""
        raise Fail(
            f"the database refused the import ({error.__class__.__name__}: {reason}); "
            "nothing was imported"
        ) from None
    if as_json:
        kinds = sorted({*summary.added, *summary.updated, *summary.unchanged})
        jsonout.echo(
            {
                "imported": True,
                "counts": {
                    kind: {
                        "added": summary.added[kind],
                        "updated": summary.updated[kind],
                        "unchanged": summary.unchanged[kind],
                    }
                    for kind in kinds
                },
            }
        )
        return
    click.echo(f"Imported. {summary.describe()}")


@click.group()
def quickbooks() -> None:
    """QuickBooks Online setup."""


@quickbooks.command("connect")
@click.option(
    "--redirect-uri",
    required=True,
    metavar="URI",
    help="The redirect URI registered for the app on developer.intuit.com.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="The address and the prompt go to stderr; the outcome (no token) to stdout as JSON.",
)
@db_option
def quickbooks_connect(redirect_uri: str, as_json: bool, db: str | None) -> None:
    """Connect a QuickBooks company: open the printed URL, approve, paste where it lands."""
    import os

    from integrations.erp.quickbooks import (
        QuickBooksError,
        authorization_url,
        complete_connection,
        new_state,
    )
    from integrations.erp.quickbooks.oauth import TOKEN_URL

    settings = settings_for(db)
    client_id = os.environ.get("QBO_CLIENT_ID")
    client_secret = os.environ.get("QBO_CLIENT_SECRET")
    if not client_id or not client_secret:
        raise Fail("set QBO_CLIENT_ID and QBO_CLIENT_SECRET (from developer.intuit.com) first")
    state = new_state()
    click.echo("Open this address, sign in and choose the company:", err=as_json)
    click.echo(authorization_url(client_id, redirect_uri, state), err=as_json)
    landed = click.prompt("Paste the address your browser landed on", err=as_json)
    try:
        connection = complete_connection(
            landed,
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            database_url=settings.database_url,
            expected_state=state,
            token_url=os.environ.get("QBO_TOKEN_URL") or TOKEN_URL,
        )
    except QuickBooksError as error:
        raise Fail(str(error)) from None
    if as_json:  # the tokens stay in the store: never on stdout
        expires = connection.refresh_expires_at
        jsonout.echo(
            {
                "connected": True,
                "realm_id": connection.realm_id,
                "refresh_expires_at": None if expires is None else expires.isoformat(),
                "next": {"QBO_REALM_ID": connection.realm_id, "ARBOT_ERP": "quickbooks"},
            }
        )
        return
    click.echo(f"Connected. Set QBO_REALM_ID={connection.realm_id} and ARBOT_ERP=quickbooks.")
