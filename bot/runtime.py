"""Everything a surface needs, wired from the settings: the ERP, the store, the policy, the
approval service and the agent. One per process."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from bot.config import ConfigError, Settings, open_erp
from graph.agent import Agent
from graph.approvals import ApprovalService
from graph.cash_application import CashApplication
from graph.llm import LlmService
from graph.messages import Reply
from graph.policy import Policy, PolicyError, load_policy
from integrations.erp.port import ErpClient
from integrations.llm import LlmClient, LlmSettings
from integrations.mail import SmtpMailer
from integrations.store import Store
from integrations.store.checkpoints import open_checkpointer

log = logging.getLogger(__name__)

RECONCILE_EVERY = timedelta(minutes=1)
POLL_EVERY_SECONDS = 300.0


@dataclass
class Runtime:
    settings: Settings
    erp: ErpClient
    store: Store
    policy: Policy
    approvals: ApprovalService
    agent: Agent
    # Where proposals made in the background go (the server posts them; None: they wait in
    # `arbot approvals list`).
    deliver: Callable[[Reply], None] | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def open(cls, settings: Settings) -> Runtime:
        try:
            policy = load_policy(settings.policy_path)
        except PolicyError as error:
            raise ConfigError(str(error)) from None
        erp = open_erp(settings)
        try:
            store = Store.open(settings.database_url)
            checkpointer = open_checkpointer(settings.database_url)
        except Exception as error:  # any driver error becomes one readable line
            raise ConfigError(
                f"cannot open the store: {error.__class__.__name__}: {str(error).splitlines()[0]}"
            ) from error
        approvals = ApprovalService(erp, store, checkpointer, policy, mailer=SmtpMailer.from_env())
        llm_settings = LlmSettings.from_env()
        llm = LlmService(LlmClient(llm_settings)) if llm_settings else None
        agent = Agent(erp, today=settings.today, approvals=approvals, llm=llm)
        return cls(settings, erp, store, policy, approvals, agent)

    def erp_changed(self, event: object = None) -> None:
        """Something changed in the ERP (a webhook, a poll): names are re-read next time."""
        self.agent.forget_customers()

    def _poll_erp(self) -> Callable[[], None] | None:
        """How this ERP is asked for changes, if it has to be (QuickBooks CDC, Intacct)."""
        erp = self.erp
        if hasattr(erp, "poll_changes"):

            def poll_intacct() -> None:
                changes = erp.poll_changes()  # type: ignore[attr-defined]
                if changes.customers:
                    self.erp_changed()
                log.info(
                    "ERP changes: %d new payment(s), %d new order(s)",
                    len(changes.new_payments),
                    len(changes.new_orders),
                )

            return poll_intacct
        if erp.name == "quickbooks":
            from integrations.erp.quickbooks import catch_up

            return lambda: log.info(
                "QuickBooks catch-up: %d change(s)", catch_up(erp, self.erp_changed)
            )  # type: ignore[arg-type]
        return None

    def start_reconciler(self) -> None:
        """Finish what a crash left behind now, then once a minute in the background; and, for
        an ERP that is asked for its changes, ask it every few minutes."""
        self.approvals.reconcile()
        poll_erp = self._poll_erp()
        cash = CashApplication(self.approvals)

        def poll() -> None:
            if poll_erp is not None:
                poll_erp()
            run = cash.apply_unapplied_erp_payments(as_of=self.settings.today())
            if run.results:
                log.info("unapplied ERP payments: %d proposed or applied", len(run.results))
                if self.deliver is not None:
                    from graph.cash_run_reply import run_reply

                    reply = run_reply(run, self.approvals, source="unapplied payments in the ERP")
                    if any(card.waiting for card in reply.proposals):
                        self.deliver(reply)

        polled_at = 0.0

        def loop() -> None:
            nonlocal polled_at
            while not self._stop.wait(RECONCILE_EVERY.total_seconds()):
                try:
                    self.approvals.reconcile()
                except Exception:
                    log.exception("reconciler pass failed; trying again in a minute")
                if time.monotonic() - polled_at >= POLL_EVERY_SECONDS:
                    polled_at = time.monotonic()
                    try:
                        poll()
                    except Exception as error:
                        log.error("asking the ERP for changes failed: %s", error.__class__.__name__)

        threading.Thread(target=loop, name="arbot-reconciler", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
