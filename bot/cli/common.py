"""What every command shares: the --db option, settings, the runtime, handled errors."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.runtime import Runtime

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


def settings_for(db: str | None) -> Settings:
    from bot.cli.jsonout import money_style
    from bot.config import ConfigError, Settings

    money_style()  # a wrong ARBOT_JSON_MONEY stops a command before it does anything
    try:
        return Settings.from_env(db)
    except ConfigError as error:
        raise Fail(str(error)) from None


def runtime_for(settings: Settings) -> Runtime:
    from bot.config import ConfigError
    from bot.runtime import Runtime

    try:
        return Runtime.open(settings)
    except ConfigError as error:
        raise Fail(str(error)) from None


def os_user() -> str:
    """Who runs the command: ``getpass.getuser()``'s answer (LOGNAME, USER, LNAME, USERNAME,
    else the account of this uid), without importing getpass and the terminal modules it
    imports; an account-less uid (a container's) is ``uid <n>`` rather than an error."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if user := os.environ.get(name):
            return user
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return f"uid {os.getuid()}"


@contextmanager
def one_shot() -> Iterator[None]:
    """For a command that answers once and ends (``arbot ask``, ``arbot digest``): Python's cyclic
    garbage collector does not run meanwhile. What such a command creates is mostly the modules,
    classes and functions it imports, which live until the process ends anyway; collecting
    walks all of them (and SQLAlchemy's) for nothing.

    When the process ends with the command (``bot.cli.PROCESS_ENDS_WITH_COMMAND``), what it
    holds is moved out of the collector's sight (``gc.freeze``) before the collector is on again:
    else the first allocation after it walks everything made meanwhile, and the interpreter's
    final full collection all of it once more (together ~115 M instructions of a question's
    ~1,370 M). Run inside a longer life (the chat, tests), nothing is frozen: the collector is on
    again and collects what the command left, as it would have."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        from bot import cli

        if cli.PROCESS_ENDS_WITH_COMMAND:
            gc.freeze()
        if enabled:
            gc.enable()


def user_or_me(as_user: str | None) -> str:
    return as_user or os_user()
