"""Many approvals created or moved at once, each change audited in the keyed chain, in one
transaction: what a cash run's thousand proposals cost as a few statements, not thousands.

The records are the ones ``Store.create`` and ``Store.transition`` write one at a time: the same
events, actors and details, each chained to the one before it and binding its approval's
decisive fields as they stand after the change it describes. A move is conditional, as
``transition`` is: an approval that is no longer in one of the expected states (someone else
got there first) is left as it is and reported as not moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    bindparam,
    insert,
    select,
    update,
)

from integrations import plain_in
from integrations.db import UtcDateTime
from integrations.erp.local.schema import Money
from integrations.plain_in import chunks
from integrations.plain_writes import bulk_write_transaction, execute_plain, execute_tuples
from integrations.store import schema as t
from integrations.store.audit import (
    AuditKeys,
    approval_states,
    canonical,
    record_hash,
)
from integrations.store.clock import now_utc

CENTS = Decimal("0.01")


def new_approval_row(
    values: dict[str, Any], stamp: datetime, texts: tuple[str, str | None] | None = None
) -> dict[str, Any]:
    """The columns of an approval inserted now: defaults, then ``values``, JSON canonicalised.
    ``texts``: its payload's and origin's ``canonical`` text, when the caller wrote them."""
    row = {
        "attempts": 0,
        "created_at": stamp,
        "updated_at": stamp,
        "decided_by": None,
        "decided_at": None,
        "note": None,
        "erp_reference": None,
        "interrupt_id": None,
        "executing_since": None,
        "origin": None,
    } | values
    if texts is not None:
        row["payload"], row["origin"] = texts
        return row
    row["payload"] = canonical(row["payload"])
    if row["origin"] is not None:
        row["origin"] = canonical(row["origin"])
    return row


# Step and Move are made once and never changed, but not frozen: a frozen dataclass sets each
# field in its __init__ through object.__setattr__ (3.3 against 0.9 µs a Step), and a cash run
# makes ~43k of them (10k lines: 34k audit records, 8k moves).
@dataclass(slots=True)
class Step:
    """One audited change: the record, and the decisive fields it leaves (over the row)."""

    event: str
    actor: str
    detail: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)  # differences from the stored row
    erp_reference: str | None = None
    text: str | None = None  # ``canonical(detail)``, when the caller wrote it already


@dataclass(slots=True)
class Move:
    """A conditional change of one approval, audited as ``step``."""

    approval_id: str
    from_statuses: tuple[str, ...]
    values: dict[str, Any]  # status and the other columns to set
    step: Step


# The approval columns the store keeps in a form of its own: amounts in cents (read back with
# two places), times as naive UTC (read back aware).
_MONEY = [c.name for c in t.approvals.columns if isinstance(c.type, Money)]
_TIMES = [c.name for c in t.approvals.columns if isinstance(c.type, UtcDateTime)]


_CONVERTED = frozenset(_MONEY) | frozenset(_TIMES)


def _as_stored(row: dict[str, Any]) -> dict[str, Any]:
    """An approval row as the store reads it back after writing ``row``, without reading it."""
    stored = dict(row)
    for name in _CONVERTED.intersection(stored):
        value = stored[name]
        if value is None:
            continue
        if name in _MONEY:
            stored[name] = Decimal(value).quantize(CENTS)
        elif value.tzinfo is not UTC:
            stored[name] = value.astimezone(UTC)
    return stored


def _insert_plain(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """``conn.execute(insert(table), rows)`` straight to the driver (``execute_plain``)."""
    execute_plain(conn, f"insert:{table.name}", lambda: insert(table), rows)


def _approvals(
    conn: Connection,
    ids: Sequence[str],
    *,
    lock: bool = False,
    statuses: Sequence[str] | None = None,
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for chunk in chunks(ids):
        query = select(t.approvals).where(t.approvals.c.approval_id.in_(chunk))
        if statuses is not None:
            query = query.where(t.approvals.c.status.in_(statuses))
        if lock:
            query = query.with_for_update()
        for row in conn.execute(query).mappings():
            found[row["approval_id"]] = row
    return found


def _states(conn: Connection, ids: Sequence[str]) -> list[tuple[str, str, datetime]]:
    """Each approval's id, status and last change (aware UTC), its row locked for update."""
    a = t.approvals.c

    def states(values: Any) -> Any:
        query = select(a.approval_id, a.status, a.updated_at).where(a.approval_id.in_(values))
        return query.with_for_update()

    rows = plain_in.rows_in(conn, "store:approval_states", states, ids)
    return [(row["approval_id"], row["status"], row["updated_at"]) for row in rows]


# A keyed record's fields as ``record_fields`` lists them (what its hash covers).
_RECORD = (
    "seq",
    "approval_id",
    "event",
    "actor",
    "at",
    "detail",
    "erp_reference",
    "prev_hash",
    "key_id",
    "state",
)


# The audit table's columns in the order its insert binds them (a record's fields and hash).
_AUDIT_ROW = (*_RECORD[:8], "hash", *_RECORD[8:])


def _insert_audit() -> Any:
    return insert(t.audit)


class _ChangedSince(Exception):
    """A row ``move_many`` was told of changed since: its transaction is rolled back."""


class BatchWrites:
    engine: Engine
    audit_keys: AuditKeys

    def _append_many(
        self, conn: Connection, records: Iterable[tuple[str | None, Step, str | None]]
    ) -> None:
        """Audit records (approval id, step, bound state) after the head, in one statement."""
        head = (
            conn.execute(select(t.audit_head).where(t.audit_head.c.id == 1).with_for_update())
            .mappings()
            .one()
        )
        seq, previous = head["last_seq"], head["last_hash"]
        key, key_id = self.audit_keys.signing, self.audit_keys.signing_id
        at = now_utc().isoformat()  # the records of one append are written at one moment
        rows = []
        texts: dict[int, str] = {}  # a detail several records share (the same dict) written once
        for approval_id, step, state in records:
            seq += 1
            text = step.text
            if text is None:
                text = texts.get(id(step.detail))
                if text is None:
                    text = texts[id(step.detail)] = canonical(step.detail)
            fields = [
                seq,
                approval_id,
                step.event,
                step.actor,
                at,
                text,
                step.erp_reference,
                previous,
                key_id,
                state,
            ]
            previous = record_hash(key, fields)  # the fields in ``record_fields``' order
            fields.insert(8, previous)  # in ``_AUDIT_ROW``'s order
            rows.append(tuple(fields))
        if not rows:
            return
        name = f"insert:{t.audit.name}"
        if execute_tuples(conn, name, _insert_audit, _AUDIT_ROW, rows) is None:
            dicts = [dict(zip(_AUDIT_ROW, row, strict=True)) for row in rows]
            execute_plain(conn, name, _insert_audit, dicts)
        conn.execute(
            update(t.audit_head)
            .where(t.audit_head.c.id == 1)
            .values(last_seq=seq, last_hash=previous)
        )

    def create_many(
        self,
        made: Sequence[tuple[dict[str, Any], Sequence[Step]]],
        texts: dict[str, tuple[str, str | None]] | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Insert approvals (each row as it stands after its steps) with the audit records of
        their steps: ``proposed`` first, then e.g. ``auto_approved`` and ``executing``. The rows
        as stored, by approval id. ``texts``: by approval id, the ``canonical`` text of its
        payload and origin, when the caller wrote them already."""
        if not made:
            return {}
        stamp = now_utc()
        texts = texts or {}
        rows = []
        for values, _ in made:
            rows.append(new_approval_row(values, stamp, texts.get(values["approval_id"])))
        stored = {row["approval_id"]: _as_stored(row) for row in rows}
        with bulk_write_transaction(self.engine) as conn:
            _insert_plain(conn, t.approvals, rows)
            records = []
            for values, steps in made:
                approval_id = values["approval_id"]
                states = approval_states(stored[approval_id], [step.fields for step in steps])
                records += [(approval_id, s, st) for s, st in zip(steps, states, strict=True)]
            self._append_many(conn, records)
        return stored

    def move_many(
        self,
        moves: Sequence[Move],
        *,
        aliases: Sequence[tuple[str, str, str]] = (),
        known: dict[str, dict[str, Any]] | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Apply each move whose approval is still in one of its ``from_statuses`` and audit
        it; the approvals moved, by id, as they are stored after the move. ``aliases``: payer
        key, customer id and approval id of payers a move confirms, learned in the same
        transaction when their approval is moved (``learn_aliases``). ``known``: rows as the
        caller stored them (``create_many``): each is moved by an UPDATE conditioned on the
        status and last change the caller knows, nothing read; when any such UPDATE changes
        no row (a row changed since), the transaction is rolled back and the moves are made
        the careful way: under the lock each approval's status and last change are read, and
        a row changed since is read whole."""
        if not moves:
            return {}
        if known is not None and self.engine.dialect.supports_sane_multi_rowcount:
            trusted = [known.get(m.approval_id) for m in moves]
            if all(
                row is not None and row["status"] in m.from_statuses
                for m, row in zip(moves, trusted, strict=True)
            ):
                try:
                    return self._move_known(moves, aliases, known)
                except _ChangedSince:
                    pass  # rolled back: nothing of it written
        return self._move_careful(moves, aliases, known)

    def _move_known(
        self,
        moves: Sequence[Move],
        aliases: Sequence[tuple[str, str, str]],
        known: dict[str, dict[str, Any]],
    ) -> dict[str, dict[str, Any]]:
        """``move_many`` trusting ``known`` (each move's row in one of its ``from_statuses``):
        raises ``_ChangedSince``, the transaction rolled back, when a row is not as known."""
        with bulk_write_transaction(self.engine) as conn:
            current = {m.approval_id: known[m.approval_id] for m in moves}
            expected = self._update_moves(conn, moves, current, stamp := now_utc(), guard=True)
            if expected != len(moves):
                raise _ChangedSince
            return self._audit_moves(conn, moves, current, stamp, aliases)

    def _move_careful(
        self,
        moves: Sequence[Move],
        aliases: Sequence[tuple[str, str, str]],
        known: dict[str, dict[str, Any]] | None,
    ) -> dict[str, dict[str, Any]]:
        with bulk_write_transaction(self.engine) as conn:
            ids = [m.approval_id for m in moves]
            current = _approvals(conn, ids, lock=True) if known is None else {}
            if known is not None:
                changed = []
                for approval_id, status, updated_at in _states(conn, ids):
                    row = known.get(approval_id)
                    if row is not None and (row["status"], row["updated_at"]) == (
                        status,
                        updated_at,
                    ):
                        current[approval_id] = row
                    else:
                        changed.append(approval_id)
                current |= _approvals(conn, changed)
            moved = [
                m
                for m in moves
                if (row := current.get(m.approval_id)) is not None
                and row["status"] in m.from_statuses
            ]
            stamp = now_utc()
            self._update_moves(conn, moved, current, stamp, guard=False)
            return self._audit_moves(conn, moved, current, stamp, aliases)

    @staticmethod
    def _update_moves(
        conn: Connection,
        moves: Sequence[Move],
        current: dict[str, Any],
        stamp: datetime,
        *,
        guard: bool,
    ) -> int:
        """Each move's UPDATE, conditioned on its row's status as in ``current`` (and, with
        ``guard``, on its last change too); the number of rows changed."""
        a = t.approvals.c
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for move in moves:
            row = current[move.approval_id]
            values = dict(move.values, updated_at=stamp)
            columns = tuple(sorted(values))
            params = {"b_id": move.approval_id, "b_from": row["status"]}
            if guard:
                params["b_was"] = row["updated_at"]
            groups.setdefault(columns, []).append(params | {f"b_{c}": v for c, v in values.items()})
        changed = 0
        for columns, params in groups.items():

            def moving(columns: tuple[str, ...] = columns) -> Any:
                condition = and_(
                    a.approval_id == bindparam("b_id"), a.status == bindparam("b_from")
                )
                if guard:
                    was = bindparam("b_was", type_=a.updated_at.type)
                    condition = and_(condition, a.updated_at == was)
                return (
                    update(t.approvals)
                    .where(condition)
                    .values({c: bindparam(f"b_{c}") for c in columns})
                )

            name = ("move-known:" if guard else "move:") + ",".join(columns)
            changed += execute_plain(conn, name, moving, params)
        return changed

    def _audit_moves(
        self,
        conn: Connection,
        moved: Sequence[Move],
        current: dict[str, Any],
        stamp: datetime,
        aliases: Sequence[tuple[str, str, str]],
    ) -> dict[str, dict[str, Any]]:
        """The moved rows' audit records and the payers they confirm; the rows as stored."""
        # A row read or known is as stored already: only what the move sets is converted.
        stored = {
            m.approval_id: dict(current[m.approval_id])
            | _as_stored(dict(m.values, updated_at=stamp))
            for m in moved
        }
        self._append_many(
            conn,
            (
                (
                    m.approval_id,
                    m.step,
                    approval_states(stored[m.approval_id], [m.step.fields])[0],
                )
                for m in moved
            ),
        )
        latest = {key: (customer, a) for key, customer, a in aliases if a in stored}
        if latest:
            self._learn_aliases(conn, latest)
        return {m.approval_id: stored[m.approval_id] for m in moved}

    def _learn_aliases(self, conn: Connection, latest: dict[str, tuple[str, str | None]]) -> None:
        raise NotImplementedError  # BankLineStore's

    def approvals_with_keys(self, keys: Sequence[str]) -> list[Any]:
        """Every approval (any status) carrying one of these idempotency keys, oldest first."""
        from integrations.store.store import _approval

        a = t.approvals.c
        with self.engine.connect() as conn:
            rows = plain_in.rows_in(
                conn,
                "store:approvals_with_keys",
                lambda keys: select(t.approvals).where(a.idempotency_key.in_(keys)),
                keys,
            )
        found = [_approval(row) for row in rows]
        return sorted(found, key=lambda x: (x.created_at, x.approval_id))

    def approvals_by_id(
        self, ids: Sequence[str], statuses: Sequence[str] | None = None
    ) -> dict[str, Any]:
        """The approvals of these ids (only those in ``statuses``, when given)."""
        from integrations.store.store import _approval

        wanted = list(dict.fromkeys(ids))
        with self.engine.connect() as conn:
            found = _approvals(conn, wanted, statuses=statuses)
            return {i: _approval(row) for i, row in found.items()}
