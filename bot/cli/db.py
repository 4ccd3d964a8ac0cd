"""The database as a deploy step: ``arbot db upgrade`` and ``arbot db status``."""

from __future__ import annotations

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, settings_for


@click.group()
def db() -> None:
    """The database: migrate it as a deploy step, or see where it stands."""


def _describe(error: Exception) -> str:
    return f"{error.__class__.__name__}: {(str(error).splitlines() or [''])[0]}"


@db.command("upgrade")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per history.")
@db_option
def upgrade(as_json: bool, db: str | None) -> None:
    """Bring all four histories (store, ledger, QuickBooks, Intacct) to their newest revision.

    Safe to run from several replicas at once (one PostgreSQL advisory lock); a no-op when the
    database is current. `arbot serve` runs the same step when it starts."""
    from integrations.histories import upgrade_all

    url = settings_for(db).database_url
    try:
        done = upgrade_all(url)
    except Exception as error:  # any driver error becomes one readable line
        raise Fail(f"the database could not be upgraded: {_describe(error)}") from None
    if as_json:
        jsonout.echo([{"history": r.history, "head": r.head, "upgraded": r.upgraded} for r in done])
        return
    for revision in done:
        what = "upgraded to" if revision.upgraded else "already at"
        click.echo(f"{revision.history:<11} {what} {revision.head}")


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per history.")
@db_option
def status(as_json: bool, db: str | None) -> None:
    """Each history's revision against the code's newest; exit 1 when one is behind."""
    from integrations.db import make_engine
    from integrations.histories import revisions

    engine = make_engine(settings_for(db).database_url)
    try:
        found = revisions(engine)
    except Exception as error:
        raise Fail(f"the database could not be read: {_describe(error)}") from None
    finally:
        engine.dispose()
    if as_json:
        rows = [
            {"history": r.history, "current": r.current, "head": r.head, "at_head": r.at_head}
            for r in found
        ]
        jsonout.echo(rows)
    else:
        for r in found:
            state = "at head" if r.at_head else f"behind (head {r.head}): run arbot db upgrade"
            click.echo(f"{r.history:<11} {r.current or '-'}  {state}")
    if not all(r.at_head for r in found):
        raise SystemExit(1)
