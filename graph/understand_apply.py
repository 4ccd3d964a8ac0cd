"""Payments applied in a change request: "apply PMT-U00001 to INV-10222", "put the 500 left on
PAY-5002 against 982", "Globex's on-account cheque of 828.82 - please allocate it against 10186"
(the payment, or the customer's unapplied money, and where it goes); and the bare numbers after
"on", "against" … that may be invoices of a ledger whose numbers carry a prefix."""

from __future__ import annotations

import re

from graph import understand_vocab as vocab
from graph.action_request import ActionRequest, _customer_of
from graph.lazy_regex import lazy
from graph.understand_money import currency
from graph.understand_money import money as _money
from graph.understand_refs import _Refs

# "on 987", "against #984", "re 10324": a bare number after these may be an invoice of a ledger
# whose numbers carry a prefix ("INV-000987"); it is one only when the ledger has it.
MAYBE_INVOICE = lazy(
    # "let the rest of 983 go": what is left of an invoice
    r"\b(?:on|against|re|for|from|to|about|regarding|(?:rest|remainder|balance|leftover"
    r"|residual) of)\s+(?:inv(?:oice)?\s+)?#?\s?"
    r"((?:[a-z]{1,3}-)?\d{3,})\b"
    r"(?!\s*(?:k|m|usd|eur|gbp|cad|dollars?|days?|%)\b)(?![.,]\d)"
)
OLDEST = lazy(
    r"\b(?:their|its|the|his|her) oldest(?: open| unpaid| outstanding)? (?:invoice|item|bill"
    r"|one)s?\b"
    # "apply globex cash to oldest", "… apply it to the oldest open one"
    r"|\bto (?:the |their |its )?oldest(?: open| unpaid| outstanding)?(?: one| invoice| item"
    r"| bill)?\s*(?:please|pls|thanks|ta)?\s*$"
    # "apply PMT-… to Globex's oldest invoice", "… on account to Globex oldest item"
    r"|\b(?:to|against) (?:[\w&.'-]+ ){0,2}[\w&.'-]+?(?:'s)? oldest(?: open| unpaid| outstanding)?"
    r" (?:invoice|item|bill|trx|doc|document|one)s?\b"
)

# "use X's unapplied money to pay down their open invoices", "apply … to whatever they owe":
# the open invoices, oldest first, as far as the money goes
ALL_OPEN = lazy(
    r"\b(?:to|against|toward|towards|on|(?:to )?pay (?:down|off)) (?:all (?:of )?)?(?:their|its"
    r"|the|whatever|what) (?:open |outstanding |unpaid )?(?:invoices|bills|items|balance"
    r"|they owe|is (?:open|outstanding|owing))\b"
)
_AMOUNT_WRITTEN = r"((?:[a-z]{3} ?|[$\u20ac\u00a3] ?)?\d[\d,.]*\s*k?(?: ?[a-z]{3})?)"
_APPLIED_AMOUNT = lazy(
    rf"\b(?:for|unapplied|remaining|left)\s+{_AMOUNT_WRITTEN}\b"
    rf"|^\S+(?: off)?\s+(?:the |only |just )?{_AMOUNT_WRITTEN}\s+(?:(?:lying |sitting |parked )?"
    r"(?:left|remaining|unapplied)\s+)?(?:of|from|out of|on)\b"
)
_KNOCK_OFF = lazy(r"^\s*(?:knock|set) ?-?off\b", re.IGNORECASE)


def maybe_invoices(remaining: str) -> tuple[str, ...]:
    """The bare numbers after "on", "against" … ("on 987")."""
    return tuple(m.group(1) for m in MAYBE_INVOICE.finditer(remaining))


def apply(body: str, here: _Refs, refs: _Refs, invoices: tuple[str, ...]) -> ActionRequest | None:
    """The application ``body`` (one clause; ``here`` its references, ``refs`` the message's)
    asks for, or None when no payment, customer's unapplied money or invoice is named."""
    payment = (
        (here.payments or refs.payments or [None])[0]
        or _paid_apart(body, here, refs)
        # "… on Harbor Wholesale's PAY-5002 to INV-000982": a payment's id read as a reference
        or next((i.upper() for i in invoices if _PAYMENT_ID.match(i)), None)
    )
    spread = bool(ALL_OPEN.search(body)) and not OLDEST.search(body)
    oldest = bool(OLDEST.search(body)) or spread
    if payment is not None:
        invoices = tuple(i for i in invoices if i.upper() != payment)
    if payment is None:
        match = re.search(
            r"\b(?:payment|receipt|check|cheque|wire)\s*(?:#|no\.?|id)?\s*"
            r"([a-z]{0,5}-?[a-z]?\d{3,})(?![.,]\d)"  # "check 828.82" is an amount
            # "apply pay 5002 … to 982": the payment's id written with a space
            r"|\b(?:apply|allocate|use)\s+(?:the\s+)?((?:pay|pmt|rcpt)\s\d{3,})\b",
            body,
        )
        if match is None:
            # "allocate the 500 left on PAY-5002 to 982", "use the remaining 200 from PMT 244 on
            # INV-1": an amount of a payment (a prefixed id), then where it goes
            match = re.search(
                r"\b(?:on|from|of|in)\s+(?:the\s+)?(?:payment\s+)?([a-z]{1,5}-?[a-z]?\d{3,})"
                r"(?:'s)?\s+(?:to|against|on|for)\b",
                body,
            )
        if match is None:
            # "apply U00001 to 10222", "apply PAY-5002's unapplied 500 to INV-000982": what is
            # applied, named right after the verb
            match = re.search(
                r"\b(?:apply|allocate|match|post|use|off|adjust|offset)\s+(?:the\s+)?"
                # "apply the 500 on account from X to …": money on account, not a payment's id
                r"(?!\d+(?:[.,]\d+)?\s+(?:on[- ]account|unapplied|sitting|lying|left|remaining"
                r"|credit)\b)([a-z]{0,5}-?[a-z]?\d{3,})"
                # "put PAY-5002 against 982": put a payment named by its id (a bare number put
                # somewhere is an amount)
                r"(?:'s)?\s+(?:[\w.,$]+\s+){0,3}?(?:to|against|on)\b"
                r"|\b(?:put|place)\s+(?:the\s+)?([a-z]{1,5}-?[a-z]?\d{3,})"
                r"(?:'s)?\s+(?:[\w.,$]+\s+){0,3}?(?:to|against|on)\b",
                body,
            )
        if match is None:
            # "PAY-5003 should go against INV-000987": the payment opens the clause
            match = re.search(
                r"^([a-z]{0,5}-?[a-z]?\d{3,})(?:'s)?\s+(?:[\w.,$]+\s+){0,3}?(?:should|can|needs to"
                r"|must|is to) go (?:against|to|on)\b",
                body,
            )
        if match is None:
            # "apply globex's unapplied cash to 10435" (or "to their oldest invoice"): the
            # customer's unapplied payment; "the 828.82 globex sent on account - put it against
            # 10183": "it" is the money another clause describes
            customer = _customer_of(
                ALL_OPEN.sub(
                    " ", OLDEST.sub(" ", _SENT.sub(" ", _KNOCK_OFF.sub(" ", here.remaining)))
                )
            )
            unapplied = re.search(_UNAPPLIED, body)
            if _IT.search(body) and not (customer and unapplied):
                whole = vocab.normalize(refs.remaining)
                customer = customer or _customer_of(OLDEST.sub(" ", _SENT.sub(" ", whole)))
                unapplied = unapplied or re.search(_UNAPPLIED, whole)
            if not ((invoices or oldest) and customer and unapplied):
                return None
            amount, match = _money(here.remaining)
            if amount is None and _IT.search(body):
                # "Globex's on-account cheque of 828.82 - please allocate it against 10186"
                amount, match = _money(vocab.normalize(refs.remaining))
            return ActionRequest(
                "apply_payment",
                customer_text=customer,
                invoice_refs=invoices,
                oldest=oldest and not invoices,
                spread=spread and not invoices,
                amount=amount if invoices else None,
                currency=currency(match),
            )
        payment = re.sub(r"\s", "-", next(g for g in match.groups() if g).upper())
        invoices = tuple(i for i in invoices if i.upper() != payment)
    # "put the 500 left on PAY-5002 against 982": a bare number where the money goes may be an
    # invoice of a ledger whose numbers carry a prefix (the agent keeps it when the ledger has it)
    maybe = () if invoices or oldest else maybe_invoices(_money_words(here.remaining, payment))
    if not invoices and not oldest and not maybe:
        return None
    amount, match = None, None
    # "… for 500", "PAY-5002's unapplied 500", "apply $500 of PMT-… to": how much goes
    if found := _APPLIED_AMOUNT.search(body):
        amount, match = _money(found.group(1) or found.group(2))
    return ActionRequest(
        "apply_payment",
        customer_text=_customer_of(
            re.sub(
                rf"{re.escape(payment)}|^\s*(?:knock|set) ?-?off\b|{_LYING}",
                " ",
                here.remaining,
                flags=re.IGNORECASE,
            )
        ),
        invoice_refs=invoices,
        maybe_invoices=maybe,
        payment_ref=payment,
        amount=amount,
        currency=currency(match),
        oldest=oldest and not invoices,
        spread=spread and not invoices,
    )


_UNAPPLIED = (
    r"\b(?:unapplied|on[- ]account|cash|payment|money|credit|cheque|check|wire|remittance"
    r"|receipt|deposit|ach|transfer)\b"
    r"|\d (?:from|sent by|paid by)\b"  # "match the 828.82 from globex to 10222"
)
_IT = lazy(r"^\S+ (?:it|that|this|them)\b")  # "put it against …": the money said elsewhere
# what the customer did, said beside its name: "globex called, the on-account check …"
_SENT = lazy(
    r"\b(?:sent|paid|wired|remitted|called|rang|phoned|e-?mailed|confirmed|said|says)\b",
    re.IGNORECASE,
)
_PAYMENT_ID = lazy(r"^(?:pay|pmt|rcpt|rct)-[a-z]?\d{3,}$", re.IGNORECASE)
# where unapplied money is: "the 500.00 lying unapplied on …"
_LYING = r"\b(?:lying|sitting|parked|left|remaining|unapplied)\b"
_TO_WHERE = lazy(r"\b(?:to|against|on|for)\s+(?:inv(?:oice)?\s+)?#?\s?(?:[a-z]{1,3}-)?\d{3,}\b")


_OF_IT = lazy(r"\b(?:of|from|out of) (?:it|that|this)\b|^\S+ (?:it|that|this)\b")
_PAYMENT_NOUN = lazy(r"\b(?:check|cheque|payment|wire|remittance|receipt|ach)\b")
_LETTERED = lazy(r"^[a-z]{2,5}-\d{3,}$", re.IGNORECASE)


def _paid_apart(body: str, here: _Refs, refs: _Refs) -> str | None:
    """ "meridian's 300 check (PAY-5003) - put 140 of it on 987": the one lettered id another
    clause names beside a payment word is the "it" put somewhere."""
    if not _OF_IT.search(body) or not _PAYMENT_NOUN.search(vocab.normalize(refs.remaining)):
        return None
    named = [i for i in refs.invoices if _LETTERED.match(i) and i not in here.invoices]
    return named[0].upper() if len(named) == 1 else None


def _money_words(remaining: str, payment: str) -> str:
    """The words of an application where its invoice may be: the numbers said where the money
    goes, the payment's own id left out ("on PAY-5002 against 982": 982)."""
    rest = re.sub(re.escape(payment), " ", remaining, flags=re.IGNORECASE)
    return " ".join(m.group(0) for m in _TO_WHERE.finditer(rest.lower()))
