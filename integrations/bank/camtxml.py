"""camt XML read safely, with elements that know the path that names them in errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from integrations.bank.errors import BankFileError
from integrations.bank.statement import parse_money, short
from integrations.erp.money import is_currency_code

# a bank's XML is untrusted: no entities, no network, no DTD, no huge trees (the whole reader's
# parser and the streamed reader's iterparse both take these)
SAFE_XML: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "load_dtd": False,
    "dtd_validation": False,
}


def parser() -> etree.XMLParser:
    return etree.XMLParser(**SAFE_XML)


class Element:
    """An element with the path that names it in error messages (``Stmt[1]/Ntry[3]/Amt``),
    worked out when it is asked for (most elements read are never named)."""

    __slots__ = ("_parent", "_path", "_step", "node")

    def __init__(
        self, node: etree.Element, path: str = "", parent: Element | None = None, step: str = ""
    ) -> None:
        self.node, self._path, self._parent, self._step = node, path, parent, step

    @property
    def path(self) -> str:
        if not self._path:
            assert self._parent is not None
            step = self._step
            if (
                not step.endswith("]")
                and next(self.node.itersiblings(_ANY + step), None) is not None
            ):
                step += "[1]"  # the first of several
            self._path = f"{self._parent.path}/{step}"
        return self._path

    @property
    def line(self) -> int:
        return self.node.sourceline or 0

    def children(self, tag: str) -> list[Element]:
        found = list(self.node.iterchildren(_ANY + tag))
        if len(found) == 1:
            return [Element(found[0], parent=self, step=tag)]
        return [Element(c, parent=self, step=f"{tag}[{i}]") for i, c in enumerate(found, start=1)]

    def child(self, *tags: str) -> Element | None:
        """The first child of that tag, and its first child of the next..."""
        here = self
        for tag in tags:
            found = next(here.node.iterchildren(_ANY + tag), None)
            if found is None:
                return None
            here = Element(found, parent=here, step=tag)
        return here

    def text(self, *tags: str) -> str:
        node = self.node
        for tag in tags:
            node = next(node.iterchildren(_ANY + tag), None)
            if node is None:
                return ""
        return (node.text or "").strip()


# The tag in any namespace or none (lxml), never a comment.
_ANY = "{*}"


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class Reader:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, element: Element, what: str) -> BankFileError:
        return BankFileError(f"{self.name}:{element.line}: {element.path}: {what}")

    def where(self, element: Element) -> str:
        return f"{self.name}:{element.line}: {element.path}"

    def amount(self, element: Element) -> tuple[Decimal, str]:
        text = (element.node.text or "").strip()
        currency = (element.node.get("Ccy") or "").strip().upper()
        if not is_currency_code(currency):
            raise self.fail(
                element, f"Ccy '{short(element.node.get('Ccy') or '')}' is not a currency"
            )
        try:
            return parse_money(text, currency, ""), currency
        except BankFileError:  # read again to say where: an element's path is made when needed
            return parse_money(text, currency, self.where(element)), currency

    def optional_amount(self, element: Element | None) -> Decimal | None:
        if element is None:
            return None
        inner = element.child("Amt") if element.node.get("Ccy") is None else element
        if inner is None:
            return None
        return self.amount(inner)[0]

    def day(self, holder: Element) -> date:
        for kind in ("Dt", "DtTm"):
            found = holder.child(kind)
            if found is None:
                continue
            text = (found.node.text or "").strip()
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                raise self.fail(found, f"'{short(text)}' is not an ISO date") from None
        raise self.fail(holder, "has neither Dt nor DtTm")

    def date(self, entry: Element, fallback: date | None) -> date:
        for tag in ("BookgDt", "ValDt"):
            holder = entry.child(tag)
            if holder is not None:
                return self.day(holder)
        if fallback is None:
            raise self.fail(entry, "has no BookgDt nor ValDt, and the statement no period")
        return fallback
