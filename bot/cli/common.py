"""What every command shares: the --db option, settings, the runtime, handled errors."""

from __future__ import annotations

import getpass
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


def user_or_me(as_user: str | None) -> str:
    return as_user or getpass.getuser()
