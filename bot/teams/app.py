"""The Teams surface on the Teams SDK for Python (``microsoft-teams-apps``), mounted on the
server's FastAPI app at ``POST /api/messages``.

Inbound activities carry a Bot Framework JWT, validated by the SDK whenever
``MICROSOFT_APP_ID`` is set; without it the endpoint is a local emulator that takes requests
from this machine only. The person is the Entra object id Teams puts in ``from.aadObjectId``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from microsoft_teams.api import (
    Account,
    AdaptiveCardActionCardResponse,
    AdaptiveCardActionMessageResponse,
    ConversationAccount,
    ConversationReference,
    MessageActivityInput,
    TypingActivityInput,
)
from microsoft_teams.apps import App
from microsoft_teams.apps.activity_send import send_or_update_activity
from microsoft_teams.apps.http.fastapi_adapter import FastAPIAdapter
from microsoft_teams.cards import AdaptiveCard

from bot.config import TeamsSettings
from bot.runtime import Runtime
from bot.teams.cards import decided, render
from graph.approvals import Decision
from graph.messages import Reply, Turn
from graph.policy import Identity

log = logging.getLogger(__name__)
T = TypeVar("T")
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def card_message(card: dict[str, Any], *, activity_id: str | None = None) -> MessageActivityInput:
    message = MessageActivityInput().add_card(AdaptiveCard.model_validate(card))
    if activity_id:
        message.id = activity_id
    return message


def _app_options(settings: TeamsSettings) -> dict[str, Any]:
    if not settings.app_id:
        return {"dangerously_allow_unauthenticated_requests": True}
    options: dict[str, Any] = {"client_id": settings.app_id}
    if settings.tenant_id:
        options["tenant_id"] = settings.tenant_id
    if settings.app_type == "UserAssignedMSI":
        options["managed_identity_client_id"] = settings.app_id
    else:
        options["client_secret"] = settings.app_password
    return options


async def post_proactively(
    runtime: Runtime, settings: TeamsSettings, conversation_id: str, reply: Reply
) -> str:
    """Send a Reply (the digest) to a Teams conversation arbot was installed in or spoken to
    in; returns the new activity's id. Outbound tokens come from msal through the SDK."""
    reference = await asyncio.to_thread(runtime.store.conversation, "teams", conversation_id)
    if reference is None:
        raise LookupError(
            f"arbot has no reference for Teams conversation {conversation_id}: install the app "
            "there or write to arbot from it first"
        )
    app = App(**_app_options(settings))
    target = ConversationReference(
        channel_id="msteams",
        service_url=reference["service_url"],
        bot=Account(id=settings.app_id or "arbot-emulator"),
        conversation=ConversationAccount(id=conversation_id, tenant_id=reference["tenant_id"]),
    )
    sent = await send_or_update_activity(app.api, card_message(render(reply)), target)
    return sent.id


def _identity(activity: Any) -> Identity:
    sender = activity.from_
    return Identity("teams", sender.aad_object_id or sender.id)


class TeamsSurface:
    def __init__(self, runtime: Runtime, api: FastAPI, settings: TeamsSettings) -> None:
        self.runtime = runtime
        self.settings = settings
        options = {"http_server_adapter": FastAPIAdapter(app=api), **_app_options(settings)}
        if not settings.app_id:
            log.warning(
                "MICROSOFT_APP_ID is empty: /api/messages is a LOCAL EMULATOR without "
                "authentication and accepts requests from this machine only"
            )
            self._loopback_only(api)
        self.app = App(**options)
        self.workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="arbot-teams")
        self._register()

    @staticmethod
    def _loopback_only(api: FastAPI) -> None:
        @api.middleware("http")
        async def local_only(request: Request, call_next: Callable[..., Any]) -> Any:
            client = request.client.host if request.client else ""
            if request.url.path == "/api/messages" and client not in LOOPBACK:
                return JSONResponse({"error": "Unauthorized"}, status_code=401)
            return await call_next(request)

    async def start(self) -> None:
        await self.app.initialize()

    async def stop(self) -> None:
        self.workers.shutdown(wait=False)

    async def work(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.workers, partial(function, *args, **kwargs))

    # --- handlers ------------------------------------------------------------------------------
    async def _ask(self, text: str, activity: Any) -> Reply:
        who = _identity(activity)
        turn = Turn(who.user_id, "teams", text, conversation_id=activity.conversation.id)
        return await self.work(self.runtime.agent.ask, turn)

    async def _decide(self, data: dict[str, Any], activity: Any) -> Decision:
        approvals = self.runtime.approvals
        approval_id = str(data.get("approval_id", ""))
        who = _identity(activity)
        action = data.get("action")
        if action == "approve":
            return await self.work(approvals.approve, approval_id, who)
        if action == "retry":
            return await self.work(approvals.retry, approval_id, who)
        if action == "reject":
            return await self.work(
                approvals.reject, approval_id, who, str(data.get("reason") or "")
            )
        if action == "edit":
            try:
                amount = Decimal(str(data.get("amount")))
            except InvalidOperation:
                return Decision(False, "Give an amount, e.g. 120.00")
            return await self.work(approvals.approve, approval_id, who, amount=amount)
        return Decision(False, f"Unknown action {action!r}.")

    def _register(self) -> None:
        app = self.app
        store = self.runtime.store

        @app.use
        async def remember_conversation(ctx: Any) -> None:
            activity = ctx.activity
            conversation = activity.conversation
            if conversation is not None and activity.service_url:
                await self.work(
                    store.remember_conversation,
                    "teams",
                    conversation.id,
                    activity.service_url,
                    tenant_id=conversation.tenant_id,
                    kind=conversation.conversation_type,
                )
            await ctx.next()

        @app.on_message
        async def on_message(ctx: Any) -> None:
            activity = ctx.activity
            value = activity.value if isinstance(activity.value, dict) else None
            if value and value.get("action"):  # Action.Submit from a client without Execute
                await self._answer_click(ctx, value, update_for_all=True)
                return
            text = (activity.strip_mentions_text().text or "").strip() or "help"
            try:
                await ctx.send(TypingActivityInput())
                reply = await self._ask(text, activity)
                await ctx.send(card_message(render(reply, question=text)))
            except Exception as error:  # Teams unreachable or refusing: say so in the log
                log.error("Teams did not take the answer: %s", error.__class__.__name__)

        @app.on_card_action_execute
        async def on_execute(ctx: Any) -> Any:
            data = dict(ctx.activity.value.action.data or {})
            if data.get("action") == "show_more":
                reply = await self._ask(str(data.get("q", "")), ctx.activity)
                card = render(reply, question=str(data.get("q", "")), page=int(data["page"]))
                return AdaptiveCardActionCardResponse(value=AdaptiveCard.model_validate(card))
            return await self._answer_click(ctx, data, update_for_all=True)

    async def _answer_click(self, ctx: Any, data: dict[str, Any], *, update_for_all: bool) -> Any:
        decision = await self._decide(data, ctx.activity)
        approval = decision.approval
        card = decided(approval) if approval is not None and approval.status != "pending" else None
        if card is not None and update_for_all and ctx.activity.reply_to_id:
            try:  # replace the card for everyone, not only for the clicker
                await ctx.send(card_message(card, activity_id=ctx.activity.reply_to_id))
            except Exception as error:
                log.error("Teams did not take the card update: %s", error.__class__.__name__)
        if not decision.ok:
            return AdaptiveCardActionMessageResponse(value=decision.message)
        if card is not None:
            return AdaptiveCardActionCardResponse(value=AdaptiveCard.model_validate(card))
        return AdaptiveCardActionMessageResponse(value=decision.message)
