"""Prometheus metrics at ``GET /metrics``: HTTP requests and latencies by route, ERP calls and
errors by operation (this process), and — read from the database when scraped, so every replica
reports the same truth — approvals by state and cash-application runs and bank lines.

Labels are route templates, operation names and states: never ids, names or amounts."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    """One set of metrics in its own registry (one per app, so tests never share counts)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "arbot_http_requests",
            "HTTP requests answered, by route template, method and status code.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "arbot_http_request_duration_seconds",
            "Time to answer an HTTP request (until the response is sent), by route template.",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.erp_calls = Counter(
            "arbot_erp_calls",
            "Calls to the ERP through arbot's ERP port, by ERP and operation.",
            ["erp", "operation"],
            registry=self.registry,
        )
        self.erp_errors = Counter(
            "arbot_erp_errors",
            "ERP calls that raised, by ERP, operation and error class.",
            ["erp", "operation", "error"],
            registry=self.registry,
        )
        self.erp_seconds = Histogram(
            "arbot_erp_call_duration_seconds",
            "Time an ERP call took, by ERP and operation.",
            ["erp", "operation"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

    def watch_store(self, engine: Engine) -> None:
        self.registry.register(StoreCollector(engine))

    def render(self) -> tuple[bytes, str]:
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class StoreCollector(Collector):
    """Approvals by state, cash-application runs and bank lines by decision, counted in the
    store at scrape time."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from integrations.store import schema as t
        from integrations.store.store import STATUSES

        approvals = GaugeMetricFamily(
            "arbot_approvals", "Approvals in the store, by state.", labels=["state"]
        )
        runs = GaugeMetricFamily(
            "arbot_cashapp_runs",
            "Cash-application runs of bank files, by state (finished, running, stopped).",
            labels=["state"],
        )
        lines = GaugeMetricFamily(
            "arbot_cashapp_bank_lines",
            "Bank lines processed by cash application, by decision.",
            labels=["decision"],
        )
        try:
            with self.engine.connect() as conn:
                by_status = dict(
                    conn.execute(
                        select(t.approvals.c.status, func.count()).group_by(t.approvals.c.status)
                    ).all()
                )
                c = t.cash_runs.c
                finished = conn.scalar(select(func.count()).where(c.finished_at.is_not(None)))
                running = conn.scalar(
                    select(func.count()).where(c.finished_at.is_(None), c.owner.is_not(None))
                )
                stopped = conn.scalar(
                    select(func.count()).where(c.finished_at.is_(None), c.owner.is_(None))
                )
                decisions = dict(
                    conn.execute(
                        select(t.bank_lines.c.decision, func.count()).group_by(
                            t.bank_lines.c.decision
                        )
                    ).all()
                )
        except Exception as error:  # a scrape while the database is away: say so, not 500
            log.warning("metrics: the store could not be read: %s", error.__class__.__name__)
            return
        for state in STATUSES:
            approvals.add_metric([state], by_status.get(state, 0))
        yield approvals
        for state, count in (("finished", finished), ("running", running), ("stopped", stopped)):
            runs.add_metric([state], count or 0)
        yield runs
        for decision, count in sorted(decisions.items()):
            lines.add_metric([decision], count)
        yield lines


class MeteredErp:
    """The ERP client as it is, with every port call counted and timed (and its errors counted
    by class). Attributes that are not methods pass through untouched."""

    def __init__(self, erp: Any, metrics: Metrics) -> None:
        self._erp = erp
        self._metrics = metrics
        self._kind = getattr(erp, "name", type(erp).__name__)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._erp, name)
        if name.startswith("_") or not callable(value) or isinstance(value, type):
            return value
        return self._metered(name, value)

    def _metered(self, operation: str, call: Callable[..., Any]) -> Callable[..., Any]:
        metrics, kind = self._metrics, self._kind

        @functools.wraps(call)
        def metered(*args: Any, **kwargs: Any) -> Any:
            metrics.erp_calls.labels(kind, operation).inc()
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            except Exception as error:
                metrics.erp_errors.labels(kind, operation, error.__class__.__name__).inc()
                raise
            finally:
                metrics.erp_seconds.labels(kind, operation).observe(time.perf_counter() - started)

        return metered


class RequestMetrics:
    """ASGI middleware: counts and times every HTTP request by its route template (the path
    itself only for ``/metrics``-free unknown paths would explode the labels: those are
    ``other``)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "other"
            method = scope.get("method", "")
            self.metrics.requests.labels(template, method, str(status)).inc()
            self.metrics.latency.labels(template, method).observe(time.perf_counter() - started)
