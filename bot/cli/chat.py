"""Questions and the demo: arbot ask, arbot chat, arbot demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli import jsonout
from bot.cli.common import (
    Fail,
    db_option,
    one_shot,
    os_user,
    runtime_for,
    settings_for,
    user_or_me,
)

if TYPE_CHECKING:
    from bot.config import Settings

# The demo's sizes (integrations.erp.local.demo.SIZES; a test keeps them equal).
DEMO_SIZES = ("small", "medium", "large")


@click.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the structured reply.")
@click.option("--as", "as_user", metavar="USER", help="Ask as this person (default: you).")
@db_option
def ask(text: str, as_json: bool, as_user: str | None, db: str | None) -> None:
    """One question, one answer."""
    with one_shot():
        _ask(text, as_json, as_user, db)


def _ask(text: str, as_json: bool, as_user: str | None, db: str | None) -> None:
    from graph.messages import Turn
    from integrations.erp.port import ErpError

    runtime = runtime_for(settings_for(db))
    try:
        reply = runtime.agent.ask(Turn(user_id=user_or_me(as_user), surface="terminal", text=text))
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if as_json:
        jsonout.echo_reply(reply)
    else:
        from rich.console import Console

        from bot.terminal import render

        Console().print(render(reply))


def _chat(settings: Settings, as_user: str | None) -> None:
    from rich.console import Console

    from bot.terminal import TerminalSession, chat_loop

    runtime = runtime_for(settings)
    runtime.start_reconciler()
    settings.home.mkdir(parents=True, exist_ok=True)
    session = TerminalSession(runtime.agent, runtime.approvals, user_or_me(as_user))
    try:
        chat_loop(session, Console(), settings.home / "chat_history")
    finally:
        runtime.stop()


@click.command()
@click.option("--as", "as_user", metavar="USER", help="Chat as this person (default: you).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="JSON Lines: a question (or 'approve 1') per line on stdin, a reply per line on stdout.",
)
@db_option
def chat(as_user: str | None, as_json: bool, db: str | None) -> None:
    """Terminal chat with the agent against the configured ERP."""
    if as_json:
        _json_lines(settings_for(db), as_user)
    else:
        _chat(settings_for(db), as_user)


def _json_lines(settings: Settings, as_user: str | None) -> None:
    """The chat for a script: each line read is one turn (numbered approvals work as in the
    chat), each reply one compact JSON object (the ``ask --json`` shape); ends at EOF or quit."""
    import sys

    from bot.terminal import QUIT_WORDS, TerminalSession

    runtime = runtime_for(settings)
    session = TerminalSession(runtime.agent, runtime.approvals, user_or_me(as_user))
    try:
        for line in sys.stdin:
            text = line.strip()
            if not text:
                continue
            if text.lower() in QUIT_WORDS:
                break
            click.echo(jsonout.dumps(session.handle(text).to_json(exact=True), indent=None))
    finally:
        runtime.stop()


@click.command()
@click.option("--size", type=click.Choice(DEMO_SIZES), default="small", show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--no-chat", is_flag=True, help="Only build the company.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Build it (no chat) and print what was built and where, as JSON.",
)
@db_option
def demo(size: str, seed: int, no_chat: bool, as_json: bool, db: str | None) -> None:
    """Build a realistic demo company in the local ledger and open the chat on it."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from bot.config import ConfigError, open_local_ledger
    from integrations.erp.local.demo import build_demo
    from integrations.erp.local.demo_bank import write_bank_csv

    settings = settings_for(db)
    if settings.erp != "local":
        raise Fail("the demo company lives in the local ledger: unset ARBOT_ERP or set it to local")
    try:
        ledger = open_local_ledger(settings)
    except ConfigError as error:
        raise Fail(str(error)) from None
    existing = ledger.get_meta("demo")
    if existing is None and ledger.counts()["customers"]:
        raise Fail(
            "this database holds a real ledger, not a demo company; "
            "run the demo with --db pointing at another database"
        )
    today = settings.today()
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=size == "small",
    ) as progress:
        task = progress.add_task(f"Demo company ({size})", total=None)

        def report(phase: str, done: int, total: int) -> None:
            unit = "customers" if phase == "generating" else "rows"
            progress.update(
                task,
                description=f"Demo company ({size}): {phase} {unit}",
                completed=done,
                total=total,
            )

        company = build_demo(ledger, size=size, seed=seed, as_of=today, progress=report)
    if not settings.policy_path.exists():
        write_demo_policy(settings.policy_path, os_user())
    bank_file = settings.home / "demo" / f"bank-credits-{today.isoformat()}.csv"
    write_bank_csv(bank_file, company.bank_lines)
    counts = company.counts
    if as_json:
        jsonout.echo(
            {
                "size": size,
                "seed": seed,
                "as_of": today,
                "counts": counts,
                "bank_file": bank_file,
                "policy": settings.policy_path,
            }
        )
        return
    out = Console()
    out.print(
        f"[bold]Demo company ready[/bold] ({size}, seed {seed}, as of {today}): "
        f"{counts['customers']:,} customers, {counts['open_invoices']:,} open invoices, "
        f"{counts['payments']:,} payments, {counts['sales_orders']:,} pending sales orders, "
        f"{counts['promises']:,} promises to pay."
    )
    out.print(f"New bank credits to match: {bank_file}")
    out.print(f"Approval policy (who may approve what): {settings.policy_path}")
    sample = next(iter(ledger.invoices("C00001")), None)
    if sample is not None:
        out.print(
            f'Try: "did acme ind supply pay {sample.invoice_number}?", '
            '"what does Globex owe?", "show Initech\'s last payments"'
        )
    if not no_chat:
        _chat(settings, None)


DEMO_POLICY = """\
# arbot approval policy (written by `arbot demo`; edit freely). Format: README.md "Approvals".
mode = "assist"              # monitor: only suggest | assist: a person approves everything
                             # auto: arbot writes alone under the [auto] amounts
expire_after_hours = 72
separation_of_duties = ["write_off_deduction", "set_credit_limit", "set_credit_hold"]

[auto]                       # used when mode = "auto"
apply_payment = "5000.00"
write_off_deduction = "25.00"

[roles.ar_specialist]
apply_payment = "50000.00"
write_off_deduction = "250.00"
add_note = "unlimited"
send_reminder = "unlimited"

[roles.credit_manager]
set_credit_limit = "100000.00"
set_credit_hold = "unlimited"
add_note = "unlimited"

[[people]]
name = "{you}"
roles = ["ar_specialist", "collector", "credit_manager"]
terminal = ["{you}"]

[[people]]
name = "Morgan Lee"
email = "morgan.lee@example.com"
roles = ["controller"]
terminal = ["morgan"]
"""


def write_demo_policy(path: Path, user: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DEMO_POLICY.replace("{you}", user), encoding="utf-8")
