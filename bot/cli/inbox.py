"""arbot inbox add FILE.eml: a customer's e-mail read as a promise, dispute, remittance advice
or copy request, with the matching proposal waiting for approval."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, runtime_for, settings_for, user_or_me


@click.group()
def inbox() -> None:
    """Customers' e-mails: classified, with the matching proposal."""


@inbox.command("add")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as", "as_user", metavar="USER", help="Who asks (default: the OS user).")
@click.option("--json", "as_json", is_flag=True, help="Print the structured reply.")
@db_option
def add(file: Path, as_user: str | None, as_json: bool, db: str | None) -> None:
    """Read FILE.eml and propose what it calls for (nothing is written before approval)."""
    from graph.customer_mail import MAX_EMAIL_BYTES, MailRefused, read_eml, reply_to
    from graph.messages import Turn
    from graph.reports import ReportContext
    from integrations.erp.port import ErpError

    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_EMAIL_BYTES + 1)
    except OSError as error:
        raise Fail(
            f"{file}: cannot be read ({error.strerror or error.__class__.__name__})"
        ) from None
    try:
        mail = read_eml(data)
    except MailRefused as refused:
        raise Fail(f"{file.name}: {refused}") from None
    runtime = runtime_for(settings_for(db))
    agent = runtime.agent
    user = user_or_me(as_user)
    identity_turn = Turn(user, "terminal", f"inbox add {file.name}")
    from graph.agent.nodes import _requested_by

    context = ReportContext(
        agent.erp,
        runtime.store,
        agent.today(),
        agent.resolver.customer_or_ask,
        runtime.approvals,
        requested_by=_requested_by(agent, identity_turn),
        llm=agent.llm,
        find_customer=agent.resolver.customer,
    )
    try:
        reply = reply_to(context, mail, source=f"the e-mail {file.name}")
    except ErpError as error:
        raise Fail(f"the ERP refused: {error}") from None
    if as_json:
        jsonout.echo_reply(reply)
        return
    from rich.console import Console

    from bot.terminal import render

    Console().print(render(reply))
