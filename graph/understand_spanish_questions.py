"""Spanish AR questions, as a bilingual collections desk writes them
(``spanish_questions``): "cuánto debe X?" what X owes, "facturas con más de 90 días
vencidas" invoices over 90 days past due,
"antigüedad de saldos" the aging, "pagos sin aplicar" unapplied cash, "promesas de pago
incumplidas" broken promises, "lista de cobranza" the collections list, "qué tengo pendiente de
aprobar" the approvals inbox. The words are put in English on the text itself, before anything
else reads it, so the names around them stay as written; a text with no Spanish word is
unchanged. Change requests in Spanish are ``graph.understand_spanish``'s (on the lowered text,
after this): the words its rules read ("factura", "pago", "cliente", "estado de cuenta",
"límite de crédito", "para") are left to it.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# the words that make a text worth reading as Spanish at all
_SPANISH = lazy(
    r"(?i)[¿¡]|\b(?:cu[aá]nto|cu[aá]ntos|cu[aá]nta|qui[eé]n|qu[eé]|c[oó]mo|facturas?|pagos?"
    r"|clientes?|saldos?|cartera|vencid[oa]s?|cobranza|deducciones|promesas|resumen|pendientes?"
    r"|l[ií]mite|d[ií]as|antig[uü]edad|entr[oó]|recibidos|buenos)\b"
)
_MONTHS = {
    "enero": "january",
    "febrero": "february",
    "marzo": "march",
    "abril": "april",
    "mayo": "may",
    "junio": "june",
    "julio": "july",
    "agosto": "august",
    "septiembre": "september",
    "setiembre": "september",
    "octubre": "october",
    "noviembre": "november",
    "diciembre": "december",
}
# phrases first, then words; each pattern is matched without regard to case
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"¿|¡", ""),
    (r"\bantig[uü]edad de (?:saldos|la cartera|cartera)\b", "aging report"),
    (r"\bde toda la cartera\b", "of the whole book"),
    (r"\bqui[eé]n(?:es)? nos debe(?:n)? m[aá]s\b", "who owes us the most"),
    (r"\bcon m[aá]s de (\d+) d[ií]as vencid[oa]s\b", r"over \1 days past due"),
    (r"\bm[aá]s de (\d+) d[ií]as\b", r"over \1 days"),
    (r"\bcu[aá]nto tenemos vencido\b", "how much is past due"),
    (r"\bcu[aá]ntos d[ií]as tarda (.+?) en pagar\b", r"average days to pay for \1"),
    (r"\bsobre su l[ií]mite(?: de cr[eé]dito)?\b", "over their credit limit"),
    (r"\bqu[eé] l[ií]mite tiene\b", "what is the credit limit of"),
    (r"\bpagos recibidos\b", "payments received"),
    (r"\bpagos sin aplicar\b", "unapplied payments"),
    (r"\bsin aplicar\b", "unapplied"),
    (r"\bpromesas de pago incumplidas\b", "broken promises to pay"),
    (r"\bpromesas de pago\b", "promises to pay"),
    (r"\blista de cobranza\b", "collections list"),
    (r"\bproyecci[oó]n de cobranza\b", "collections forecast"),
    (r"\bbuenos d[ií]as\b", "good morning"),
    (r"\bresumen del d[ií]a\b", "daily summary"),
    (r"\bqu[eé] tengo pendiente de aprobar\b", "what do i need to approve"),
    (r"\bpendientes? de aprobar\b", "waiting for my approval"),
    (r"\bc[oó]mo le pido\b", "how do i ask for"),
    (r"\bentre el (\d{1,2}) y el (\d{1,2}) de\b", r"\1-\2"),
    (r"\bcu[aá]nto entr[oó]\b", "how much cash came in"),
    (r"\bcu[aá]nto debe(?:n)?\b", "how much does owe"),
    (r"\bcu[aá]nto\b", "how much"),
    (r"\bcu[aá]ntos\b", "how many"),
    # "qué" asks; "que" unaccented only opening the question ("dijo que …" is "said that")
    (r"\bqué\b|^\s*que\b", "what"),
    (r"\bqui[eé]n\b", "who"),
    (r"\bfacturas\b", "invoices"),
    (r"\bpagos\b", "payments"),
    (r"\bclientes\b", "customers"),
    (r"\bvencid[oa]s?\b", "past due"),
    (r"\bdeducciones\b", "deductions"),
    (r"\bresumen\b", "summary"),
    (r"\ben total\b", "in total"),
    (r"\bpor ?fa(?:vor)?\b", "please"),
    (r"\bhay\b", "are there"),
    (r"\bde (?=esta |este |hoy\b)", ""),
    (r"\beste mes\b", "this month"),
    (r"\besta semana\b", "this week"),
    (r"\bde hoy\b", "for today"),
    (r"\bhoy\b", "today"),
    (r"\bayer\b", "yesterday"),
    (r"\blista de\b", "list of"),
    (
        r"\bpara (?=(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
        r"|octubre|noviembre|diciembre)\b)",
        "for ",
    ),
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(f"(?i){pattern}"), replacement) for pattern, replacement in _PHRASES
)
_MONTH = lazy(r"(?i)\b(" + "|".join(_MONTHS) + r")\b")
# "how much does owe sterling": the customer said after the verb, put before it
_OWES = lazy(r"(?i)\bhow much does owe (.+?)\s*([?!.]*)\s*$")
# "payments de ironclad", "deductions de jacobs & mercer": "de" after an English noun is "of"
_OF = lazy(r"(?i)\b(payments|deductions|invoices|summary|promises|statement|aging) de\b")


def spanish_questions(text: str) -> str:
    """The text with Spanish AR words and phrases in English (names kept as written)."""
    if not _SPANISH.search(text):
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    text = _MONTH.sub(lambda m: _MONTHS[m.group(1).lower()], text)
    text = _OWES.sub(r"how much does \1 owe\2", text)
    return _OF.sub(r"\1 of", text)
