"""A cash run's hold on its file: one run at a time (``FileInProgress`` for a second one), a
heartbeat while it works, and a run silent too long taken over by the next (``RunTakenOver``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from graph.cash_checks import CashRunError
from integrations.store import Store
from integrations.store.bank_lines import RunClaim, RunHolder
from integrations.store.clock import now_utc

STALE_AFTER = timedelta(minutes=10)  # a claim silent this long is taken over (other hosts)
HEARTBEAT_EVERY = 5.0  # seconds between "still working" marks on the claim


class FileInProgress(CashRunError):
    """Another live run is processing the same file."""


class RunTakenOver(CashRunError):
    """This run went silent so long that another took the file over; it stopped writing."""


class RunClaimHolder:
    """The claim part of ``CashApplication``."""

    store: Store
    stale_after: timedelta
    _claim: RunClaim | None
    _beaten: float

    def _take(self, run_key: str, source: str, count: int, wait: float) -> RunClaim:
        deadline = time.monotonic() + wait
        pause = 0.05
        while True:
            got = self.store.claim_run(
                run_key, source=source, lines=count, stale_after=self.stale_after
            )
            if isinstance(got, RunClaim):
                return got
            if time.monotonic() >= deadline:
                raise FileInProgress(_busy(source, got))
            time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
            pause = min(pause * 2, 1.0)

    def _beat(self, *, force: bool = False) -> None:
        claim = self._claim
        if claim is None or (not force and time.monotonic() - self._beaten < HEARTBEAT_EVERY):
            return
        if not self.store.heartbeat(claim):
            raise RunTakenOver(
                "another run took this file over while this one was silent; this run stopped "
                "and that run finishes the file"
            )
        self._beaten = time.monotonic()

    def _beating(self, progress: Callable[[int, int], None] | None) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            self._beat()
            if progress is not None:
                progress(done, total)

        return report


def _busy(source: str, holder: RunHolder) -> str:
    seen = (now_utc() - holder.heartbeat_at).total_seconds()
    return (
        f"{source} is being processed by another run (pid {holder.pid} on {holder.host}, "
        f"since {_clock(holder.claimed_at)}, last active {seen:.0f}s ago); "
        "run it again when that run has finished"
    )


def _clock(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")
