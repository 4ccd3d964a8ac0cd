"""The ``arbot`` command line (CONTRACTS.md). Exit 0 on success, 1 on a handled error with one
line on stderr, 2 on bad usage. Each group of commands lives in its own module."""

from __future__ import annotations

import logging

import click

from bot.cli import approvals, audit, cashapp, chat, erp, reports, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arbot")
def main() -> None:
    """arbot: an accounts-receivable assistant for Slack, Teams and the terminal."""
    from bot.logs import setup

    setup(logging.WARNING)


for command in (
    chat.ask,
    chat.chat,
    chat.demo,
    erp.erp,
    serve.serve,
    reports.collections,
    reports.deductions,
    reports.digest,
    cashapp.cashapp,
    serve.slack,
    erp.quickbooks,
    serve.teams,
    approvals.approvals,
    audit.audit,
):
    main.add_command(command)
