"""One customer's or one order's credit asked in words other readers take for something else
(session 15): room for more ("can X take another $3k on the account?", "is it ok to give X more
room?", "harbor inc room for 4200?"), orders waiting ("X has 2 orders pending, are they good?"),
an order's credit asked beside an invoice named as the reason ("if X does not pay 10321 …, what's
the credit position on SO-1006?", "should we hold X? 984 is way past due"), and the terms on file
("what are the actual payment terms of X?", "is X still on 2/10 net 30?"). Read by
``graph.understand_intent`` on the normalized text; each is ``credit_check``."""

from __future__ import annotations

from graph.lazy_regex import lazy

# room for more on the account
ROOM = lazy(
    r"\bcan\b.{1,40}\btake (?:another|an extra|more|additional) \$?\d"
    r"|\b(?:give|allow|extend)\b.{1,40}\b(?:more|extra|additional) (?:room|headroom|credit)\b"
    r"|\broom for (?:\$|usd |cad |gbp |eur )?\d[\d,.]*k?\s*\?"
)
# orders waiting, asked whether they can go
ORDERS_OK = lazy(
    r"\borders? (?:pending|waiting|on hold|in the queue|sitting)\b.{0,20}\b(?:are|is) (?:they"
    r"|those|these|it|that) (?:good|ok|okay|fine|safe|clear)\b"
)
# an order's credit asked, whatever invoice the message names as the reason
ORDER_CREDIT = lazy(
    r"\bcredit (?:position|status|standing|check)\b|\bcredit (?:ok|okay|fine)\b|\bheadroom\b"
    r"|\b(?:ok|okay|safe|clear) to (?:ship|release)\b|\bcan (?:we|i) (?:ship|release)\b"
    r"|^\W*(?:rel|release|ship) (?:so-?)?\d+\s*\?"
)
# a hold or release weighed first, an invoice named as the reason: "should we hold X? 984 is …"
WEIGHED_HOLD = lazy(
    r"^\W*(?:should|shall|must) (?:we|i) (?:put [\w&.' -]{1,40} on (?:credit )?(?:hold|stop)"
    r"|hold|release|block|unblock|stop)\b[^?]{0,60}\?"
)
# the terms on file, asked alone (not "their current terms and balance", "their terms now and how
# quickly do they pay": the other question read)
TERMS = lazy(
    r"(?:\b(?:what|which) (?:are|is) (?:the |their |its )?(?:actual |current |present )?"
    r"(?:payment )?terms (?:of|for)\b"
    r"|\bwhat(?: are|'re) [\w&.'-]+(?: [\w&.'-]+){0,3}'s (?:current |actual )?(?:payment )?terms\b"
    r"|\bis\b.{1,40}\bstill on (?:\d+/\d+ )?net ?\d+\b)"
    r"(?!.{0,40}\b(?:balance|owe|owes|owed|open|outstanding|and|also|plus)\b)"
)
