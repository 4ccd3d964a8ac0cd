"""Terms of payment said apart from their verb ("globex wants net 60, pls update their terms",
"evergreen should be on net 45 from now on, pls update") and net days said as days ("60 day
terms", "the terms of heritage garden to 60 days")."""

from __future__ import annotations

import re
from decimal import Decimal

from graph.action_request import ActionRequest
from graph.action_request import _customer_of as _customer_of
from graph.ar.terms import read_terms
from graph.lazy_regex import lazy
from graph.understand_limit import FROM_TO
from graph.understand_verbs import ASKING_YOU, DAYS_TERMS, POLITE
from graph.understand_verbs import clauses as _clauses

# terms a bare "please update" changes to: wanted, agreed, or to be from now on
_TERMS_WANTED = lazy(
    r"\b(?:(?:should|ought to|needs to|must|has to) (?:be|go) on|wants?|asked for|asks for"
    r"|requested|agreed|from now on|approved|signed"
    r"|going forward|(?:is |are )?moving to|moves? to|(?:is|are) now on"
    # "X should be net 45 not net 30, please fix": what they should be on
    r"|(?:should|needs to|must|has to) be(?= (?:on )?(?:net|n) ?-?\d)"
    # "karen said we're changing X to net 30 from net 60": the change decided, to be made here
    r"|(?:we're|we are|we have|we've) (?:changing|changed|moving|moved|switching|switched))\b"
)
CASH_ON_DELIVERY = lazy(r"\bc\.?o\.?d\b\.?|\bcash on delivery\b")
_TERMS_TO_DAYS = lazy(r"\bterms?\b.{1,60}?\bto (\d{1,3}) days\b")
# "update their terms" with the terms said in another clause: "globex wants net 60, pls update
# their terms", "northwind asked for 45 day terms - please change their terms accordingly"
_TERMS_VERB = lazy(
    r"^(?:update|change|amend|adjust|modify|set|switch|move|revise) (?P<who>(?:[\w&.'-]+ ){0,4}?)"
    r"(?:payment |credit )?terms(?: (?:key|code|field|record))?(?: accordingly| as well| too| then"
    r"| in the system| in the master| on the account)?(?: please| pls| thanks| thank you| now"
    r"| today| asap)*\s*$"
    # "evergreen should be on net 45 from now on, pls update": the update of what was said
    r"|^(?:update|change|amend|adjust|revise|fix|correct)(?P<it> (?:it|that|this|accordingly"
    r"|the system"
    r"|the account|their account|in the system))?\s*$"
)
_ASKING_FOR = lazy(
    r"\b(?:wants?|asked for|asks for|asking for|requested|requests|needs?|agreed(?: to)?|is on"
    r"|(?:has |have )?mov(?:es|ed|ing) to|moves? to|(?:should|ought to|needs to|must|has to)"
    r" (?:be|go) on|gets?)\b.*$"
)
# the customer the change is agreed with or made to: "we agreed w/ ironclad to drop them to …",
# "we're changing whitaker services group to net 30"
_AGREED_WITH = lazy(
    r"\b(?:agreed|spoke|talked|negotiated|settled) (?:with|w/) (?P<with>.+?) (?:to|that|on)\b"
    # "terms of wells & wagner change from 45 to 30 days"
    r"|\bterms? (?:of|for) (?P<of>.+?) (?:change|changes|go|goes|move|moves|from|to|will|is|are)\b"
    r"|\b(?:changing|moving|switching|putting) (?P<to>.+?) (?:to|onto|on) (?:(?:\d{1,2}(?:\.\d+)?"
    r" ?%? ?/? ?\d{1,3},? )?(?:net|n) ?-?\d|\d{1,3}[- ]?days?)"
)

_BARE_DAYS = lazy(r"^(?:net )?(\d{1,3}) days?[.!]*$")


def terms_elsewhere(norm: str) -> ActionRequest | None:
    """A change of terms asked in one clause ("pls update their terms") of terms said in
    another."""
    clauses = _clauses(norm)
    for n, (clause, question) in enumerate(clauses):
        if question and not ASKING_YOU.match(clause.strip()):
            continue
        verb = _TERMS_VERB.match(POLITE.sub("", clause.strip()))
        if verb is None:
            continue
        others = " ".join(c for i, (c, _) in enumerate(clauses) if i != n)
        changed = FROM_TO.search(others)  # "from net 60 to net 45": the terms after "to"
        terms = read_terms(others[changed.end() :] if changed else others) or days_terms(others)
        bare = [int(d.group(1)) for c, _ in clauses if (d := _BARE_DAYS.match(c.strip()))]
        if terms is None and len(bare) == 1:
            terms = (bare[0], Decimal("0"), 0)  # "the new contract is signed, 60 days"
        if terms is None:
            return None
        if verb.group("who") is None and not _TERMS_WANTED.search(others):
            return None  # "globex is on net 30, please update": their terms told, no change
        who = re.sub(r"\b(?:the|their|its|his|her|our)\b", " ", verb.group("who") or "")
        agreed = _AGREED_WITH.search(others)
        customer = (
            _customer_of(who)
            or (
                _customer_of(agreed.group("with") or agreed.group("to") or agreed.group("of"))
                if agreed
                else None
            )
            # "heritage garden centers - the new contract is signed, 60 days": clause by clause
            or _customer_of(
                *(
                    _ASKING_FOR.sub(" ", CASH_ON_DELIVERY.sub(" ", c))
                    for i, (c, _) in enumerate(clauses)
                    if i != n
                )
            )
            or _customer_of(_ASKING_FOR.sub(" ", CASH_ON_DELIVERY.sub(" ", others)))
        )
        if customer is None:
            return None
        return ActionRequest("set_terms", customer_text=customer, terms=terms)
    return None


def days_terms(body: str) -> tuple[int, Decimal, int] | None:
    """ "60 day terms", "terms of 45 days": net days without a discount; "COD", "cash on
    delivery": paid when the goods arrive, 0-day terms."""
    if CASH_ON_DELIVERY.search(body):
        return 0, Decimal("0"), 0
    found = DAYS_TERMS.search(body)
    if found is None:
        # "the payment terms of heritage garden to 60 days": the days after the customer
        later = _TERMS_TO_DAYS.search(body)
        return None if later is None else (int(later.group(1)), Decimal("0"), 0)
    days = found.group("days") or found.group("days2") or found.group("days3")
    return int(days), Decimal("0"), 0
