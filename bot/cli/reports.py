"""Reports: arbot collections, arbot deductions, arbot digest."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from bot.cli.common import Fail, db_option, runtime_for, settings_for, user_or_me

if TYPE_CHECKING:
    from bot.runtime import Runtime


def _report(runtime: Runtime, request: Any, as_json: bool) -> None:
    from rich.console import Console

    from bot.terminal import render
    from graph.messages import Turn
    from integrations.erp.port import ErpError

    try:
        reply = runtime.agent.report(request, Turn(user_or_me(None), "terminal", request.text))
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if as_json:
        click.echo(json.dumps(reply.to_json(), indent=2, ensure_ascii=False))
    else:
        Console().print(render(reply))


@click.command()
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--collector", help="Only this collector's worklist.")
@click.option("--json", "as_json", is_flag=True, help="Print the structured list.")
@db_option
def collections(top: int, collector: str | None, as_json: bool, db: str | None) -> None:
    """The collections priority list: who to chase first, why, and what next."""
    from graph.understand import Request

    request = Request("collections_list", customer_text=collector, limit=top, text="collections")
    _report(runtime_for(settings_for(db)), request, as_json)


@click.command()
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only deductions taken on or after this date.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the structured summary.")
@db_option
def deductions(since: Any, as_json: bool, db: str | None) -> None:
    """Open deductions by reason, customer and age; write-offs proposed, the rest to follow up."""
    from graph.understand import DateRange, Request

    settings = settings_for(db)
    period = DateRange(since.date(), settings.today(), "since") if since else None
    request = Request("deduction_summary", period=period, text="deductions")
    _report(runtime_for(settings), request, as_json)


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
    import asyncio

    from rich.console import Console

    from bot.config import ConfigError
    from bot.digest import build, parse_target
    from bot.poster import Poster
    from bot.terminal import render

    settings = settings_for(db)
    runtime = runtime_for(settings)
    reply = build(runtime)
    if target:
        try:
            surface, where = parse_target(target)
            asyncio.run(Poster(runtime).post(f"{surface}:{where}", reply))
        except (ConfigError, LookupError) as error:
            raise Fail(str(error)) from None
        click.echo(f"Posted the digest to {target}.")
        return
    if as_json:
        click.echo(json.dumps(reply.to_json(), indent=2, ensure_ascii=False))
        return
    Console().print(render(reply))
    for image in reply.images:
        path = settings.home / "digests" / image.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(image.png)
        click.echo(f"Chart: {path}")
