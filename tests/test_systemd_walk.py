"""The README's systemd steps, walked on the CI PostgreSQL: the database role and password of
the documented steps, the env file read the way systemd reads an ``EnvironmentFile``, the unit's
own ``Environment=``, its ``ExecStartPre`` (``arbot db upgrade``) and ``ExecStart`` (``arbot
serve``) run as written (with the venv's ``arbot`` replaced by this checkout's, and the port by
a free one); then what the README says to check: /healthz, /readyz, /metrics."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.bot.serve_kit import ARBOT, Served, free_port, serve_env
from tests.conftest import POSTGRES_URL

ROOT = Path(__file__).resolve().parents[1]
VENV_ARBOT = "/opt/arbot/bin/arbot"


def unit_settings(path: Path) -> dict[str, list[str]]:
    """``Key=value`` lines of a unit file, by key, in order (sections are not needed here)."""
    found: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def environment_file(path: Path) -> dict[str, str]:
    """An ``EnvironmentFile`` as systemd reads it: ``KEY=VALUE`` lines; lines starting with
    ``#`` or ``;`` are comments; a ``#`` after a value is part of the value."""
    found = {}
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        key, sep, value = stripped.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key.strip()), line
        assert " #" not in value, f"systemd would keep the comment in the value: {line}"
        found[key.strip()] = value.strip().strip('"')
    return found


def test_the_env_file_and_the_unit_agree_with_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    unit = unit_settings(ROOT / "deploy" / "arbot.service")
    env = environment_file(ROOT / "deploy" / "arbot.env.example")
    url = make_url(env["ARBOT_DATABASE_URL"])
    # The README creates this role with this password, owning this database.
    assert f"createuser {url.username}" in readme
    assert f"createdb -O {url.username} {url.database}" in readme
    assert f"ALTER USER {url.username} PASSWORD '{url.password}'" in readme
    assert unit["EnvironmentFile"] == ["/etc/arbot/arbot.env"]
    assert "/etc/arbot/arbot.env" in readme
    environment = dict(
        pair.split("=", 1) for line in unit["Environment"] for pair in shlex.split(line)
    )
    # The policy the README installs is the one the unit reads; arbot's home is the user's.
    assert environment["ARBOT_POLICY"] == "/etc/arbot/arbot.toml"
    assert "deploy/arbot.toml /etc/arbot/arbot.toml" in readme
    assert environment["ARBOT_HOME"] == unit["WorkingDirectory"][0] == "/var/lib/arbot"
    assert "--home-dir /var/lib/arbot" in readme
    assert unit["ExecStartPre"] == [f"{VENV_ARBOT} db upgrade"]
    assert "python3 -m venv /opt/arbot" in readme
    assert "--require-hashes --no-deps -r deploy/requirements.lock" in readme


@pytest.mark.skipif(not POSTGRES_URL, reason="ARBOT_TEST_POSTGRES_URL is not set")
def test_the_documented_env_file_and_unit_bring_arbot_up(tmp_path: Path) -> None:
    assert POSTGRES_URL
    unit = unit_settings(ROOT / "deploy" / "arbot.service")
    documented = environment_file(ROOT / "deploy" / "arbot.env.example")
    wanted = make_url(documented["ARBOT_DATABASE_URL"])
    cluster = make_url(POSTGRES_URL)
    role, database = f"{wanted.username}_{uuid.uuid4().hex[:8]}", f"arbot_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # the README's createuser / createdb -O / ALTER USER
        conn.execute(text(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{wanted.password}'"))
        conn.execute(text(f'CREATE DATABASE "{database}" OWNER "{role}"'))
    try:
        url = wanted.set(
            username=role, host=cluster.host, port=cluster.port, database=database
        ).render_as_string(hide_password=False)
        policy = tmp_path / "arbot.toml"
        policy.write_text((ROOT / "deploy" / "arbot.toml").read_text())
        environment = dict(
            pair.split("=", 1) for line in unit["Environment"] for pair in shlex.split(line)
        )
        environment.update(ARBOT_HOME=str(tmp_path), ARBOT_POLICY=str(policy))
        env = serve_env(tmp_path, url)
        for key in [k for k in env if k.startswith("ARBOT_")]:
            del env[key]  # only what the unit and the env file say
        env.update(environment)
        env.update({**documented, "ARBOT_DATABASE_URL": url})

        def command(line: str, port: int | None = None) -> list[str]:
            words = shlex.split(line)
            assert words[0] == VENV_ARBOT, line
            if port is not None:
                words[words.index("--port") + 1] = str(port)
            return [sys.executable, "-c", ARBOT, *words[1:]]

        [pre] = unit["ExecStartPre"]
        migrated = subprocess.run(
            command(pre), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
        )
        assert migrated.returncode == 0, migrated.stderr
        [start] = unit["ExecStart"]
        port = free_port()
        server = Served(
            subprocess.Popen(
                command(start, port),
                env=env,
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
            f"http://127.0.0.1:{port}",
        )
        try:
            ready = server.wait_ready()
            assert ready["status"] == "ready" and ready["database"] == "ok"
            assert httpx.get(f"{server.url}/healthz", timeout=5).json()["status"] == "ok"
            metrics = httpx.get(f"{server.url}/metrics", timeout=5).text
            assert 'arbot_http_requests_total{method="GET",route="/readyz",status="200"}' in metrics
            assert server.terminate(timeout=float(unit["TimeoutStopSec"][0]))
        finally:
            if server.process.poll() is None:
                server.process.kill()
                server.process.wait(timeout=30)
        records = [line for line in server.output().splitlines() if line.strip()]
        assert records and all(line.startswith("{") for line in records)  # the unit's json logs
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
