"""The Teams surface on the Teams SDK for Python (``microsoft-teams-apps``), mounted on the
server's FastAPI app at ``POST /api/messages``.

Inbound activities carry a Bot Framework JWT, validated by the SDK whenever
``MICROSOFT_APP_ID`` is set; without it the endpoint is a local emulator that takes requests
from this machine only. The person is the Entra object id Teams puts in ``from.aadObjectId``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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
from microsoft_teams.api.activities.utils import StripMentionsTextOptions
from microsoft_teams.apps import App
from microsoft_teams.apps.activity_send import send_or_update_activity
from microsoft_teams.apps.http.fastapi_adapter import FastAPIAdapter
from microsoft_teams.cards import AdaptiveCard

from bot.config import TeamsSettings
from bot.runtime import Runtime
from bot.teams.cards import decided, render, render_all
from bot.teams.files import TeamsFiles, channel_note, invoke_response
from graph.decisions import VERBS, Decided, decide, decide_all
from graph.messages import Click, Reply, Turn
from graph.policy import Identity

log = logging.getLogger(__name__)
T = TypeVar("T")
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
MAX_PAGE = 1000


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
    first = None
    for card in render_all(reply):
        sent = await send_or_update_activity(app.api, card_message(card), target)
        first = first or sent.id
    assert first is not None
    return first


def personal_key(aad_object_id: str) -> str:
    return f"personal:{aad_object_id}"


def _fields(turn: Turn) -> dict[str, Any]:
    return {name: getattr(turn, name) for name in turn.__slots__}


def _page(value: Any) -> int | None:
    try:
        page = int(value)
    except (TypeError, ValueError):
        return None
    return page if 0 <= page <= MAX_PAGE else None


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
        self.files = TeamsFiles(
            runtime.erp, lambda key: runtime.store.first_delivery(key), settings.file_hosts
        )
        self._register()

    @staticmethod
    def _loopback_only(api: FastAPI) -> None:
        @api.middleware("http")
        async def local_only(request: Request, call_next: Callable[..., Any]) -> Any:
            client = request.client.host if request.client else ""
            # Only a direct peer on this machine: behind a proxy the client address can come
            # from X-Forwarded-For, which anyone can write.
            proxied = any(h in request.headers for h in ("x-forwarded-for", "forwarded"))
            if request.url.path == "/api/messages" and (client not in LOOPBACK or proxied):
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

    async def _decide(self, data: dict[str, Any], activity: Any) -> Decided | None:
        """A card click as the one decision path takes it; None when it is not a decision."""
        who = _identity(activity)
        turn = Turn(who.user_id, "teams", conversation_id=activity.conversation.id)
        verb = data.get("action")
        if verb == "approve_all":
            ids = data.get("ids")
            ids = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
            batch = Turn(**{**_fields(turn), "click": Click("", "approve")})
            return await self.work(decide_all, self.runtime.approvals, batch, ids)
        if verb not in VERBS:
            return None
        approval_id = str(data.get("approval_id") or "")[:64]
        reason = data.get(f"reason-{approval_id}", data.get("reason"))
        amount = data.get(f"amount-{approval_id}", data.get("amount"))
        click = Click(
            approval_id,
            verb,
            reason=str(reason)[:2000] if reason is not None else "",
            amount_text=str(amount)[:64] if amount is not None else None,
        )
        turn = Turn(**{**_fields(turn), "click": click})
        return await self.work(decide, self.runtime.approvals, turn)

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
                person = _identity(activity).user_id
                if conversation.conversation_type == "personal" and person:
                    # Where to reach this person directly (approvals waiting for them): the
                    # personal chat's id is kept as the kind of a per-person reference.
                    await self.work(
                        store.remember_conversation,
                        "teams",
                        personal_key(person),
                        activity.service_url,
                        tenant_id=conversation.tenant_id,
                        kind=conversation.id,
                    )
            await ctx.next()

        @app.on_message
        async def on_message(ctx: Any) -> None:
            activity = ctx.activity
            value = activity.value if isinstance(activity.value, dict) else None
            if value and value.get("action"):  # Action.Submit from a client without Execute
                answer = await self._answer_click(ctx, value, update_for_all=True)
                if isinstance(answer, AdaptiveCardActionMessageResponse):
                    # no invoke to answer the clicker: a refusal (or an outcome without a card)
                    # is said in the chat
                    await ctx.send(answer.value)
                return
            text = question_of(activity) or "help"
            try:
                await ctx.send(TypingActivityInput())
                reply = await self._ask(text, activity)
                personal = activity.conversation.conversation_type == "personal"
                if reply.files and not personal:  # no file consent outside a personal chat
                    sent = await self._files_to_personal_chat(ctx, reply)
                    reply.context.append(channel_note(reply, sent_to_chat=sent))
                for card in render_all(reply, question=text):
                    await ctx.send(card_message(card))
                if reply.files and personal:  # a statement: each file asks for consent
                    who = _identity(activity).user_id
                    offers = await self.work(
                        self.files.offers, reply, conversation=activity.conversation.id, person=who
                    )
                    for offer in offers:
                        await ctx.send(offer)
            except Exception as error:  # Teams unreachable or refusing: say so in the log
                log.error("Teams did not take the answer: %s", error.__class__.__name__)

        @app.on_file_consent
        async def on_file_consent(ctx: Any) -> Any:
            activity = ctx.activity
            answer = await self.files.answer(
                activity.value,
                conversation=activity.conversation.id,
                person=_identity(activity).user_id,
                work=self.work,
            )
            if answer.message is not None:
                try:
                    await ctx.send(answer.message)
                except Exception as error:
                    log.error("Teams did not take the file message: %s", error.__class__.__name__)
            return invoke_response(answer)

        @app.on_card_action_execute
        async def on_execute(ctx: Any) -> Any:
            raw = ctx.activity.value.action.data
            data = dict(raw) if isinstance(raw, dict) else {}
            if data.get("action") == "show_more":
                page = _page(data.get("page"))
                question = str(data.get("q", ""))[:2000]
                if page is None or not question:
                    return AdaptiveCardActionMessageResponse(value="That page does not exist.")
                reply = await self._ask(question, ctx.activity)
                cards = render_all(reply, question=question, page=page)
                for card in cards[1:]:
                    await ctx.send(card_message(card))
                return AdaptiveCardActionCardResponse(value=AdaptiveCard.model_validate(cards[0]))
            return await self._answer_click(ctx, data, update_for_all=True)

    async def _files_to_personal_chat(self, ctx: Any, reply: Reply) -> bool:
        """A statement asked in a channel: its files offered in the asker's personal chat with
        arbot, when arbot knows it (they wrote to arbot there before). Whether they were."""
        activity = ctx.activity
        person = _identity(activity).user_id
        chat = await self.work(self.runtime.store.conversation, "teams", personal_key(person))
        if not chat or not chat.get("kind"):
            return False
        target = ConversationReference(
            channel_id="msteams",
            service_url=chat["service_url"],
            bot=activity.recipient,
            conversation=ConversationAccount(
                id=chat["kind"], conversation_type="personal", tenant_id=chat["tenant_id"]
            ),
        )
        try:
            offers = await self.work(
                self.files.offers, reply, conversation=chat["kind"], person=person
            )
            for offer in offers:
                await send_or_update_activity(ctx.api, offer, target)
        except Exception as error:  # the chat is gone or Teams refuses: say how instead
            log.error("Teams did not take the files: %s", error.__class__.__name__)
            return False
        return bool(offers)

    async def _answer_click(self, ctx: Any, data: dict[str, Any], *, update_for_all: bool) -> Any:
        decided_ = await self._decide(data, ctx.activity)
        if decided_ is None:
            return AdaptiveCardActionMessageResponse(value="That button is not one arbot knows.")
        reply = decided_.reply
        batch = reply.data.get("decision", {}).get("batch")
        if batch:
            # The batch's outcome replaces the card that offered it; each approval's own card
            # answers "already approved by …" if clicked later.
            card = render(reply)
        elif decided_.settled:
            card = decided(reply.proposals[0])
        else:
            card = None
        if card is not None and update_for_all and ctx.activity.reply_to_id:
            try:  # replace the card for everyone, not only for the clicker
                await ctx.send(card_message(card, activity_id=ctx.activity.reply_to_id))
            except Exception as error:
                log.error("Teams did not take the card update: %s", error.__class__.__name__)
        if not decided_.ok and not batch:
            return AdaptiveCardActionMessageResponse(value=reply.headline)
        if card is not None:
            return AdaptiveCardActionCardResponse(value=AdaptiveCard.model_validate(card))
        return AdaptiveCardActionMessageResponse(value=reply.headline)


def question_of(activity: Any) -> str:
    """What a message asks arbot, in words: arbot's own mention taken out and a colleague's
    kept as "@Maria.Shah", so a change asked of a colleague ("<at>Maria Shah</at> can you put
    globex on hold") is read as theirs."""
    own = StripMentionsTextOptions(account_id=getattr(activity.recipient, "id", None))
    text = activity.strip_mentions_text(own).text or ""
    return _MENTIONED.sub(lambda m: "@" + ".".join(m.group(1).split()), text).strip()


_MENTIONED = re.compile(r"<at>([^<]+)</at>")
