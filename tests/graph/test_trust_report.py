"""The trust report: one PDF page a controller signs (the figures, where arbot would have been
wrong, the thresholds it recommends for auto mode), and the same scorecard with its chart as a
Slack message and a Teams card that the stand-ins accept (Block Kit, Adaptive Card 1.5)."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.config import TeamsSettings
from bot.teams.app import post_proactively
from graph.shadow import watch
from graph.shadow_score import scorecard
from graph.trust_report import trust_reply, weekly_sections
from integrations.store import Store
from tests.bot.slack_kit import Harness, slack_server, teams_message
from tests.conftest import TODAY, Cli
from tests.graph.shadow_kit import run_week


def test_one_page_to_sign(arbot: Cli, tmp_path: Path) -> None:
    arbot.home.mkdir(parents=True)
    run_week(f"sqlite:///{arbot.home / 'arbot.db'}")
    report = tmp_path / "out" / "trust.pdf"
    result = arbot("trust", "--pdf", str(report))
    assert result.exit_code == 0, result.output
    pages = PdfReader(report).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    for words in (
        "arbot trust report",
        "10 agreed, 2 disagreed",  # cash: the week's two known disagreements
        "P-20",
        "P-41",
        "INV-7001",
        "Recommended for auto mode",
        "Reviewed and approved",
    ):
        assert words in text, words
    assert pages[0].images, "the chart is on the page"


def test_a_report_that_cannot_be_written_is_one_line(arbot: Cli, tmp_path: Path) -> None:
    arbot.home.mkdir(parents=True)
    run_week(f"sqlite:///{arbot.home / 'arbot.db'}")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = arbot("trust", "--pdf", str(blocked / "trust.pdf"))
    assert result.exit_code == 1
    assert result.output.startswith("arbot: cannot write") and "Traceback" not in result.output


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Harness]:
    with slack_server(tmp_path) as harness:
        yield harness


def test_the_card_with_its_chart_on_slack_and_teams(server: Harness) -> None:
    from bot.server import create_app

    runtime = server.runtime
    watch(server.ledger, runtime.store, TODAY)  # the demo's recent payments, looked at once
    card = scorecard(runtime.store) | {"today": TODAY.isoformat(), "mode": "monitor"}
    assert card["kinds"]["apply_payment"]["observed"] > 0
    reply = trust_reply(card)
    post = create_app(runtime).state.post
    asyncio.run(post("slack:C0TRUST", reply))
    [message] = server.slack.wait_for("chat.postMessage")
    assert message.args["channel"] == "C0TRUST"
    server.slack.wait_for("files.completeUploadExternal")
    [upload] = server.slack.called("upload")
    assert upload.args["bytes"] > 1000

    activity = teams_message("help", service_url=server.connector.url)
    import httpx

    httpx.post(f"{server.url}/api/messages", json=activity, timeout=10)
    server.connector.wait_for("send")
    asyncio.run(
        post_proactively(runtime, TeamsSettings(None), activity["conversation"]["id"], reply)
    )
    sent = server.connector.wait_for("send", 2)[-1].card
    assert sent is not None
    [image] = [b for b in sent["body"] if b["type"] == "Image"]
    assert base64.b64decode(image["url"].split(",", 1)[1]).startswith(b"\x89PNG")


def test_the_digest_shows_it_on_mondays(server: Harness) -> None:
    store: Store = server.runtime.store
    assert weekly_sections(store, date(2026, 11, 23)) == []  # nothing recorded yet
    watch(server.ledger, store, TODAY)
    [section] = weekly_sections(store, date(2026, 11, 23))
    assert section.title and "Cash application" in (section.text or "")
    assert weekly_sections(store, date(2026, 11, 24)) == []  # a Tuesday


def test_the_page_carries_a_backtest_too(arbot: Cli, tmp_path: Path) -> None:
    arbot.home.mkdir(parents=True)
    url = f"sqlite:///{arbot.home / 'arbot.db'}"
    run_week(url)
    saved = arbot("backtest", "--months", "2", "--kind", "cashapp", "--json")
    assert saved.exit_code == 0, saved.output
    figures = tmp_path / "backtest.json"
    figures.write_text(saved.stdout, encoding="utf-8")
    report = tmp_path / "trust.pdf"
    result = arbot("trust", "--pdf", str(report), "--backtest", str(figures))
    assert result.exit_code == 0, result.output
    [page] = PdfReader(report).pages
    text = page.extract_text()
    assert "On the books' history (arbot backtest" in text
    payments = json.loads(saved.stdout)["cashapp"]["payments"]
    assert f"Cash application, {payments} applied payments replayed" in text
    assert "In shadow mode" in text and "Reviewed and approved" in text


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe not text", b"[1, 2]", b'{"today": 1}', b'{"today": "x", "since": "y", '
     b'"cashapp": {"payments": "many"}}', b"{" * 100_000],
)  # fmt: skip
def test_a_backtest_file_that_is_not_one_is_refused_in_one_line(
    arbot: Cli, tmp_path: Path, content: bytes
) -> None:
    arbot.home.mkdir(parents=True)
    figures = tmp_path / "backtest.json"
    figures.write_bytes(content)
    result = arbot("trust", "--backtest", str(figures))
    assert result.exit_code == 1
    assert result.output.strip() == f"arbot: {figures}: not the JSON of `arbot backtest --json`"
