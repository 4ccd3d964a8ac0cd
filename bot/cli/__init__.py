"""The ``arbot`` command line (CONTRACTS.md). Exit 0 on success, 1 on a handled error with one
line on stderr, 2 on bad usage. Each group of commands lives in its own module, imported only
when that command runs: ``arbot --help``, ``--version`` and a typo import click and this table,
nothing else (the benchmark ``benchmarks/coldstart.py`` measures it).

A new command is one row of ``COMMANDS``: its name, ``module:attribute``, and the short help
``arbot --help`` shows (a test checks it is the command's own first line)."""

from __future__ import annotations

import importlib
from typing import Any

import click

COMMANDS: dict[str, tuple[str, str]] = {
    "approvals": (
        "bot.cli.approvals:approvals",
        "The approval queue from a shell: the same functions the chat and the buttons call.",
    ),
    "ask": ("bot.cli.chat:ask", "One question, one answer."),
    "audit": (
        "bot.cli.audit:audit",
        "The keyed, hash-chained audit trail and its anchors (docs/audit.md).",
    ),
    "backtest": (
        "bot.cli.backtest:backtest",
        "Replay the ERP's own history: what arbot would have done against what people did.",
    ),
    "cashapp": (
        "bot.cli.cashapp:cashapp",
        "Match a bank file's receipts to open invoices; apply or propose under the policy.",
    ),
    "chat": ("bot.cli.chat:chat", "Terminal chat with the agent against the configured ERP."),
    "collections": (
        "bot.cli.reports:collections",
        "The collections priority list: who to chase first, why, and what next.",
    ),
    "deductions": (
        "bot.cli.reports:deductions",
        "Open deductions by reason, customer and age; write-offs proposed, the rest to follow up.",
    ),
    "db": (
        "bot.cli.db:db",
        "The database: migrate it as a deploy step, or see where it stands.",
    ),
    "demo": (
        "bot.cli.chat:demo",
        "Build a realistic demo company in the local ledger and open the chat on it.",
    ),
    "digest": (
        "bot.cli.reports:digest",
        "The daily digest: yesterday's cash, approvals waiting, open AR and its chart.",
    ),
    "erp": ("bot.cli.erp:erp", "The ERP: import data into the local ledger."),
    "inbox": (
        "bot.cli.inbox:inbox",
        "Customers' e-mails: classified, with the matching proposal.",
    ),
    "invoices": (
        "bot.cli.invoices:invoices",
        "Draft invoices from billable milestones or time entries, each proposed for approval.",
    ),
    "quickbooks": ("bot.cli.erp:quickbooks", "QuickBooks Online setup."),
    "serve": (
        "bot.cli.serve:serve",
        "One HTTP server for Slack, Teams, health, readiness and metrics.",
    ),
    "slack": ("bot.cli.serve:slack", "Slack setup."),
    "teams": ("bot.cli.serve:teams", "Microsoft Teams setup."),
    "trust": (
        "bot.cli.trust:trust",
        "Shadow mode's scorecard: what arbot would have done against what the team did.",
    ),
}


# True when this process runs one command and ends: the ``arbot`` script or ``python -m bot.cli``
# (``main`` reading its arguments from ``sys.argv`` in click's standalone mode, which exits when
# the command ends). False when commands run inside a longer life (tests, a program calling
# ``main([...])``). ``bot.cli.common.one_shot`` reads it.
PROCESS_ENDS_WITH_COMMAND = False


def load_command(name: str) -> click.Command:
    """The command registered as ``name`` in ``COMMANDS`` (imports its module; from here on the
    dataclasses' generated methods are compiled once and kept: ``bot.cli.startup``)."""
    from bot.cli.startup import install

    install(name, keep=PROCESS_ENDS_WITH_COMMAND)
    module, attribute = COMMANDS[name][0].split(":")
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command), f"{module}:{attribute} is not a click command"
    return command


class LazyGroup(click.Group):
    """Lists the commands from ``COMMANDS`` and imports one only when it is run."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        global PROCESS_ENDS_WITH_COMMAND
        if args is None and standalone_mode:  # sys.argv, and click exits when the command ends
            PROCESS_ENDS_WITH_COMMAND = True
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        return load_command(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if name and self.get_command(ctx, name) is None and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.fail(f"No such command '{name}'.{hint}")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            from bot.config import ConfigError  # read only when something failed

            if isinstance(error, ConfigError):  # a setting, or a store opened on first use
                from bot.cli.common import Fail

                raise Fail(str(error)) from None
            raise

    def format_commands(self, ctx: click.Context, formatter: Any) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in COMMANDS:
                text = click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit)
            else:
                text = self.commands[name].get_short_help_str(limit)
            rows.append((name, text))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arbot")
def main() -> None:
    """arbot: an accounts-receivable assistant for Slack, Teams and the terminal."""
    import logging

    from bot.logs import setup

    setup(logging.WARNING)
