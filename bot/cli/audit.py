"""The audit trail: arbot audit verify, arbot audit anchor, arbot audit show."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, settings_for
from bot.cli.export import format_option, out_option, write_table

ANCHOR_ENV = "ARBOT_AUDIT_ANCHOR"


def _store(db: str | None) -> Any:
    from integrations.store import Store
    from integrations.store.audit import AuditKeyError

    settings = settings_for(db)
    try:
        return Store.open(settings.database_url)
    except AuditKeyError as error:
        raise Fail(str(error)) from None
    except Exception as error:  # any driver error becomes one readable line
        raise Fail(f"cannot open the store: {error.__class__.__name__}: {error}") from None


def _anchor_path(given: str | None) -> Path | None:
    chosen = given or os.environ.get(ANCHOR_ENV) or None
    return None if chosen is None else Path(chosen).expanduser()


@click.group()
def audit() -> None:
    """The keyed, hash-chained audit trail and its anchors (docs/audit.md)."""


@audit.command("verify")
@click.option(
    "--anchor",
    "anchor",
    metavar="FILE",
    help=f"Also check every head anchored in FILE (default: ${ANCHOR_ENV}).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (exit 1: broken).")
@db_option
def audit_verify(anchor: str | None, as_json: bool, db: str | None) -> None:
    """Check every record, every approval and every anchored head (exit 1 if any is wrong)."""
    store = _store(db)
    anchors = _anchor_path(anchor)
    report = store.audit_report(anchors)
    if as_json:
        jsonout.echo(
            {
                "intact": report.intact,
                "records": report.records,
                "approvals": report.approvals,
                "anchors": report.anchors if anchors is not None else None,
                "problems": list(report.problems),
                "notes": list(report.notes()),
            }
        )
        if not report.intact:
            raise SystemExit(1)
        return
    if not report.intact:
        for problem in report.problems[1:]:
            click.echo(f"arbot: also: {problem}", err=True)
        raise Fail(f"the audit trail is broken: {report.problems[0]}")
    checked = f"{report.records} record(s) and {report.approvals} approval(s)"
    if anchors is None:
        tail = "; no anchor file checked (--anchor FILE), so a cut-off tail would go unseen."
    else:
        tail = f"; the chain reaches all {report.anchors} head(s) anchored in {anchors}."
    click.echo(f"The audit trail is intact: {checked}, each chained to the one before{tail}")
    for note in report.notes():
        click.echo(f"Note: {note}.")


@audit.command("anchor")
@click.option(
    "--to",
    "to",
    metavar="FILE",
    help=f"Append the signed head to FILE ('-': print it; default: ${ANCHOR_ENV}).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the signed head (and where it went) as JSON."
)
@db_option
def audit_anchor(to: str | None, as_json: bool, db: str | None) -> None:
    """Sign the chain head (seq, hash, time, HMAC) and append it to a file the database's
    writers cannot write; `arbot audit verify --anchor FILE` then detects a cut or rewrite."""
    from integrations.store.audit import AuditKeyError

    target = None if to == "-" else _anchor_path(to)
    if target is None and to != "-":
        raise Fail(f"say where the anchor goes: --to FILE (or set {ANCHOR_ENV}); '-' prints it")
    store = _store(db)
    try:
        anchor = store.anchor(target)
    except AuditKeyError as error:
        raise Fail(str(error)) from None
    except OSError as error:
        raise Fail(f"{target}: cannot append the anchor: {error.strerror or error}") from None
    if as_json:
        jsonout.echo(
            {
                "seq": anchor.seq,
                "hash": anchor.hash,
                "at": anchor.at,
                "key_id": anchor.key_id,
                "mac": anchor.mac,
                "file": None if target is None else str(target),
            }
        )
    elif target is None:
        click.echo(anchor.line())
    else:
        click.echo(f"Anchored record {anchor.seq} ({anchor.hash[:12]}…) in {target}.")


SHOW_COLUMNS = (
    "seq",
    "at",
    "approval_id",
    "event",
    "actor",
    "erp_reference",
    "detail",
    "hash",
    "key_id",
)


@audit.command("show")
@click.option("--approval", "approval_id", metavar="ID", help="Only this approval's records.")
@click.option("--json", "as_json", is_flag=True)
@format_option
@out_option
@db_option
def audit_show(
    approval_id: str | None, as_json: bool, table_format: str | None, out: Any, db: str | None
) -> None:
    """Who did what, when, with before/after and the ERP's reference."""
    records = _store(db).audit(approval_id.upper() if approval_id else None)
    if table_format:
        rows = (
            [
                json.dumps(r.detail, ensure_ascii=False, default=str)
                if column == "detail"
                else getattr(r, column)
                for column in SHOW_COLUMNS
            ]
            for r in records
        )
        write_table(SHOW_COLUMNS, rows, table_format, out, sheet="audit")
        return
    if as_json:
        jsonout.echo(
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
                        "key_id": r.key_id,
                    }
                    for r in records
                ]
            }
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
