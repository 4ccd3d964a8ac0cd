"""The replies about arbot itself: help (generated from the intent registry), what was understood
and what was not, what arbot cannot do and the closest things it can, the empty ledger."""

from __future__ import annotations

from typing import Any

from graph import intents, understand_vocab
from graph.messages import Reply, Section, Table
from graph.understand import Request
from graph.understand_action_names import SAID, NotAsked
from integrations.erp.records import Customer

# What to offer instead of each thing arbot cannot do.
_INSTEAD: dict[str, tuple[str, ...]] = {
    "create_invoice": ("check credit for SO-…", "status of INV-…"),
    "change_terms": ("days to pay for {customer}", "raise {customer}'s credit limit to …"),
    "alert": ("what is our dso?", "morning digest"),
    "invoiced": ("what does {customer} owe", "aging report"),
    "write_email": ("send a reminder to {customer}", "send {customer} a statement"),
    "records": ("what does {customer} owe", "show {customer}'s last payments", "collections list"),
    "explain": ("what is our dso?", "aging report", "help"),
    "other_change": ("approvals", "help"),
}


def help_reply(*_: Any, headline: str | None = None, intent: str = "help") -> Reply:
    """Everything arbot answers, one example each, from the registry."""
    rows = tuple(
        (i.summary, f"“{i.examples[0]}”", f"/ar {i.slash}" if i.slash else "")
        for i in intents.REGISTRY
        if i.examples
    )
    return Reply(
        headline=headline
        or "I answer questions about customers, invoices, payments and the "
        "whole book, and propose changes for approval.",
        sections=[Section(table=Table(("Ask about", "For example", "Slack"), rows))],
        context=[
            "Invoice numbers work in any spelling (INV-010432, 10432, invoice #10432); "
            "customer names tolerate typos and abbreviations. Changes are proposed, never made "
            "until someone approves them."
        ],
        intent=intent,
        data={"intents": [i.name for i in intents.REGISTRY if i.examples]},
    )


def meta_help(request: Request) -> Reply:
    if understand_vocab.CLEAR.match(understand_vocab.normalize(request.text)):
        return help_reply(
            headline="Nothing to clear: I keep no conversation between questions, each one "
            "stands on its own. Here is what you can ask:"
        )
    return help_reply()


def not_understood(request: Request) -> Reply:
    words = (request.customer_text or request.text or "").strip()
    headline = "I didn't understand that"
    if request.period is not None and not request.customer_text:
        # "4.11.2026" alone: the date is read, what is wanted about it is not
        period = request.period
        when = (
            f"on {period.start.isoformat()}"
            if period.start == period.end
            else f"from {period.start.isoformat()} to {period.end.isoformat()}"
        )
        headline += (
            f": I read the date ({when}) but not what you want to know about it — for "
            f"example “payments received {when}”"
        )
    elif words:
        headline += f" (I don't read “{words}” as a customer or a question I know)"
    return help_reply(
        headline=headline + ". These are the questions I can answer:", intent="unknown"
    )


def not_a_customer(request: Request, resolution: Any) -> Reply:
    """A question about a name that is no customer of the ledger: say so, never answer another
    question in its place; the closest names and what can be asked instead."""
    words = request.customer_text or ""
    candidates = list(getattr(resolution, "candidates", ()))[:3]
    closest = [m.name for m in candidates]
    headline = f"I can't find a customer matching “{words}”"
    headline += f" (closest: {'; '.join(closest)})." if closest else "."
    offers = (
        "what does <customer> owe",
        "total AR",
        "aging report",
        "who owes us the most",
        "help",
    )
    return Reply(
        headline=headline + " What I can answer instead:",
        sections=[Section(text="\n".join(f"• “{o}”" for o in offers))],
        context=["Ask again with the customer's name as the ledger has it, or its ID."],
        intent="unknown",
        data={
            "not_understood": words,
            "candidates": [
                {"customer_id": m.customer_id, "name": m.name, "score": m.score} for m in candidates
            ],
            "suggestions": list(offers),
        },
    )


def unsure_reply(request: Request, customer: Customer, unread: list[str]) -> Reply:
    """The name was read, the rest was not: say so, and offer what can be asked about them."""
    name = customer.name
    offers = (
        f"what does {name} owe",
        f"show {name}'s last payments",
        f"days to pay for {name}",
        f"send a reminder to {name}",
    )
    return Reply(
        headline=(
            f"I understood {name} ({customer.customer_id}), but not "
            + ", ".join(f"“{w}”" for w in unread)
            + f". About {name} I can answer:"
        ),
        sections=[Section(text="\n".join(f"• “{o}”" for o in offers))],
        intent="unknown",
        entities={"customer_id": customer.customer_id},
        data={"understood": {"customer_id": customer.customer_id}, "not_understood": unread},
    )


def cannot_reply(request: Request, customer: Customer | None) -> Reply:
    """A request for something arbot cannot do: never another action in its place."""
    kind = request.cannot or "other_change"
    what = next((w for k, w, _ in understand_vocab.CANNOT if k == kind), "do that")
    who = customer.name if customer else "the customer"
    understood = f"You asked me to {what}" + (f" for {customer.name}" if customer else "")
    asked = " ".join(request.text.split())
    if kind == "other_change" and 0 < len(asked) <= 120:
        understood = f"You asked me to “{asked}”"  # the words themselves, not a guess at them
    offers = [o.format(customer=who) for o in _INSTEAD.get(kind, ())]
    return Reply(
        headline=f"{understood}: I can't do that yet, and I have changed nothing. "
        "The closest things I can do:",
        sections=[Section(text="\n".join(f"• “{o}”" for o in offers))] if offers else [],
        context=["“help” lists everything I can answer and propose."],
        intent="unknown",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={"cannot": kind, "understood": what, "suggestions": offers},
    )


def not_asked_reply(request: Request, refused: NotAsked, customer: Customer | None) -> Reply:
    """A change named but not asked for (negated, reported as done, a question whether to,
    hypothetical, an override): what was read, that nothing was proposed, and how to ask."""
    label, example = SAID.get(refused.kind, ("a change", "help"))
    who = customer.name if customer else (request.customer_text or "the customer")
    understood = f"I read {label}" + (f" for {customer.name}" if customer else "")
    offers = [example.format(customer=who)]
    if customer is not None:
        offers += [f"what does {customer.name} owe", f"check credit for {customer.name}"]
    offers.append("help")
    return Reply(
        headline=f"{understood}, but {refused.said()}: I have proposed nothing and changed "
        "nothing. A change is proposed only when you ask for it, for example:",
        sections=[Section(text="\n".join(f"• “{o}”" for o in offers))],
        intent="unknown",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={"not_asked": refused.reason, "understood": refused.kind, "suggestions": offers},
    )


def part_not_done(kind: str, said: str | None = None) -> str:
    """What a change request also asked that arbot cannot do, said plainly."""
    if kind == "second_change":
        return (
            f"You also asked for “{said}”: I propose one change a message, so that one is not"
            " proposed yet. Ask for it on its own."
        )
    what = next((w for k, w, _ in understand_vocab.CANNOT if k == kind), "do that")
    if said and (kind == "other_change" or len(said) <= 60):
        what = f"“{said}”"  # the words themselves, not a guess at them
    return (
        f"You also asked me to {what}: I can't do that yet, so that part is not done"
        " and nothing was changed for it."
    )


def proposed_one(first: str, others: tuple[str, ...]) -> str:
    """Several customers named in one change request: the proposal is for the first only."""
    rest = ", ".join(f"“{o}”" for o in others)
    return f"You named more than one customer: this is for “{first}” only. Ask again for {rest}."


def answered_one(first: str, others: tuple[str, ...]) -> str:
    """Several customers named in one question: the answer is for the first, and says so."""
    rest = ", ".join(f"“{o}”" for o in others)
    return f"You named more than one customer: this answers “{first}” only. Ask again for {rest}."


def empty_ledger(request: Request) -> Reply:
    return Reply(
        headline="The ledger is empty: there are no customers yet.",
        sections=[
            Section(
                text="• `arbot demo` builds a demo company to try me on\n"
                "• `arbot erp import --customers … --invoices …` loads your CSV exports"
            )
        ],
        intent=request.intent,
        data={"empty_ledger": True},
    )
