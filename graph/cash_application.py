"""Cash application end to end: bank lines → matches → applied, proposed, or suspense.

``auto`` is applied through the approval service without a person, but only when both the
matcher is sure and the policy lets arbot write alone at that amount; everything else the
matcher can place becomes an ``apply_payment`` proposal; what nobody can place goes to
suspense. Each bank line is recorded with its result, so running a file again changes nothing.

A file is all or nothing up to the first write: every line is checked against what the ledger
and the store can hold before anything is proposed (``InvalidBankLines``). After that a run is
resumable exactly where it stopped: one run holds the file's claim at a time (``FileInProgress``
for a second one), each line is marked ``in_progress`` before its approval is proposed, and a
later run takes over a claim whose process died and finishes each line from what it finds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from graph.approval_batch import Proposal, propose_many, touches
from graph.approvals import SYSTEM, ApprovalService
from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.cashapp_model import Claims, no_gc
from graph.cash_actions import ApplyPayment
from graph.cash_checks import CashRunError, InvalidBankLines, bank_line_problems
from graph.cash_matcher_source import matcher_for
from graph.cash_run_claim import STALE_AFTER, FileInProgress, RunClaimHolder, RunTakenOver
from graph.cash_spool import ResultSpool, Spool
from integrations.erp.records import BankLine
from integrations.store import Approval
from integrations.store.bank_lines import IN_PROGRESS, RunClaim

REQUESTER = "arbot cash application"
AUTO_DECIDER = f"{SYSTEM} (auto policy)"
FIRST_BATCH, BATCH = 16, 256  # lines proposed and recorded together (the batches grow)
T = TypeVar("T")
DRY_BATCH = 128  # lines whose earlier results are read and matched together (dry and real run)

__all__ = [
    "CashApplication",
    "CashRun",
    "CashRunError",
    "FileInProgress",
    "InvalidBankLines",
    "RunTakenOver",
]


Results = list[dict[str, Any]] | ResultSpool  # where a run's result rows go, in line order


@dataclass(frozen=True)
class CashRun:
    results: Results  # a list, or the ``ResultSpool`` the caller gave (read back from disk)
    already_processed: int
    in_progress_elsewhere: int = 0  # lines another file's live run is processing
    resumed_from: dict[str, Any] | None = None  # the dead run this one took over

    def count(self, decision: str) -> int:
        if isinstance(self.results, ResultSpool):
            return self.results.decisions[decision]
        return sum(1 for r in self.results if r["decision"] == decision)


def lines_key(lines: Iterable[BankLine]) -> str:
    """The content hash of a file's lines: the same file always gives the same key."""
    digest = hashlib.sha256()
    for line in lines:
        fields = (line.payment_id, line.received_on, line.amount, line.currency)
        digest.update("\x1f".join(map(str, (*fields, line.payer_name, line.reference))).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def _action(line: BankLine, match: CashMatch) -> ApplyPayment:
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
class _Item:
    key: str  # what the bank line is recorded as
    line: BankLine
    row: dict[str, Any] | None = None  # its bank-line row when the run started
    approval_id: str | None = None  # the approval a dead run proposed for it
    elsewhere: bool = False  # another file's live run is processing this line


class CashApplication(RunClaimHolder):
    def __init__(self, approvals: ApprovalService, *, stale_after: timedelta = STALE_AFTER) -> None:
        self.approvals = approvals
        self.erp = approvals.erp
        self.store = approvals.store
        self.stale_after = stale_after
        self._claim: RunClaim | None = None
        self._beaten = 0.0

    def run(
        self,
        lines: Collection[BankLine],
        *,
        as_of: date,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        source: str = "the bank file",
        run_key: str | None = None,
        wait: float = 0.0,
        results: Results | None = None,
    ) -> CashRun:
        """Apply, propose or file each line. Raises ``InvalidBankLines`` (nothing written) when
        any line cannot be held, ``FileInProgress`` when another live run holds the file after
        ``wait`` seconds, ``RunTakenOver`` if this run lost the file to another. ``results``:
        where each line's result row goes, in line order (a ``ResultSpool`` keeps a large
        file's rows on disk); a new list by default."""
        problems = bank_line_problems(lines, source)
        if problems:
            raise InvalidBankLines(source, problems)
        out: Results = [] if results is None else results
        if dry_run:
            return self._dry_run(lines, as_of, progress, out)
        if not lines:
            return CashRun(out, 0)
        claim = self._take(run_key or lines_key(lines), source, len(lines), wait)
        self._claim, self._beaten = claim, time.monotonic()
        try:

            def items() -> Iterator[_Item]:  # the file's lines, read again each time
                return (_Item(line.payment_id, line) for line in lines)

            # The matcher (made for the first line to match) and the run's claims on invoices,
            # let go once every line is matched, before the writes.
            matching: dict[str, Any] = {}
            beating = self._beating(progress)

            def match_fresh(fresh: list[_Item], seen: int) -> Iterable[CashMatch]:
                if not matching:
                    matching["by"] = matcher_for(self.erp, self.store, as_of)
                    matching["taken"] = Claims()
                lines_now = [i.line for i in fresh]
                found = list(matching["by"].matches(lines_now, as_of, taken=matching["taken"]))
                beating(seen, len(lines))
                return found

            earlier, elsewhere = self._process(
                items, match_fresh, lambda r, _: out.append(r), matched=matching.clear
            )
            self.store.finish_run(claim)
        except BaseException:
            self.store.release_run(claim)
            raise
        finally:
            self._claim = None
        return CashRun(out, earlier, elsewhere, resumed_from=claim.taken_over)

    def apply_unapplied_erp_payments(self, *, as_of: date, days: int = 14) -> CashRun:
        """Payments recorded in the ERP but left unapplied (keyed in by someone, or received
        through the ERP's own bank feed) go through the same matching: each one is proposed
        once, applied alone only under the same rules as a bank line."""
        customers = {c.customer_id: c for c in self.erp.list_customers()}
        waiting = [
            p
            for p in self.erp.payments(since=as_of - timedelta(days=days))
            if p.unapplied > 0 and p.customer_id in customers
        ]
        items = [
            _Item(
                f"erp:{p.payment_id}",
                BankLine(
                    p.payment_id,
                    p.received_on,
                    p.unapplied,
                    p.currency,
                    customers[p.customer_id].name,
                    p.reference,
                ),
            )
            for p in waiting
        ]
        owners = {f"erp:{p.payment_id}": p.customer_id for p in waiting}
        matcher = CashMatcher(
            customers.values(),
            self.erp.invoices(open_only=True),
            aliases=self.store.payer_aliases(),
        )

        def match_each(fresh: list[_Item], _: int) -> list[CashMatch]:
            matches = []
            for item in fresh:
                match = matcher.match(item.line, as_of)
                if match.customer_id not in (None, owners[item.key]):
                    match = dataclasses.replace(match, decision="unmatched")
                matches.append(match)
            return matches

        if not items:
            return CashRun([], 0)
        key = hashlib.sha256(f"erp-unapplied:{as_of.isoformat()}".encode()).hexdigest()
        try:
            self._claim = self._take(key, "unapplied ERP payments", len(items), 0.0)
        except FileInProgress:
            return CashRun([], 0, in_progress_elsewhere=len(items))
        self._beaten = time.monotonic()
        fresh: list[dict[str, Any]] = []

        def keep(result: dict[str, Any], seen: bool) -> None:
            if not seen:
                fresh.append(result)

        try:
            earlier, elsewhere = self._process(lambda: items, match_each, keep)
            self.store.finish_run(self._claim)
        except BaseException:
            self.store.release_run(self._claim)
            raise
        finally:
            self._claim = None
        return CashRun(fresh, earlier, elsewhere)

    # --- processing ----------------------------------------------------------------------------
    def _dry_run(
        self,
        lines: Collection[BankLine],
        as_of: date,
        progress: Callable[[int, int], None] | None,
        out: Results,
    ) -> CashRun:
        """Each line's result as a run would record it, ``DRY_BATCH`` lines at a time (their
        earlier results read, the rest matched), into ``out`` as they come."""
        policy = self.approvals.policy
        matcher: CashMatcher | None = None
        taken = Claims()  # one run's claims, across the batches
        already = start = 0
        for batch in _chunks(lines, DRY_BATCH):  # a file's lines are read as they are needed
            rows = self.store.bank_line_rows([line.payment_id for line in batch])
            earlier = {
                line.payment_id: row["result"]
                for line in batch
                if (row := rows.get(line.payment_id)) is not None and row["decision"] != IN_PROGRESS
            }
            del rows
            fresh = [line for line in batch if line.payment_id not in earlier]
            if fresh and matcher is None:
                matcher = matcher_for(self.erp, self.store, as_of)
            found = matcher.matches(fresh, as_of, taken=taken) if matcher and fresh else ()
            matches = {m.payment_id: m for m in found}
            for line in batch:
                if line.payment_id in earlier:
                    out.append(earlier[line.payment_id])
                    already += 1
                    continue
                match = matches.pop(line.payment_id)
                result = match.as_dict() | {"approval_id": None}
                if match.decision == "unmatched" or not match.customer_id or not match.applications:
                    result["decision"] = "unmatched"
                else:
                    sure = match.decision == "auto" and policy.auto_approves(
                        "apply_payment", match.amount
                    )
                    result["decision"] = "auto" if sure else "review"
                out.append(result)
            start += len(batch)
            if progress is not None and fresh:
                progress(start, len(lines))
        return CashRun(out, already)

    def _process(
        self,
        items: Callable[[], Iterable[_Item]],
        match: Callable[[list[_Item], int], Iterable[CashMatch]],
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
        # The others are matched chunk by chunk; their matches wait on disk.
        known: dict[str, tuple[dict[str, Any], str | None, bool]] = {}
        spool, seen = Spool(), 0
        for chunk in _chunks(items(), DRY_BATCH):
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
            for one in match(fresh, seen) if fresh else ():
                spool.append(one)
        if matched is not None:
            matched()

        def annotated() -> Iterator[_Item]:
            for item in items():
                if (state := known.get(item.key)) is not None:
                    item.row, item.approval_id, item.elsewhere = state
                yield item

        ready: dict[str, tuple[dict[str, Any], bool]] = {}
        waiting: deque[_Item] = deque()  # items in order, their results not out yet
        counts = {"earlier": 0, "elsewhere": 0}

        def flush() -> None:
            while waiting and waiting[0].key in ready:
                out(*ready.pop(waiting.popleft().key))

        def work() -> Iterator[_Item]:
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
            for batch, matches in _batches(work(), iter(spool)):
                for key, (result, meanwhile) in self._settle_batch(batch, matches, run_key).items():
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
        self, batch: list[_Item], matches: dict[str, CashMatch], run_key: str
    ) -> dict[str, tuple[dict[str, Any], bool]]:
        """Own a batch of lines (``in_progress``), propose or file each, record the results:
        a few transactions for the whole batch. Each line's result, and whether another run
        had taken the line meanwhile."""
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
        owned: list[_Item] = []
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
        proposals: list[tuple[_Item, dict[str, Any], Proposal]] = []
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
            proposal = Proposal(_action(line, match), REQUESTER, origin, match.decision == "auto")
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

    def _seen_meanwhile(self, item: _Item) -> dict[str, Any]:
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


def _chunks(lines: Iterable[T], size: int) -> Iterator[list[T]]:
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
    items: Iterable[_Item], matched: Iterator[CashMatch]
) -> Iterator[tuple[list[_Item], dict[str, CashMatch]]]:
    """The lines in order, in batches that grow from ``FIRST_BATCH`` to ``BATCH`` lines (the
    first results are recorded soon, a crash leaves little in flight), each with its lines'
    matches (taken from ``matched`` in order: one for each line not already proposed); no two
    lines of a batch touch the same invoice or payment, so each is proposed against the ERP as
    the lines before it left it."""
    batch: list[_Item] = []
    matches: dict[str, CashMatch] = {}
    touched: set[str] = set()
    size = FIRST_BATCH
    for item in items:
        match = None
        if item.approval_id is None:
            match = next(matched)
            assert match.payment_id == item.line.payment_id
        these = {f"line:{item.key}"}
        if match is not None and match.customer_id is not None and match.applications:
            these |= touches(_action(item.line, match))
        if batch and (len(batch) >= size or these & touched):
            yield batch, matches
            batch, matches, touched, size = [], {}, set(), min(size * 2, BATCH)
        batch.append(item)
        if match is not None:
            matches[item.line.payment_id] = match
        touched |= these
    if batch:
        yield batch, matches
