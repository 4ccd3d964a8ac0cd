"""The words of a request that may name a customer (what is left once references are read):
``graph.understand_refs._name``."""

from __future__ import annotations

from graph import understand_vocab as vocab
from graph.lazy_regex import lazy
from graph.understand_spelling import corrected

_WORD = lazy(r"[a-z0-9&']+")
_NOT_A_NAME_TOKEN = lazy(r"^\d+(?:st|nd|rd|th|k|m|pm|am|s|x)?$|n't$|'(?:re|ll|ve|m|d)$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_BEFORE_A_NAME = frozenset(("to", "for", "from", "with", "about", "of", "on"))


def _heard_apart(said: list[str], at: int) -> bool:
    """Whether the two short words before ``said[at]`` may be the start of its name, heard apart
    ("in it tech"): they open the message or follow a word a name follows ("send a reminder to
    in it tech"), never "follow up to falcon"."""
    if at < 2 or not all(len(w) == 2 and w in vocab.FILLER for w in said[at - 2 : at]):
        return False
    return at == 2 or said[at - 3] in _BEFORE_A_NAME


# AR words that also open customers' names when said apart ("clear water engineering" for
# Clearwater Engineering): kept after a word a name follows when a name word comes next
_NAME_OPENERS = frozenset(("clear",))
_ASKED_OF = frozenset(
    ("does", "did", "has", "is", "was", "will", "remind", "chase", "ping", "nudge", "email", "put")
)


def _opens_a_name(said: list[str], at: int) -> bool:
    """ "note for clear water engineering": "clear" after "for", before a word that is no AR
    word, starts the name (the resolver reads "clear water" run together)."""
    return (
        said[at] in _NAME_OPENERS
        and 0 < at < len(said) - 1
        and said[at - 1] in _BEFORE_A_NAME | _ASKED_OF
        and said[at + 1].isalpha()
        and said[at + 1] not in vocab.FILLER
        and said[at + 1] not in vocab.NON_NAME
    )


def _name(remaining: str) -> tuple[str | None, bool]:
    """The words that may name a customer, and whether common non-name words were among the
    rest (then the message is not a bare name, and no intent is guessed from it)."""
    words: list[str] = []
    chatter = False
    said = _words(remaining)
    for at, word in enumerate(said):
        word = word.removesuffix("'s").strip("'")
        if len(word) >= 4:
            word = corrected(word, vocab.KNOWN)  # "balnce", "paymnets": AR words, not a name
        if _opens_a_name(said, at):
            words.append(word)
            continue
        if not word or word in vocab.FILLER or _NOT_A_NAME_TOKEN.search(word):
            continue
        if word in vocab.NON_NAME:
            chatter = True
            continue
        if _heard_apart(said, at):
            # a name heard as short words ("in it tech" for initech): the resolver reads them
            # run together, the name's own word alone when they name no one
            words.extend(said[at - 2 : at])
        words.append(word)
    while words and words[0] == "&":
        words.pop(0)
    while words and words[-1] == "&":
        words.pop()
    return " ".join(words) or None, chatter
