"""Spanish change requests, as a Monterrey collections desk writes them in Slack (``spanish``):
"aplica el pago de globex a la factura 10209", "castiga el saldito en la 10245", "mándale
recordatorio a contoso west", "pon nota en midwest: …", "libera la orden SO-1008", "sube el
límite de crédito de kendall a 5 mil", "cambia los términos de litware a neto 60", "registra la
promesa", "estado de cuenta para riverbend, mándaselo". Their verbs and nouns are put in English
(a verb said after its object first), so the English readers decide what is asked — a negation
("no le mandes …"), a question ("¿ya le mandaron …?") or a condition ("si no paga …") stays one.
Runs on the lowered text, after German; a text with none of these words is unchanged.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# the words that make a text worth reading as Spanish at all
_SPANISH = lazy(
    r"\b(?:porfa|por favor|xfa|factura|hazle|vencimiento|facturas|pago|castiga(?:r|lo|la)?"
    r"|m[aá]nd(?:a|ale|alo|aselo|es)|env[ií](?:a|ale|alo|aselo)"
    r"|recordatorio|estado de cuenta|nota|libera|lib[eé]rala|orden|l[ií]mite|t[eé]rminos"
    r"|neto|promesa|registra(?:la|lo)?|aplica(?:lo|la)?|sube|s[uú]bele|baja|cambia|pon|ponle|ponlo|ponlos"
    r"|agrega|prometi[oó]|prometieron|saldo|saldito)\b"
)
_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(pattern), replacement)
    for pattern, replacement in (
        (r"[¿¡]", ""),
        (r"\b(?:porfa|por favor|xfa|plis)\b", "please"),
        (r"\bel cliente\b", ""),
        # a condition, a negation and a report stay what they are: "si no paga …", "luis dice:"
        (r"(?:^|(?<=[,.;:]\s))si\b", "if"),
        (r"\bno (?:nos )?paga\b", "does not pay"),
        (r"\bno (?:nos )?pagan\b", "do not pay"),
        (r"\b(?:dice|dijo)(?: que)?\b", "says"),
        (r"\bdicen(?: que)?\b", "say"),
        # a statement for X, then "send it": the sending asked of the statement named
        (
            r"^(?:el |un )?estado de cuenta (?:para|a|de) ([^,.;]+?)[\s,.;-]+"
            r"(?:m[aá]nd|env[ií])(?:a|ale|ar|alo|aselo|selo)\w*(?: al? [\w ]+?)?\s*$",
            r"send a statement to \1",
        ),
        (r"\b(?:el |un )?estado de cuenta\b", "statement"),
        # promises: "registra la promesa", "prometió el pago para el viernes"
        (
            r"\b(?:registra|registrar|anota|apunta|captura)(?:la|lo)? (?:la |una )?promesa\b",
            "record the promise",
        ),
        (r"\bprometi(?:[oó]|eron) (?:el pago|pagar)(?: para| el)?\b", "promised to pay"),
        (r"\bprometi(?:[oó]|eron)\b", "promised"),
        (r"\bponlo en el sistema\b", "log it"),
        # days: "para el viernes 11/27", "la prox semana"
        (r"\b(?:el |este |para el )?lunes\b", "monday"),
        (r"\b(?:el |este |para el )?martes\b", "tuesday"),
        (r"\b(?:el |este |para el )?mi[eé]rcoles\b", "wednesday"),
        (r"\b(?:el |este |para el )?jueves\b", "thursday"),
        (r"\b(?:el |este |para el )?viernes\b", "friday"),
        (r"\b(?:la )?(?:pr[oó]xima|prox) semana\b", "next week"),
        (r"\bma[nñ]ana\b", "tomorrow"),
        (r"\bhoy\b", "today"),
        (r"\bno lo registres\b", "don't record it"),
        # apply: "aplica el pago de globex (PMT-U00001) a la factura INV-10209"
        (r"\b(?:aplica|apl[ií]ca(?:lo|la))\b", "apply"),
        (r"\bel pago de\b", "the payment from"),
        (r"\b(?:el|un) pago\b", "the payment"),
        (r"\bhaz(?:le|me)? (?:una |la )?factura (?:a|para)\b", "create an invoice for"),
        (r"\b(?:la )?fecha de vencimiento\b", "the due date"),
        (r"\ba la factura\b", "to invoice"),
        (r"\b(?:la |una )?factura\b", "invoice"),
        (r"\bfacturas\b", "invoices"),
        # write-offs: "castiga el saldito de bishop en la 10245" (castigo = write-off)
        (r"\bcastiga(?:r|lo|la)?\b", "write off"),
        (r"\b(?:el )?sald(?:ito|o)(?: pendiente)? de\b", "the balance of"),
        (r"\b(?:el )?sald(?:ito|o)\b", "the balance"),
        (r"\b(?:en|de) la (?=(?:inv-?)?\d{3,})", "on "),
        (r"\b(?:x|por|para) la (?=(?:inv-?)?\d{3,})", "for "),
        (r"\bya no vale la pena\b", "not worth chasing"),
        (r"\bya (?:confirmaron|lo confirmaron)\b", "they confirmed"),
        (r"\bpor correo\b", "by email"),
        # reminders: "mándale recordatorio a X", "no le mandes recordatorio"
        (r"\bno le mandes\b", "don't send"),
        (r"\b(?:m[aá]ndale|mandale|env[ií]ale|m[aá]nda|env[ií]a)\b", "send"),
        (r"\b(?:un |el )?recordatorio a\b", "a reminder to"),
        (r"\b(?:un |el )?recordatorio\b", "a reminder"),
        # notes: "pon nota en midwest: …", "agrega una nota a X"
        (r"\b(?:pon|ponle|agrega|a[nñ]ade|deja)(?: una)? nota (?:en|a|para)\b", "add a note to"),
        # holds and orders: "libera la orden SO-1008", "ponlos en hold"
        (r"\b(?:libera|lib[eé]rala)(?: la orden)?\b", "release"),
        (r"\bla orden\b", "order"),
        (r"\bponlos en\b", "put them on"),
        (r"\bya pag[oó]\b", "they have paid"),
        # limits and terms: "sube el límite de crédito de X a 5 mil", "cambia los términos de X
        # a neto 60"
        (r"\b(?:sube|s[uú]bele)\b", "raise"),
        (r"\b(?:baja|b[aá]jale)\b", "lower"),
        (r"\bcambia(?:le)?\b", "change"),
        (r"\b(?:el )?l[ií]mite de cr[eé]dito de\b", "the credit limit of"),
        (r"\b(?:el )?l[ií]mite de cr[eé]dito\b", "the credit limit"),
        (r"\b(?:los )?t[eé]rminos(?: de pago)? de\b", "the terms of"),
        (r"\b(?:los )?t[eé]rminos(?: de pago)?\b", "the terms"),
        (r"\bneto\b", "net"),
        (r"\b(\d+) mil\b", r"\1k"),
        (r"\b(?:lo aprob[oó]|aprobado por) el gerente\b", "the manager approved"),
        (r"(?<=\S) a (?=(?:net )?\$?\d)", " to "),
    )
)


def spanish(lowered: str) -> str:
    """The lowered text with Spanish change words in English."""
    if not _SPANISH.search(lowered):
        return lowered
    for pattern, replacement in _WORDS:
        lowered = pattern.sub(replacement, lowered)
    return re.sub(r"\s{2,}", " ", lowered).strip()
