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
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.approval_batch import ReadAhead
from graph.approvals import ApprovalService
from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.cashapp_model import Claims
from graph.cash_checks import CashRunError, InvalidBankLines, bank_line_problems
from graph.cash_matcher_source import matcher_for
from graph.cash_run_batches import DRY_BATCH, CashRunBatches, Item, chunks, payment_action
from graph.cash_run_claim import STALE_AFTER, FileInProgress, RunTakenOver
from graph.cash_spool import ResultSpool
from integrations.erp.records import BankLine
from integrations.store.bank_lines import IN_PROGRESS, RunClaim

__all__ = [
    "CashApplication",
    "CashRun",
    "CashRunError",
    "FileInProgress",
    "InvalidBankLines",
    "RunTakenOver",
]


ZERO = Decimal(0)
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
    for _ in _hashed(lines, digest):
        pass
    return digest.hexdigest()


def _hashed(lines: Iterable[BankLine], digest: Any) -> Iterator[BankLine]:
    """``lines``, each added to ``digest`` as it goes by (``lines_key`` of a pass made anyway)."""
    update = digest.update
    for line in lines:
        fields = (line.payment_id, line.received_on, line.amount, line.currency)
        update("\x1f".join(map(str, (*fields, line.payer_name, line.reference))).encode())
        update(b"\x1e")
        yield line


class CashApplication(CashRunBatches):
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
        # A real run's key (``lines_key``) is hashed in the pass that checks the lines: a file
        # streamed from disk is read once for both.
        digest = None if dry_run or run_key else hashlib.sha256()
        problems = bank_line_problems(lines if digest is None else _hashed(lines, digest), source)
        if problems:
            raise InvalidBankLines(source, problems)
        out: Results = [] if results is None else results
        if dry_run:
            return self._dry_run(lines, as_of, progress, out)
        if not lines:
            return CashRun(out, 0)
        key = run_key if digest is None else digest.hexdigest()
        assert key is not None
        claim = self._take(key, source, len(lines), wait)
        self._claim, self._beaten = claim, time.monotonic()
        try:

            def items() -> Iterator[Item]:  # the file's lines, read again each time
                return (Item(line.payment_id, line) for line in lines)

            # The matcher (made for the first line to match) and the run's claims on invoices,
            # let go once every line is matched, before the writes.
            matching: dict[str, Any] = {}
            beating = self._beating(progress)

            def match_fresh(fresh: list[Item], seen: int) -> Iterable[CashMatch]:
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
            Item(
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

        def match_each(fresh: list[Item], _: int) -> list[CashMatch]:
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
        # One run's claims, across the batches: what the matcher's automatic lines so far took
        # off each invoice; and of it, what lines that will not be applied alone claimed (the
        # policy's limit, a refusal). A line proposed against an invoice the others took is
        # validated as the real run validates it then (``_refused``).
        taken = Claims()
        unsure: dict[str, Decimal] = {}
        already = start = 0
        for batch in chunks(lines, DRY_BATCH):  # a file's lines are read as they are needed
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
            # The claims of this batch's automatic lines not gone through yet (the line at hand
            # included): ``taken`` less these is what the lines before the one at hand took.
            ahead: dict[str, Decimal] = {}
            for match in matches.values():
                if match.decision == "auto":
                    for number, amount in match.applications:
                        ahead[number] = ahead.get(number, ZERO) + amount
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
                    problems = _refused(self.erp, line, match, taken, ahead, unsure)
                    if problems:
                        result["decision"] = "unmatched"
                        result["explanation"] += "; not proposed: " + "; ".join(problems)
                    if match.decision == "auto" and (problems or not sure):
                        for number, amount in match.applications:  # claimed, not applied
                            unsure[number] = unsure.get(number, ZERO) + amount
                if match.decision == "auto":
                    for number, amount in match.applications:
                        ahead[number] -= amount
                out.append(result)
            start += len(batch)
            if progress is not None and fresh:
                progress(start, len(lines))
        return CashRun(out, already)


def _refused(
    erp: Any,
    line: BankLine,
    match: CashMatch,
    taken: Claims,
    ahead: dict[str, Decimal],
    unsure: dict[str, Decimal],
) -> list[str]:
    """Why the real run would not propose ``match`` (``propose_many`` validates each proposal
    against the ERP as the lines before it left it): an earlier line of the file, applied
    automatically, took what it applies. Nothing when it touches no such invoice (the usual
    case: no ERP read). ``taken``: the matcher's claims so far; ``ahead``: those of this line
    and the lines after it; ``unsure``: the part of them no write will take."""
    took: dict[str, Decimal] = {}
    for number, _ in match.applications:
        claimed = taken.get(number)
        if claimed is not None:
            gone = claimed[0] - ahead.get(number, ZERO) - unsure.get(number, ZERO)
            if gone > 0:
                took[number] = gone
    if not took:
        return []
    action = payment_action(line, match)
    read = ReadAhead(erp, [action])
    for number, invoice in list(read.invoices.items()):
        if number in took:
            balance = invoice.balance - took[number]
            read.invoices[number] = dataclasses.replace(invoice, balance=balance)
    return action.validate(read)  # type: ignore[arg-type]
