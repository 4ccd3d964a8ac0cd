"""``arbot serve``: one ASGI app for every surface — Slack at ``POST /slack/events``, Teams at
``POST /api/messages``, health at ``GET /healthz`` — plus the reconciler."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import text

from bot.digest import DigestSchedule, run_schedule
from bot.guards import BodyLimit, slack_signature_problem
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


def create_app(runtime: Runtime) -> FastAPI:
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
        stop_schedule = asyncio.Event()
        schedule_task = None
        if schedule is not None:
            schedule_task = asyncio.create_task(
                run_schedule(runtime, schedule, post, stop_schedule)
            )
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
            inbox_task = asyncio.create_task(inbox.run_forever(settings.bank_inbox_every))
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
            stop_schedule.set()
            if schedule_task is not None:
                await schedule_task
            if inbox_task is not None:
                inbox_task.cancel()
            runtime.stop()
            if socket_mode is not None:
                await socket_mode.close_async()
            if slack is not None:
                await slack.stop()
            await teams.stop()

    api = FastAPI(title="arbot", lifespan=lifespan, docs_url=None, redoc_url=None)
    api.add_middleware(BodyLimit)
    from bot.teams.app import TeamsSurface

    teams = TeamsSurface(runtime, api, settings.teams)  # mounts POST /api/messages on start
    if isinstance(runtime.erp, WebhookSource):
        router = runtime.erp.webhook_router(runtime.erp_changed)
        if router is not None:
            api.include_router(router)
        else:
            log.warning("the ERP's webhooks are not configured: changes arrive by polling")
    from bot.api import credit_check_router

    if (credit_api := credit_check_router(runtime)) is not None:
        api.include_router(credit_api)
    api.state.runtime = runtime
    api.state.slack = slack
    api.state.teams = teams
    api.state.post = post

    @api.get("/healthz")
    async def healthz() -> JSONResponse:
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
            response: Any = await handler.handle(request)
            return response

    return api
