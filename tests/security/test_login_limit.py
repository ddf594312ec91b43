"""Finding 1 and 2 of issue 12: one guessing limit for every login, shared by all workers, per real client."""

import pytest

from django.conf import settings
from django.core.cache.backends import locmem
from django.test import Client, override_settings

from services.logins import client_address

from .conftest import ADMIN_LOGIN, PARTNER_LOGIN, PASSWORD

pytestmark = pytest.mark.django_db
PER_ACCOUNT = settings.HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT
PER_ADDRESS = settings.HULPZOEKER_LOGIN_FAILURES_PER_ADDRESS


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_finding_1_admin_login_refuses_the_right_password_after_100_wrong_ones(client, editor):
    answers = [
        client.post(ADMIN_LOGIN, {"username": editor.username, "password": f"fout{n}"}) for n in range(100)
    ]
    assert [answer.status_code for answer in answers[: PER_ACCOUNT - 1]] == [200] * (PER_ACCOUNT - 1)
    assert {answer.status_code for answer in answers[PER_ACCOUNT - 1 :]} == {429}
    right = client.post(ADMIN_LOGIN, {"username": editor.username, "password": PASSWORD})
    assert right.status_code == 429
    assert "Wacht 15 minuten" in right.content.decode()
    assert not logged_in(client)


def test_finding_1_one_limit_covers_both_login_pages(client, editor):
    # Guessing on the partner page counts for the admin page too (and the other way round).
    for _attempt in range(PER_ACCOUNT):
        client.post(PARTNER_LOGIN, {"username": editor.username, "password": "fout"})
    assert client.post(ADMIN_LOGIN, {"username": editor.username, "password": PASSWORD}).status_code == 429
    assert not logged_in(client)


def test_finding_1_the_name_is_counted_regardless_of_capitals_and_spaces(client, editor):
    for spelling in ["Redacteur-Ria", " redacteur-ria", "REDACTEUR-RIA ", "redacteur-RIA", "Redacteur-ria"]:
        client.post(ADMIN_LOGIN, {"username": spelling, "password": "fout"})
    assert client.post(ADMIN_LOGIN, {"username": editor.username, "password": PASSWORD}).status_code == 429


def forget_everything_a_worker_keeps_in_memory():
    # What a second gunicorn worker does not share with the first: its own LocMem cache.
    locmem._caches.clear()
    locmem._expire_info.clear()
    locmem._locks.clear()


def test_finding_2_partner_counters_are_shared_by_two_workers(partner):
    worker_a, worker_b = Client(), Client()
    for _attempt in range(PER_ACCOUNT - 2):
        assert (
            worker_a.post(PARTNER_LOGIN, {"username": partner.username, "password": "fout"}).status_code
            == 200
        )
    forget_everything_a_worker_keeps_in_memory()
    assert worker_b.post(PARTNER_LOGIN, {"username": partner.username, "password": "fout"}).status_code == 200
    assert worker_b.post(PARTNER_LOGIN, {"username": partner.username, "password": "fout"}).status_code == 429
    forget_everything_a_worker_keeps_in_memory()
    assert (
        worker_a.post(PARTNER_LOGIN, {"username": partner.username, "password": PASSWORD}).status_code == 429
    )


PROXY = "10.0.0.1"


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No trusted proxies (the default): the header is ignored, whoever sends it.
        ([], "203.0.113.5", "198.51.100.7", "203.0.113.5"),
        ([], PROXY, "198.51.100.7", PROXY),
        # From a trusted proxy: the address the proxy saw.
        ([PROXY], PROXY, "198.51.100.7", "198.51.100.7"),
        (["10.0.0.0/8"], PROXY, "198.51.100.7", "198.51.100.7"),
        # A client that writes the header itself, through the proxy: the proxy appends the real one.
        ([PROXY], PROXY, "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        # Two proxies in a row, both trusted.
        ([PROXY, "10.0.0.2"], PROXY, "198.51.100.7, 10.0.0.2", "198.51.100.7"),
        # Not from the trusted proxy: the header is a client's own words.
        ([PROXY], "203.0.113.5", "198.51.100.7", "203.0.113.5"),
        # A trusted proxy without the header, or with garbage in it.
        ([PROXY], PROXY, "", PROXY),
        ([PROXY], PROXY, "unknown", PROXY),
        ([PROXY], PROXY, "198.51.100.7, not-an-address", PROXY),
        (["2001:db8::/32"], "2001:db8::1", "2001:db8:ffff::1, 198.51.100.7", "198.51.100.7"),
    ],
)
def test_finding_2_the_proxy_header_is_honoured_only_from_a_trusted_proxy(
    rf, trusted, remote, forwarded, expected
):
    request = rf.post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(HULPZOEKER_TRUSTED_PROXIES=trusted):
        assert client_address(request) == expected


@override_settings(HULPZOEKER_TRUSTED_PROXIES=[PROXY])
def test_finding_2_behind_one_proxy_a_guesser_does_not_lock_out_every_partner(client, partner):
    def post(client_ip, username, password):
        return client.post(
            PARTNER_LOGIN,
            {"username": username, "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=client_ip,
        )

    for number in range(2 * PER_ADDRESS):
        post("198.51.100.66", f"naam{number}", "fout")
    assert post("198.51.100.66", partner.username, PASSWORD).status_code == 429
    assert post("198.51.100.7", partner.username, PASSWORD).status_code == 302


@override_settings(HULPZOEKER_TRUSTED_PROXIES=[PROXY])
def test_finding_2_a_forged_header_does_not_escape_the_limit(client, partner):
    # Without the trusted proxy, a client that rotates X-Forwarded-For is still one address.
    for number in range(PER_ACCOUNT):
        client.post(
            PARTNER_LOGIN,
            {"username": partner.username, "password": "fout"},
            REMOTE_ADDR="203.0.113.5",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
    right = client.post(
        PARTNER_LOGIN,
        {"username": partner.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
        HTTP_X_FORWARDED_FOR="198.51.100.200",
    )
    assert right.status_code == 429
