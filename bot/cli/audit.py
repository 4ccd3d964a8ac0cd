"""The audit trail: arbot audit verify, arbot audit show."""

from __future__ import annotations

import json

import click

from bot.cli.common import Fail, db_option, runtime_for, settings_for


@click.group()
def audit() -> None:
    """The hash-chained audit trail."""


@audit.command("verify")
@db_option
def audit_verify(db: str | None) -> None:
    """Check that no audit record was changed, removed or inserted (exit 1 if one was)."""
    runtime = runtime_for(settings_for(db))
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
    runtime = runtime_for(settings_for(db))
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
