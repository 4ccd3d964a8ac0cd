"""Intent evaluation of arbot's request understanding.

Runs the deterministic parser (``graph.understand.parse``) on the labelled utterances in
``evals/intents.jsonl`` and prints per-intent accuracy, overall accuracy and entity accuracy
(customer and invoice). When ``OPENAI_BASE_URL`` is set and ``integrations.llm`` exists, the LLM
path is run on the same rows. A report, not a gate: it always exits 0.

    .venv/bin/python evals/run_intents.py [--show-errors] [--file PATH]
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import logging
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python evals/run_intents.py` from anywhere, installed or not
    sys.path.insert(0, str(ROOT))
if str(ROOT / "evals") not in sys.path:
    sys.path.insert(0, str(ROOT / "evals"))

TODAY = date(2026, 11, 21)
DEFAULT_FILE = Path(__file__).with_name("intents.jsonl")
ACTION_KINDS = frozenset(
    {
        "write_off_deduction",
        "apply_payment",
        "set_credit_limit",
        "set_credit_hold",
        "add_note",
        "send_reminder",
        "send_statement",
        "record_promise",
        "open_dispute",
        "create_invoice",
        "set_terms",
    }
)
PROBE = 10  # the LLM path stops when none of the first PROBE cases got an answer
LLM_FUNCTIONS = ("understand", "understand_request", "parse", "parse_request")
_CUSTOMER_ID = re.compile(r"^[a-z]{1,4}-?\d{2,}$", re.IGNORECASE)  # as graph.agent reads ids


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    intent: str
    customer: str | None
    invoice: str | None
    action: str | None


@dataclass(frozen=True)
class Prediction:
    intent: str
    action: str | None = None
    customer_text: str | None = None
    invoice_refs: tuple[str, ...] = ()
    po_refs: tuple[str, ...] = ()
    guessed: bool = False  # the parser inferred the intent from leftover words alone
    error: str | None = None

    def label(self) -> str:
        return f"{self.intent}/{self.action}" if self.action else self.intent


def load_cases(path: Path, intents: frozenset[str]) -> list[Case]:
    cases: list[Case] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            case = Case(
                number,
                row["text"],
                row["intent"],
                row.get("customer"),
                row.get("invoice"),
                row.get("action"),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as problem:
            print(f"{path.name}:{number}: skipped, not a valid case ({problem})")
            continue
        if case.intent not in intents:
            print(f"{path.name}:{number}: skipped, unknown intent {case.intent!r}")
            continue
        if case.intent == "action_request" and case.action not in (None, *ACTION_KINDS):
            print(f"{path.name}:{number}: skipped, unknown action kind {case.action!r}")
            continue
        if case.intent != "action_request" and case.action is not None:
            print(f"{path.name}:{number}: skipped, only action_request rows take an action")
            continue
        cases.append(case)
    return cases


def prediction_of(request: Any) -> Prediction:
    """A Request (or anything shaped like one: attributes or a dict) as a Prediction."""

    def get(obj: Any, name: str, default: Any = None) -> Any:
        if isinstance(obj, dict):
            return obj.get(name, default)
        return getattr(obj, name, default)

    intent = str(get(request, "intent") or "unknown")
    customer_text = get(request, "customer_text")
    invoice_refs = tuple(get(request, "invoice_refs") or ())
    action = get(request, "action")
    kind = None
    if action is not None:
        kind = action if isinstance(action, str) else get(action, "kind")
        customer_text = get(action, "customer_text", None) or customer_text
        invoice_refs = tuple(get(action, "invoice_refs", None) or ()) or invoice_refs
    po_refs = tuple(get(request, "po_refs") or ())
    guessed = bool(get(request, "guessed"))
    return Prediction(intent, kind, customer_text, invoice_refs, po_refs, guessed)


def routed(got: Prediction, entities: Entities | None) -> Prediction:
    """The intent as the agent acts on it: a guessed intent whose words name no customer is
    answered as ``unknown`` ("I didn't understand that", see ``Agent._resolve``)."""
    if got.guessed and entities is not None and entities.customer(got.customer_text) == "<none>":
        return Prediction("unknown", customer_text=got.customer_text, guessed=True)
    return got


def intent_correct(case: Case, got: Prediction) -> bool:
    if got.intent != case.intent:
        return False
    return case.action is None or got.action == case.action


# --- entities ---------------------------------------------------------------------------------
class Entities:
    """Resolves the parser's customer text against the demo company, as the agent does."""

    def __init__(self, ledger: Any) -> None:
        from graph.ar.names import CustomerMatcher

        self.ledger = ledger
        customers = ledger.list_customers()
        self.names = frozenset(c.name for c in customers)
        self.matcher = CustomerMatcher((c.customer_id, c.name) for c in customers)

    def customer(self, text: str | None) -> str:
        """The customer name ``text`` resolves to, or ``<none>`` / ``<ambiguous: …>``."""
        from graph.ar.names import resolve_mention

        if not text:
            return "<no customer text>"
        for word in text.split():
            if _CUSTOMER_ID.match(word) and (found := self.ledger.get_customer(word.upper())):
                return found.name
        resolution = resolve_mention(self.matcher, text)
        if resolution.status == "match" and resolution.match is not None:
            return resolution.match.name
        if resolution.status == "ambiguous":
            return "<ambiguous: " + "; ".join(m.name for m in resolution.candidates) + ">"
        return "<none>"


def invoice_found(expected: str, refs: tuple[str, ...]) -> bool:
    from integrations.erp.records import invoice_number_key

    key = invoice_number_key(expected)
    return any(invoice_number_key(ref) == key for ref in refs)


# --- the two paths ----------------------------------------------------------------------------
def deterministic(cases: list[Case]) -> list[Prediction]:
    from graph.understand import parse

    return [prediction_of(parse(case.text, TODAY)) for case in cases]


def llm_understander() -> tuple[Callable[[str], Any] | None, str]:
    """The LLM understanding function (text → Request or None), or None and why not.

    Either ``integrations.llm`` exposes one itself (``understand(text, today)`` or the like), or
    it is the client (``LlmClient``, ``LlmSettings``) behind ``graph.llm.LlmService.understand``,
    which is what the agent calls.
    """
    if not os.environ.get("OPENAI_BASE_URL"):
        return None, "OPENAI_BASE_URL is not set"
    try:
        module = importlib.import_module("integrations.llm")
    except ImportError as problem:
        return None, f"integrations.llm cannot be imported: {problem}"
    for name in LLM_FUNCTIONS:
        function = getattr(module, name, None)
        if callable(function):
            return _with_today(function), f"integrations.llm.{name}"
    if not hasattr(module, "LlmClient") or not hasattr(module, "LlmSettings"):
        return None, "integrations.llm has no understanding function"
    try:
        service_class = importlib.import_module("graph.llm").LlmService
    except (ImportError, AttributeError) as problem:
        return None, f"graph.llm.LlmService is not there: {problem}"
    settings = module.LlmSettings.from_env()
    if settings is None:
        return None, "LlmSettings.from_env() gave no settings (is ARBOT_LLM_MODEL set?)"
    client = module.LlmClient(settings)
    logging.getLogger("integrations.llm").setLevel(logging.ERROR)  # failures are counted below
    service = service_class(client)
    understand = _Counted(lambda text: service.understand(text, TODAY), client)
    return understand, f"graph.llm.LlmService, {settings!r}"


class _Counted:
    """An understanding function with the client's call log (``LlmClient.calls``) beside it."""

    def __init__(self, function: Callable[[str], Any], client: Any) -> None:
        self.function = function
        self.client = client

    def __call__(self, text: str) -> Any:
        return self.function(text)

    def summary(self) -> str:
        calls = list(getattr(self.client, "calls", []))
        if not calls:
            return "no calls recorded"
        failed = sum(not c.get("ok") for c in calls)
        latencies = sorted(c.get("latency_ms", 0.0) for c in calls)
        tokens = sum(c.get("prompt_tokens", 0) + c.get("completion_tokens", 0) for c in calls)
        return (
            f"{len(calls)} calls, {failed} failed, {tokens} tokens, "
            f"p50 {latencies[len(latencies) // 2]:.0f} ms, max {latencies[-1]:.0f} ms"
        )


def _with_today(function: Callable[..., Any]) -> Callable[[str], Any]:
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return lambda text: function(text)
    if "today" in parameters:
        return lambda text: function(text, today=TODAY)
    positional = [
        p
        for p in parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    ]
    if len(positional) >= 2:
        return lambda text: function(text, TODAY)
    return lambda text: function(text)


def run_llm(cases: list[Case], understand: Callable[[str], Any]) -> list[Prediction] | None:
    """The LLM's reading of every case; ``<none>`` where it gave none, ``<error>`` on a crash.
    None when it answered none of the first cases (the endpoint is down or misconfigured)."""
    predictions: list[Prediction] = []
    for number, case in enumerate(cases, start=1):
        if number == PROBE + 1 and all(p.intent.startswith("<") for p in predictions):
            return None
        try:
            result = understand(case.text)
        except Exception as problem:  # a report: one failing call must not end the run
            predictions.append(Prediction("<error>", error=f"{type(problem).__name__}: {problem}"))
            continue
        predictions.append(prediction_of(result) if result is not None else Prediction("<none>"))
        if number % 50 == 0:
            print(f"  … {number}/{len(cases)}", file=sys.stderr)
    return predictions


def combined(rules: list[Prediction], llm: list[Prediction]) -> list[Prediction]:
    """What the agent acts on: the rules' reading, replaced by the LLM's only where the rules
    read ``unknown`` or guessed, and the LLM gave an answer (``Agent._understand``)."""
    return [
        model if (rule.intent == "unknown" or rule.guessed) and model.intent[0] != "<" else rule
        for rule, model in zip(rules, llm, strict=True)
    ]


# --- the report -------------------------------------------------------------------------------
def pct(correct: int, n: int) -> str:
    return f"{100.0 * correct / n:5.1f}%" if n else "    —"


def report(
    title: str,
    cases: list[Case],
    predictions: list[Prediction],
    entities: Entities | None,
    intents: tuple[str, ...],
    show_errors: bool,
) -> None:
    print(f"\n== {title} ==")
    as_routed = [routed(p, entities) for p in predictions]
    print(f"{'intent':<20} {'n':>4} {'correct':>8} {'%':>7}   {'as routed':>9}")
    total = correct_total = routed_total = 0
    for intent in intents:
        rows = [
            (c, p, r)
            for c, p, r in zip(cases, predictions, as_routed, strict=True)
            if c.intent == intent
        ]
        if not rows:
            continue
        correct = sum(intent_correct(c, p) for c, p, _ in rows)
        correct_routed = sum(intent_correct(c, r) for c, _, r in rows)
        total += len(rows)
        correct_total += correct
        routed_total += correct_routed
        print(
            f"{intent:<20} {len(rows):>4} {correct:>8} {pct(correct, len(rows)):>7}"
            f"   {pct(correct_routed, len(rows)):>9}"
        )
    print(
        f"{'overall':<20} {total:>4} {correct_total:>8} {pct(correct_total, total):>7}"
        f"   {pct(routed_total, total):>9}"
    )
    if entities is not None:
        print(
            "(as routed: a guessed intent whose words resolve to no customer counts as unknown, "
            "as the agent answers it)"
        )

    actions = [
        (c, p)
        for c, p in zip(cases, predictions, strict=True)
        if c.intent == "action_request" and p.intent == "action_request"
    ]
    if actions:
        kinds = sum(c.action == p.action for c, p in actions)
        print(
            f"action kind, of the action rows read as action_request: {kinds}/{len(actions)} "
            f"({pct(kinds, len(actions)).strip()})"
        )

    customer_misses: list[tuple[Case, Prediction, str]] = []
    invoice_misses: list[tuple[Case, Prediction]] = []
    if entities is not None:
        with_customer = [(c, p) for c, p in zip(cases, predictions, strict=True) if c.customer]
        for case, got in with_customer:
            resolved = entities.customer(got.customer_text)
            if resolved != case.customer:
                customer_misses.append((case, got, resolved))
        n = len(with_customer)
        ok = n - len(customer_misses)
        print(f"customer entity: {ok}/{n} ({pct(ok, n).strip()})")
    with_invoice = [(c, p) for c, p in zip(cases, predictions, strict=True) if c.invoice]
    for case, got in with_invoice:
        if not invoice_found(case.invoice or "", got.invoice_refs):
            invoice_misses.append((case, got))
    n = len(with_invoice)
    ok = n - len(invoice_misses)
    print(f"invoice entity:  {ok}/{n} ({pct(ok, n).strip()})")

    confusions = Counter(
        (c.intent if c.intent != "action_request" else f"action_request/{c.action}", p.label())
        for c, p in zip(cases, predictions, strict=True)
        if not intent_correct(c, p)
    )
    if confusions:
        print("most frequent confusions (expected → got):")
        for (expected, got), count in confusions.most_common(8):
            print(f"  {count:>3}  {expected} → {got}")

    errors = [p.error for p in predictions if p.error]
    if errors:
        print(f"{len(errors)} calls failed; first: {errors[0]}")

    if not show_errors:
        return
    print("\n-- misclassified --")
    for case, got in zip(cases, predictions, strict=True):
        if intent_correct(case, got):
            continue
        expected = case.intent + (f"/{case.action}" if case.action else "")
        print(f"  {case.text!r}")
        extra = f", po_refs={list(got.po_refs)}" if got.po_refs else ""
        extra += ", guessed" if got.guessed else ""
        print(
            f"      expected {expected}, got {got.label()}"
            f" (customer_text={got.customer_text!r}, invoice_refs={list(got.invoice_refs)}"
            f"{extra})"
        )
    if customer_misses:
        print("\n-- customer not resolved to the expected name --")
        for case, got, resolved in customer_misses:
            print(f"  {case.text!r}")
            said = f"customer_text={got.customer_text!r}"
            print(f"      expected {case.customer}; {said} → {resolved}")
    if invoice_misses:
        print("\n-- expected invoice not among the references --")
        for case, got in invoice_misses:
            print(f"  {case.text!r}")
            print(f"      expected {case.invoice}; invoice_refs={list(got.invoice_refs)}")


def demo_ledger(directory: str) -> Any:
    from integrations.erp.local import LocalLedger
    from integrations.erp.local.demo import build_demo

    ledger = LocalLedger.open(f"sqlite:///{directory}/eval_demo.db")
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    return ledger


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--file",
        type=Path,
        action="append",
        help="a labelled jsonl file (repeat for several; each is reported separately)",
    )
    parser.add_argument(
        "--parser-only", action="store_true", help="skip the end-to-end run (arbot ask)"
    )
    parser.add_argument("--show-errors", action="store_true", help="list the misread rows")
    args = parser.parse_args(argv)

    for path in args.file or [DEFAULT_FILE]:
        evaluate(path, args.show_errors, args.parser_only)
    return 0


def evaluate(path: Path, show_errors: bool, parser_only: bool) -> None:
    from graph.understand import INTENTS

    intents = tuple(INTENTS)
    cases = load_cases(path, frozenset(intents))
    print(f"\n######## {path} ########")
    print(f"{len(cases)} cases, today = {TODAY.isoformat()}")

    with tempfile.TemporaryDirectory(prefix="arbot-eval-") as directory:
        entities: Entities | None
        ledger = None
        try:
            ledger = demo_ledger(directory)
            entities = Entities(ledger)
        except Exception as problem:  # the intent figures are still worth printing
            print(f"demo ledger not built, customer checks skipped: {problem}")
            entities = None

        if entities is not None:
            for case in cases:
                if case.customer and case.customer not in entities.names:
                    print(f"line {case.line}: {case.customer!r} is not a demo customer's name")
        rules = deterministic(cases)
        report(
            "deterministic path (graph.understand.parse)",
            cases,
            rules,
            entities,
            intents,
            show_errors,
        )

        understand, source = llm_understander()
        if understand is None:
            print(f"\nLLM path: not configured ({source})")
        else:
            print(f"\nLLM path: {source}, OPENAI_BASE_URL={os.environ['OPENAI_BASE_URL']}")
            model = run_llm(cases, understand)
            if isinstance(understand, _Counted):
                print(f"LLM calls: {understand.summary()}")
            if model is None:
                print(f"LLM path: no answer to any of the first {PROBE} cases; stopped.")
            else:
                report("LLM alone", cases, model, entities, intents, show_errors)
                report(
                    "rules, then the LLM where they read unknown or guessed (as the agent does)",
                    cases,
                    combined(rules, model),
                    entities,
                    intents,
                    show_errors,
                )
        if ledger is not None and hasattr(ledger, "close"):
            ledger.close()
        if not parser_only:
            import end_to_end

            rows = end_to_end.load_rows(path)
            outcomes = end_to_end.ask_all(rows, Path(directory))
            end_to_end.report(
                "end to end (the agent as `arbot ask` runs it: intent, facts, proposals)",
                outcomes,
                show_errors,
            )


if __name__ == "__main__":
    sys.exit(main())
