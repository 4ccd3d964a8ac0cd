"""French questions and what a message is, for ``graph.understand_french``: the questions asked
with a verb ("peux-tu", "on peut-tu", "faut-il", "est-ce qu'on a reçu", ``ASKING``, read before
the question marks are placed), then (``SENTENCE``) politeness, a negation, a condition, a
report or a cancellation ("ne mets pas", "si X paie pas", "Julie a déjà radié", "oublie ça") and
someone else's wish. The whole book's questions and the periods are
``graph.understand_french_book``'s; the verbs of the changes, the nouns and the small words
``graph.understand_french_words``'. Each pattern is matched without regard to case, on a text
``graph.understand_french`` has found French.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# the subject "on" (we), before a verb or a pronoun: not the English "on" of "on hold"
_ON = (
    r"\bon (?=(?:a|avait|est|peut|doit|va|fait|pense|commence|devrait|pourrait|enverra|les|le|la"
    r"|l'|leur|lui|ne|n'|y|en|applique|commande|\w+(?:ait|rait|era))\b)"
)
_PARTICIPLE = (
    r"(?:pay[ée]|short pay[ée]|re[çc]u|envoy[ée]|appliqu[ée]|radi[ée]|mis|cr[ée][ée]|ouvert"
    r"|approuv[ée]|promis|demand[ée]|refus[ée]|dit|d[ée]j[àa]|[ée]t[ée]|eu|ajout[ée]|chang[ée]"
    r"|mont[ée]|sign[ée]|ferm[ée]|bris[ée]|vendu|plant[ée]|convenu)\b"
)

# (pattern, English, whether it asks: a question mark ends its clause when none does)
_ASKING: tuple[tuple[str, str, bool], ...] = (
    (r"[\u2019\u2018]", "'", False),
    (r"«\s*(.*?)\s*»", r'"\1"', False),
    (r"\bqu'est-ce qu[ei] tu peux faire\b|\btu peux faire quoi\b", "what can you do", True),
    (r"\best-ce qu'on peut\b|\bon peut-tu\b|\bpeut-on\b", "can we", True),
    (r"\bon peut\b", "can we", False),
    (r"\best-ce que je peux\b|\bje peux-tu\b|\bpuis-je\b", "can i", True),
    (r"\bje peux\b", "can i", False),
    (r"\b(?:peux-tu|pouvez-vous|pourrais-tu) me dire\b", "can you tell me", False),
    (r"\bpeux-tu\b|\bpouvez-vous\b|\btu peux\b|\bvous pouvez\b|\bpourrais-tu\b", "can you", False),
    (r"\bje voudrais\b|\bj'aimerais\b", "i would like to", False),
    (r"\bil faudrait\b|\bil faut\b", "we need to", False),
    # a pronoun after the verb of a request: "bloque-les", "envoie-leur", "applique-la"
    (
        r"\bmets-leur\b(?=.{0,20}\d)",
        "set their limit to",
        False,
    ),  # "pas de limite, mets-leur 5 000 $"
    (r"(?<=\w)-(?:les|leur)\b", " them", False),
    (r"(?<=\w)-(?:la|le)\b", " it", False),
    (
        r"\bfaut-il\b|\bfaudrait-il\b|\best-ce qu'on devrait\b|\bon devrait-tu\b|\bdevrait-on\b",
        "should we",
        True,
    ),
    (r"\bon devrait\b", "we should", False),
    (r"\best-ce que je devrais\b", "should i", True),
    (r"\bje devrais\b", "i should", False),
    (
        r"\by'en a combien\b|\bil y en a combien\b|\bcombien y en a-t-il\b",
        "how many are there",
        True,
    ),
    (
        r"\best-ce qu'il y a\b|\by a-t-il\b|\by'?a-t-il\b|\by'a(?:-| )tu\b|\by a-tu\b"
        r"|\bil y a-tu\b",
        "are there",
        True,
    ),
    (r"\by'a quoi\b", "what is there", False),
    (r"\by'a combien de\b|\by a combien de\b", "how many", True),
    (r"\by'a\b", "there is", False),
    (r"\best-ce qu'il reste\b|\breste-t-il\b|\bil reste-tu\b", "is there still", True),
    (
        rf"(?:\best-ce qu'on a|\bon a-tu|\bon a tu) (?={_PARTICIPLE})",
        "have we ",
        True,
    ),
    (rf"\bavons-nous (?={_PARTICIPLE}|encaiss)", "have we ", True),
    (r"\best-ce qu'on a\b|\bon a-tu\b|\bon a tu\b|\bavons-nous\b", "do we have", True),
    (rf"\b(?:ils|elles) ont(?:-| )tu (?={_PARTICIPLE})", "have they ", True),
    (r"\b(?:ils|elles) ont(?:-| )tu\b", "do they have", True),
    # "est-ce qu'une relance a déjà été envoyée …": has a reminder already been sent
    (
        r"\best-ce qu'(un |une |la |le |l')((?:[\w']+ ){0,3}?[\w']+) a (d[ée]j[àa] )?[ée]t[ée]\b",
        r"has \1\2 \3been",
        True,
    ),
    # "c'est quoi les commandes que tu comprends": which of them do you understand
    (
        r"\bc'est quoi les (\w+) que tu (?:comprends|connais)\b",
        r"which \1 do you understand",
        False,
    ),
    (r"\bqu'est-ce qu'il y a\b", "what is there", False),
    (r"\bqu'est-ce qui reste\b", "what is left", False),
    (r"\bqu'est-ce qui\b|\bqu'est-ce que\b", "what", False),
    (r"\bc'est quoi\b|\bc quoi\b|\bquel(?:le)? est\b|\bquel(?:le)?s sont\b", "what is", False),
    (r"\bc'[ée]tait quoi\b", "what was", False),
    (r"\bc'est qui\b|\bc qui\b", "who is", False),
    (r"\bva-tu payer\b|\bvont-ils payer\b", "will pay", True),
    (r"\bça d[ée]passe-tu\b", "is it over", True),
    (r"\bça d[ée]passe\b", "is it over", False),
    (r"\bpart-elle\b", "goes out", True),
)
_PHRASES: tuple[tuple[str, str], ...] = (
    # politeness, greetings, thanks
    (r"\bs'il (?:te|vous) pla[iî]t\b|\bsvp\b|\bstp\b", "please"),
    (r"\bmerci(?: beaucoup| bien)?\b", "thanks"),
    (r"\bbon matin\b", "good morning"),
    (r"^\s*(?:bonjour|allo|salut)\b", "hello"),
    (r"\bbonne (?:fin de semaine|journ[ée]e|soir[ée]e)\b", "have a good weekend"),
    (r"\bparfait\b", "perfect"),
    (r"\btout le monde\b", "everyone"),
    (r"\bpeu importe le client\b|\btous clients confondus\b", "all customers"),
    # who owes or paid how much: the customer said before "combien", put after "how much"
    (
        r"(?:^|(?<=[,.;:!?]\s))(?P<who>[^,.;:!?]+?) (?:nous )?doi(?:t|vent) combien\b",
        r"how much does \g<who> owe",
    ),
    (
        r"(?:^|(?<=[,.;:!?]\s))combien (?P<who>[^,.;:!?]+?) (?:nous )?a pay[ée]\b",
        r"how much did \g<who> pay",
    ),
    (r"(?:^|(?<=[,.;:!?]\s))(?P<who>[^,.;:!?]+?) a pay[ée] combien\b", r"how much did \g<who> pay"),
    (r"\b(?:il|elle) a [ée]t[ée]\b", "was it"),
    (
        r"\b(import|erp|synchro\w*|serveur)\b(.*?)\b(?:peux-tu |can you )?le relancer\b",
        r"\1\2can you restart it",
    ),
    (r"\bon (?:les|le|la) met\b", "put them on"),
    (r"\b(?:elle|il) est (?:à|a) combien\b", "what is it at"),
    (
        r"\b(?:ils|elles) sont over (?:limit|la limite|leur limite) de combien\b",
        "how much over the limit are they",
    ),
    (r"\bdemande de passer (?:en|à|a) (net \d+)", r"asks for \1"),
    (r"\bleur d[ée]lai (?:moyen )?de paiement(?: moyen)?\b", "their average days to pay"),
    (r"\b(?:ça|ca) vaut la peine d'envoyer\b", "is it worth sending"),
    (r"\b(?:ça|ca) vaut la peine (?:de |d')", "is it worth "),
    # a dispute spoken of, then "il est encore ouvert?": the dispute is what is asked after
    (r"(\blitige\b.*?)\bil est (?:encore |toujours )?ouvert\b", r"\1is the dispute still open"),
    # the subject "on" and the "a" of a past tense, before any English "on" and "a" is written
    (r"\bon doit\b(?! (?:appeler|relancer))", "we owe"),
    (r"\b(?:(?<=\bsi )|(?<=\bquand )|(?<=\bet )|(?<=\bmais )|(?<=\bcomme ))on\b", "we"),
    (_ON, "we "),
    (rf"\bnous (?:a|ont) (?={_PARTICIPLE})", ""),
    (rf"(?<=\w) a (?={_PARTICIPLE})", " "),
    (rf"(?<=\w) ont (?={_PARTICIPLE})", " "),
    (rf"\bj'ai (?={_PARTICIPLE})", "i "),
    (r"(?<=\w) a (?=(?:des|une|un|du|de la|de l')\b)", " has "),
    (r"(?<=\w) ont (?=(?:des|une|un|du|de la|de l')\b)", " have "),
    (
        r"\bles (mettre|bloquer|relancer|appeler|appliquer|envoyer|radier|lib[ée]rer|payer)\b",
        r"\1 them",
    ),
    (
        r"\b(?:me |m')?(?:le|la|l') ?(mettre|bloquer|relancer|appeler|appliquer|envoyer|radier"
        r"|lib[ée]rer|payer|sortir|montrer|donner)\b",
        r"\1 it",
    ),
    (r"\bje l'ai eu\b|\bje les ai eus?\b", "i reached them"),
    (r"\bj'ai besoin (?:du |de la |des |de l'|d'|de )", "i need the "),
    (r"\bje veux voir\b", "show me"),
    (r"\bje veux\b", "i want"),
    (r"\bj'ai\b", "i have"),
    # a change called off: "oublie ça pour le hold", "laisse faire la note", "annule ma demande
    # de relance", "ne mets PAS X en hold"
    (r"\boublie(?:z)? (?:ça|ca)\b", "forget it"),
    (r"\boublie(?:z)?\b", "forget"),
    (r"\blaisse(?:z)? (?:faire|tomber)\b", "never mind"),
    (r"\bannule(?:z)? ma demande de relance\b", "never mind the reminder"),
    (r"\bannule(?:r|z)? (?:la|ma|cette) relance\b", "never mind the reminder"),
    (r"\bannule(?:z)? ma demande (?:de |d')", "never mind the "),
    (r"\bn'(?:a|ont) pas de\b", "has no"),
    (r"\b(?:ne |n')(?:le |la |les |leur |lui |me |m'|l')?(\w+) rien\b", r"do not \1 anything"),
    (r"\b(?:ne |n')(?:le |la |les |leur |lui |me |m'|l')?(\w+) jamais\b", r"never \1"),
    (r"\b(?:ne |n')(?:le |la |les |leur |lui |me |m'|l')?(\w+) (?:pas|plus)\b", r"do not \1"),
    (r"\b(?:a|ont) jamais\b", "never"),
    (r"\b(?:ne )?contestera pas\b", "will accept it"),
    (r"\bannule(?:r|z)? (?:la |cette )?facture\b", "void invoice"),
    (r"\bannule(?:r|z)? (?:le |ce )?paiement\b", "cancel payment"),
    (r"\bfais un split (?:de la |du |de )?\b", "split "),
    (r"\bprogramme(?:r)? l'envoi automatique (?:des |de )", "schedule automatic "),
    (r"\brepousse(?:r)?\b", "push back"),
    (r"\bqu'(?:ils|elles) paient\b", "that they will pay"),
    (r"\b(?:svp|please) enregistre\b", "please record it"),
    (r"\b(?:r[ée]pond|r[ée]pondent) plus\b", "no longer answer"),
    (r"\bmarche pas\b", "does not work"),
    (r"\bfinalement\b", "after all"),
    (r"\bc'est r[ée]gl[ée]\b", "it is settled"),
    # a condition, a hypothesis: "si X paie pas d'ici vendredi", "s'ils appellent"
    (r"\bs'ils\b", "if they"),
    (r"\bs'il\b", "if it"),
    (r"\bsi possible\b", "if possible"),
    (r"(?:^|(?<=[,.;:!?]\s)|(?<=[-\u2014]\s)|(?<=\bmais )|(?<=\bet ))si\b", "if"),
    (r"\bje sais pas si\b", "i do not know if"),
    (r"\bje sais pas\b", "i do not know"),
    (r"(?<!\bcomme )\bsi\b", "if"),
    (r"\bhypoth[ée]tiquement\b", "hypothetically"),
    (r"\ben th[ée]orie\b", "in theory"),
    (r"\b(?:ça|ca) ferait combien\b", "how much would that be"),
    (r"\bpai(?:e|ent) pas\b|\bpay(?:e|ent) pas\b", "does not pay"),
    (r"\bd'ici (?:là|la)\b", "until then"),
    (r"\bd'ici\b", "by"),
    # whose wish it is: "mon boss veut qu'on baisse …", "Priya veut que je mette …"
    (r"\bveut qu'on\b|\bveulent qu'on\b", "wants us to"),
    (r"\bveut que je\b", "wants me to"),
    (r"\bvoudrait qu'on\b", "would like us to"),
    (r"\bm'a demand[ée] de\b", "asked me to"),
    (r"\ba demand[ée] (?:de |d')", "asked for "),
    (r"\bdemande de passer\b", "asks to move"),
    (r"\bm'a dit(?: au t[ée]l[ée]phone)?(?: qu'| que)?", "told me that "),
    (r"\bnous dit(?: qu'| que)?", "tells us that "),
    (r"\b(?:nous a |m'a )?[ée]crit\b|\bm'[ée]crit\b|\bnous [ée]crit\b", "writes"),
    (r"\b(?:dit|disent) qu(?:e |')", "says "),
    (r"\b(?:a|ont) dit\b", "said"),
    (r"\bdit\b", "says"),
    # reports: what someone did ("Julie a déjà radié", "Évelyne a mis Tate en hold", "la
    # relance est partie mardi", "le litige a été fermé")
    (r"\bd[ée]j[àa] (?:[ée]t[ée] )?(radi[ée]|appliqu[ée]|envoy[ée]e?|mis)\b", r"already \1"),
    (r"\b(?:il|elle) est (?:encore|toujours) (?=ouvert|open|pay|d[ûu])", "is it still "),
    (r"\b(?:a |ont )?[ée]t[ée] (?=\w+[ée]e?s?\b)", "was "),
    (r"\best partie?\b", "went out"),
    (r"\bva approuver\b", "will approve"),
    (r"\bje vais voir avec\b", "i will check with"),
    (r"\bje pensais\b", "i was going to"),
    (r"\bj'aurais\b", "i would have"),
    (r"\bavait\b", "had"),
    (r"\benregistrerait\b", "would record"),
    (r"\bradiait\b|\bradierait\b", "wrote off"),
    (r"\bcr[ée]ait\b", "created"),
    (r"\baugmentait\b|\bmontait\b", "raised"),
    (r"\bd[ée]passeraient\b|\bd[ée]passerait\b", "would be over"),
    (r"\bpasserait\b", "would pass"),
    (r"\bparl[ée] (?:à|a|avec)\b", "spoke to"),
    (r"\bmis\b", "put"),
    (r"\bajout(?:é|ée)\b", "added"),
    (r"\bchang(?:é|ée)\b", "changed"),
    (r"\bplant[ée]\b", "crashed"),
    (r"\bconvenu de\b", "agreed to"),
    (r"\bsigné\b", "signed"),
    (r"\bdemandé\b", "asked"),
    (r"\brefus(?:é|ée)\b", "refused"),
    (r"\bje vais\b", "i will"),
    (r"\bwe va\b|\bon va\b", "we will"),
    (r"\b(?:ça|ca) va\b", "does it go"),
    (r"\bpeut-[êe]tre\b", "maybe"),
    (r"\bfaut\b|\bfaudra\b", "we have to"),
    (r"\bwe pense\b|\bon pense\b", "we expect to"),
    (r"\bme montrer\b|\bmontre-moi\b", "show me"),
    (r"\b(?:ils|elles) le demandent\b", "they asked for it"),
    (r"\bla note que j'ai\b|\bla note que i\b", "the note i"),
    (r"\btu (?:la |le )?vois\b|\byou (?:la |le )?vois\b|\bvois it\b", "can you see it"),
    (r"\bil reste combien\b", "how much is left"),
    (r"\bil reste quoi (?:d'|de )?ouvert\b", "what is still open"),
    (r"\bil reste\b", "there is still"),
    (r"\b(?:ça|ca) fait combien de jours qu'(?:elle|il) est\b", "how many days is it"),
    (r"\b(?:ça|ca) fait combien de jours\b", "how many days has it been"),
    (r"\b(?:ça|ca) sert (?:à|a) rien\b", "it is pointless"),
    (r"\bwe pourrait\b|\bon pourrait\b", "we could"),
    (r"\bcombien reste\b", "how much is still"),
    (r"\b(?:il|elle) est o[uù]\b", "where is it"),
    (r"\b(?:il|elle) est\b", "it is"),
    (r"\b(?:il|elle) a [ée]t[ée]\b", "it was"),
    (r"\bc'[ée]tait\b", "it was"),
    (r"\best rendue? o[uù]\b", "where is"),
    (r"\brendue?s? (?:à|a)\b|\brendue?s?\b", "at"),
    (r"\bchez eux\b", "for them"),
    (r"\beux\b", "them"),
    (r"\binbox d'approbations?\b", "approvals inbox"),
    (r"\b(?:à|a) jour\b", "up to date"),
    (r"\b(?:à|a) (\d+) jours\b", r"at \1 days"),
    (r"\bmarchandise\b", "goods"),
    (r"\barriv[ée]e? endommag[ée]e?\b", "arrived damaged"),
    (r"\btrop de\b", "too much"),
    (r"\bpost[ée]\b", "mailed"),
)
ASKING: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (lazy(f"(?i){pattern}"), replacement, asks) for pattern, replacement, asks in _ASKING
)
SENTENCE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (lazy(f"(?i){pattern}"), replacement) for pattern, replacement in _PHRASES
)
