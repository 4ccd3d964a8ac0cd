"""The dataclasses' generated methods, compiled once and kept between processes.

``@dataclass`` writes the source of each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and (frozen) ``__setattr__``/``__delattr__`` and compiles it when the class is
made, every time its module is imported. A question (``arbot ask``) imports some fifty
dataclasses — the ERP's records, the replies, the parser's requests — and compiling their
methods costs it ~165 M instructions (~13 % of the whole command; ``benchmarks/coldstart.py
--valgrind``).

``install(command)`` gives the ``dataclasses`` module an ``exec`` that compiles each source text
once: the code object is kept, in this process and in a file next to the parser's compiled
patterns (``graph.lazy_regex.cache_dir()``: ``$XDG_CACHE_HOME/arbot``, else ``~/.cache/arbot``),
one per command and Python bytecode version, keyed by the exact text. Executing that code object
is exactly what executing the text does (``compile`` with no inherited flags: the
``dataclasses`` module has none), so every class is the class it was. Only a process that runs
one command and ends (``bot.cli.PROCESS_ENDS_WITH_COMMAND``: the ``arbot`` script) writes its
command's file, when it ends having compiled texts the file did not hold, and not when Python
writes no bytecode (``PYTHONDONTWRITEBYTECODE``): a file holds what its command makes, not what
tests or other commands made, so reading it stays cheap. A file is read only when it is this
user's alone (``graph.lazy_regex.read_cache``)."""

from __future__ import annotations

import atexit
import sys
import threading
from pathlib import Path
from types import CodeType
from typing import Any

from graph.lazy_regex import cache_dir, read_cache, write_cache

MOST_KEPT = 2000  # source texts kept in a file; past it, a write keeps this process's


class CodeCache:
    """Code objects by source text, read from and written to one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._codes: dict[str, CodeType] | None = None
        self._used: set[str] = set()
        self._added = False
        self._lock = threading.Lock()

    def _loaded(self) -> dict[str, CodeType]:
        if self._codes is None:
            stored = read_cache(self.path) if self.path is not None else None
            self._codes = stored if isinstance(stored, dict) else {}
        return self._codes

    def code(self, text: str) -> CodeType:
        with self._lock:
            codes = self._loaded()
            found = codes.get(text)
            if found is None or not isinstance(found, CodeType):
                # dont_inherit: compiled as exec() in the dataclasses module compiles it, not
                # with this module's ``from __future__`` flags.
                found = codes[text] = compile(text, "<string>", "exec", dont_inherit=True)
                self._added = True
            self._used.add(text)
            return found

    def write(self) -> None:
        """Write the file if this process compiled texts it did not hold."""
        if self.path is None or not self._added or sys.dont_write_bytecode:
            return
        with self._lock:
            codes = dict(self._loaded())
        stored = read_cache(self.path)  # another process may have added its own meanwhile
        if isinstance(stored, dict):
            codes = {**stored, **codes}
        if len(codes) > MOST_KEPT:
            codes = {text: code for text, code in codes.items() if text in self._used}
        if write_cache(self.path, codes):
            self._added = False

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` for the dataclasses module: a source text runs as its kept code object."""
        if isinstance(source, str):
            source = self.code(source)
        exec(source, globals, locals)


def cache_path(command: str) -> Path | None:
    """The file of ``command`` and this Python's bytecode version (None: no cache folder)."""
    from importlib.util import MAGIC_NUMBER

    folder = cache_dir()
    if folder is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}"
    return folder / f"dataclasses-{command}-{tag}.marshal"


CODES: CodeCache | None = None


def install(command: str, keep: bool) -> None:
    """Make the dataclasses module compile through ``command``'s cache (once per process: the
    first command's); ``keep``: write what this process compiled to the file when it ends."""
    global CODES
    if CODES is not None:
        return
    import dataclasses

    CODES = CodeCache(cache_path(command))
    dataclasses.exec = CODES.exec  # type: ignore[attr-defined]  # its module global, not builtins
    if keep:
        atexit.register(CODES.write)
