"""The command line starts without the heavy libraries: ``arbot --help``, ``--version`` and a
typo import click and the command table only; each command imports what it needs when it runs.
Checked on ``sys.modules`` of a fresh interpreter (behaviour, not timing: the timings are
``benchmarks/coldstart.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from bot.cli import COMMANDS, load_command, main
from tests.conftest import TODAY, Cli, Demo

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openai", "matplotlib", "langgraph", "microsoft_teams", "slack_bolt")


def modules_after(code: str, **env: str) -> set[str]:
    """The top-level packages imported by a fresh interpreter that ran ``code``."""
    return run_python(code, **env)[0]


def run_python(code: str, **env: str) -> tuple[set[str], str]:
    """What a fresh interpreter that ran ``code`` imported (top-level packages), and printed."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    *printed, last = done.stdout.strip().splitlines()
    return {name.split(".")[0] for name in json.loads(last)}, "\n".join(printed)


def test_importing_the_command_line_imports_no_heavy_library() -> None:
    loaded = modules_after("import bot.cli")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["aks"], ["approvals", "--help"]])
def test_help_version_and_typos_import_no_heavy_library(args: list[str]) -> None:
    code = (
        "import sys\nfrom bot.cli import main\n"
        f"try:\n    main({args!r}, prog_name='arbot')\nexcept SystemExit:\n    pass"
    )
    loaded = modules_after(code)
    assert not loaded & {*HEAVY, "sqlalchemy", "rich"}, sorted(loaded & {*HEAVY, "rich"})


def test_every_command_module_imports_without_heavy_libraries() -> None:
    code = "from bot.cli import COMMANDS, load_command\nfor name in COMMANDS: load_command(name)"
    loaded = modules_after(code)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_help_lists_every_command_with_its_own_first_line() -> None:
    for name, (_, short_help) in COMMANDS.items():
        command = load_command(name)
        assert command.name == name
        table_line = click.Command(name, help=short_help).get_short_help_str(500)
        assert table_line == command.get_short_help_str(500), name
    listed = Cli(Path("/nonexistent"))("--help")
    assert listed.exit_code == 0
    for name in COMMANDS:
        assert f"\n  {name} " in listed.stdout


def test_a_typo_is_bad_usage_with_a_suggestion() -> None:
    result = Cli(Path("/nonexistent"))("colections")
    assert result.exit_code == 2
    assert "No such command 'colections'" in result.output
    assert "Did you mean 'collections'?" in result.output


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("arbot, version ")


def test_the_demo_sizes_offered_are_the_demo_builders() -> None:
    from integrations.erp.local.demo import SIZES

    demo = main.get_command(click.Context(main), "demo")
    assert demo is not None
    size = next(p for p in demo.params if p.name == "size")
    assert list(size.type.choices) == list(SIZES)  # type: ignore[attr-defined]


def test_a_question_imports_only_what_answering_needs(demo: Demo, tmp_path: Path) -> None:
    """``arbot ask`` reads the ledger and answers: no LangGraph (the approvals' threads are not
    opened by a question), no LLM client, no charts, no Alembic (the database is current)."""
    code = (
        "from bot.cli import main\n"
        "try:\n"
        f"    main(['ask', '--db', {demo.url!r}, 'what does globex owe?'], prog_name='arbot')\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
    )
    env = {"ARBOT_HOME": str(tmp_path), "ARBOT_TODAY": TODAY.isoformat(), "ARBOT_LLM_MODEL": ""}
    loaded, printed = run_python(code, **env)
    assert "Globex Corporation owes" in printed
    assert not loaded & {*HEAVY, "alembic"}, sorted(loaded & {*HEAVY, "alembic"})
    assert "sqlalchemy" in loaded and "rapidfuzz" in loaded  # it did read and resolve


def test_a_one_shot_command_pauses_the_collector_and_gives_it_back() -> None:
    import gc

    from bot.cli.common import one_shot

    assert gc.isenabled()
    with pytest.raises(RuntimeError), one_shot():
        assert not gc.isenabled()
        raise RuntimeError("a command that fails")
    assert gc.isenabled()  # also after a failure: the chat and tests run on in this process


def test_ask_answers_in_process_with_the_collector_on_afterwards(demo: Demo, arbot: Cli) -> None:
    import gc

    result = arbot("ask", "--db", demo.url, "what does globex owe?")
    assert result.exit_code == 0, result.output
    assert "Globex Corporation owes" in result.output
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # what the command left is collected as usual


def test_a_question_that_ends_its_process_leaves_its_objects_out_of_the_collector(
    demo: Demo, tmp_path: Path
) -> None:
    """``arbot ask`` from the command line (arguments from ``sys.argv``): the process ends with
    the answer, so neither the collector's next pass nor the interpreter's final one walks what
    the command made (frozen); the collector is on again all the same."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count(), gc.isenabled()))\n"
        f"sys.argv = ['arbot', 'ask', '--db', {demo.url!r}, 'what does globex owe?']\n"
        "from bot.cli import main\n"
        "main(prog_name='arbot')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARBOT_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**env, "ARBOT_TODAY": TODAY.isoformat(), "ARBOT_LLM_MODEL": ""},
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Globex Corporation owes" in done.stdout
    frozen, enabled = done.stdout.strip().splitlines()[-1].split()[1:]
    assert int(frozen) > 10_000 and enabled == "True", done.stdout


def test_the_os_user_is_getpass_s_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from bot.cli.common import os_user

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("USER", "dana")
    assert os_user() == getpass.getuser() == "dana"
    monkeypatch.setenv("LOGNAME", "lee")
    assert os_user() == getpass.getuser() == "lee"
    monkeypatch.delenv("LOGNAME")
    monkeypatch.delenv("USER")
    assert os_user() == getpass.getuser()  # the account of this uid


def test_a_uid_without_an_account_is_named_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    from bot.cli.common import os_user

    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)

    def no_account(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_account)
    assert os_user() == f"uid {os.getuid()}"


def test_the_digest_imports_neither_the_agent_nor_the_actions(demo: Demo, tmp_path: Path) -> None:
    """``arbot digest`` reads and reports: the agent, the actions a person approves
    (``graph.actions``, any of them: ``graph.action_base``) and LangGraph are not imported (their
    import was a share of its time)."""
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "try:\n"
        f"    main(['digest', '--db', {demo.url!r}], prog_name='arbot')\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "actions = ('graph.actions', 'graph.action_base', 'graph.agent')\n"
        "print(sorted(m for m in sys.modules if m in actions))\n"
    )
    env = {"ARBOT_HOME": str(tmp_path), "ARBOT_TODAY": TODAY.isoformat(), "ARBOT_LLM_MODEL": ""}
    loaded, printed = run_python(code, **env)
    assert printed.startswith("AR digest for 2026-11-21"), printed[:300]
    assert printed.splitlines()[-1] == "[]"
    assert not loaded & {"langgraph", "openai"}, sorted(loaded & {"langgraph", "openai"})
