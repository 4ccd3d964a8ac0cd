"""Run a benchmark's build in a child process, so that it never grows the measuring process.

A process started later (``subprocess.Popen``: vfork, then exec) starts with the parent's peak
memory as its own: Linux carries the high-water mark of the memory it leaves at exec into the
new program's maximum RSS. A ledger built in the measuring process would therefore be every
measured command's "peak memory" (all of them the same figure, the build's)."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable


def in_child(function: Callable[..., object], *args: object) -> None:
    """``function(*args)`` in a forked child; raises SystemExit when it fails."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            function(*args)
        except BaseException:
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{getattr(function, '__name__', 'the build')} failed")
