"""``arbot serve``: one ASGI app for every surface — Slack at ``POST /slack/events``, Teams at
``POST /api/messages``; liveness at ``GET /healthz``, readiness at ``GET /readyz`` (the database
answers and every migration history is at its head), Prometheus metrics at ``GET /metrics`` —
plus the background work, led by one replica (bot.leader)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import text

from bot.digest import DigestSchedule, run_schedule
from bot.guards import BodyLimit, slack_signature_problem
from bot.metrics import Metrics, RequestMetrics
from bot.poster import Poster
from bot.runtime import Runtime
from graph.messages import Reply
from integrations.erp.port import WebhookSource

log = logging.getLogger(__name__)


def _slack_body_parses(body: bytes, content_type: str) -> bool:
    """Whether Bolt can read this body as a request (a JSON object, or a form, with the
    interaction as a JSON object in ``payload``): checked the way Bolt parses it, so that a
    signed but malformed body is a 400 rather than an error inside Bolt."""
    from slack_bolt.request.internals import parse_body

    try:
        parsed = parse_body(body.decode("utf-8"), content_type.split(";")[0].strip() or None)
    except (UnicodeDecodeError, ValueError, RecursionError, SystemError):
        return False
    return isinstance(parsed, dict)


async def _every(seconds: float, stop: asyncio.Event, work: Any, failed: str) -> None:
    """``work()`` every ``seconds`` until ``stop`` (a failure is logged, and tried again)."""
    while not stop.is_set():
        try:
            await work()
        except Exception:
            log.exception(failed)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=seconds)


def create_app(runtime: Runtime, *, graceful_timeout: float = 30.0) -> FastAPI:
    """``graceful_timeout``: how long a stop waits for answers in progress."""
    settings = runtime.settings
    slack = None
    if settings.slack is not None:
        from bot.slack.app import SlackSurface

        slack = SlackSurface(
            runtime,
            token=settings.slack.bot_token,
            signing_secret=settings.slack.signing_secret,
            api_url=settings.slack.api_url,
        )
    else:
        log.warning("Slack is not configured (no SLACK_BOT_TOKEN): /slack/events is off")

    schedule = DigestSchedule.from_env()

    poster = Poster(runtime, slack)
    post = poster.post

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()

        def deliver(reply: Reply, kind: str = "apply_payment") -> None:  # from worker threads
            asyncio.run_coroutine_threadsafe(poster.deliver(reply, kind), loop)

        runtime.deliver = deliver
        runtime.start_reconciler()
        await asyncio.to_thread(runtime.agent.warm)  # names and the book, before the first user
        await teams.start()
        stopping = asyncio.Event()
        schedule_task = None
        if schedule is not None:
            schedule_task = asyncio.create_task(run_schedule(runtime, schedule, post, stopping))
            log.warning(
                "daily digest at %s %s to %d target(s)",
                schedule.at,
                schedule.zone,
                len(schedule.targets),
            )
        inbox_task = None
        if settings.bank_inbox is not None:
            from bot.inbox_folder import BankInbox

            inbox = BankInbox(
                runtime, poster, settings.bank_inbox, settle=settings.bank_inbox_settle
            )
            api.state.bank_inbox = inbox

            async def scan() -> None:
                if runtime.leader.leading():
                    await inbox.scan_once()

            inbox_task = asyncio.create_task(
                _every(settings.bank_inbox_every, stopping, scan, "bank inbox scan failed")
            )
            log.warning(
                "watching %s for bank files every %s s",
                settings.bank_inbox,
                settings.bank_inbox_every,
            )
        socket_mode = None
        if slack is not None and settings.slack and settings.slack.app_token:
            from slack_bolt.adapter.socket_mode.websockets import AsyncSocketModeHandler

            socket_mode = AsyncSocketModeHandler(slack.app, settings.slack.app_token)
            await socket_mode.connect_async()
            log.warning("Slack Socket Mode connected")
        try:
            yield
        finally:
            # A stop (SIGTERM): uvicorn has stopped taking requests and answered those in
            # flight; what was acked but not yet answered is finished before the process ends.
            api.state.stopping = True
            stopping.set()
            if socket_mode is not None:
                await socket_mode.close_async()
            for task in (schedule_task, inbox_task):
                if task is not None:
                    await task
            if slack is not None:
                await slack.stop(timeout=graceful_timeout)
            await teams.stop()
            runtime.stop()

    api = FastAPI(title="arbot", lifespan=lifespan, docs_url=None, redoc_url=None)
    api.add_middleware(BodyLimit)
    metrics = runtime.metrics or Metrics()  # without: no ERP call counts
    metrics.watch_store(runtime.store.engine)
    api.add_middleware(RequestMetrics, metrics=metrics)  # outermost: counts refusals too
    api.state.stopping = False
    from bot.teams.app import TeamsSurface

    teams = TeamsSurface(runtime, api, settings.teams)  # mounts POST /api/messages on start
    if isinstance(runtime.erp, WebhookSource):
        router = runtime.erp.webhook_router(runtime.erp_changed)
        if router is not None:
            api.include_router(router)
        else:
            log.warning("the ERP's webhooks are not configured: changes arrive by polling")
    from bot.api import credit_check_router
    from bot.teams.pages import pages_router

    api.include_router(pages_router())  # /privacy, /terms: the Teams package links to them

    if (credit_api := credit_check_router(runtime)) is not None:
        api.include_router(credit_api)
    api.state.runtime = runtime
    api.state.slack = slack
    api.state.teams = teams
    api.state.post = post

    @api.get("/healthz")
    async def healthz() -> JSONResponse:
        """Alive, and whether the database answers (for a liveness probe: restart me)."""

        def probe() -> None:
            with runtime.store.engine.connect() as conn:
                conn.execute(text("SELECT 1"))

        try:
            await asyncio.to_thread(probe)
        except Exception as error:
            log.error("health check: the database does not answer: %s", error.__class__.__name__)
            return JSONResponse({"status": "down", "database": "unreachable"}, status_code=503)
        return JSONResponse(
            {
                "status": "ok",
                "erp": settings.erp,
                "slack": slack is not None,
                "teams": "authenticated" if settings.teams.app_id else "local emulator",
            }
        )

    @api.get("/readyz")
    async def readyz() -> JSONResponse:
        """Ready for traffic (for a load balancer): the database answers, every migration
        history is at its head, and the server is not stopping."""
        from integrations.histories import revisions

        if api.state.stopping:
            return JSONResponse({"status": "stopping"}, status_code=503)
        try:
            found = await asyncio.to_thread(revisions, runtime.store.engine)
        except Exception as error:
            log.error("readiness: the database does not answer: %s", error.__class__.__name__)
            return JSONResponse({"status": "not ready", "database": "unreachable"}, status_code=503)
        behind = [r.history for r in found if not r.at_head]
        if behind:
            return JSONResponse(
                {"status": "not ready", "database": "ok", "migrations_behind": behind},
                status_code=503,
            )
        return JSONResponse(
            {"status": "ready", "database": "ok", "leader": runtime.leader.leading()}
        )

    @api.get("/metrics")
    async def metrics_page() -> Response:
        body, content_type = await asyncio.to_thread(metrics.render)
        return Response(body, media_type=content_type)

    if slack is not None:
        from slack_bolt.adapter.fastapi.async_handler import AsyncSlackRequestHandler

        handler = AsyncSlackRequestHandler(slack.app)

        secret = settings.slack.signing_secret if settings.slack else ""

        @api.post("/slack/events")
        async def slack_events(request: Request) -> Response:
            body = await request.body()  # bounded by BodyLimit; Bolt reads the cached copy
            problem = slack_signature_problem(secret, body, request.headers)
            if problem is not None:
                log.warning("refused a Slack request: %s", problem)
                return PlainTextResponse("invalid request", status_code=401)
            if not _slack_body_parses(body, request.headers.get("content-type", "")):
                log.warning("refused a signed Slack request whose body does not parse")
                return PlainTextResponse("malformed body", status_code=400)
            async with slack.acking():
                response: Any = await handler.handle(request)
            return response

    return api
