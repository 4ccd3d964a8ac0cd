"""The ``arbot`` command line (CONTRACTS.md). Exit 0 on success, 1 on a handled error with one
line on stderr, 2 on bad usage."""

from __future__ import annotations

import getpass
import json
import logging
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from bot.config import ConfigError, Settings, open_local_ledger
from bot.runtime import Runtime
from bot.terminal import TerminalSession, chat_loop, render
from graph.approvals import Decision
from graph.format import money
from graph.messages import Turn
from graph.policy import Identity
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


def _runtime(settings: Settings) -> Runtime:
    try:
        return Runtime.open(settings)
    except ConfigError as error:
        raise Fail(str(error)) from None


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
    runtime = _runtime(_settings(db))
    try:
        reply = runtime.agent.ask(Turn(user_id=_user(as_user), surface="terminal", text=text))
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if as_json:
        click.echo(json.dumps(reply.to_json(), indent=2, ensure_ascii=False))
    else:
        Console().print(render(reply))


def _chat(settings: Settings, as_user: str | None) -> None:
    runtime = _runtime(settings)
    runtime.start_reconciler()
    settings.home.mkdir(parents=True, exist_ok=True)
    session = TerminalSession(runtime.agent, runtime.approvals, _user(as_user))
    try:
        chat_loop(session, Console(), settings.home / "chat_history")
    finally:
        runtime.stop()


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
    if not settings.policy_path.exists():
        write_demo_policy(settings.policy_path, getpass.getuser())
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


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """One HTTP server: Slack at POST /slack/events, GET /healthz."""
    import uvicorn

    from bot.server import create_app

    logging.getLogger().setLevel(logging.INFO)
    try:
        api = create_app(_runtime(_settings(db)))
    except ConfigError as error:
        raise Fail(str(error)) from None
    uvicorn.run(api, host=host, port=port, log_level="info", access_log=False)


def _report(runtime: Runtime, request: Any, as_json: bool) -> None:
    try:
        reply = runtime.agent.report(request, Turn(_user(None), "terminal", request.text))
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if as_json:
        click.echo(json.dumps(reply.to_json(), indent=2, ensure_ascii=False))
    else:
        Console().print(render(reply))


@main.command()
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--collector", help="Only this collector's worklist.")
@click.option("--json", "as_json", is_flag=True, help="Print the structured list.")
@db_option
def collections(top: int, collector: str | None, as_json: bool, db: str | None) -> None:
    """The collections priority list: who to chase first, why, and what next."""
    from graph.understand import Request

    request = Request("collections_list", customer_text=collector, limit=top, text="collections")
    _report(_runtime(_settings(db)), request, as_json)


@main.command()
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

    settings = _settings(db)
    period = DateRange(since.date(), settings.today(), "since") if since else None
    request = Request("deduction_summary", period=period, text="deductions")
    _report(_runtime(settings), request, as_json)


@main.command()
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

    from bot.digest import build, parse_target

    settings = _settings(db)
    runtime = _runtime(settings)
    reply = build(runtime)
    if target:
        try:
            surface, where = parse_target(target)
            asyncio.run(_post(runtime, surface, where, reply))
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


async def _post(runtime: Runtime, surface: str, where: str, reply: Any) -> None:
    settings = runtime.settings
    if surface == "teams":
        from bot.teams.app import post_proactively

        await post_proactively(runtime, settings.teams, where, reply)
        return
    if settings.slack is None:
        raise ConfigError("SLACK_BOT_TOKEN is not set: arbot cannot post to Slack")
    from bot.slack.app import SlackSurface

    slack_surface = SlackSurface(
        runtime,
        token=settings.slack.bot_token,
        signing_secret=settings.slack.signing_secret or "unused",
        api_url=settings.slack.api_url,
    )
    await slack_surface.post_reply(reply, where)


@main.command()
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

    settings = _settings(db)
    try:
        lines = read_bank_file(bank_file, file_format)
    except BankFileError as error:
        raise Fail(str(error)) from None
    runtime = _runtime(settings)
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


@main.group()
def slack() -> None:
    """Slack setup."""


@slack.command("manifest")
@click.option("--url", required=True, metavar="URL", help="Where arbot serve is reachable.")
@click.option("--name", default="arbot", show_default=True)
@db_option
def slack_manifest(url: str, name: str, db: str | None) -> None:
    """The Slack app manifest: paste it at api.slack.com/apps → Create New App → From a manifest."""
    from bot.slack.manifest import manifest

    click.echo(json.dumps(manifest(url, name), indent=2))


@main.group()
def quickbooks() -> None:
    """QuickBooks Online setup."""


@quickbooks.command("connect")
@click.option(
    "--redirect-uri",
    required=True,
    metavar="URI",
    help="The redirect URI registered for the app on developer.intuit.com.",
)
@db_option
def quickbooks_connect(redirect_uri: str, db: str | None) -> None:
    """Connect a QuickBooks company: open the printed URL, approve, paste where it lands."""
    import os

    from integrations.erp.quickbooks import (
        QuickBooksError,
        authorization_url,
        complete_connection,
        new_state,
    )
    from integrations.erp.quickbooks.oauth import TOKEN_URL

    settings = _settings(db)
    client_id = os.environ.get("QBO_CLIENT_ID")
    client_secret = os.environ.get("QBO_CLIENT_SECRET")
    if not client_id or not client_secret:
        raise Fail("set QBO_CLIENT_ID and QBO_CLIENT_SECRET (from developer.intuit.com) first")
    state = new_state()
    click.echo("Open this address, sign in and choose the company:")
    click.echo(authorization_url(client_id, redirect_uri, state))
    landed = click.prompt("Paste the address your browser landed on")
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
    click.echo(f"Connected. Set QBO_REALM_ID={connection.realm_id} and ARBOT_ERP=quickbooks.")


@main.group()
def teams() -> None:
    """Microsoft Teams setup."""


@teams.command("package")
@click.option("--app-id", required=True, help="The Azure Bot's Microsoft App ID (a GUID).")
@click.option("--url", required=True, metavar="URL", help="Where arbot serve is reachable.")
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("arbot-teams.zip"), show_default=True
)
@db_option
def teams_package(app_id: str, url: str, out: Path, db: str | None) -> None:
    """The Teams app package (manifest and icons) to upload to Teams."""
    from bot.teams.package import write_package

    try:
        written = write_package(out, app_id, url)
    except ValueError as error:
        raise Fail(str(error)) from None
    click.echo(f"Wrote {written}: upload it in Teams → Apps → Manage your apps → Upload an app.")


# --- approvals ---------------------------------------------------------------------------------


@main.group()
def approvals() -> None:
    """The approval queue from a shell: the same functions the chat and the buttons call."""


def _approval_json(approval: Any) -> dict[str, Any]:
    return {
        "approval_id": approval.approval_id,
        "action": approval.action,
        "status": approval.status,
        "summary": approval.summary,
        "amount": None if approval.amount is None else float(approval.amount),
        "currency": approval.currency,
        "customer_id": approval.customer_id,
        "requested_by": approval.requested_by,
        "proposed_by": approval.proposed_by,
        "decided_by": approval.decided_by,
        "note": approval.note,
        "erp_reference": approval.erp_reference,
        "created_at": approval.created_at.isoformat(),
        "expires_at": approval.expires_at.isoformat(),
    }


@approvals.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the approvals as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Also the decided and finished ones.")
@db_option
def approvals_list(as_json: bool, show_all: bool, db: str | None) -> None:
    """Approvals waiting for a decision (pending, failed, in flight)."""
    runtime = _runtime(_settings(db))
    runtime.approvals.expire_stale()
    statuses = None if show_all else ("pending", "approved", "executing", "failed")
    found = runtime.store.list(statuses)
    if as_json:
        click.echo(json.dumps({"approvals": [_approval_json(a) for a in found]}, indent=2))
        return
    if not found:
        click.echo("Nothing is waiting for approval.")
        return
    table = RichTable(show_edge=False, header_style="bold")
    table.add_column("ID", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_column("Summary", ratio=1, min_width=30)
    table.add_column("Requested by")
    for a in found:
        amount = money(a.amount, a.currency or "USD") if a.amount is not None else ""
        table.add_row(a.approval_id, a.status, amount, a.summary, a.requested_by)
    Console().print(table)


def _decided(decision: Decision) -> None:
    if not decision.ok:
        raise Fail(decision.message)
    click.echo(decision.message)


@approvals.command("approve")
@click.argument("approval_id")
@click.option(
    "--as",
    "as_user",
    metavar="PERSON",
    required=True,
    help="Who approves: a terminal id or name from the policy file.",
)
@click.option("--amount", type=str, help="Approve with this amount instead (within policy).")
@db_option
def approvals_approve(approval_id: str, as_user: str, amount: str | None, db: str | None) -> None:
    """Approve one approval; the ERP is written once."""
    edited = None
    if amount is not None:
        try:
            edited = Decimal(amount.replace(",", ""))
        except InvalidOperation:
            raise click.BadParameter(
                f"{amount!r} is not an amount", param_hint="--amount"
            ) from None
    runtime = _runtime(_settings(db))
    _decided(
        runtime.approvals.approve(approval_id.upper(), Identity("terminal", as_user), amount=edited)
    )


@approvals.command("reject")
@click.argument("approval_id")
@click.option("--as", "as_user", metavar="PERSON", required=True)
@click.option("--reason", required=True, help="Why; it goes to the requester and the audit.")
@db_option
def approvals_reject(approval_id: str, as_user: str, reason: str, db: str | None) -> None:
    """Reject one approval, with a reason."""
    runtime = _runtime(_settings(db))
    _decided(runtime.approvals.reject(approval_id.upper(), Identity("terminal", as_user), reason))


@approvals.command("retry")
@click.argument("approval_id")
@click.option("--as", "as_user", metavar="PERSON", required=True)
@db_option
def approvals_retry(approval_id: str, as_user: str, db: str | None) -> None:
    """Try a failed ERP write again (same idempotency key: never a duplicate)."""
    runtime = _runtime(_settings(db))
    _decided(runtime.approvals.retry(approval_id.upper(), Identity("terminal", as_user)))


@approvals.command("reconcile")
@db_option
def approvals_reconcile(db: str | None) -> None:
    """Finish approvals a crash left approved or executing (also runs in chat and serve)."""
    runtime = _runtime(_settings(db))
    finished = runtime.approvals.reconcile()
    click.echo(
        f"Reconciled {len(finished)} approval(s)"
        + (f": {', '.join(finished)}" if finished else ".")
    )


# --- audit -------------------------------------------------------------------------------------


@main.group()
def audit() -> None:
    """The hash-chained audit trail."""


@audit.command("verify")
@db_option
def audit_verify(db: str | None) -> None:
    """Check that no audit record was changed, removed or inserted (exit 1 if one was)."""
    runtime = _runtime(_settings(db))
    broken = runtime.store.verify_audit()
    if broken is not None:
        raise Fail(f"the audit trail is broken: {broken}")
    count = len(runtime.store.audit())
    click.echo(f"The audit trail is intact: {count} record(s), each chained to the one before.")


@audit.command("show")
@click.option("--approval", "approval_id", metavar="ID", help="Only this approval's records.")
@click.option("--json", "as_json", is_flag=True)
@db_option
def audit_show(approval_id: str | None, as_json: bool, db: str | None) -> None:
    """Who did what, when, with before/after and the ERP's reference."""
    runtime = _runtime(_settings(db))
    records = runtime.store.audit(approval_id.upper() if approval_id else None)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "records": [
                        {
                            "seq": r.seq,
                            "approval_id": r.approval_id,
                            "event": r.event,
                            "actor": r.actor,
                            "at": r.at,
                            "detail": r.detail,
                            "erp_reference": r.erp_reference,
                            "hash": r.hash,
                        }
                        for r in records
                    ]
                },
                indent=2,
            )
        )
        return
    for r in records:
        when = r.at[:19].replace("T", " ")
        line = f"#{r.seq} {when}  {r.approval_id or '-'}  {r.event}  {r.actor}"
        if r.erp_reference:
            line += f"  ERP {r.erp_reference}"
        click.echo(line)
        shown = {k: v for k, v in r.detail.items() if k != "payload"}
        if shown:
            click.echo("    " + json.dumps(shown, ensure_ascii=False, default=str)[:300])
