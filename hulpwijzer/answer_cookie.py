"""The questionnaire's answers between two pages: an encrypted, short-lived cookie, readable only by us.

Every answer is POSTed and answered with a redirect to a plain GET page (Post/Redirect/Get), so the
browser's Back and reload never ask to send a form again. The GET page needs the answers, and they may go
neither into its URL nor into a server table or log, so the POST hands them to the browser in one cookie:

* encrypted and authenticated with Fernet (AES-CBC + HMAC) under a key derived from ``SECRET_KEY``, so the
  value is opaque to anyone reading the browser's cookie store or a proxy log, and cannot be forged;
* ``HttpOnly`` (no script reads it), ``SameSite=Strict`` (never sent from another site), ``Path`` limited to
  the questionnaire, ``Secure`` on HTTPS;
* a browser-session cookie (no ``Expires``), so closing the browser drops it, and the token's own
  timestamp makes it worthless after ``IDLE_SECONDS`` without a new answer, even if the browser stays open;
* set only after the resident's first answer, and deleted by "Alles wissen".

The server keeps nothing: the cookie is the only copy, and it is strictly functional (no consent needed).
"""

import base64
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from django.conf import settings
from django.http import QueryDict

COOKIE_NAME = "hz_antwoorden"
COOKIE_PATH = "/hulpwijzer/"
# Long enough to read a results page or talk with a volunteer, short enough that the next person at a
# shared library computer does not find the answers when the last one walked away without wiping.
IDLE_SECONDS = 30 * 60
# Browsers keep at most about 4096 bytes per cookie (name, value and attributes together).
MAX_VALUE_BYTES = 3800
# A value longer than any valid answer is invalid whatever its tail; cut it so the cookie stays small.
MAX_VALUE_CHARS = 300
MAX_VALUES_PER_NAME = 40
_KEY_INFO = b"hulpzoeker hulpwijzer answer cookie v1"


def _fernet_for(secret: str) -> Fernet:
    # A key of its own, derived from the secret, so this cookie never shares key material with
    # Django's signing (sessions, CSRF, password reset links).
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KEY_INFO)
    return Fernet(base64.urlsafe_b64encode(hkdf.derive(secret.encode())))


def _fernet() -> MultiFernet:
    # Rotating DJANGO_SECRET_KEY (old key in SECRET_KEY_FALLBACKS) does not throw away answers in flight.
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", ())]
    return MultiFernet([_fernet_for(secret) for secret in secrets if secret])


def _pairs(data, names) -> list[list[str]]:
    pairs = []
    for name in names:
        seen = []
        for value in data.getlist(name) if hasattr(data, "getlist") else []:
            value = str(value)[:MAX_VALUE_CHARS]
            if value not in seen:
                seen.append(value)
        pairs.extend([name, value] for value in seen[:MAX_VALUES_PER_NAME])
    return pairs


def encode(data, names, *, fallback=()) -> str:
    """The encrypted cookie value for the fields ``names`` of ``data`` (a QueryDict).

    Raw values are kept, also invalid ones, so the page after the redirect shows the same error message the
    resident would have seen on the POST. When a tampered form makes that too large for a cookie,
    ``fallback`` (the valid answers only, as pairs) is stored instead.
    """
    fernet = _fernet()
    for pairs in (_pairs(data, names), [list(pair) for pair in fallback]):
        token = fernet.encrypt(json.dumps(pairs, ensure_ascii=False).encode()).decode()
        if len(token) <= MAX_VALUE_BYTES:
            return token
    return ""


def decode(value: str) -> QueryDict | None:
    """The answers in a cookie value, or None when it is missing, forged, from another key or too old."""
    if not value:
        return None
    try:
        raw = _fernet().decrypt(value.encode(), ttl=IDLE_SECONDS)
        pairs = json.loads(raw)
    except (InvalidToken, ValueError):
        return None
    data = QueryDict(mutable=True)
    for pair in pairs if isinstance(pairs, list) else []:
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(item, str) for item in pair):
            data.appendlist(pair[0], pair[1])
    return data


def read(request) -> QueryDict | None:
    """The answers the browser sent back, or None (no questionnaire started, expired, or tampered with)."""
    return decode(request.COOKIES.get(COOKIE_NAME, ""))


def write(response, request, data, names, *, fallback=()):
    """Hand the answers to the browser; it sends them back only to the questionnaire's own pages."""
    value = encode(data, names, fallback=fallback)
    if not value:
        delete(response)
        return
    response.set_cookie(
        COOKIE_NAME,
        value,
        path=COOKIE_PATH,
        secure=request.is_secure(),
        httponly=True,
        samesite="Strict",
    )


def delete(response):
    response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Strict")
