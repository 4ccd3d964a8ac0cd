"""The approval queue from a shell: the same functions the chat and the buttons call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, runtime_for, settings_for
from bot.cli.export import format_option, out_option, write_table

if TYPE_CHECKING:
    from graph.messages import Click


@click.group()
def approvals() -> None:
    """The approval queue from a shell: the same functions the chat and the buttons call."""


def _approval_json(approval: Any) -> dict[str, Any]:
    return {
        "approval_id": approval.approval_id,
        "action": approval.action,
        "status": approval.status,
        "summary": approval.summary,
        "amount": approval.amount,
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


LIST_COLUMNS = (
    "approval_id",
    "status",
    "action",
    "amount",
    "currency",
    "customer_id",
    "summary",
    "requested_by",
    "decided_by",
    "erp_reference",
    "created_at",
    "expires_at",
)


@approvals.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the approvals as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Also the decided and finished ones.")
@format_option
@out_option
@db_option
def approvals_list(
    as_json: bool, show_all: bool, table_format: str | None, out: Any, db: str | None
) -> None:
    """Approvals waiting for a decision (pending, failed, in flight)."""
    runtime = runtime_for(settings_for(db))
    runtime.approvals.expire_stale()
    statuses = None if show_all else ("pending", "approved", "executing", "failed")
    found = runtime.store.list(statuses)
    if as_json:
        jsonout.echo({"approvals": [_approval_json(a) for a in found]})
        return
    if table_format:
        rows = ([getattr(a, column) for column in LIST_COLUMNS] for a in found)
        write_table(LIST_COLUMNS, rows, table_format, out, sheet="approvals")
        return
    if not found:
        click.echo("Nothing is waiting for approval.")
        return
    from rich.console import Console
    from rich.table import Table as RichTable

    from graph.format import money

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


json_option = click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")


def _decide(db: str | None, as_user: str, choice: Click, as_json: bool = False) -> None:
    """The CLI's decision, through the same path as the buttons."""
    from graph.decisions import decide
    from graph.messages import Turn

    runtime = runtime_for(settings_for(db))
    decided = decide(runtime.approvals, Turn(as_user, "terminal", click=choice))
    if not decided.ok:
        raise Fail(decided.reply.headline)
    if as_json:
        approval = runtime.store.get(choice.approval_id.strip().upper())
        shown = _approval_json(approval) if approval is not None else {}
        jsonout.echo({"ok": True, "message": decided.reply.headline, **shown})
        return
    click.echo(decided.reply.headline)


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
@json_option
@db_option
def approvals_approve(
    approval_id: str, as_user: str, amount: str | None, as_json: bool, db: str | None
) -> None:
    """Approve one approval; the ERP is written once."""
    from graph.messages import Click

    if amount is not None:
        from graph.decisions import AmountError, parse_amount

        try:
            parse_amount(amount)
        except AmountError as error:
            raise click.BadParameter(str(error), param_hint="--amount") from None
        _decide(db, as_user, Click(approval_id, "edit", amount_text=amount), as_json)
    else:
        _decide(db, as_user, Click(approval_id, "approve"), as_json)


@approvals.command("reject")
@click.argument("approval_id")
@click.option("--as", "as_user", metavar="PERSON", required=True)
@click.option("--reason", required=True, help="Why; it goes to the requester and the audit.")
@json_option
@db_option
def approvals_reject(
    approval_id: str, as_user: str, reason: str, as_json: bool, db: str | None
) -> None:
    """Reject one approval, with a reason."""
    from graph.messages import Click

    _decide(db, as_user, Click(approval_id, "reject", reason=reason), as_json)


@approvals.command("retry")
@click.argument("approval_id")
@click.option("--as", "as_user", metavar="PERSON", required=True)
@json_option
@db_option
def approvals_retry(approval_id: str, as_user: str, as_json: bool, db: str | None) -> None:
    """Try a failed ERP write again (same idempotency key: never a duplicate)."""
    from graph.messages import Click

    _decide(db, as_user, Click(approval_id, "retry"), as_json)


@approvals.command("reconcile")
@json_option
@db_option
def approvals_reconcile(as_json: bool, db: str | None) -> None:
    """Finish approvals a crash left approved or executing (also runs in chat and serve)."""
    runtime = runtime_for(settings_for(db))
    finished = runtime.approvals.reconcile()
    if as_json:
        jsonout.echo({"reconciled": list(finished)})
        return
    click.echo(
        f"Reconciled {len(finished)} approval(s)"
        + (f": {', '.join(finished)}" if finished else ".")
    )
