"""The deployment files as an admin uses them: the image definition, the compose file and the
systemd unit say what the README says; built and run where a container runtime works."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTIONS = {
    "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
    "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
}  # fmt: skip


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of each instruction, continuation lines joined."""
    found, current = [], ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current += line.rstrip("\\").strip() + " "
        if not line.rstrip().endswith("\\"):
            word, _, rest = current.strip().partition(" ")
            found.append((word, rest))
            current = ""
    assert not current, "a continuation line ends the file"
    return found


def test_the_image_is_slim_runs_as_a_user_and_checks_readiness() -> None:
    steps = dockerfile_instructions()
    unknown = [word for word, _ in steps if word not in INSTRUCTIONS]
    assert not unknown
    bases = [rest.split()[0] for word, rest in steps if word == "FROM"]
    assert bases and all(base.endswith("-slim") for base in bases)
    final = steps[max(i for i, (word, _) in enumerate(steps) if word == "FROM") :]
    users = [rest for word, rest in final if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    [health] = [rest for word, rest in final if word == "HEALTHCHECK"]
    assert "/readyz" in health
    [command] = [rest for word, rest in final if word == "CMD"]
    assert json.loads(command)[:2] == ["arbot", "serve"]
    for word, rest in steps:  # everything copied from the build context exists
        if word == "COPY" and "--from" not in rest:
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), source
    lock = (ROOT / "deploy" / "requirements.lock").read_text()
    assert "--hash=sha256:" in lock
    for name in ("psycopg", "langgraph-checkpoint-postgres", "structlog", "prometheus-client"):
        assert f"\n{name}==" in lock, name


def test_compose_runs_arbot_after_a_healthy_migrated_postgresql() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["migrate"]["command"] == ["arbot", "db", "upgrade"]
    arbot = services["arbot"]
    assert arbot["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    assert any("/readyz" in part for part in arbot["healthcheck"]["test"])
    assert arbot["environment"]["ARBOT_DATABASE_URL"].startswith("postgresql+psycopg://")
    for volume in arbot["volumes"]:
        assert (ROOT / volume.split(":")[0]).exists()


def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    unit = (ROOT / "deploy" / "arbot.service").read_text()
    assert "ExecStartPre=/opt/arbot/bin/arbot db upgrade" in unit
    assert "ExecStart=/opt/arbot/bin/arbot serve" in unit
    # verify checks that commands exist: point them at one that does on this machine
    probe = tmp_path / "arbot.service"
    probe.write_text(unit.replace("/opt/arbot/bin/arbot", shutil.which("true") or "/bin/true"))
    done = subprocess.run([analyze, "verify", str(probe)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


def _docker_works() -> bool:
    docker = shutil.which("docker")
    if docker is None:
        return False
    return subprocess.run([docker, "info"], capture_output=True, timeout=30).returncode == 0


@pytest.mark.skipif(not _docker_works(), reason="no container runtime here (docker info fails)")
def test_the_image_builds_and_answers_readyz() -> None:
    import httpx

    tag = f"arbot-test:{uuid.uuid4().hex[:8]}"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    name = f"arbot-test-{uuid.uuid4().hex[:8]}"
    try:
        subprocess.run(
            ["docker", "run", "-d", "--name", name, "-p", "127.0.0.1::8000", tag],
            check=True,
            capture_output=True,
        )
        port = (
            subprocess.run(
                ["docker", "port", name, "8000"], check=True, capture_output=True, text=True
            )
            .stdout.split(":")[-1]
            .strip()
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5)
                if answer.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(1)
        assert answer.json()["status"] == "ready"
    finally:
        subprocess.run(["docker", "rm", "-f", name], capture_output=True)
        subprocess.run(["docker", "rmi", "-f", tag], capture_output=True)
