"""Cash application's part of the store: bank lines and their results, the claim that lets one
run at a time process a file (integrations/store/cash_runs.py), and the payer aliases learned
from approved matches.

A bank line is written twice: ``in_progress`` (with its match) before anything is proposed for
it, and its final result after. A run that dies between the two leaves the ``in_progress`` row,
and the run that takes the file over finishes that line from the approval it finds (or proposes
it if none was made), so every line ends with exactly one result and at most one approval.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Engine, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations import plain_in
from integrations.db import write_transaction
from integrations.plain_writes import bulk_write_transaction, execute_plain
from integrations.store import schema as t
from integrations.store.audit import canonical
from integrations.store.cash_runs import CashRunStore, RunClaim, RunHolder
from integrations.store.clock import now_utc

__all__ = ["IN_PROGRESS", "BankLineStore", "RunClaim", "RunHolder"]

IN_PROGRESS = "in_progress"


def _insert_new(conn: Any, table: Table, key: str) -> Any:
    """An INSERT that skips rows whose ``key`` exists already (SQLite and PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing(index_elements=[key])


class _NotAllHeld(Exception):
    """Some of the lines a run finishes are no longer its own: undo, record the others."""


def _finish(conn: Any, params: list[dict[str, Any]]) -> int:
    """The lines' final results, each only while the run holds it; the number recorded."""
    b = t.bank_lines.c
    return execute_plain(
        conn,
        "finish_bank_lines",
        lambda: (
            update(t.bank_lines)
            .where(
                b.payment_id == bindparam("b_id"),
                b.decision == IN_PROGRESS,
                b.run_key == bindparam("b_run"),
            )
            .values(
                decision=bindparam("b_decision"),
                approval_id=bindparam("b_approval"),
                result=bindparam("b_result"),
                processed_at=bindparam("b_stamp"),
            )
        ),
        params,
    )


class BankLineStore(CashRunStore):
    engine: Engine

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
        with self.engine.connect() as conn:
            rows = plain_in.rows_in(
                conn,
                "store:bank_lines",
                lambda ids: select(t.bank_lines).where(t.bank_lines.c.payment_id.in_(ids)),
                payment_ids,
            )
        return {row["payment_id"]: row | {"result": json.loads(row["result"])} for row in rows}

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
        with bulk_write_transaction(self.engine) as conn:
            inserted = execute_plain(
                conn,
                "begin_bank_lines",
                lambda: _insert_new(conn, t.bank_lines, "payment_id"),
                rows,
            )
            ids = [row["payment_id"] for row in rows]
            if inserted == len(set(ids)):  # every line was new: each is this run's now
                return set(ids)
            return self._held(conn, ids, run_key)

    def _held(self, conn: Any, payment_ids: Sequence[str], run_key: str) -> set[str]:
        b = t.bank_lines.c

        def held(ids: Any) -> Any:
            return (
                select(b.payment_id)
                .where(
                    b.payment_id.in_(ids), b.decision == IN_PROGRESS, b.run_key == bindparam("run")
                )
                .with_for_update()
            )

        rows = plain_in.rows_in(conn, "store:held_bank_lines", held, payment_ids, {"run": run_key})
        return {row["payment_id"] for row in rows}

    def finish_bank_lines(
        self, finished: Sequence[tuple[str, dict[str, Any]]], *, run_key: str
    ) -> set[str]:
        """Record the final results of lines this run holds (payment id, result), in one
        transaction: the payment ids recorded (a line this run no longer holds is left out).
        Each line's update holds only while the line is this run's (``in_progress`` under its
        key): when every one held, that is all; else the transaction is undone and only the
        lines found held are recorded."""
        if not finished:
            return set()
        stamp = now_utc()
        params = [
            {
                "b_id": payment_id,
                "b_decision": result["decision"],
                "b_approval": result.get("approval_id"),
                "b_result": canonical(result),
                "b_run": run_key,  # run key and time as parameters: one statement a process
                "b_stamp": stamp,
            }
            for payment_id, result in finished
        ]
        ids = {payment_id for payment_id, _ in finished}
        try:
            with bulk_write_transaction(self.engine) as conn:
                if _finish(conn, params) != len(params) or len(ids) != len(params):
                    raise _NotAllHeld
            return ids
        except _NotAllHeld:
            pass
        with bulk_write_transaction(self.engine) as conn:
            held = self._held(conn, list(ids), run_key)
            mine = [row for row in params if row["b_id"] in held]
            if mine:
                _finish(conn, mine)
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
        with write_transaction(self.engine) as conn:
            self._learn_aliases(conn, latest)

    def _learn_aliases(self, conn: Any, latest: dict[str, tuple[str, str | None]]) -> None:
        """``learn_aliases`` inside the caller's transaction: payer key → (customer, approval)."""
        a = t.payer_aliases.c
        stamp = now_utc()
        known = {
            row["payer_key"]
            for row in plain_in.rows_in(
                conn,
                "store:alias_keys",
                lambda keys: select(a.payer_key).where(a.payer_key.in_(keys)),
                latest,
            )
        }
        rows = [
            {"b_key": k, "b_customer": c, "b_approval": ap, "b_at": stamp}
            for k, (c, ap) in latest.items()
        ]
        old = [r for r in rows if r["b_key"] in known]
        if old:
            execute_plain(
                conn,
                "store:alias_update",
                lambda: (
                    update(t.payer_aliases)
                    .where(a.payer_key == bindparam("b_key"))
                    .values(
                        customer_id=bindparam("b_customer"),
                        approval_id=bindparam("b_approval"),
                        learned_at=bindparam("b_at"),
                    )
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
            execute_plain(conn, "insert:store_payer_aliases", lambda: insert(t.payer_aliases), new)

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
