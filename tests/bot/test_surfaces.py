"""One scenario, two surfaces: what an AR team does in Slack works the same in Teams, because
both share everything below the renderer."""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import ClassVar, Protocol

import httpx
import pytest

from bot.slack.blocks import render
from bot.teams.package import write_package
from graph.cash_actions import WriteOffDeduction
from graph.proposals import proposal_reply
from tests.bot.slack_kit import (
    CASEY_AAD,
    MORGAN_AAD,
    Harness,
    button_body,
    slack_server,
    slash_body,
    teams_invoke,
    teams_message,
)


class Driver(Protocol):
    def ask(self, text: str) -> str: ...

    def approve(self, approval_id: str, who: str) -> tuple[str | None, str | None]:
        """(what everyone now sees on the card, what only the clicker is told)."""
        ...


@dataclass
class SlackDriver:
    server: Harness
    users: ClassVar[dict[str, str]] = {"morgan": "U0MORGAN", "casey": "U0CASEY"}

    def ask(self, text: str) -> str:
        before = len(self.server.slack.called("chat.postMessage"))
        self.server.form(slash_body(text, response_url=self.server.response_url))
        post = self.server.slack.wait_for("chat.postMessage", before + 1)[-1]
        return post.args["text"]

    def approve(self, approval_id: str, who: str) -> tuple[str | None, str | None]:
        slack = self.server.slack
        updates, notes = len(slack.called("chat.update")), len(slack.called("chat.postEphemeral"))
        approval = self.server.runtime.store.get(approval_id)
        _, card = render(proposal_reply(approval))
        self.server.form(
            button_body(
                "approve",
                approval_id,
                user=self.users[who],
                channel="C0AR",
                ts="1700000000.000777",
                blocks=card,
            )
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (
            len(slack.called("chat.update")) == updates
            and len(slack.called("chat.postEphemeral")) == notes
        ):
            time.sleep(0.02)
        time.sleep(0.2)  # a refusal must not be followed by a card update: give it the chance
        new_updates = slack.called("chat.update")[updates:]
        new_notes = slack.called("chat.postEphemeral")[notes:]
        public = (
            json.dumps(new_updates[-1].args["blocks"], ensure_ascii=False) if new_updates else None
        )
        return public, (new_notes[-1].args["text"] if new_notes else None)


@dataclass
class TeamsDriver:
    server: Harness
    users: ClassVar[dict[str, str]] = {"morgan": MORGAN_AAD, "casey": CASEY_AAD}

    def ask(self, text: str) -> str:
        before = len(self.server.connector.messages("send"))
        httpx.post(
            f"{self.server.url}/api/messages",
            timeout=10,
            json=teams_message(text, service_url=self.server.connector.url),
        )
        sent = self.server.connector.wait_for("send", before + 1)[-1]
        return sent.card["body"][0]["text"]  # type: ignore[index]

    def approve(self, approval_id: str, who: str) -> tuple[str | None, str | None]:
        updates = len(self.server.connector.messages("update"))
        answer = httpx.post(
            f"{self.server.url}/api/messages",
            timeout=10,
            json=teams_invoke(
                {"action": "approve", "approval_id": approval_id},
                service_url=self.server.connector.url,
                reply_to="1700000000777",
                user=self.users[who],
            ),
        ).json()
        new_updates = self.server.connector.messages("update")[updates:]
        public = json.dumps(new_updates[-1].card, ensure_ascii=False) if new_updates else None
        private = answer["value"] if answer["type"].endswith("activity.message") else None
        return public, private


@pytest.fixture(params=["slack", "teams"])
def surface(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Driver, Harness]]:
    with slack_server(tmp_path) as server:
        driver: Driver = SlackDriver(server) if request.param == "slack" else TeamsDriver(server)
        yield driver, server


def test_the_same_scenario_on_every_surface(surface: tuple[Driver, Harness]) -> None:
    driver, server = surface
    assert driver.ask("what does globex owe?").startswith("Globex Corporation owes $")

    invoice = server.ledger.invoices("C00003")[0]
    approval = server.runtime.approvals.propose(
        WriteOffDeduction(
            customer_id="C00003",
            invoice_number=invoice.invoice_number,
            write_off="40.00",
            invoice_currency="USD",
            reason_code="pricing",
            memo="price difference",
        ),
        requested_by="Dana Kim",
    )
    refused_public, refused_private = driver.approve(approval.approval_id, "casey")
    assert refused_public is None
    assert refused_private == (
        "Not allowed: none of your roles (collector) may approve write off deduction."
    )
    public, _ = driver.approve(approval.approval_id, "morgan")
    assert public is not None and "Approved by Morgan Lee" in public and "ADJ-" in public
    _, again = driver.approve(approval.approval_id, "morgan")
    assert again is not None and again.startswith("Already done by Morgan Lee at ")
    balance = server.ledger.get_invoice(invoice.invoice_number).balance  # type: ignore[union-attr]
    assert balance == invoice.balance - Decimal("40.00")


def test_the_teams_package(tmp_path: Path) -> None:
    app_id = "11111111-2222-3333-4444-555555555555"
    path = write_package(tmp_path / "arbot.zip", app_id, "https://ar.example.com/")
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        content = json.loads(archive.read("manifest.json"))
        from PIL import Image

        color = Image.open(archive.open("color.png"))
        outline = Image.open(archive.open("outline.png"))
    assert content["id"] == content["bots"][0]["botId"] == app_id
    assert content["validDomains"] == ["ar.example.com"]
    assert set(content["bots"][0]["scopes"]) == {"personal", "team", "groupChat"}
    assert color.size == (192, 192) and outline.size == (32, 32)
    assert outline.mode == "RGBA" and outline.getpixel((0, 0))[3] == 0  # transparent
    with pytest.raises(ValueError, match="is not an app id"):
        write_package(tmp_path / "x.zip", "not-a-guid", "https://ar.example.com")
    with pytest.raises(ValueError, match="is not an https URL"):
        write_package(tmp_path / "x.zip", app_id, "http://ar.example.com")
