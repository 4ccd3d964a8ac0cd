"""Taglish AR messages, as a Manila shared-services team writes them (``tagalog``): English AR
words in Tagalog sentences ("ilan pa balance ni globex?", "pa-send ng reminder kay X",
"i-hold na si X", "kung i-raise natin CL ni X to 25k, kasya pa ba?", "wag muna i-record").
When a text is worth reading as Tagalog, its Tagalog words are put in the English the readers
understand, on the text itself, names, amounts and invoice numbers kept as written:

- a request stays one ("pa-send", "paki-check", "pakisend", "i-hold na" → "please send",
  "please check", "hold … now");
- a question stays one ("magkano", "ilan", "sino", "kelan", "… ba?" → "how much", "how many",
  "who", "when", a question mark);
- a negation, a condition, a report, a cancellation or a thing already done stays what it is
  ("wag muna i-log" → "do not log it yet", "hindi pa" → "not yet", "kung i-raise natin" → "if we
  raise", "sabi ni X, i-hold daw" → "X said to hold", "wag na pala" → "never mind, do not",
  "na-send na" → "already sent"), so a proposal never comes from them;
- the small words that mark a name ("ni", "kay", "si", "ng", "sa") become "of", "to" or
  nothing, so the names around them are read as written.

The words are ``graph.understand_tagalog_words``' (data, grouped by meaning). A text is Tagalog
when it has a Tagalog word of its own (``_TAGALOG``: "naman", "yung", "natin", "magkano" …), a
verb with a Tagalog prefix ("pa-check", "i-hold", "na-send", "nag-promise"), or two of the small
words (``_SMALL``: "po", "ng", "ni", "sa", "ba" …) written in lower case; any other text is
returned unchanged after a look-up of its words in a set (``is_tagalog``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.lazy_regex import lazy
from graph.understand_tagalog_words import ASKED, CLAUSES, WORDS

# words of Tagalog none of which is an English word or a customer's name
_TAGALOG = frozenset(
    """
    naman yung iyong natin namin nila atin amin ngayon kahapon magkano ilan ilang sino sinong
    sino-sino ano anong ano-ano kelan kailan paano pano gaano bakit kanino saan nasaan wag huwag
    hindi kung kapag salamat lahat utang bayad binayad nagbayad magbayad nabayaran babayaran
    lampas lagpas lumampas lalampas pinakamalaki pinakamalaking pinakamalalaking pinakamaraming
    pinakamabagal pakisend pakilista pakilagay pakiayos pakigawa paki-check pakicheck meron
    wala walang pwede puwede dapat galing tayo sila sya siya nya niya ako akin sayo yun yon nun
    doon itong mga kasi pero tapos sabi gawa gawin kaya ulit daw pala muna nga ata sana
    natitira natira pumasok dumating tawagan uunahin hanapin kasya pasok itsura natupad tumupad
    hiwalay buong nung dalawa noong kanina bukas mamaya agad lagi rin din talaga parang dami laki
    nasend nareceive kahit hanggat habang bago bagong mabilis lang ba po ng
    """.split()
)
# small words that are English too ("po" a purchase order, "sa" South Africa, "ba" an airline):
# two of them, in lower case, make a text Tagalog
_SMALL = frozenset("po ng ni si sa ba kay ko mo ka na pa eh ha ang".split())
# words the two lists share that alone are not enough: a lower-case "po", "ng", "ba", "lang"
_WEAK = frozenset("lang ba po ng".split())
# a verb with a Tagalog prefix: "pa-check", "paki-send", "i-hold", "na-send", "nag-promise",
# "mag-create", "naka-hold", "ma-match", "ni-release", "ia-apply"
_PREFIXED = lazy(r"(?i)(?<![\w-])(?:paki|pa|i|ia|na|nag|mag|naka|ma|ni|nakapag|ipa)-[a-z]")
_WORD = lazy(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def is_tagalog(text: str) -> bool:
    """Whether ``text`` has a Tagalog word of its own, a verb with a Tagalog prefix, or two of
    the small Tagalog words written in lower case: a set look-up of its words."""
    words = _WORD.findall(text)
    lowered = {word.lower() for word in words}
    strong = lowered & _TAGALOG
    if strong - _WEAK:
        return True
    if "-" in text and _PREFIXED.search(text):
        return True
    small = {word for word in words if word in _SMALL} | strong
    return len(small) >= 2


_QUESTION_END = lazy(r"[?.!;]|\s[-\u2014]\s|,\s(?=(?:for now|ano|what|how|pa-|please)\b)|$")


def _asked(text: str, pattern: re.Pattern[str], english: str) -> str:
    """Each place ``pattern`` marks a question ("… ba", "may … ba"): the marker put in
    ``english``, and a "?" ending the clause when none does."""
    while (found := pattern.search(text)) is not None:
        before, rest = text[: found.start()] + found.expand(english), text[found.end() :]
        end = _QUESTION_END.search(rest)
        cut = len(rest[: end.start()].rstrip()) if end else len(rest)
        mark = "" if rest[cut:].lstrip().startswith("?") else "?"
        text = f"{before}{rest[:cut]}{mark}{rest[cut:]}"
    return text


@lru_cache(maxsize=512)
def tagalog(text: str) -> str:
    """The text with its Tagalog words in English (names, amounts and invoice numbers kept as
    written); unchanged when it is not Tagalog."""
    if not is_tagalog(text):
        return text
    for pattern, replacement in CLAUSES:
        text = pattern.sub(replacement, text)
    for pattern, replacement in ASKED:
        text = _asked(text, pattern, replacement)
    for pattern, replacement in WORDS:
        text = pattern.sub(replacement, text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,?.!])", r"\1", text)
    text = re.sub(r"([,?!])(?:\s*[,?])+", r"\1", text)
    return re.sub(r"^[\s,]+|[\s,]+$", "", text)
