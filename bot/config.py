"""Settings from the environment (CONTRACTS.md § Environment) and the wiring they select."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from integrations.erp.local import LocalLedger
from integrations.erp.port import ErpClient

ERP_KINDS = ("local", "quickbooks", "intacct")


class ConfigError(Exception):
    """A setting is missing or wrong; the message says which and how to fix it."""


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str
    app_token: str | None = None
    api_url: str | None = None

    @classmethod
    def from_env(cls) -> SlackSettings | None:
        """None when Slack is not configured (no ``SLACK_BOT_TOKEN``)."""
        token = os.environ.get("SLACK_BOT_TOKEN")
        if not token:
            return None
        secret = os.environ.get("SLACK_SIGNING_SECRET") or ""
        app_token = os.environ.get("SLACK_APP_TOKEN") or None
        if not secret and not app_token:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is required to verify Slack's requests "
                "(or SLACK_APP_TOKEN for Socket Mode)"
            )
        api_url = os.environ.get("SLACK_API_URL") or None
        if api_url and not api_url.endswith("/"):
            api_url += "/"
        return cls(token, secret, app_token, api_url)

    def __repr__(self) -> str:  # never print the secrets
        return f"SlackSettings(socket_mode={self.app_token is not None}, api_url={self.api_url!r})"


TEAMS_APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
# Where Teams has a bot upload a file a person accepted: their OneDrive for Business.
TEAMS_FILE_HOSTS = ("https://*.sharepoint.com",)


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str | None
    app_password: str | None = None
    tenant_id: str | None = None
    app_type: str = "SingleTenant"
    file_hosts: tuple[str, ...] = TEAMS_FILE_HOSTS  # ARBOT_TEAMS_FILE_HOSTS replaces them

    @classmethod
    def from_env(cls) -> TeamsSettings:
        app_id = os.environ.get("MICROSOFT_APP_ID") or None
        app_type = os.environ.get("MICROSOFT_APP_TYPE") or "SingleTenant"
        if app_type not in TEAMS_APP_TYPES:
            raise ConfigError(
                f"MICROSOFT_APP_TYPE={app_type!r} is not one of {', '.join(TEAMS_APP_TYPES)}"
            )
        password = os.environ.get("MICROSOFT_APP_PASSWORD") or None
        tenant = os.environ.get("MICROSOFT_APP_TENANT_ID") or None
        if app_id and app_type != "UserAssignedMSI" and not password:
            raise ConfigError(
                "MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID "
                "(or MICROSOFT_APP_TYPE=UserAssignedMSI for a managed identity)"
            )
        if app_id and app_type == "SingleTenant" and not tenant:
            raise ConfigError("MICROSOFT_APP_TENANT_ID is required for a SingleTenant bot")
        hosts = os.environ.get("ARBOT_TEAMS_FILE_HOSTS") or ""
        file_hosts = tuple(h.strip() for h in hosts.split(",") if h.strip()) or TEAMS_FILE_HOSTS
        return cls(app_id, password, tenant, app_type, file_hosts)

    def __repr__(self) -> str:  # never print the secret
        return f"TeamsSettings(app_id={self.app_id!r}, app_type={self.app_type!r})"


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    erp: str
    policy_path: Path
    fixed_today: date | None = None
    zone: tzinfo | None = None  # ARBOT_TZ (None: UTC)
    slack: SlackSettings | None = None
    teams: TeamsSettings = TeamsSettings(None)
    # A folder banks drop statement files in (SFTP); the server runs cash application on each.
    bank_inbox: Path | None = None
    bank_inbox_every: float = 60.0
    bank_inbox_settle: float = 10.0  # seconds a file must be unchanged before it is read

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        home = Path(os.environ.get("ARBOT_HOME") or Path.home() / ".arbot").expanduser()
        url = db or os.environ.get("ARBOT_DATABASE_URL") or f"sqlite:///{home / 'arbot.db'}"
        erp = (os.environ.get("ARBOT_ERP") or "local").strip().lower()
        if erp not in ERP_KINDS:
            raise ConfigError(f"ARBOT_ERP={erp!r} is not one of {', '.join(ERP_KINDS)}")
        fixed = os.environ.get("ARBOT_TODAY")
        try:
            today = date.fromisoformat(fixed) if fixed else None
        except ValueError:
            raise ConfigError(f"ARBOT_TODAY={fixed!r} is not a date (YYYY-MM-DD)") from None
        from graph.format import LocaleError, business_locale
        from integrations.store.clock import ClockError, business_zone

        try:
            zone = business_zone()
            business_locale()
        except (ClockError, LocaleError) as error:
            raise ConfigError(str(error)) from None
        policy = Path(os.environ.get("ARBOT_POLICY") or home / "arbot.toml").expanduser()
        inbox = os.environ.get("ARBOT_BANK_INBOX")
        every_text = os.environ.get("ARBOT_BANK_INBOX_EVERY") or "60"
        try:
            every = float(every_text)
        except ValueError:
            every = -1.0
        if not 1 <= every <= 86400:
            raise ConfigError(
                f"ARBOT_BANK_INBOX_EVERY={every_text!r} is not a number of seconds (1-86400)"
            )
        return cls(
            home=home,
            database_url=url,
            erp=erp,
            policy_path=policy,
            fixed_today=today,
            zone=zone,
            slack=SlackSettings.from_env(),
            teams=TeamsSettings.from_env(),
            bank_inbox=Path(inbox).expanduser() if inbox else None,
            bank_inbox_every=every,
        )

    def today(self) -> date:
        """The business date: today in ``ARBOT_TZ``, or ``ARBOT_TODAY`` for reproducible runs
        and demos."""
        from integrations.store.clock import business_today

        return self.fixed_today or business_today(self.zone)


def open_local_ledger(settings: Settings) -> LocalLedger:
    try:
        return LocalLedger.open(settings.database_url)
    except Exception as error:
        raise ConfigError(
            f"cannot open the database {_redact(settings.database_url)}: "
            f"{error.__class__.__name__}: {str(error).splitlines()[0]}"
        ) from error


def open_erp(settings: Settings) -> ErpClient:
    if settings.erp == "local":
        return open_local_ledger(settings)
    if settings.erp == "quickbooks":
        from integrations.erp.quickbooks import QuickBooksClient, QuickBooksError

        try:
            return QuickBooksClient.from_env(settings.database_url)
        except QuickBooksError as error:
            raise ConfigError(str(error)) from None
    if settings.erp == "intacct":
        from integrations.erp.intacct import IntacctClient, IntacctConfigError

        try:
            return IntacctClient.from_env(database_url=settings.database_url)
        except IntacctConfigError as error:
            raise ConfigError(str(error)) from None
    raise AssertionError(f"unreachable: ARBOT_ERP={settings.erp} was validated")


def _redact(url: str) -> str:
    """A database URL without its password, fit for an error message."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
