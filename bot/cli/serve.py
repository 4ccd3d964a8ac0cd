"""The server and its platforms: arbot serve, arbot slack manifest, arbot teams package."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from bot.cli import jsonout
from bot.cli.common import Fail, db_option, settings_for
from bot.config import ConfigError


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--log-level",
    type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
    default=None,
    help="Default: $ARBOT_LOG_LEVEL, else info.",
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default=None,
    help="One JSON object per line for a log collector. Default: $ARBOT_LOG_FORMAT, else text.",
)
@click.option(
    "--access-log/--no-access-log", default=True, show_default=True, help="uvicorn's access log."
)
@click.option(
    "--graceful-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Seconds a stop (SIGTERM) waits for answers in progress.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON startup record on stdout once listening; logs as JSON on stderr.",
)
@db_option
def serve(
    host: str,
    port: int,
    log_level: str | None,
    log_format: str | None,
    access_log: bool,
    graceful_timeout: float,
    as_json: bool,
    db: str | None,
) -> None:
    """One HTTP server for Slack, Teams, health, readiness and metrics.

    Slack at POST /slack/events, Teams at POST /api/messages, GET /healthz (alive), /readyz
    (database up, migrations at head) and /metrics (Prometheus). Migrates the database first,
    as `arbot db upgrade` does; a stop (SIGTERM) finishes the answers in progress. --port 0
    takes a free port (--json says which)."""
    import uvicorn

    from bot.logs import setup

    if as_json and log_format is None:
        log_format = "json"
    from bot.metrics import Metrics
    from bot.runtime import Runtime
    from bot.server import create_app
    from integrations.histories import upgrade_all

    setup(logging.INFO, level=log_level, fmt=log_format)
    settings = settings_for(db)
    try:
        upgrade_all(settings.database_url)  # under the migration lock: replicas start together
    except Exception as error:
        raise Fail(
            f"the database could not be upgraded: {error.__class__.__name__}: "
            f"{(str(error).splitlines() or [''])[0]}"
        ) from None
    try:
        runtime = Runtime.open(settings, metrics=Metrics())
        api = create_app(runtime, graceful_timeout=graceful_timeout)
    except ConfigError as error:
        raise Fail(str(error)) from None
    config = uvicorn.Config(
        api,
        host=host,
        port=port,
        log_level=logging.getLevelName(logging.getLogger().level).lower(),
        access_log=access_log,
        log_config=None,
        timeout_graceful_shutdown=graceful_timeout,
    )
    announce = None
    if as_json:  # one line, so a supervisor reads it with the first readline

        def announce(where: list[tuple[str, int]]) -> None:
            click.echo(jsonout.dumps(startup_record(runtime, where), indent=None))

    server = _server(config, announce)
    server.run()
    if not server.started:  # as uvicorn.run: the port was taken, or the app failed to start
        raise SystemExit(3)


def startup_record(runtime: Any, listening: list[tuple[str, int]]) -> dict[str, Any]:
    """What `serve --json` prints once listening: where, which ERP, the policy's mode, which
    platforms are set up. Never a secret: no token, password or database URL (its kind only)."""
    from sqlalchemy.engine import make_url

    settings = runtime.settings
    host, port = listening[0]
    return {
        "event": "listening",
        "url": f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}",
        "host": host,
        "port": port,
        "listening": [{"host": h, "port": p} for h, p in listening],
        "erp": settings.erp,
        "mode": runtime.policy.mode,
        "database": make_url(settings.database_url).get_backend_name(),
        "slack": None
        if settings.slack is None
        else {"socket_mode": settings.slack.app_token is not None},
        "teams": {"app_id": settings.teams.app_id, "app_type": settings.teams.app_type},
        "bank_inbox": settings.bank_inbox,
        "version": _version(),
    }


def _version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("arbot")
    except PackageNotFoundError:
        return None


def _server(config: Any, announce: Callable[[list[tuple[str, int]]], None] | None) -> Any:
    """uvicorn's server, which calls ``announce`` with the addresses once it listens."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets)
            if self.started and announce is not None:
                announce([s.getsockname()[:2] for server in self.servers for s in server.sockets])

    return Server(config)


@click.group()
def slack() -> None:
    """Slack setup."""


@slack.command("manifest")
@click.option("--url", metavar="URL", help="Where arbot serve is reachable (HTTPS).")
@click.option(
    "--socket-mode", is_flag=True, help="No public URL: Slack connects over SLACK_APP_TOKEN."
)
@click.option("--name", default="arbot", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="The manifest is JSON already (the same).")
@db_option
def slack_manifest(
    url: str | None, socket_mode: bool, name: str, as_json: bool, db: str | None
) -> None:
    """The Slack app manifest: paste it at api.slack.com/apps → Create New App → From a manifest."""
    from bot.slack.manifest import manifest

    if bool(url) == socket_mode:
        raise click.UsageError("give either --url URL or --socket-mode")
    try:
        content = manifest(url, name, socket_mode=socket_mode)
    except ValueError as error:
        raise Fail(str(error)) from None
    jsonout.echo(content)


@click.group()
def teams() -> None:
    """Microsoft Teams setup."""


@teams.command("package")
@click.option("--app-id", required=True, help="The Azure Bot's Microsoft App ID (a GUID).")
@click.option("--url", required=True, metavar="URL", help="Where arbot serve is reachable.")
@click.option(
    "--out", type=click.Path(path_type=Path), default=Path("arbot-teams.zip"), show_default=True
)
@click.option("--privacy-url", metavar="URL", help="Your privacy page. Default: URL/privacy.")
@click.option("--terms-url", metavar="URL", help="Your terms of use. Default: URL/terms.")
@click.option("--json", "as_json", is_flag=True, help="Print the package's path and ids as JSON.")
@db_option
def teams_package(
    app_id: str,
    url: str,
    out: Path,
    privacy_url: str | None,
    terms_url: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """The Teams app package (manifest and icons) to upload to Teams."""
    from bot.teams.package import write_package

    try:
        written = write_package(out, app_id, url, privacy_url=privacy_url, terms_url=terms_url)
    except ValueError as error:
        raise Fail(str(error)) from None
    if as_json:
        jsonout.echo({"package": written, "app_id": app_id, "url": url})
        return
    click.echo(f"Wrote {written}: upload it in Teams → Apps → Manage your apps → Upload an app.")


# --- approvals ---------------------------------------------------------------------------------
