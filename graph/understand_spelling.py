"""Typos of AR words, put right before the request is read: "agin" → "aging", "balnce" →
"balance", "paymnets" → "payments", "unaplied" → "unapplied", "recievables" → "receivables";
and a word written without its vowels, as terse collectors do: "apprvls" → "approvals", "lrgst" →
"largest", "blnc" → "balance".

A word is corrected only when it is one edit (a letter added, dropped, changed, or two swapped)
from exactly one word of ``VOCABULARY`` and is not itself a word arbot reads (its fillers and
common words). Customer names are not corrected here: they are matched, typos and all, against
the ledger's names (``graph.ar.names``); ``tests/graph/test_understand_spelling.py`` checks that
no demo customer's name word is taken for an AR word.
"""

from __future__ import annotations

from functools import lru_cache

from graph.lazy_regex import lazy

# The words whose typos are read as them: what a request is about, not how it is said.
VOCABULARY = frozenset(
    """
aging ageing balance balances payment payments unapplied receivable receivables invoice
invoices outstanding overdue statement statements remittance remittances deduction deductions
dispute disputes disputed promise promises collector collectors received receipts customers
credit limit limits report summary largest biggest between yesterday forecast approvals
reminder reminders history debtors total broken collect collected collections
""".split()
)
# Spellings of one word: a typo one edit from both is still that word ("aeging").
_SAME = {"ageing": "aging"}
_TOKEN = lazy(r"[a-z]{4,}")
_VOWELS = lazy(r"[aeiouy]")
_DOUBLED = lazy(r"(.)\1+")


def _skeleton(word: str) -> str:
    """``word`` as a terse writer shortens it: its first letter, then its consonants, a doubled
    letter once ("approvals" → "aprvls", "largest" → "lrgst")."""
    return _DOUBLED.sub(r"\1", word[0] + _VOWELS.sub("", word[1:]))


# Words a terse writer shortens that are not typo targets ("sending" is no typo of "pending")
_SHORTENED_ONLY = frozenset({"pending", "headroom", "worklist"})
# The AR words by their consonants: "apprvls", "lrgst", "dsputes" is not one (it has vowels).
_BY_SKELETON: dict[str, set[str]] = {}
for _word in VOCABULARY | _SHORTENED_ONLY:
    _BY_SKELETON.setdefault(_skeleton(_word), set()).add(_SAME.get(_word, _word))
# Words whose start alone is read too ("hist"), and words that make a start ambiguous ("stat":
# status or statement; "appr": approve or approvals)
_STARTS_ONLY = frozenset({"history"})
_AMBIGUOUS_ONLY = frozenset({"status", "approve", "collection", "receive", "remit"})
_STARTED = tuple(sorted(VOCABULARY | _STARTS_ONLY | _AMBIGUOUS_ONLY))
START_LETTERS = 4


def _stem(word: str) -> str:
    return _SAME.get(word, word).removesuffix("s")


def _cut_short(word: str) -> str | None:
    """The one AR word ``word`` is the start of, two letters short or more ("unapp" →
    "unapplied", "outst" → "outstanding", "hist" → "history"), singular or plural alike; None
    when it starts several ("stat": status or statement) or none."""
    found = {_stem(w): w for w in _STARTED if w.startswith(word) and len(w) >= len(word) + 2}
    if len(found) != 1:
        return None
    ((stem, full),) = found.items()
    if full in _AMBIGUOUS_ONLY:
        return None
    return stem if stem in VOCABULARY else full


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


@lru_cache(maxsize=4096)
def corrected(word: str, known: frozenset[str]) -> str:
    """The AR word ``word`` is a typo of, or ``word`` itself."""
    if word in VOCABULARY or word in known:
        return word
    if not _VOWELS.search(word[1:]):  # written without its vowels: "apprvls", "lrgst"
        skeleton = _BY_SKELETON.get(_skeleton(word), set())
        return next(iter(skeleton)) if len(skeleton) == 1 else word
    if len(word) >= START_LETTERS and (full := _cut_short(word)) is not None:
        return full  # its start: "unapp", "outst"
    found = {_SAME.get(v, v) for v in VOCABULARY if len(v) >= 5 and _one_edit(word, v)}
    return found.pop() if len(found) == 1 else word


def correct(text: str, known: frozenset[str]) -> str:
    """``text`` (lowercase) with the typos of AR words put right."""
    return _TOKEN.sub(lambda m: corrected(m.group(0), known), text)
