"""Everything a surface needs, wired from the settings: the ERP, the store, the policy, the
approval service and the agent. One per process."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings, open_erp
from graph.policy import Policy, PolicyError, load_policy
from integrations.erp.port import Change, ChangeFeed, ErpClient
from integrations.erp.records import SalesOrder

if TYPE_CHECKING:
    from langgraph.checkpoint.base import BaseCheckpointSaver

    from bot.leader import Leader, VersionWatch
    from bot.metrics import Metrics
    from graph.agent import Agent
    from graph.approvals import ApprovalService
    from graph.shadow import Cursor
    from integrations.store import Store

if TYPE_CHECKING:
    from graph.orders import OrderCheck

log = logging.getLogger(__name__)

RECONCILE_EVERY = timedelta(minutes=1)
POLL_EVERY_SECONDS = 300.0
PRUNE_EVERY_SECONDS = 3600.0
DELIVERIES_KEPT = timedelta(days=2)  # Slack retries within minutes; replays die after five
NAMES_VERSION = "customer-names"
# QuickBooks allows 500 requests a minute per company: at most 50 at once, then 450 a minute,
# is never more than 500 in any minute however many replicas share the bucket.
QBO_RATE = 450
QBO_BURST = 50


@dataclass
class Runtime:
    """The store and the approval service open on first use: a question that changes nothing
    (``arbot ask``) opens neither, nor imports LangGraph."""

    settings: Settings
    erp: ErpClient
    policy: Policy
    # Where proposals made in the background go, by action kind (the server posts them; None:
    # they wait in `arbot approvals list`).
    deliver: Callable[..., None] | None = None
    # Whether the reconciler also asks the ERP for its changes every few minutes (tests of a
    # quiet server turn it off: arriving orders would be checked and proposed meanwhile).
    watch_erp: bool = True
    metrics: Metrics | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _opening: threading.RLock = field(default_factory=threading.RLock)

    @classmethod
    def open(cls, settings: Settings, *, metrics: Metrics | None = None) -> Runtime:
        """``metrics``: count and time every ERP call (the server's /metrics)."""
        try:
            policy = load_policy(settings.policy_path)
        except PolicyError as error:
            raise ConfigError(str(error)) from None
        erp = open_erp(settings)
        if erp.name == "quickbooks":
            from integrations.ratelimit import DatabaseTokenBucket

            realm = erp.realm_id  # type: ignore[attr-defined]
            erp.limit_rate_with(  # type: ignore[attr-defined]
                DatabaseTokenBucket(
                    erp.store.engine,  # type: ignore[attr-defined]
                    f"quickbooks:{realm}",
                    rate=QBO_RATE,
                    burst=QBO_BURST,
                )
            )
        if metrics is not None:
            from bot.metrics import MeteredErp

            erp = MeteredErp(erp, metrics)  # type: ignore[assignment]
        return cls(settings, erp, policy, metrics=metrics)

    @cached_property
    def agent(self) -> Agent:
        """The agent that answers and proposes, built (and imported) on first use: a report
        (``arbot digest``) or a cash run never asks it anything."""
        from graph.agent import Agent

        with self._opening:
            if "agent" in self.__dict__:
                return self.__dict__["agent"]  # type: ignore[no-any-return]
            llm = None
            if os.environ.get("ARBOT_LLM_MODEL"):  # no model, no LLM: nor the client's import
                from integrations.llm import LlmClient, LlmSettings

                if (llm_settings := LlmSettings.from_env()) is not None:
                    from graph.llm import LlmService

                    llm = LlmService(LlmClient(llm_settings))
            return Agent(
                self.erp,
                today=self.settings.today,
                llm=llm,
                open_approvals=lambda: self.approvals,
                policy=self.policy,
                open_store=lambda: self.store,
            )

    @cached_property
    def store(self) -> Store:
        from integrations.store import Store

        with self._opening:
            if "store" in self.__dict__:  # another thread opened it meanwhile
                return self.__dict__["store"]  # type: ignore[no-any-return]
            try:
                return Store.open(self.settings.database_url)
            except Exception as error:  # any driver error becomes one readable line
                raise _store_error(error) from error

    @cached_property
    def approvals(self) -> ApprovalService:
        from graph.approvals import ApprovalService
        from integrations.mail import SmtpMailer

        with self._opening:
            if "approvals" in self.__dict__:
                return self.__dict__["approvals"]  # type: ignore[no-any-return]
            store = self.store
            url = self.settings.database_url

            def checkpointer() -> BaseCheckpointSaver:
                # Opened (and LangGraph imported) by the first approval that needs a thread:
                # a dry run or a cash run's bulk proposals never do.
                from integrations.store.checkpoints import open_checkpointer

                try:
                    return open_checkpointer(url)
                except Exception as error:
                    raise _store_error(error) from error

            return ApprovalService(
                self.erp, store, checkpointer, self.policy, mailer=SmtpMailer.from_env()
            )

    def erp_changed(self, change: Change | None = None) -> None:
        """Something changed in the ERP (a webhook, a poll): names are re-read next time, and
        a new or changed sales order is credit-checked (once, whichever replica sees it)."""
        if change is None or change.kind == "customer":
            if "agent" in self.__dict__:  # an agent not built yet has nothing to forget
                self.agent.forget_customers()
            from integrations.store.coordination import bump_version

            try:  # every replica watches this version: their name indexes are rebuilt too
                bump_version(self.store.engine, NAMES_VERSION)
            except Exception as error:
                log.warning("other replicas not told of the change: %s", error.__class__.__name__)
        if change is not None and isinstance(change.record, SalesOrder):
            self.order_arrived(change.record)
            self.order_fulfilled(change.record)

    def order_arrived(self, order: SalesOrder) -> None:
        from graph.orders import CreditDesk

        check = CreditDesk(self.approvals, today=self.settings.today).order_arrived(order)
        if check is not None:
            log.info("credit check of a new order: %s", check.decision.decision)
            self.deliver_check(check)

    def order_fulfilled(self, order: SalesOrder) -> None:
        """A fulfilled order: its invoice drafted once, the card posted where the policy's
        ``[destinations] create_invoice`` says."""
        from graph.invoicing import Billing, drafted_reply

        drafted = Billing(self.approvals, today=self.settings.today).order_fulfilled(order)
        if drafted is None or drafted.approval is None:
            return
        reply = drafted_reply([drafted], self.policy)
        if self.deliver is not None and any(card.waiting for card in reply.proposals):
            self.deliver(reply, "create_invoice")

    def deliver_check(self, check: OrderCheck) -> None:
        """Post a credit check where the policy says when someone has to act on it: cards
        waiting for a credit manager (``[destinations] release_order``), or a decline for the
        order's owner (``decline_order``); those who may decide are told directly."""
        from graph.orders import order_reply

        reply = order_reply(check, self.policy)
        waiting = any(card.waiting for card in reply.proposals)
        if self.deliver is not None and (waiting or check.decision.decision == "DECLINE"):
            kind = "decline_order" if check.decision.decision == "DECLINE" else "release_order"
            self.deliver(reply, kind)

    def _poll_erp(self) -> Callable[[], None] | None:
        """How this ERP is asked for its changes, if it can be (``ChangeFeed``)."""
        erp = self.erp
        if not isinstance(erp, ChangeFeed):
            return None

        def poll() -> None:
            log.info("ERP changes: %d handed over", erp.feed_changes(self.erp_changed))

        return poll

    def start_reconciler(self) -> None:
        """Finish what a crash left behind now, then once a minute in the background; and, for
        an ERP that is asked for its changes, ask it every few minutes."""
        from graph.cash_application import CashApplication
        from integrations.store.coordination import prune_deliveries

        self.leader.start()
        self.names.start()
        if self.leader.leading():
            self.approvals.reconcile()
        poll_erp = self._poll_erp() if self.watch_erp else None
        cash = CashApplication(self.approvals)
        seen: list[Cursor] = []  # shadow mode: after the day's first look, what changed

        def poll() -> None:
            if poll_erp is not None:
                poll_erp()
            if self.policy.mode == "monitor":  # shadow mode: what arbot would have done
                from graph.shadow import Cursor, look

                if not seen:
                    seen.append(Cursor())
                look(
                    self.erp,
                    self.store,
                    self.settings.today(),
                    self.policy.deduction_tolerance,
                    cursor=seen[0],
                )
            run = cash.apply_unapplied_erp_payments(as_of=self.settings.today())
            if run.results:
                log.info("unapplied ERP payments: %d proposed or applied", len(run.results))
                if self.deliver is not None:
                    from graph.cash_run_reply import run_reply

                    reply = run_reply(run, self.approvals, source="unapplied payments in the ERP")
                    if any(card.waiting for card in reply.proposals):
                        self.deliver(reply)

        due = {"poll": 0.0, "prune": 0.0}

        def every(job: str, seconds: float, work: Callable[[], object], failed: str) -> None:
            if time.monotonic() - due[job] < seconds:
                return
            due[job] = time.monotonic()
            try:
                work()
            except Exception as error:
                log.error("%s: %s", failed, error.__class__.__name__)

        def loop() -> None:
            while not self._stop.wait(RECONCILE_EVERY.total_seconds()):
                if not self.leader.leading():  # one replica does the background work
                    continue
                try:
                    self.approvals.reconcile()
                except Exception:
                    log.exception("reconciler pass failed; trying again in a minute")
                every("poll", POLL_EVERY_SECONDS, poll, "asking the ERP for changes failed")
                every(
                    "prune",
                    PRUNE_EVERY_SECONDS,
                    lambda: prune_deliveries(self.store.engine, DELIVERIES_KEPT),
                    "old delivery ids not pruned",
                )

        threading.Thread(target=loop, name="arbot-reconciler", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        if "names" in self.__dict__:
            self.names.stop()
        if "leader" in self.__dict__:
            self.leader.stop()

    @cached_property
    def leader(self) -> Leader:
        """This replica's claim on the background work (bot.leader)."""
        from bot.leader import Leader

        return Leader(self.store.engine)

    @cached_property
    def names(self) -> VersionWatch:
        """The customer-name index's version: a change seen by any replica reaches this one."""
        from bot.leader import VersionWatch

        return VersionWatch(self.store.engine, NAMES_VERSION, self.agent.forget_customers)


def _store_error(error: Exception) -> ConfigError:
    first = str(error).splitlines()[0] if str(error) else ""
    return ConfigError(f"cannot open the store: {error.__class__.__name__}: {first}")
