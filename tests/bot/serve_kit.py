"""``arbot serve`` as real OS processes on loopback ports, as an admin runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
ARBOT = "import sys; from bot.cli import main; sys.argv[0] = 'arbot'; main()"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str

    def output(self) -> str:
        """Everything the process wrote (after it ended)."""
        out, err = self.process.communicate(timeout=60)
        return out + err

    def wait_ready(self, timeout: float = 480.0) -> dict:
        """The /readyz answer once it is 200; fails with the process's output if it ends."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"arbot serve ended ({self.process.returncode}):\n{self.output()}"
                )
            try:
                answer = httpx.get(f"{self.url}/readyz", timeout=5)
                if answer.status_code == 200:
                    return answer.json()
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.process.kill()
        raise AssertionError(f"arbot serve was not ready in {timeout} s:\n{self.output()}")

    def terminate(self, timeout: float = 120.0) -> bool:
        """Stop it as systemd or docker do (SIGTERM); whether it stopped as it should: after
        its graceful shutdown uvicorn ends by the signal it was sent (or exits 0)."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout) in (0, -signal.SIGTERM)


def serve_env(home: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ARBOT_", "SLACK_", "MICROSOFT_", "QBO_", "INTACCT_", "OPENAI_"))
    }
    env.update(
        PYTHONPATH=str(ROOT),
        ARBOT_HOME=str(home),
        ARBOT_DATABASE_URL=database_url,
        ARBOT_TODAY=TODAY.isoformat(),
        ARBOT_LOG_FORMAT="json",
        **extra,
    )
    return env


@contextmanager
def served(env: dict[str, str], count: int = 1, *args: str) -> Iterator[list[Served]]:
    """``count`` processes of ``arbot serve`` started at once; killed at the end if still up."""
    ports = [free_port() for _ in range(count)]
    processes = [
        Served(
            subprocess.Popen(
                [sys.executable, "-c", ARBOT, "serve", "--port", str(port), *args],
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
            f"http://127.0.0.1:{port}",
        )
        for port in ports
    ]
    try:
        yield processes
    finally:
        for one in processes:
            if one.process.poll() is None:
                one.process.kill()
                one.process.wait(timeout=30)
