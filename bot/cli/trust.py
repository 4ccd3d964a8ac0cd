"""arbot trust: shadow mode's running scorecard (what arbot would have done against what the
team did in the ERP), and the one-page trust report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    "--backtest",
    "backtest_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also report the figures of `arbot backtest --json` saved in this file.",
)
@click.option(
    "--post",
    "target",
    metavar="slack:CHANNEL|teams:CONVERSATION",
    help="Post the scorecard with its chart there.",
)
@db_option
def trust(
    as_json: bool,
    pdf: Path | None,
    backtest_file: Path | None,
    target: str | None,
    db: str | None,
) -> None:
    """Shadow mode's scorecard: what arbot would have done against what the team did."""
    from graph.shadow import watch
    from graph.shadow_score import scorecard
    from integrations.erp.port import ErpError

    backtest = read_backtest(backtest_file) if backtest_file is not None else None
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
    if backtest is not None:
        card["backtest"] = backtest
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


MAX_REPORT_BYTES = 50 * 1024 * 1024


def read_backtest(path: Path) -> dict[str, Any]:
    """A report ``arbot backtest --json`` wrote; anything else is refused in one line."""
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise Fail(f"{path}: larger than a backtest report ({MAX_REPORT_BYTES // 2**20} MB)")
        report = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise Fail(f"cannot read {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, ValueError):
        raise Fail(f"{path}: not the JSON of `arbot backtest --json`") from None
    if not _looks_like_backtest(report):
        raise Fail(f"{path}: not the JSON of `arbot backtest --json`")
    return report


def _looks_like_backtest(report: Any) -> bool:
    if not isinstance(report, dict):
        return False
    if not all(isinstance(report.get(k), str) for k in ("today", "since")):
        return False
    cash = report.get("cashapp")
    if cash is None:
        return True
    return (
        isinstance(cash, dict)
        and isinstance(cash.get("payments"), int)
        and all(isinstance(cash.get(k), dict) for k in ("arbot", "clerk"))
        and isinstance(cash.get("wrong_auto", []), list)
    )
