"""The server and its platforms: arbot serve, arbot slack manifest, arbot teams package."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import click

from bot.cli.common import Fail, db_option, runtime_for, settings_for
from bot.config import ConfigError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """One HTTP server: Slack at POST /slack/events, GET /healthz."""
    import uvicorn

    from bot.logs import setup
    from bot.server import create_app

    setup(logging.INFO)
    try:
        api = create_app(runtime_for(settings_for(db)))
    except ConfigError as error:
        raise Fail(str(error)) from None
    uvicorn.run(api, host=host, port=port, log_level="info", access_log=False, log_config=None)


@click.group()
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


@click.group()
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
