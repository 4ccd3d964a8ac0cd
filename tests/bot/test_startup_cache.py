"""The dataclasses' generated methods compiled once and kept between processes
(``bot.cli.startup``): a class made from the kept code is the class made without it, the file
is written only as bytecode is, and read only when it is this user's alone."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bot.cli.startup import CodeCache
from graph.lazy_regex import read_cache
from tests.conftest import TODAY, Demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def kinds() -> list[type]:
    """Dataclasses of every shape the generated methods take."""

    @dataclass(frozen=True, slots=True)
    class Record:
        number: str
        amount: int = 0
        tags: tuple[str, ...] = ()

    @dataclass(order=True)
    class Ordered:
        rank: int
        name: str = field(default="x", compare=False)
        seen: list[str] = field(default_factory=list)
        kind: ClassVar[str] = "ordered"

    @dataclass(kw_only=True)
    class Keywords:
        a: int
        b: int = 2
        scale: InitVar[int] = 1
        total: int = field(init=False, default=0)

        def __post_init__(self, scale: int) -> None:
            self.total = (self.a + self.b) * scale

    @dataclass(eq=False, repr=False)
    class Plain:
        value: Any = None

    return [Record, Ordered, Keywords, Plain]


METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__lt__")


def made_through(cache: CodeCache | None, monkeypatch: pytest.MonkeyPatch) -> list[type]:
    with monkeypatch.context() as patch:
        if cache is not None:
            patch.setattr(dataclasses, "exec", cache.exec, raising=False)
        return kinds()


def same_class(mine: type, theirs: type) -> None:
    for name in METHODS:
        a, b = mine.__dict__.get(name), theirs.__dict__.get(name)
        assert (a is None) == (b is None), (mine, name)
        if isinstance(a, Callable) and hasattr(a, "__code__"):  # type: ignore[arg-type]
            assert a.__code__ == b.__code__, (mine, name)  # type: ignore[union-attr]
            assert a.__annotations__ == b.__annotations__, (mine, name)  # type: ignore[union-attr]
            assert a.__defaults__ == b.__defaults__ and a.__kwdefaults__ == b.__kwdefaults__


def test_classes_from_the_kept_code_are_the_classes_made_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dataclasses.marshal"
    plain = made_through(None, monkeypatch)
    first = CodeCache(path)
    made = made_through(first, monkeypatch)
    first.write()
    second = CodeCache(path)
    again = made_through(second, monkeypatch)
    assert not second._added  # every method came from the file
    for mine, kept, theirs in zip(made, again, plain, strict=True):
        same_class(mine, theirs)
        same_class(kept, theirs)
    record, ordered, keywords, plain_class = again
    r = record("INV-1", 5)
    assert r == record("INV-1", 5) and hash(r) == hash(record("INV-1", 5))
    assert repr(r).endswith("Record(number='INV-1', amount=5, tags=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.amount = 6  # type: ignore[misc]
    assert ordered(1, "b") < ordered(2, "a") and ordered(1, "a") == ordered(1, "z")
    assert ordered(1).seen is not ordered(1).seen
    assert keywords(a=1, scale=3).total == 9
    with pytest.raises(TypeError):
        keywords(1)  # type: ignore[misc]
    assert plain_class(1) != plain_class(1)


def test_nothing_is_written_where_python_writes_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CodeCache(tmp_path / "c")
    made_through(cache, monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache.write()
    assert not (tmp_path / "c").exists()


def test_a_file_others_could_write_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c"
    cache = CodeCache(path)
    made_through(cache, monkeypatch)
    cache.write()
    assert path.stat().st_mode & 0o777 == 0o600
    assert read_cache(path)
    os.chmod(path, 0o666)
    assert read_cache(path) is None
    fresh = CodeCache(path)
    made_through(fresh, monkeypatch)  # compiled afresh, the same classes
    assert fresh._added


def test_a_broken_file_is_compiled_around(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c"
    for content in (b"", b"\x00garbage", b"[]"):
        path.write_bytes(content)
        os.chmod(path, 0o600)
        same_class(made_through(CodeCache(path), monkeypatch)[0], kinds()[0])


def test_a_command_installs_it_once() -> None:
    from bot.cli import load_command, startup

    load_command("ask")
    installed = startup.CODES
    assert installed is not None and dataclasses.exec == installed.exec  # type: ignore[attr-defined]
    load_command("trust")
    assert startup.CODES is installed


def run_ask(demo: Demo, home: Path, call: str) -> None:
    """``arbot ask`` in a fresh interpreter whose cache folder is ``home / 'cache'``."""
    code = (
        "import sys\n"
        f"sys.argv = ['arbot', 'ask', '--db', {demo.url!r}, 'what does globex owe?']\n"
        f"from bot.cli import main\n{call}\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": str(ROOT),
        "ARBOT_HOME": str(home),
        "ARBOT_TODAY": TODAY.isoformat(),
        "ARBOT_LLM_MODEL": "",
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert "Globex Corporation owes" in done.stdout, done.stderr


def test_the_command_line_keeps_its_command_s_methods_and_nothing_else_writes(
    demo: Demo, tmp_path: Path
) -> None:
    """The ``arbot`` script (arguments from ``sys.argv``) writes the file of its command; a
    program running a command inside its own life (``main([...])``, tests) writes none."""
    run_ask(demo, tmp_path / "script", "main()")
    written = sorted(p.name for p in (tmp_path / "script" / "cache" / "arbot").iterdir())
    assert [name for name in written if name.startswith("dataclasses-")] == [
        startup_cache_path("ask").name
    ]
    kept = read_cache(tmp_path / "script" / "cache" / "arbot" / startup_cache_path("ask").name)
    assert isinstance(kept, dict) and any("def __init__(self,approval_id" in t for t in kept)

    inside = tmp_path / "inside"
    run_ask(demo, inside, "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass")
    folder = inside / "cache" / "arbot"
    assert not folder.exists() or not any(
        p.name.startswith("dataclasses-") for p in folder.iterdir()
    )


def startup_cache_path(command: str) -> Path:
    from bot.cli.startup import cache_path

    path = cache_path(command)
    assert path is not None
    return path
