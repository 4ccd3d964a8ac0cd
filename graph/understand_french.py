"""French AR messages, as a Montréal receivables team writes them (``french``): Québécois office
French, whole sentences or words in English ones ("le solde de X svp", "facture 10354 échue?",
"radie le 140 $ sur INV-…", "est-ce qu'on a reçu de l'argent en septembre", "on peut-tu shipper
SO-…"). When a text is worth reading as French, its words are put in the English the readers
understand, on the text itself (names kept as written), before anything else reads it:

- amounts written "1 234,56 $", "12 500 CAD", "776,98" become "$1,234.56", "12,500 CAD",
  "776.98" (read with Babel's ``fr_CA`` numbers);
- day-first dates ("le 3/11", "3 novembre", "1er octobre", "du 16 au 20 novembre", "la semaine
  du 9/11") become month-and-day dates ("november 3", "november 1" …) with Babel's month
  names; "2/10 net 30" stays terms;
- a question stays one ("est-ce qu'on a reçu …" → "… ?", "on peut-tu …" → "can we …"), and a
  negation, a condition, a report or a cancellation stays what it is ("ne mets PAS X en hold" →
  "do not put X on hold", "si X paie pas" → "if X does not pay", "Julie a déjà radié" → "Julie
  already wrote off", "oublie ça" → "forget it"): ``graph.understand_french_questions`` holds
  them, ``graph.understand_french_book`` the whole book's questions and the periods, and
  ``graph.understand_french_words`` the verbs of the changes and the nouns.

A text is French when it has a French word of its own (``_FRENCH``: "svp", "facture", "solde",
"est-ce", "combien" …) or letter (è, à, ç …), or two small French words ("le", "pour", "dans"
…, written in lower case), not both of them words of names ("de la cruz"), and no Spanish one;
any other text is returned unchanged, after a look-up of its words in a set (``is_french``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from graph.lazy_regex import lazy
from graph.understand_french_book import BOOK
from graph.understand_french_questions import ASKING, SENTENCE
from graph.understand_french_words import WORDS

# the words that make a text worth reading as French at all: none of them is an English word
_FRENCH = frozenset(
    """
    svp stp merci bonjour facture factures solde soldes est-ce c'est qu'est qu'on qu'il qu'ils
    s'il s'ils quoi quel quelle quels quelles combien paiement paiements encaissement
    encaissements relance relances relancer radie radier radiez radiation radiations litige
    litiges relevé releve souffrance échu échue échus échues mets mettre envoie envoyer
    applique appliquer ouvre crée créer baisse augmente libère libere bloque bloquer enlève
    enleve enregistre promesse promesses commande commandes jours mois semaine aujourd'hui
    hier demain déjà deja oublie annule laisse doit doivent payé payée payés payées reçu
    reçus recu recus ouvert ouverte ouverts ouvertes limite émettre émets rembourse matin ça
    où peux-tu y'a y'en j'ai déduction déductions approbation approbations délai moyenne
    rendu toi moi notre faut fais faire lundi mardi mercredi jeudi vendredi samedi dimanche
    gros grosse grosses journée termes courriel courriels crédit approuvé approuvée approuve
    devise devises sortir montant montants juste avec chez sur expédier depuis état compte
    comptes jour quand encore peux supprime paie paient débloque débloquer blocage rappel
    impayé impayée impayés impayées débiteurs résumé vieillissement différend encaissé
    """.split()
)
# a word, with its apostrophes and hyphens ("qu'on", "peux-tu", "aujourd'hui")
_WORD = lazy(r"[^\W\d_]+(?:['-][^\W\d_]+)*'?")
# letters French writes and English and Spanish do not
_ACCENT = lazy(r"[èêàçùûôîâëï]", re.IGNORECASE)
# words common in French and rare in English: two of them make a text French (as written, in
# lower case: "De La Rosa" is a name)
_SMALL = frozenset(
    "le la les des du une un de et ou en pour dans nous leur leurs ils elles je qui est sont pas"
    " tout ce cette mon ma mes au aux pis il elle d' l' j'".split()
)
# a pronoun said after a verb ("trouve-moi", "peux-tu", "est-elle", "a-t-il")
_AFTER = ("-moi", "-toi", "-tu", "-les", "-leur", "-lui", "-nous", "-vous", "-elle", "-ce", "-t-il")
# the small words of names too ("de la cruz hardware", "les schwab"): not enough alone
_PARTICLES = frozenset({"de", "la", "le", "les", "du", "des", "d'", "l'"})

# Spanish words (``graph.understand_spanish*`` reads them): "la factura", "el pago de …"
_SPANISH = lazy(
    r"(?i)[¿¡ñü]|\b(?:el|los|las|del|por|para|nos|que|con|sin|hay|est[aá]|este|factura|pago|pagos"
    r"|saldos?|cuenta|orden|nota|cartera|cobranza|vencid[oa]s?|pendientes?|promesas|deducciones"
    r"|clientes|semana|d[ií]as|hoy|ayer|todos?|todas?|lista|resumen|cu[aá]l|cu[aá]nto|qui[eé]n"
    r"|c[oó]mo|m[aá]s|ya|pon|libera|aplica|cambia|castiga)\b"
)

_NUMBER = lazy(
    r"(?<![\w.,/-])(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{1,2})?|\d+,\d{1,2}|\d+(?=\s?\$))"
    r"(?![\d/])"
    r"(?P<cur>\s?\$|\s?(?:cad|usd|eur|gbp)\b)?",
    re.IGNORECASE,
)
# "3/11", "le 27/11" (day, month; not "2/10 net 30", not a fraction of a longer number)
_SLASHED = lazy(r"(?<![\w/.-])(\d{1,2})/(\d{1,2})(?![\w/.-]*\d)(?!\s*net\b)", re.IGNORECASE)
_QUESTION_END = lazy(r"[?.!;]|\s[-\u2014]\s|$")


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], dict[int, str]]:
    """French month names (wide and abbreviated, with and without accents) → month number, and
    each month's English name, from Babel's locale data."""
    from babel.dates import get_month_names

    french: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="fr_CA").items():
            name = name.lower().rstrip(".")
            french[name] = number
            french[_plain(name)] = number
    english = {n: name.lower() for n, name in get_month_names("wide", locale="en").items()}
    return french, english


@lru_cache(maxsize=1)
def _days() -> dict[str, str]:
    """French weekday names → English ones (Babel)."""
    from babel.dates import get_day_names

    english = get_day_names("wide", locale="en")
    return {
        name.lower(): english[number].lower()
        for number, name in get_day_names("wide", locale="fr_CA").items()
    }


def _plain(word: str) -> str:
    return word.translate(str.maketrans("éèêëàâäîïôöûüùç", "eeeeaaaiioouuuc"))


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    names = sorted(_months()[0], key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"(?i)\b(?:(?:le|du|au) )?(?:(?P<d1>\d{1,2})(?:er|e)? (?:et |au |- ?)?)?"
        r"(?:(?P<d>\d{1,2})(?:er|e)? )?(?:(?P<whole>en |(?:du |le |au )?mois )?(?:de |d')?)?"
        rf"(?P<m>{alternatives})\.?(?![\w'])"
    )


def _amount(match: re.Match[str]) -> str:
    from babel.numbers import NumberFormatError, parse_decimal

    written = match.group("n")
    try:
        value = parse_decimal(written.replace("\u202f", " "), locale="fr_CA", strict=False)
    except NumberFormatError:
        return match.group(0)
    text = f"{value:,.2f}" if value != value.to_integral() or "," in written else f"{value:,}"
    currency = (match.group("cur") or "").strip()
    if currency == "$":
        return f"${text}"
    return f"{text} {currency.upper()}" if currency else text


def _slashed(match: re.Match[str]) -> str:
    day, month = int(match.group(1)), int(match.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    return f"{_months()[1][month]} {day}"


def _named_month(match: re.Match[str]) -> str:
    french, english = _months()
    month = english[french[match.group("m").lower().rstrip(".")]]
    first, day = match.group("d1"), match.group("d")
    if first and day:  # "du 16 au 20 novembre": both days of that month
        return f"from {month} {int(first)} to {month} {int(day)}"
    if first or day:
        return f"{month} {int(first or day)}"
    return f"in {month}" if match.group("whole") else month  # "en octobre", "du mois d'octobre"


def _week_of(match: re.Match[str]) -> str:
    """ "la semaine du 9/11": that day and the six after it."""
    day, month = int(match.group(1)), int(match.group(2))
    try:
        start = date(2001, month, day)  # a year without 29 February: only the days are read
    except ValueError:
        return match.group(0)
    end = start + timedelta(days=6)
    english = _months()[1]
    return f"between {english[start.month]} {start.day} and {english[end.month]} {end.day}"


_WEEK_OF = lazy(r"(?i)\b(?:la |de la )?semaine du (\d{1,2})/(\d{1,2})\b")
# the Québécois question particle: "on peut-tu …", "ils ont tu payé", "y'a-tu …"
# and a verb asked before its subject: "est-elle payée", "a-t-il payé"
_TU = lazy(
    r"(?i)(?<=\w)-(?:t-)?(?:tu|il|elle|ils|elles|on)\b"
    r"|\b(?P<keep>a|ont|est|sont|peut|va|vont|as) tu\b(?! (?:peux|veux|vois)\b)"
)
# "est-ce que", "est-ce qu'": the question asked by what follows
_EST_CE = lazy(r"(?i)\best-ce qu(?:e |')")


def _asked(text: str, pattern: re.Pattern[str], english: str = "") -> str:
    """Each place ``pattern`` marks a question: the marker put in ``english`` (or dropped), and
    a "?" ending the clause when none does."""
    while (found := pattern.search(text)) is not None:
        kept = found.expand(english) if english else found.groupdict().get("keep") or ""
        before, rest = text[: found.start()] + kept, text[found.end() :]
        end = _QUESTION_END.search(rest)
        cut = len(rest[: end.start()].rstrip()) if end else len(rest)
        mark = "" if rest[cut:].lstrip().startswith("?") else "?"
        text = f"{before}{rest[:cut]}{mark}{rest[cut:]}"
    return text


def _french_form(word: str) -> bool:
    """ "peux-tu", "trouve-moi", "qu'ils", "j'aurais", "d'approbations": a French word by its
    form (an elided article or pronoun before it, a pronoun after it)."""
    if word.endswith(_AFTER):
        return True
    before, elided, rest = word.partition("'")
    if not elided or not rest or rest[0] not in "aeiouyhéèêàâîô":
        return False  # French elides before a vowel only ("c'mon", "rock'n'roll" are English)
    return before in ("qu", "j", "c", "n", "m", "s", "t") or (
        before in ("d", "l") and rest in _FRENCH
    )


def is_french(text: str) -> bool:
    """Whether ``text`` has a French word or letter of its own, or two small French words (not
    both of names) and no Spanish word, in it: a set look-up of its words, no pattern of words
    run over it."""
    if _ACCENT.search(text):
        return True
    words = _WORD.findall(text)
    lowered = {word.lower() for word in words}
    if not lowered.isdisjoint(_FRENCH):
        return True
    if any(map(_french_form, lowered)):
        return True
    small = {word for word in words if word in _SMALL}
    small |= {word[:2] for word in words if word[:2] in ("d'", "l'", "j'") and len(word) > 2}
    return len(small) >= 2 and bool(small - _PARTICLES) and not _SPANISH.search(text)


@lru_cache(maxsize=512)
def french(text: str) -> str:
    """The text with its French words in English (names kept as written); unchanged when it is
    not French."""
    written = text.replace("\u2019", "'").replace("\u2018", "'")
    if not is_french(written):
        return text
    text = _NUMBER.sub(_amount, written)
    text = _WEEK_OF.sub(_week_of, text)
    text = _SLASHED.sub(_slashed, text)
    text = _month_pattern().sub(_named_month, text)
    days = _days()
    text = re.sub(r"(?i)\b(" + "|".join(days) + r")\b", lambda m: days[m.group(1).lower()], text)
    for pattern, replacement, asks in ASKING:
        text = _asked(text, pattern, replacement) if asks else pattern.sub(replacement, text)
    text = _asked(_asked(text, _EST_CE), _TU)
    for pattern, replacement in (*SENTENCE, *BOOK, *WORDS):
        text = pattern.sub(replacement, text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
