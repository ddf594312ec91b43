"""Answers never reach the database, logs, URLs or cookies: a run with distinctive answers, then a search.

The browser half of this check (the real server, its log file and every requested URL) is in
tests/browser/test_questionnaire_browser.py.
"""

import io
import logging

from django.core.management import call_command
from django.db import connection

from hulpwijzer import answer_cookie

from .helpers import Questionnaire, form_with_class

# Words nobody else uses, so finding one anywhere means it leaked from this run (numbers would also match
# timestamps in the database by chance; the age and postcode are looked for where they could leak: URLs).
FREE_TEXT = "Kwispelstaart Zebravinkje Tapirslurf"
NEEDLES = ("Kwispelstaart", "Zebravinkje", "Tapirslurf")
AGE = "103"
POSTCODE = "2678"


def every_table_as_text():
    """Every row of every table in the database (with or without a Django model), as one string."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor, include_views=False):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "ignore")
                    chunks.append(f"{table}:{value}")
    return "\n".join(chunks)


def dumpdata_text():
    buffer = io.StringIO()
    call_command("dumpdata", stdout=buffer, verbosity=0)
    return buffer.getvalue()


def test_a_full_questionnaire_leaves_no_answer_behind(client, demo_data, caplog):
    caplog.set_level(logging.DEBUG)
    before = every_table_as_text()
    for needle in NEEDLES:
        assert needle not in before

    q = Questionnaire(client)
    q.start(together=True)
    q.submit(situations=["eenzaamheid-en-ontmoeting", "geld-en-schulden"], text=FREE_TEXT)
    q.submit(for_whom="worried_about")
    q.submit(postcode=POSTCODE)
    q.submit(age=AGE)
    q.submit(household="alone")
    q.submit(income="bijstand")
    q.submit(special=["partner_died", "reading"])
    summary = q.submit(urgency="cant_cope")
    assert q.step == "summary"
    results = q.submit(action="results")
    chosen = [s.id for s in results.context["result"].suggestions[:3]]
    sheet = q.print_sheet(chosen)

    # The answers really were used: they travel on in the POST bodies of the pages.
    hidden = dict(form_with_class(summary, "hz-q-form")["hidden"])
    assert hidden["text"] == FREE_TEXT and hidden["age"] == AGE and hidden["postcode"] == POSTCODE
    assert results.context["answers"].kern == "de-lier"

    # Not in the database: neither through the models nor in any other table.
    after = every_table_as_text()
    dump = dumpdata_text()
    for needle in (*NEEDLES, FREE_TEXT):
        assert needle not in after
        assert needle not in dump
    assert "questionnaire_questionnairestepcount" in connection.introspection.table_names()

    # Not in any log record the run produced (any logger, any level).
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for needle in NEEDLES:
        assert needle not in logged

    # Not in a URL: every request went to a fixed address, the print sheet's QR link holds only service ids.
    for url in q.requested_urls:
        assert "?" not in url
        for needle in (*NEEDLES, AGE, POSTCODE):
            assert needle not in url
    assert sheet.context["list_url"].endswith(".".join(str(pk) for pk in chosen))
    for response in (summary, results, sheet):
        assert not response.has_header("Location")

    # Not readable in a cookie: besides the CSRF token only the encrypted answer cookie, scoped to the
    # questionnaire, HttpOnly, SameSite=Strict and gone when the browser closes; no session was started.
    assert set(client.cookies) <= {"csrftoken", answer_cookie.COOKIE_NAME}
    for morsel in client.cookies.values():
        for needle in (*NEEDLES, FREE_TEXT.lower(), AGE, POSTCODE, "de-lier", "bijstand", "cant_cope"):
            assert needle not in morsel.value
    answers = client.cookies[answer_cookie.COOKIE_NAME]
    assert answers["path"] == "/hulpwijzer/"
    assert answers["httponly"] and answers["samesite"] == "Strict"
    assert not answers["expires"] and not answers["max-age"]
    assert "sessionid" not in client.cookies


def test_the_api_leaves_no_answer_behind(client, demo_data, caplog):
    caplog.set_level(logging.DEBUG)
    response = client.post(
        "/api/v1/suggestions",
        {"kern": "heenweg", "age": 103, "text": FREE_TEXT, "situations": ["vervoer"]},
        content_type="application/json",
    )
    assert response.status_code == 200
    after = every_table_as_text()
    for needle in NEEDLES:
        assert needle not in after
        assert needle not in "\n".join(record.getMessage() for record in caplog.records)
    assert not response.cookies


def test_step_counts_are_the_only_rows_the_questionnaire_writes(client, demo_data):
    from hulpwijzer.models import QuestionnaireStepCount

    before = every_table_as_text()
    Questionnaire(client).answer_all({"situations": ["vervoer"], "kern": "poeldijk", "age": "61"})
    after = every_table_as_text()
    new_lines = set(after.splitlines()) - set(before.splitlines())
    assert new_lines, "the step counts should have been written"
    assert {line.split(":", 1)[0] for line in new_lines} == {QuestionnaireStepCount._meta.db_table}
