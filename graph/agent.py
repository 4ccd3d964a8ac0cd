"""The agent: a LangGraph ``StateGraph`` of understand → gather → answer.

``understand`` reads the request (the deterministic parser; an LLM may be added in front of it
later, never instead of it) and resolves names and numbers against the ERP; when it cannot, it
answers with a question. ``gather`` only reads the ERP. ``answer`` composes a Reply from gathered
data only.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypedDict

from langgraph.graph import END, START, StateGraph

from graph.approvals import ApprovalService, ProposalRejected
from graph.ar.names import CustomerMatcher, Resolution, resolve_mention
from graph.inquiries import INQUIRIES, Resolved, help_reply
from graph.llm import LlmService
from graph.messages import Reply, Section, Table, Turn
from graph.policy import Identity
from graph.proposals import proposal_reply
from graph.reports import REPORTS, ReportContext
from graph.requests import Unclear, build_action
from graph.understand import Request, parse
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, Invoice

MATCHER_TTL_SECONDS = 300.0
_CUSTOMER_ID = re.compile(r"^[a-z]{1,4}-?\d{2,}$", re.IGNORECASE)


class AgentState(TypedDict, total=False):
    turn: Turn
    request: Request
    resolved: Resolved
    gathered: Any
    reply: Reply


class Agent:
    def __init__(
        self,
        erp: ErpClient,
        *,
        today: Callable[[], date] = date.today,
        approvals: ApprovalService | None = None,
        llm: LlmService | None = None,
    ) -> None:
        self.erp = erp
        self.today = today
        self.approvals = approvals
        self.llm = llm
        self._matcher: CustomerMatcher | None = None
        self._matcher_built = 0.0
        self.graph = self._build()

    # --- the graph -------------------------------------------------------------------------
    def _build(self) -> Any:
        builder = StateGraph(AgentState)
        builder.add_node("understand", self._understand)
        builder.add_node("gather", self._gather)
        builder.add_node("answer", self._answer)
        builder.add_node("propose", self._propose)
        builder.add_node("report", self._report)
        builder.add_edge(START, "understand")
        builder.add_conditional_edges(
            "understand",
            self._after_understand,
            {
                "gather": "gather",
                "answer": "answer",
                "propose": "propose",
                "report": "report",
                END: END,
            },
        )
        builder.add_edge("gather", "answer")
        builder.add_edge("answer", END)
        builder.add_edge("propose", END)
        builder.add_edge("report", END)
        return builder.compile()

    def ask(self, turn: Turn) -> Reply:
        state = self.graph.invoke({"turn": turn})
        return state["reply"]

    @staticmethod
    def _after_understand(state: AgentState) -> str:
        if "reply" in state:
            return END
        intent = state["request"].intent
        if intent == "action_request":
            return "propose"
        if intent in REPORTS:
            return "report"
        return "gather" if intent in INQUIRIES else "answer"

    def _understand(self, state: AgentState) -> dict[str, Any]:
        request = parse(state["turn"].text, self.today())
        if self.llm is not None and (request.intent == "unknown" or request.guessed):
            # The rules could not read it: the LLM may route it, into the same typed Request.
            request = self.llm.understand(state["turn"].text, self.today()) or request
        if request.intent in REPORTS:
            return {"request": request}
        if request.intent not in INQUIRIES:
            return {"request": request}
        outcome = self._resolve(request)
        if isinstance(outcome, Reply):
            return {"request": request, "reply": outcome}
        return {"request": request, "resolved": outcome}

    def _gather(self, state: AgentState) -> dict[str, Any]:
        gather, _ = INQUIRIES[state["request"].intent]
        return {"gathered": gather(self.erp, state["resolved"])}

    def _answer(self, state: AgentState) -> dict[str, Any]:
        request = state["request"]
        if request.intent in INQUIRIES:
            _, answer = INQUIRIES[request.intent]
            reply = answer(state["resolved"], state["gathered"], self.today())
            return {"reply": self.llm.phrase(reply) if self.llm is not None else reply}
        if request.intent == "help":
            return {"reply": help_reply()}
        return {
            "reply": help_reply(
                "unknown", "I didn't understand that. These are the questions I can answer:"
            )
        }

    # --- reports -----------------------------------------------------------------------------
    def report(self, request: Request, turn: Turn) -> Reply:
        """A report asked for by command (``arbot collections --top 5``) rather than in words."""
        return self._report({"request": request, "turn": turn})["reply"]

    def _report(self, state: AgentState) -> dict[str, Any]:
        request = state["request"]
        turn = state["turn"]
        identity = Identity(turn.surface, turn.user_id, turn.email)
        person = self.approvals.policy.person_for(identity) if self.approvals else None
        context = ReportContext(
            self.erp,
            self.approvals.store if self.approvals else None,
            self.today(),
            self._customer_or_ask,
            self.approvals,
            requested_by=person.name if person else identity.label(),
            llm=self.llm,
        )
        try:
            reply = REPORTS[request.intent](context, request)
        except (Unclear, LookupError) as problem:
            reply = Reply(headline=str(problem), intent=request.intent)
        return {"reply": reply}

    # --- proposing ---------------------------------------------------------------------------
    def _propose(self, state: AgentState) -> dict[str, Any]:
        request = state["request"]
        assert request.action is not None
        if self.approvals is None:
            return {
                "reply": Reply(
                    headline="Changes to the ERP go through approvals, which are not set up here.",
                    intent="action_request",
                )
            }
        turn = state["turn"]
        identity = Identity(turn.surface, turn.user_id, turn.email)
        person = self.approvals.policy.person_for(identity)
        requested_by = person.name if person else identity.label()
        try:
            action, drafted_with = build_action(
                self.erp,
                request.action,
                self._customer_or_ask,
                requested_by=requested_by,
                today=self.today(),
                llm=self.llm,
            )
            approval = self.approvals.propose(
                action,
                requested_by=requested_by,
                origin={
                    "surface": turn.surface,
                    "conversation_id": turn.conversation_id,
                    **({"drafted_with": drafted_with} if drafted_with else {}),
                },
            )
        except Unclear as unclear:
            return {"reply": Reply(headline=str(unclear), intent="action_request")}
        except ProposalRejected as rejected:
            return {
                "reply": Reply(
                    headline="I can't propose that: " + "; ".join(rejected.problems) + ".",
                    intent="action_request",
                )
            }
        return {"reply": proposal_reply(approval, body=action.payload().get("body"))}

    def _customer_or_ask(self, text: str) -> Customer:
        found = self._customer(text)
        if isinstance(found, Customer):
            return found
        if found.status == "ambiguous":
            names = "; ".join(f"{m.name} ({m.customer_id})" for m in found.candidates)
            raise Unclear(f"More than one customer matches “{text}”: {names}. Which one?")
        raise Unclear(f"I can't find a customer matching “{text}”.")

    # --- entity resolution -----------------------------------------------------------------
    def forget_customers(self) -> None:
        """The customer master changed: rebuild the name index on the next question."""
        self._matcher = None

    def matcher(self) -> CustomerMatcher:
        now = time.monotonic()
        if self._matcher is None or now - self._matcher_built > MATCHER_TTL_SECONDS:
            self._matcher = CustomerMatcher(
                (c.customer_id, c.name) for c in self.erp.list_customers()
            )
            self._matcher_built = now
        return self._matcher

    def _customer(self, text: str) -> Customer | Resolution:
        for word in text.split():
            if _CUSTOMER_ID.match(word) and (found := self.erp.get_customer(word.upper())):
                return found
        resolution = resolve_mention(self.matcher(), text)
        if resolution.status == "match" and resolution.match is not None:
            customer = self.erp.get_customer(resolution.match.customer_id)
            if customer is not None:
                return customer
        return resolution

    def _invoices(
        self, request: Request, customer: Customer | None
    ) -> tuple[list[Invoice], list[str]]:
        found: list[Invoice] = []
        missing: list[str] = []

        def add(invoices: list[Invoice]) -> None:
            for invoice in invoices:
                if invoice not in found:
                    found.append(invoice)

        for ref in request.invoice_refs:
            matches = self.erp.find_invoices(ref)
            if len(matches) > 1 and customer is not None:
                matches = [m for m in matches if m.customer_id == customer.customer_id] or matches
            if not matches and ref.isdigit():
                matches = self.erp.invoices_by_po(ref)
            add(matches) if matches else missing.append(ref)
        for po in request.po_refs:
            matches = self.erp.invoices_by_po(po)
            add(matches) if matches else missing.append(f"PO {po}")
        return found, missing

    def _resolve(self, request: Request) -> Resolved | Reply:
        resolved = Resolved(period=request.period, limit=request.limit)
        mention: Customer | Resolution | None = None
        if request.customer_text:
            mention = self._customer(request.customer_text)
        if isinstance(mention, Customer):
            resolved.customer = mention

        if request.intent == "invoice_status":
            resolved.invoices, resolved.missing_refs = self._invoices(request, resolved.customer)
            if not resolved.invoices:
                return self._no_invoice(request, resolved)
            if resolved.customer is not None:
                for invoice in resolved.invoices:
                    if invoice.customer_id != resolved.customer.customer_id:
                        owner = self.erp.get_customer(invoice.customer_id)
                        resolved.notes.append(
                            f"Note: {invoice.invoice_number} belongs to "
                            f"{owner.name if owner else invoice.customer_id}, not "
                            f"{resolved.customer.name}."
                        )
            return resolved

        if resolved.customer is not None:
            return resolved
        if mention is None:
            return Reply(
                headline="Which customer? Name the customer (or give an invoice number).",
                intent=request.intent,
            )
        assert isinstance(mention, Resolution)
        if mention.status == "ambiguous":
            return self._which_customer(request, mention)
        if request.guessed:
            return help_reply(
                "unknown", "I didn't understand that. These are the questions I can answer:"
            )
        return self._no_customer(request, mention)

    def _which_customer(self, request: Request, resolution: Resolution) -> Reply:
        rows = tuple((m.customer_id, m.name) for m in resolution.candidates)
        return Reply(
            headline=f"More than one customer matches “{request.customer_text}”. Which one?",
            sections=[Section(table=Table(("ID", "Customer"), rows))],
            context=["Ask again with more of the name or the customer ID."],
            intent=request.intent,
            data={
                "candidates": [
                    {"customer_id": m.customer_id, "name": m.name, "score": m.score}
                    for m in resolution.candidates
                ]
            },
        )

    def _no_customer(self, request: Request, resolution: Resolution) -> Reply:
        headline = f"I can't find a customer matching “{request.customer_text}”."
        sections = []
        if resolution.candidates:
            headline += " Did you mean one of these?"
            rows = tuple((m.customer_id, m.name) for m in resolution.candidates)
            sections.append(Section(table=Table(("ID", "Customer"), rows, title="Closest")))
        return Reply(
            headline=headline,
            sections=sections,
            intent=request.intent,
            data={
                "candidates": [
                    {"customer_id": m.customer_id, "name": m.name, "score": m.score}
                    for m in resolution.candidates
                ]
            },
        )

    def _no_invoice(self, request: Request, resolved: Resolved) -> Reply:
        refs = ", ".join(resolved.missing_refs)
        sections = []
        entities = {}
        if resolved.customer is not None:
            entities["customer_id"] = resolved.customer.customer_id
            open_invoices = self.erp.invoices(resolved.customer.customer_id)
            if open_invoices:
                rows = tuple((i.invoice_number, i.due_date.isoformat()) for i in open_invoices[:10])
                sections.append(
                    Section(
                        table=Table(
                            ("Invoice", "Due"),
                            rows,
                            title=f"Open invoices of {resolved.customer.name}",
                        )
                    )
                )
        return Reply(
            headline=f"I can't find an invoice matching {refs}.",
            sections=sections,
            context=[
                "Invoice numbers are matched in any spelling (prefix, leading zeros); "
                "PO numbers too."
            ],
            intent=request.intent,
            entities=entities,
        )
