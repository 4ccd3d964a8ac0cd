"""The ``arbot`` command line (CONTRACTS.md). Exit 0 on success, 1 on a handled error with one
line on stderr, 2 on bad usage."""

from __future__ import annotations

import getpass
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot.config import ConfigError, Settings, open_erp, open_local_ledger
from bot.terminal import chat_loop, render
from graph.agent import Agent
from graph.messages import Turn
from integrations.erp.local.csv_import import ImportFailed, import_csv
from integrations.erp.local.demo import SIZES, build_demo, write_bank_csv
from integrations.erp.port import ErpError

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db",
    "db",
    metavar="URL",
    default=None,
    help="SQLAlchemy database URL (default: $ARBOT_DATABASE_URL, else $ARBOT_HOME/arbot.db).",
)


class Fail(click.ClickException):
    """A handled error: one line on stderr, exit 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"arbot: {self.format_message()}", err=True)


def _settings(db: str | None) -> Settings:
    try:
        return Settings.from_env(db)
    except ConfigError as error:
        raise Fail(str(error)) from None


def _agent(settings: Settings) -> Agent:
    try:
        erp = open_erp(settings)
    except ConfigError as error:
        raise Fail(str(error)) from None
    return Agent(erp, today=settings.today)


def _user(as_user: str | None) -> str:
    return as_user or getpass.getuser()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arbot")
def main() -> None:
    """arbot: an accounts-receivable assistant for Slack, Teams and the terminal."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the structured reply.")
@click.option("--as", "as_user", metavar="USER", help="Ask as this person (default: you).")
@db_option
def ask(text: str, as_json: bool, as_user: str | None, db: str | None) -> None:
    """One question, one answer."""
    settings = _settings(db)
    agent = _agent(settings)
    try:
        reply = agent.ask(Turn(user_id=_user(as_user), surface="terminal", text=text))
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if as_json:
        click.echo(json.dumps(reply.to_json(), indent=2, ensure_ascii=False))
    else:
        Console().print(render(reply))


def _chat(settings: Settings, as_user: str | None) -> None:
    agent = _agent(settings)
    user = _user(as_user)
    settings.home.mkdir(parents=True, exist_ok=True)

    def answer(text: str) -> Any:
        try:
            return agent.ask(Turn(user_id=user, surface="terminal", text=text))
        except ErpError as error:
            from graph.messages import Reply

            return Reply(headline=f"The ERP refused: {error}")

    chat_loop(answer, Console(), settings.home / "chat_history")


@main.command()
@click.option("--as", "as_user", metavar="USER", help="Chat as this person (default: you).")
@db_option
def chat(as_user: str | None, db: str | None) -> None:
    """Terminal chat with the agent against the configured ERP."""
    _chat(_settings(db), as_user)


@main.command()
@click.option("--size", type=click.Choice(list(SIZES)), default="small", show_default=True)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--no-chat", is_flag=True, help="Only build the company.")
@db_option
def demo(size: str, seed: int, no_chat: bool, db: str | None) -> None:
    """Build a realistic demo company in the local ledger and open the chat on it."""
    settings = _settings(db)
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
    bank_file = settings.home / "demo" / f"bank-credits-{today.isoformat()}.csv"
    write_bank_csv(bank_file, company.bank_lines)
    counts = company.counts
    out = Console()
    out.print(
        f"[bold]Demo company ready[/bold] ({size}, seed {seed}, as of {today}): "
        f"{counts['customers']:,} customers, {counts['open_invoices']:,} open invoices, "
        f"{counts['payments']:,} payments, {counts['sales_orders']:,} pending sales orders, "
        f"{counts['promises']:,} promises to pay."
    )
    out.print(f"New bank credits to match: {bank_file}")
    sample = next(iter(ledger.invoices("C00001")), None)
    if sample is not None:
        out.print(
            f'Try: "did acme ind supply pay {sample.invoice_number}?", '
            '"what does Globex owe?", "show Initech\'s last payments"'
        )
    if not no_chat:
        _chat(settings, None)


@main.group()
def erp() -> None:
    """The ERP: import data into the local ledger."""


@erp.command("import")
@click.option("--customers", type=click.Path(path_type=Path), required=True)
@click.option("--invoices", type=click.Path(path_type=Path), required=True)
@click.option("--payments", type=click.Path(path_type=Path))
@click.option("--sales-orders", type=click.Path(path_type=Path))
@db_option
def erp_import(
    customers: Path,
    invoices: Path,
    payments: Path | None,
    sales_orders: Path | None,
    db: str | None,
) -> None:
    """Load CSV exports into the local ledger (all or nothing; re-importing changes nothing)."""
    settings = _settings(db)
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
        for problem in failure.problems:
            click.echo(problem, err=True)
        raise Fail(str(failure)) from None
    click.echo(f"Imported. {summary.describe()}")
