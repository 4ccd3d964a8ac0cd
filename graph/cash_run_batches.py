"""A real cash run's lines processed: every line matched first, then written in batches.

``CashRunBatches._process`` reads what the store knows of each line a chunk at a time, matches
the others (their matches wait on disk) and, once every line is matched, proposes and records
them in batches that grow from ``FIRST_BATCH`` to ``BATCH`` lines, giving each line's result in
line order. ``graph.cash_application.CashApplication`` is the one that uses it.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from graph.approval_batch import Proposal, propose_many, touches
from graph.approvals import SYSTEM, ApprovalService
from graph.ar.cashapp import CashMatch
from graph.ar.cashapp_model import no_gc
from graph.cash_actions import ApplyPayment
from graph.cash_run_claim import RunClaimHolder, RunTakenOver
from graph.cash_spool import MatchSpool
from integrations.erp.records import BankLine
from integrations.store import Approval
from integrations.store.bank_lines import IN_PROGRESS

REQUESTER = "arbot cash application"
AUTO_DECIDER = f"{SYSTEM} (auto policy)"
FIRST_BATCH, BATCH = 16, 512  # lines proposed and recorded together (the batches grow)
T = TypeVar("T")
DRY_BATCH = 128  # lines whose earlier results are read and matched together (dry and real run)


def payment_action(line: BankLine, match: CashMatch) -> ApplyPayment:
    """The write a matched line proposes: its payment applied as matched."""
    assert match.customer_id is not None
    return ApplyPayment(
        customer_id=match.customer_id,
        payment_id=line.payment_id,
        received_on=line.received_on.isoformat(),
        payment_amount=str(line.amount),
        payment_currency=line.currency,
        method="bank",
        reference=line.reference,
        applications=tuple((number, str(amount)) for number, amount in match.applications),
    )


@dataclass(slots=True)
class Item:
    key: str  # what the bank line is recorded as
    line: BankLine
    row: dict[str, Any] | None = None  # its bank-line row when the run started
    approval_id: str | None = None  # the approval a dead run proposed for it
    elsewhere: bool = False  # another file's live run is processing this line


class CashRunBatches(RunClaimHolder):
    """The batch part of ``CashApplication``."""

    approvals: ApprovalService

    def _process(
        self,
        items: Callable[[], Iterable[Item]],
        match: Callable[[list[Item], int], Iterable[CashMatch]],
        out: Callable[[dict[str, Any], bool], None],
        matched: Callable[[], None] | None = None,
    ) -> tuple[int, int]:
        """Each item's result (and whether an earlier run recorded it) to ``out``, in order, a
        batch at a time; the number recorded earlier, and the number another live run is
        processing. ``items``: the items, anew at each call (a file's lines are read again, not
        held); ``match`` gives the matches of the items it is given (and how many items have
        been gone through), in their order; every item is matched before anything is written
        (then ``matched`` is called)."""
        assert self._claim is not None
        run_key = self._claim.run_key
        # What the store knows of each line (read a chunk at a time): kept only for the lines it
        # knows (a rerun's, a dead run's), as (row, approval proposed for it, held elsewhere).
        # The others are matched chunk by chunk; their matches wait on disk, a chunk's together.
        known: dict[str, tuple[dict[str, Any], str | None, bool]] = {}
        spool, seen = MatchSpool(), 0
        for chunk in chunks(items(), DRY_BATCH):
            rows = self.store.bank_line_rows([item.key for item in chunk])
            fresh = []
            for item in chunk:
                row = rows.get(item.key)
                if row is None:
                    fresh.append(item)
                elif row["decision"] != IN_PROGRESS:
                    known[item.key] = (row, None, False)
                elif self._held_elsewhere(row, run_key):
                    known[item.key] = (row, None, True)
                else:
                    found = self.store.cash_approvals_for(item.line.payment_id)
                    known[item.key] = (row, found[-1] if found else None, False)
                    if not found:
                        fresh.append(item)
            seen += len(chunk)
            if fresh:  # a chunk's matches pickled together (one record, not one a line)
                spool.append(list(match(fresh, seen)))
        if matched is not None:
            matched()

        def annotated() -> Iterator[Item]:
            for item in items():
                if (state := known.get(item.key)) is not None:
                    item.row, item.approval_id, item.elsewhere = state
                yield item

        ready: dict[str, tuple[dict[str, Any], bool]] = {}
        waiting: deque[Item] = deque()  # items in order, their results not out yet
        counts = {"earlier": 0, "elsewhere": 0}

        def flush() -> None:
            while waiting and waiting[0].key in ready:
                out(*ready.pop(waiting.popleft().key))

        def work() -> Iterator[Item]:
            for item in annotated():
                row = item.row
                waiting.append(item)
                if row is not None and row["decision"] != IN_PROGRESS:
                    ready[item.key] = (row["result"], True)
                    counts["earlier"] += 1
                    flush()
                elif item.elsewhere:
                    assert row is not None
                    ready[item.key] = (row["result"] | {"decision": IN_PROGRESS}, False)
                    counts["elsewhere"] += 1
                    flush()
                else:
                    yield item

        # The matching above runs with the collector as the caller has it (what it reads of the
        # ledger leaves cycles behind: ~3.5 MB a 10k-line run if never collected); what the
        # writes make they free themselves: collecting there is pure cost.
        with no_gc():
            matched_lines = (one for chunk in spool for one in chunk)
            for batch, matches, actions in _batches(work(), matched_lines):
                settled = self._settle_batch(batch, matches, run_key, actions)
                for key, (result, meanwhile) in settled.items():
                    ready[key] = (result, False)
                    counts["elsewhere"] += meanwhile
                flush()
            flush()
        assert not waiting and not ready
        return counts["earlier"], counts["elsewhere"]

    def _held_elsewhere(self, row: dict[str, Any], run_key: str) -> bool:
        return row["run_key"] != run_key and self.store.run_is_live(
            row["run_key"], self.stale_after
        )

    def _settle_batch(
        self,
        batch: list[Item],
        matches: dict[str, CashMatch],
        run_key: str,
        actions: dict[str, ApplyPayment] | None = None,
    ) -> dict[str, tuple[dict[str, Any], bool]]:
        """Own a batch of lines (``in_progress``), propose or file each, record the results:
        a few transactions for the whole batch. Each line's result, and whether another run
        had taken the line meanwhile. ``actions``: the write each matched line proposes
        (``payment_action``), by payment id, where ``_batches`` made it already."""
        actions = actions or {}
        self._beat()
        rows = {  # each new line's result row, made once (begun with it, then finished)
            item.key: matches[item.line.payment_id].as_dict() for item in batch if item.row is None
        }
        fresh = [
            (
                item.line
                if item.key == item.line.payment_id
                else dataclasses.replace(item.line, payment_id=item.key),
                row | {"decision": IN_PROGRESS, "approval_id": None},
            )
            for item in batch
            if (row := rows.get(item.key)) is not None
        ]
        held = self.store.begin_bank_lines(fresh, run_key=run_key)
        out: dict[str, tuple[dict[str, Any], bool]] = {}
        owned: list[Item] = []
        for item in batch:
            if item.row is None:
                mine = item.key in held
            else:
                mine = item.row["run_key"] == run_key or self.store.take_over_bank_line(
                    item.key, from_run=item.row["run_key"], run_key=run_key
                )
            if mine:
                owned.append(item)
            else:
                out[item.key] = (self._seen_meanwhile(item), True)
        proposals: list[tuple[Item, dict[str, Any], Proposal]] = []
        for item in owned:
            if item.approval_id is not None:
                assert item.row is not None
                out[item.key] = (
                    self._from_approval(dict(item.row["result"]), item.approval_id),
                    False,
                )
                continue
            match = matches[item.line.payment_id]
            row = rows.get(item.key)
            result = (match.as_dict() if row is None else row) | {"approval_id": None}
            if match.decision == "unmatched" or match.customer_id is None or not match.applications:
                result["decision"] = "unmatched"
                out[item.key] = (result, False)
                continue
            line = item.line
            origin = {
                "source": "cash_application",
                "payment_id": line.payment_id,
                "payer_name": line.payer_name,
            }
            action = actions.get(line.payment_id) or payment_action(line, match)
            proposal = Proposal(action, REQUESTER, origin, match.decision == "auto")
            proposals.append((item, result, proposal))
        outcomes = propose_many(self.approvals, [proposal for _, _, proposal in proposals])
        for (item, result, _), outcome in zip(proposals, outcomes, strict=True):
            if outcome.approval is None:
                result["decision"] = "unmatched"
                result["explanation"] += "; not proposed: " + "; ".join(outcome.problems)
            else:
                result = self._decided(result, outcome.approval)
            out[item.key] = (result, False)
        finishing = [(item.key, out[item.key][0]) for item in owned]
        if len(self.store.finish_bank_lines(finishing, run_key=run_key)) != len(finishing):
            self._beat(force=True)  # raises when the file was taken over
            raise RunTakenOver("bank lines of this run were finished by another run")
        return out

    def _seen_meanwhile(self, item: Item) -> dict[str, Any]:
        row = self.store.bank_line(item.key)
        assert row is not None
        return (
            row["result"]
            if row["decision"] != IN_PROGRESS
            else row["result"] | {"decision": IN_PROGRESS}
        )

    def _from_approval(self, result: dict[str, Any], approval_id: str) -> dict[str, Any]:
        """Finish a line a dead run left between proposing and recording: its approval is
        there, so the line gets that approval's outcome (its write finished if it was cut)."""
        approval = self.store.get(approval_id)
        assert approval is not None
        if approval.status in ("approved", "executing"):
            self.approvals.execute(approval_id)
            approval = self.store.get(approval_id)
            assert approval is not None
        result["explanation"] = result.get("explanation", "") + "; finished after an interruption"
        return self._decided(result, approval)

    def _decided(self, result: dict[str, Any], approval: Approval) -> dict[str, Any]:
        result["approval_id"] = approval.approval_id
        alone = approval.decided_by == AUTO_DECIDER
        auto = alone and approval.status in ("approved", "executing", "done")
        result["decision"] = "auto" if auto else "review"
        if approval.status in ("failed", "superseded"):
            result["explanation"] += f"; the ERP write {approval.status}: {approval.note}"
        elif auto and approval.status != "done":
            result["explanation"] += "; the ERP write is being finished by the reconciler"
        return result


def chunks(lines: Iterable[T], size: int) -> Iterator[list[T]]:
    """``lines`` in lists of ``size``, each made when the one before is done with."""
    batch: list[T] = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batches(
    items: Iterable[Item], matched: Iterator[CashMatch]
) -> Iterator[tuple[list[Item], dict[str, CashMatch], dict[str, ApplyPayment]]]:
    """The lines in order, in batches that grow from ``FIRST_BATCH`` to ``BATCH`` lines (the
    first results are recorded soon, a crash leaves little in flight), each with its lines'
    matches (taken from ``matched`` in order: one for each line not already proposed); no two
    lines of a batch touch the same invoice or payment, so each is proposed against the ERP as
    the lines before it left it. With each batch, the write each of its matched lines
    proposes (``payment_action``), by payment id."""
    batch: list[Item] = []
    matches: dict[str, CashMatch] = {}
    actions: dict[str, ApplyPayment] = {}
    touched: set[str] = set()
    size = FIRST_BATCH
    for item in items:
        match = None
        if item.approval_id is None:
            match = next(matched)
            assert match.payment_id == item.line.payment_id
        these = {f"line:{item.key}"}
        action = None
        if match is not None and match.customer_id is not None and match.applications:
            action = payment_action(item.line, match)
            these |= touches(action)
        if batch and (len(batch) >= size or these & touched):
            yield batch, matches, actions
            batch, matches, actions = [], {}, {}
            touched, size = set(), min(size * 2, BATCH)
        batch.append(item)
        if match is not None:
            matches[item.line.payment_id] = match
            if action is not None:
                actions[item.line.payment_id] = action
        touched |= these
    if batch:
        yield batch, matches, actions
