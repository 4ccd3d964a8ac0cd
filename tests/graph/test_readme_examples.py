"""Every example the README shows is asked on the demo company through ``arbot ask --json``:
it gets an answer (not "which customer?", not "I can't find"), and a proposal exactly when it
asks for a change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import Cli

README = Path(__file__).resolve().parents[2] / "README.md"
NOT_AN_ANSWER = ("I can't find", "Which", "More than one", "I didn't understand", "I can't do")


def _examples() -> list[tuple[str, bool]]:
    """(example, whether it asks for a change) from the opening lines and the "What you can
    ask" table; templates with "…" are skipped."""
    text = README.read_text(encoding="utf-8")
    opening = text.split("\n\n")[1]
    asks = [q.replace("\n", " ") for q in re.findall(r'\*"([^"]+)"\*', opening)]
    found = [(q, q.startswith(("write off", "raise"))) for q in asks]
    table = text.split("## What you can ask", 1)[1].split("\n\n", 2)[1]
    for line in table.splitlines()[2:]:
        change = "for a change" in line
        found += [(e, change) for e in re.findall(r"`([^`]+)`", line) if "…" not in e]
    slack = re.search(r"In Slack: (.*?)\n", text)
    assert slack is not None
    found += [(e, False) for e in re.findall(r"`(/ar [^`]+)`", slack.group(1)) if "…" not in e]
    return found


@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("readme") / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


def test_the_readme_shows_examples() -> None:
    examples = _examples()
    assert len(examples) >= 25
    assert any(change for _, change in examples)


@pytest.mark.parametrize(("example", "change"), _examples())
def test_every_readme_example_works_on_the_demo(demo_cli: Cli, example: str, change: bool) -> None:
    result = demo_cli("ask", "--json", example)
    assert result.exit_code == 0, result.output
    reply = json.loads(result.stdout)
    assert not reply["text"].startswith(NOT_AN_ANSWER), reply["text"][:160]
    assert bool(reply["proposals"]) == change, (reply["intent"], reply["text"][:160])
