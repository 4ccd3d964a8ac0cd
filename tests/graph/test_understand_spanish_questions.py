"""Spanish AR questions (issue 17, session 10), as a bilingual collections desk writes them,
read as the English question: what a customer owes, invoices past due over N days, the aging,
who owes the most, payments received or unapplied, broken promises, the collections list,
deductions, the forecast, the daily summary, the approvals inbox, help. The phrasings are not
the eval files' rows; the negatives say where the reading stops: English is unchanged and a
name stays as written."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from graph.understand_spanish_questions import spanish_questions

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        ("¿cuánto debe globex?", "customer_balance", "globex"),
        ("cuanto debe northwind traders", "customer_balance", "northwind traders"),
        ("facturas con más de 60 días vencidas, porfa", "over_days", None),
        ("¿quiénes nos deben más?", "top_debtors", None),
        ("antigüedad de la cartera", "aging_report", None),
        ("cuánto tenemos vencido?", "total_ar", None),
        ("clientes sobre su límite de crédito", "credit_exceptions", None),
        ("pagos recibidos esta semana", "payments_received", None),
        ("pagos de initech", "payment_history", "initech"),
        ("¿hay pagos sin aplicar?", "unapplied_cash", None),
        ("promesas de pago incumplidas de esta semana", "promises", None),
        ("cuántos días tarda northwind en pagar", "days_to_pay", "northwind"),
        ("qué límite tiene initech", "credit_check", "initech"),
        ("deducciones de globex", "deduction_summary", "globex"),
        ("proyección de cobranza para enero", "forecast", None),
        ("resumen del día porfa", "digest", None),
        ("¿qué tengo pendiente de aprobar hoy?", "approvals_inbox", None),
        ("cómo le pido un estado de cuenta?", "help", None),
    ],
)
def test_a_spanish_question_reads_as_the_english(
    text: str, intent: str, customer: str | None
) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
    assert request.customer_text == customer
    assert request.action is None


@pytest.mark.parametrize(
    "text",
    [
        "what does globex owe",
        "send the reminder to initech",
        "payments from northwind last week",
        "de la cruz hardware balance",  # a name with Spanish words, no Spanish question
    ],
)
def test_a_text_without_a_spanish_ar_word_is_unchanged(text: str) -> None:
    assert spanish_questions(text) == text


def test_a_spanish_period_is_read() -> None:
    request = parse("pagos recibidos entre el 3 y el 9 de noviembre", TODAY)
    assert request.intent == "payments_received", request
    assert request.period is not None
    assert (request.period.start, request.period.end) == (date(2026, 11, 3), date(2026, 11, 9))


def test_a_spanish_report_about_the_collections_person_asks_for_no_worklist() -> None:
    request = parse("la de cobranza de globex dijo que pagan el viernes, no lo anotes aún", TODAY)
    assert request.intent != "collections_list", request
    assert request.action is None
