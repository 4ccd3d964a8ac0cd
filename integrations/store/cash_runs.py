"""One cash run per file: the claim a run holds while it processes a file, taken over when its
process died or went silent, so that two runs never process the same file at once."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import write_transaction
from integrations.store import schema as t
from integrations.store.clock import now_utc

HOST = socket.gethostname()[:200]


@dataclass(frozen=True)
class RunClaim:
    """The right to process one file: held by ``owner`` until finished or released."""

    run_key: str
    owner: str
    taken_over: dict[str, Any] | None  # the previous holder, when a stale claim was taken


@dataclass(frozen=True)
class RunHolder:
    """Who holds a file's claim now (a live run elsewhere)."""

    host: str
    pid: int
    claimed_at: datetime
    heartbeat_at: datetime


def pid_alive(pid: int) -> bool:
    """True while a process with this id runs on this host (a zombie counts as dead)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def _is_stale(row: Any, stale_before: datetime) -> bool:
    if row["owner"] is None or row["heartbeat_at"] < stale_before:
        return True
    return row["host"] == HOST and not pid_alive(row["pid"])


class CashRunStore:
    engine: Engine

    # --- one run per file --------------------------------------------------------------------
    def claim_run(
        self, run_key: str, *, source: str, lines: int, stale_after: timedelta
    ) -> RunClaim | RunHolder:
        """Claim a file for this process. A claim nobody holds any more (released, its process
        gone, or silent for ``stale_after``) is taken over; a live one is returned as its
        holder. Works across processes and hosts: one conditional write decides."""
        c = t.cash_runs.c
        owner = uuid.uuid4().hex
        mine = {"owner": owner, "host": HOST, "pid": os.getpid()}
        stamp = now_utc()
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    insert(t.cash_runs).values(
                        run_key=run_key,
                        source=source[:400],
                        lines=lines,
                        claimed_at=stamp,
                        heartbeat_at=stamp,
                        takeovers=0,
                        **mine,
                    )
                )
            return RunClaim(run_key, owner, None)
        except IntegrityError:
            pass
        with write_transaction(self.engine) as conn:
            row = (
                conn.execute(select(t.cash_runs).where(c.run_key == run_key).with_for_update())
                .mappings()
                .one()
            )
            if row["finished_at"] is None and not _is_stale(row, stamp - stale_after):
                return RunHolder(row["host"], row["pid"], row["claimed_at"], row["heartbeat_at"])
            taken = conn.execute(
                update(t.cash_runs)
                .where(c.run_key == run_key, c.owner.is_(None) | (c.owner == row["owner"]))
                .values(
                    claimed_at=stamp,
                    heartbeat_at=stamp,
                    finished_at=None,
                    takeovers=row["takeovers"] + 1,
                    **mine,
                )
            ).rowcount
        if taken != 1:  # someone else took it between our read and write
            return self.claim_run(run_key, source=source, lines=lines, stale_after=stale_after)
        previous = None
        if row["finished_at"] is None:
            previous = {"host": row["host"], "pid": row["pid"], "since": row["claimed_at"]}
        return RunClaim(run_key, owner, previous)

    def _update_claim(self, claim: RunClaim, **values: Any) -> bool:
        c = t.cash_runs.c
        with write_transaction(self.engine) as conn:
            return (
                conn.execute(
                    update(t.cash_runs)
                    .where(c.run_key == claim.run_key, c.owner == claim.owner)
                    .values(**values)
                ).rowcount
                == 1
            )

    def heartbeat(self, claim: RunClaim) -> bool:
        """Still alive; False when the claim was taken over (stop writing then)."""
        return self._update_claim(claim, heartbeat_at=now_utc())

    def finish_run(self, claim: RunClaim) -> bool:
        stamp = now_utc()
        return self._update_claim(claim, heartbeat_at=stamp, finished_at=stamp)

    def release_run(self, claim: RunClaim) -> bool:
        """Give the file up unfinished (an error): the next run takes it over at once."""
        return self._update_claim(claim, owner=None)

    def run_is_live(self, run_key: str | None, stale_after: timedelta) -> bool:
        if run_key is None:
            return False
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(t.cash_runs).where(t.cash_runs.c.run_key == run_key))
                .mappings()
                .first()
            )
        if row is None or row["finished_at"] is not None:
            return False
        return not _is_stale(row, now_utc() - stale_after)
