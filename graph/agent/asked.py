"""The approval service as a chat turn holds it: it proposes only a change the turn's own words
ask for (``graph.understand_asked.not_asked``), whichever node, report or reading proposes it.

``Agent.ask`` sets the turn's words for the length of the turn (``asking``); ``Agent.approvals``
then hands out ``AskedOnly``. A command (``arbot collections --propose``) is no chat turn: it
proposes what it was told to. A customer's e-mail pasted into chat is read for what *the
customer* says (a promise, a dispute, a copy asked for: proposed as arbot's reading, with the
quote), so its reading proposes under ``reading_a_document``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, cast

from graph.approval_records import ProposalRejected
from graph.understand_action_names import SAID, NotAsked
from graph.understand_addressed import addressed_to
from graph.understand_asked import not_asked
from graph.understand_cannot_named import instead
from graph.understand_parts import spoken
from graph.understand_vocab import normalize

if TYPE_CHECKING:
    from graph.approvals import ApprovalService

# The words of the chat turn being answered, None outside one (or while a document is read).
asking: ContextVar[str | None] = ContextVar("asking", default=None)


class NotAskedFor(ProposalRejected):
    """A proposal of a change the turn's words do not ask for."""

    def __init__(self, refused: NotAsked) -> None:
        label = SAID.get(refused.kind, ("a change", ""))[0]
        super().__init__([f"{label} was not asked for ({refused.said()})"])
        self.refused = refused


def refused(text: str, kind: str) -> NotAsked | None:
    """Why the message does not ask for a change of ``kind`` (None when it does), its words
    read as the parser reads them: dictated ("right off the 154.89") and shorthand ("PMT-… ->
    10211") spelled out (``graph.understand_parts.spoken``)."""
    return not_asked(spoken(text), kind)


def to_colleague(
    text: str,
    customer_text: str | None,
    team: Callable[[], Collection[str]],
    is_customer: Callable[[str], bool] | None = None,
) -> str | None:
    """The colleague the message is written to by name ("priya open a dispute on …", "tom -
    put evergreen on hold"), or None when it is arbot's to do (``graph.understand_addressed``)."""
    return addressed_to(spoken(text), customer_text, team, is_customer)


def beyond(text: str, kind: str) -> str | None:
    """The change arbot cannot make that the message asks for in the words of a change of
    ``kind`` ("write off 10130 in full as bad debt" names a write-off), or None."""
    return instead(normalize(spoken(text)), kind)


class AskedOnly:
    """``ApprovalService`` for one chat turn: ``propose`` refuses a change not asked for; the
    rest is the service's own."""

    def __init__(self, service: ApprovalService, text: str) -> None:
        self._service = service
        self._text = text

    def propose(self, action: Any, **kwargs: Any) -> Any:
        if (why := refused(self._text, action.kind)) is not None:
            raise NotAskedFor(why)
        return self._service.propose(action, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)


def held(service: ApprovalService | None) -> ApprovalService | None:
    """The service as the current turn may use it."""
    text = asking.get()
    if service is None or text is None:
        return service
    return cast("ApprovalService", AskedOnly(service, text))  # the same calls


@contextmanager
def turn(text: str) -> Iterator[None]:
    token = asking.set(text)
    try:
        yield
    finally:
        asking.reset(token)


@contextmanager
def reading_a_document() -> Iterator[None]:
    """A pasted e-mail's reading proposes what the document says, not what the turn asks."""
    token = asking.set(None)
    try:
        yield
    finally:
        asking.reset(token)
