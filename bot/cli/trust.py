"""arbot trust: shadow mode's running scorecard (what arbot would have done against what the
team did in the ERP), and the one-page trust report."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, runtime_for, settings_for


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@click.option(
    "--pdf",
    "pdf",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the one-page trust report (PDF) to this file.",
)
@click.option(
    "--post",
    "target",
    metavar="slack:CHANNEL|teams:CONVERSATION",
    help="Post the scorecard with its chart there.",
)
@db_option
def trust(as_json: bool, pdf: Path | None, target: str | None, db: str | None) -> None:
    """Shadow mode's scorecard: what arbot would have done against what the team did."""
    from graph.shadow import scorecard, watch
    from integrations.erp.port import ErpError

    settings = settings_for(db)
    runtime = runtime_for(settings)
    store = runtime.store
    policy = runtime.policy
    watched = None
    if policy.mode == "monitor":  # look once more: what is new, what the team has posted
        try:
            watched = watch(
                runtime.erp, store, settings.today(), tolerance=policy.deduction_tolerance
            )
        except ErpError as error:
            raise Fail(f"the ERP refused: {error}") from None
    card = scorecard(store) | {
        "mode": policy.mode,
        "today": settings.today().isoformat(),
        "looked": None
        if watched is None
        else {"new": watched.observed, "settled": watched.settled},
    }
    if pdf is not None:
        from graph.trust_report import write_pdf

        try:
            write_pdf(card, pdf)
        except OSError as error:
            raise Fail(f"cannot write {pdf}: {error.strerror or error}") from None
    if target:
        import asyncio

        from bot.config import ConfigError
        from bot.digest import parse_target
        from bot.poster import Poster
        from graph.trust_report import trust_reply

        try:
            surface, where = parse_target(target)
            asyncio.run(Poster(runtime).post(f"{surface}:{where}", trust_reply(card)))
        except (ConfigError, LookupError) as error:
            raise Fail(str(error)) from None
        click.echo(f"Posted the trust report to {target}.")
    if as_json:
        jsonout.echo(card)
        return
    from graph.trust_report import scorecard_lines

    if policy.mode != "monitor":
        click.echo(
            f"arbot is in {policy.mode} mode; shadow mode records only in monitor mode "
            '(mode = "monitor" in the policy file). What it recorded:'
        )
    for line in scorecard_lines(card):
        click.echo(line)
    if pdf is not None:
        click.echo(f"Trust report: {pdf}")
