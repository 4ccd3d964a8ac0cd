"""Cash application's part of the store: bank lines and their results, the claim that lets one
run at a time process a file, and the payer aliases learned from approved matches.

A bank line is written twice: ``in_progress`` (with its match) before anything is proposed for
it, and its final result after. A run that dies between the two leaves the ``in_progress`` row,
and the run that takes the file over finishes that line from the approval it finds (or proposes
it if none was made), so every line ends with exactly one result and at most one approval.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import write_transaction
from integrations.store import schema as t
from integrations.store.audit import canonical
from integrations.store.clock import now_utc

IN_PROGRESS = "in_progress"
HOST = socket.gethostname()[:200]
ROWS_PER_QUERY = 500  # payment ids per IN (...) query


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


def _insert_new(conn: Any, table: Table, key: str) -> Any:
    """An INSERT that skips rows whose ``key`` exists already (SQLite and PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing(index_elements=[key])


def _is_stale(row: Any, stale_before: datetime) -> bool:
    if row["owner"] is None or row["heartbeat_at"] < stale_before:
        return True
    return row["host"] == HOST and not pid_alive(row["pid"])


class BankLineStore:
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

    # --- bank lines --------------------------------------------------------------------------
    def bank_line(self, payment_id: str) -> dict[str, Any] | None:
        """A bank line's row (``result`` parsed), final or ``in_progress``; None if unseen."""
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(t.bank_lines).where(t.bank_lines.c.payment_id == payment_id))
                .mappings()
                .first()
            )
        return None if row is None else dict(row) | {"result": json.loads(row["result"])}

    def bank_line_rows(self, payment_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The rows of the lines already known, by payment id, in a few queries (not one a
        line: a file holds thousands)."""
        found: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(payment_ids))
        with self.engine.connect() as conn:
            for start in range(0, len(ids), ROWS_PER_QUERY):
                chunk = ids[start : start + ROWS_PER_QUERY]
                query = select(t.bank_lines).where(t.bank_lines.c.payment_id.in_(chunk))
                for row in conn.execute(query).mappings():
                    found[row["payment_id"]] = dict(row) | {"result": json.loads(row["result"])}
        return found

    def bank_line_result(self, payment_id: str) -> dict[str, Any] | None:
        """The final result of a processed line; None while unseen or in progress."""
        row = self.bank_line(payment_id)
        return None if row is None or row["decision"] == IN_PROGRESS else row["result"]

    def begin_bank_line(self, line: Any, result: dict[str, Any], *, run_key: str) -> bool:
        """Mark a line as being processed by this run; False if it is known already."""
        return self._insert_line(
            line, result, decision=IN_PROGRESS, approval_id=None, run_key=run_key
        )

    def take_over_bank_line(self, payment_id: str, *, from_run: str | None, run_key: str) -> bool:
        b = t.bank_lines.c
        holder = b.run_key.is_(None) if from_run is None else b.run_key == from_run
        with write_transaction(self.engine) as conn:
            return (
                conn.execute(
                    update(t.bank_lines)
                    .where(b.payment_id == payment_id, b.decision == IN_PROGRESS, holder)
                    .values(run_key=run_key)
                ).rowcount
                == 1
            )

    def finish_bank_line(
        self, payment_id: str, result: dict[str, Any], *, approval_id: str | None, run_key: str
    ) -> bool:
        b = t.bank_lines.c
        with write_transaction(self.engine) as conn:
            return (
                conn.execute(
                    update(t.bank_lines)
                    .where(
                        b.payment_id == payment_id, b.decision == IN_PROGRESS, b.run_key == run_key
                    )
                    .values(
                        decision=result["decision"],
                        approval_id=approval_id,
                        result=canonical(result),
                        processed_at=now_utc(),
                    )
                ).rowcount
                == 1
            )

    def record_bank_line(
        self, line: Any, result: dict[str, Any], *, approval_id: str | None
    ) -> bool:
        """Keep a processed bank line and its result; False if it was already recorded."""
        return self._insert_line(
            line, result, decision=result["decision"], approval_id=approval_id, run_key=None
        )

    def _insert_line(
        self,
        line: Any,
        result: dict[str, Any],
        *,
        decision: str,
        approval_id: str | None,
        run_key: str | None,
    ) -> bool:
        values = {
            "payment_id": line.payment_id,
            "received_on": line.received_on,
            "amount": line.amount,
            "currency": line.currency,
            "payer_name": line.payer_name,
            "decision": decision,
            "approval_id": approval_id,
            "result": canonical(result),
            "processed_at": now_utc(),
            "run_key": run_key,
        }
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(insert(t.bank_lines).values(**values))
        except IntegrityError:
            return False
        return True

    def begin_bank_lines(
        self, lines: Sequence[tuple[Any, dict[str, Any]]], *, run_key: str
    ) -> set[str]:
        """``begin_bank_line`` for many lines in one transaction: the payment ids this run now
        holds (a line known already, e.g. recorded meanwhile by another run, is left out)."""
        if not lines:
            return set()
        stamp = now_utc()
        rows = [
            {
                "payment_id": line.payment_id,
                "received_on": line.received_on,
                "amount": line.amount,
                "currency": line.currency,
                "payer_name": line.payer_name,
                "decision": IN_PROGRESS,
                "approval_id": None,
                "result": canonical(result),
                "processed_at": stamp,
                "run_key": run_key,
            }
            for line, result in lines
        ]
        with write_transaction(self.engine) as conn:
            conn.execute(_insert_new(conn, t.bank_lines, "payment_id"), rows)
            held = self._held(conn, [row["payment_id"] for row in rows], run_key)
        return held

    def _held(self, conn: Any, payment_ids: Sequence[str], run_key: str) -> set[str]:
        b = t.bank_lines.c
        held: set[str] = set()
        for start in range(0, len(payment_ids), ROWS_PER_QUERY):
            chunk = payment_ids[start : start + ROWS_PER_QUERY]
            query = select(b.payment_id).where(
                b.payment_id.in_(chunk), b.decision == IN_PROGRESS, b.run_key == run_key
            )
            held |= set(conn.scalars(query.with_for_update()))
        return held

    def finish_bank_lines(
        self, finished: Sequence[tuple[str, dict[str, Any]]], *, run_key: str
    ) -> set[str]:
        """``finish_bank_line`` for many (payment id, result) in one transaction: the payment
        ids recorded (a line this run no longer holds is left out)."""
        if not finished:
            return set()
        b = t.bank_lines.c
        stamp = now_utc()
        with write_transaction(self.engine) as conn:
            held = self._held(conn, [payment_id for payment_id, _ in finished], run_key)
            params = [
                {
                    "b_id": payment_id,
                    "b_decision": result["decision"],
                    "b_approval": result.get("approval_id"),
                    "b_result": canonical(result),
                }
                for payment_id, result in finished
                if payment_id in held
            ]
            if params:
                conn.execute(
                    update(t.bank_lines)
                    .where(
                        b.payment_id == bindparam("b_id"),
                        b.decision == IN_PROGRESS,
                        b.run_key == run_key,
                    )
                    .values(
                        decision=bindparam("b_decision"),
                        approval_id=bindparam("b_approval"),
                        result=bindparam("b_result"),
                        processed_at=stamp,
                    ),
                    params,
                )
        return held

    def bank_lines(
        self, *, since: date | None = None, decision: str | None = None
    ) -> list[dict[str, Any]]:
        """Processed bank lines (``decision="unmatched"``: the suspense list), oldest first."""
        b = t.bank_lines.c
        query = select(t.bank_lines).order_by(b.received_on, b.payment_id)
        if since is not None:
            query = query.where(b.received_on >= since)
        if decision is not None:
            query = query.where(b.decision == decision)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def cash_approvals_for(self, payment_id: str) -> list[str]:
        """Ids of the approvals cash application proposed for this payment, oldest first."""
        a = t.approvals.c
        marker = canonical({"payment_id": payment_id})[1:-1]
        query = (
            select(a.approval_id, a.origin)
            .where(a.action == "apply_payment", a.origin.contains(marker, autoescape=True))
            .order_by(a.created_at, a.approval_id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        found = []
        for approval_id, origin in rows:
            parsed = json.loads(origin)
            if (
                parsed.get("source") == "cash_application"
                and parsed.get("payment_id") == payment_id
            ):
                found.append(approval_id)
        return found

    # --- payer aliases -----------------------------------------------------------------------
    def payer_aliases(self) -> dict[str, str]:
        a = t.payer_aliases.c
        with self.engine.connect() as conn:
            return dict(conn.execute(select(a.payer_key, a.customer_id)).all())

    def learn_aliases(self, learned: Sequence[tuple[str, str, str | None]]) -> None:
        """``learn_alias`` for many (payer key, customer id, approval id) in one transaction;
        for a payer key given twice the last one wins."""
        latest = {
            payer_key: (customer_id, approval) for payer_key, customer_id, approval in learned
        }
        if not latest:
            return
        a = t.payer_aliases.c
        stamp = now_utc()
        keys = list(latest)
        with write_transaction(self.engine) as conn:
            known: set[str] = set()
            for start in range(0, len(keys), ROWS_PER_QUERY):
                chunk = keys[start : start + ROWS_PER_QUERY]
                known |= set(conn.scalars(select(a.payer_key).where(a.payer_key.in_(chunk))))
            rows = [
                {"b_key": k, "b_customer": c, "b_approval": ap, "b_at": stamp}
                for k, (c, ap) in latest.items()
            ]
            old = [r for r in rows if r["b_key"] in known]
            if old:
                conn.execute(
                    update(t.payer_aliases)
                    .where(a.payer_key == bindparam("b_key"))
                    .values(
                        customer_id=bindparam("b_customer"),
                        approval_id=bindparam("b_approval"),
                        learned_at=bindparam("b_at"),
                    ),
                    old,
                )
            new = [
                {
                    "payer_key": r["b_key"],
                    "customer_id": r["b_customer"],
                    "approval_id": r["b_approval"],
                    "learned_at": stamp,
                }
                for r in rows
                if r["b_key"] not in known
            ]
            if new:
                conn.execute(insert(t.payer_aliases), new)

    def learn_alias(self, payer_key: str, customer_id: str, approval_id: str | None) -> None:
        """Remember that this payer is this customer (the latest confirmation wins)."""
        a = t.payer_aliases.c
        values = {"customer_id": customer_id, "approval_id": approval_id, "learned_at": now_utc()}
        with write_transaction(self.engine) as conn:
            changed = conn.execute(
                update(t.payer_aliases).where(a.payer_key == payer_key).values(**values)
            ).rowcount
            if not changed:
                conn.execute(insert(t.payer_aliases).values(payer_key=payer_key, **values))
