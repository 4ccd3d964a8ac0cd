"""Ack time of Slack slash commands: 50 concurrent signed /ar requests on loopback.

    python benchmarks/slack_ack.py [--requests 50] [--rounds 3]

Runs the real ASGI app (uvicorn) against the stand-in Slack Web API on the small demo company,
sends the requests at once, and prints p50/p99/max of the time until each HTTP response (the
ack Slack waits 3 s for; goal p99 ≤ 100 ms), and how long until every answer was posted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.bot.slack_kit import sign, slack_server, slash_body


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def burst(url: str, bodies: list[str]) -> list[float]:
    async with httpx.AsyncClient(timeout=30) as client:

        async def one(body: str) -> float:
            headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
            started = time.perf_counter()
            response = await client.post(f"{url}/slack/events", content=body, headers=headers)
            elapsed = 1000 * (time.perf_counter() - started)
            assert response.status_code == 200, response.text
            return elapsed

        return await asyncio.gather(*(one(body) for body in bodies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    questions = ["customer globex", "did initech pay last month?", "invoice 10034", "help"]
    with tempfile.TemporaryDirectory() as home, slack_server(Path(home)) as harness:
        print(f"{'round':<7}{'n':>4}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'all answered s':>16}")
        for round_no in range(1, args.rounds + 1):
            before = len(harness.slack.called("chat.postMessage"))
            bodies = [
                slash_body(questions[n % len(questions)], response_url=harness.response_url)
                for n in range(args.requests)
            ]
            started = time.perf_counter()
            acks = asyncio.run(burst(harness.url, bodies))
            harness.slack.wait_for("chat.postMessage", before + args.requests, timeout=120)
            answered = time.perf_counter() - started
            print(
                f"{round_no:<7}{len(acks):>4}{statistics.median(acks):>9.1f}"
                f"{percentile(acks, 0.99):>9.1f}{max(acks):>9.1f}{answered:>16.2f}"
            )


if __name__ == "__main__":
    main()
