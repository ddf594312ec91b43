"""Every login to Hulpzoeker: the guessing limit, the client address, the admin gate and the second factor.

Two login pages exist: the Wagtail admin (``/beheer/login/``, editors) and the partner login
(``/partners/inloggen/``, network partners). Both end in ``django.contrib.auth.authenticate()``, so one
django-axes configuration guards both:

- failures are stored in the database (``axes.AccessAttempt``), so every server process counts the same;
- at most ``HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT`` wrong passwords per user name *and* client address,
  and ``HULPZOEKER_LOGIN_FAILURES_PER_ADDRESS`` per client address, counted until
  ``HULPZOEKER_LOGIN_LOCKOUT_MINUTES`` after the last failure; then a Dutch 429 page;
- the client address is ``REMOTE_ADDR`` unless that is one of ``HULPZOEKER_TRUSTED_PROXIES``: then the
  nearest address in ``X-Forwarded-For`` that is not a trusted proxy. A client can write that header
  itself, so it is read only when a trusted proxy passed the request on.

The admin login refuses accounts without ``wagtailadmin.access_admin`` (partners), and with
``HULPZOEKER_ADMIN_REQUIRE_2FA`` editors must enrol and then confirm a TOTP code (django-otp) before the
admin opens. An editor who enrolled is always asked for the code, whether or not it is required.
"""

import ipaddress
from base64 import b32encode
from functools import lru_cache

import django_otp
import segno
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.admin.forms.auth import LoginForm

ADMIN_PERMISSION = "wagtailadmin.access_admin"


# --- the client address -------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def client_address(request) -> str:
    """The address of the person logging in, trusting ``X-Forwarded-For`` only from a trusted proxy.

    Walks the header from the right (the hop nearest to us) and stops at the first address that is not
    a trusted proxy; a malformed entry stops the walk at the last trusted hop, so a forged header can
    never pick an address a trusted proxy did not write.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(tuple(settings.HULPZOEKER_TRUSTED_PROXIES))
    if not trusted:
        return remote

    def is_trusted(address) -> bool:
        return any(address in network for network in trusted)

    current = _parse(remote)
    if current is None or not is_trusted(current):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break
        current = address
        if not is_trusted(address):
            break
    return str(current)


def login_username(request, credentials) -> str | None:
    """The user name as the guessing limit counts it: ``Anna`` and `` anna`` are one account."""
    username = credentials.get("username") if credentials else getattr(request, "POST", {}).get("username")
    return username.strip().lower()[:150] if isinstance(username, str) else None


# --- the guessing limit --------------------------------------------------------------------------------


class LoginAttemptHandler(AxesDatabaseHandler):
    """django-axes' database handler with one limit per lockout parameter instead of one for all.

    ``AXES_LOCKOUT_PARAMETERS`` lists user name + address, then the address alone; the address alone
    gets the higher limit (many people can share one address), the pair the lower one.
    """

    @staticmethod
    def _limit(parameter) -> int:
        if parameter == "ip_address":
            return settings.HULPZOEKER_LOGIN_FAILURES_PER_ADDRESS
        return settings.HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT

    def get_failures(self, request, credentials=None) -> int:
        # axes compares this one number with AXES_FAILURE_LIMIT (the per-account limit): report the
        # account's own count, or the limit itself once any parameter has reached its own limit.
        parameters = get_lockout_parameters(request, credentials)
        attempts_list = self.get_user_attempts(request, credentials)
        account_failures = 0
        for parameter, attempts in zip(parameters, attempts_list, strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if failures >= self._limit(parameter):
                return max(failures, settings.AXES_FAILURE_LIMIT)
            if parameter != "ip_address":
                account_failures = max(account_failures, failures)
        return account_failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        # After a good login clear only this account at this address: clearing the whole address
        # would let a guesser with one valid account reset the address limit at will.
        username = get_client_username(request, credentials)
        count, _deleted = (
            self.filter_user_attempts(request, credentials)[0].filter(username=username).delete()
        )
        return count


def lockout_response(request, original_response=None, credentials=None):
    """The Dutch 429 page after too many wrong passwords, for the admin and the partner login alike."""
    minutes = settings.HULPZOEKER_LOGIN_LOCKOUT_MINUTES
    response = render(
        request,
        "services/logins/locked.html",
        {"window_minutes": minutes, "is_admin": request.path.startswith(_admin_prefix())},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


# --- the admin login -----------------------------------------------------------------------------------


class AdminLoginForm(LoginForm):
    """Wagtail's login form that refuses accounts which may not use the admin, before any session exists."""

    error_messages = {
        **LoginForm.error_messages,
        "no_admin_access": _(
            "This account cannot use the editors' environment. "
            "Network partners log in at /partners/inloggen/."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm(ADMIN_PERMISSION):
            raise ValidationError(self.error_messages["no_admin_access"], code="no_admin_access")


# --- the second factor ---------------------------------------------------------------------------------

SECOND_FACTOR_OPEN_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "second_factor_verify",
        "second_factor_enrol",
    }
)


def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def second_factor_needed(user) -> bool:
    """Whether this admin user must confirm a code before the admin opens."""
    if not user.is_authenticated or not user.has_perm(ADMIN_PERMISSION):
        return False
    if user.is_verified():
        return False
    return settings.HULPZOEKER_ADMIN_REQUIRE_2FA or django_otp.user_has_device(user, confirmed=True)


class AdminSecondFactorMiddleware:
    """Sends an admin user without a confirmed code to enrol or verify. After django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(_admin_prefix()) and second_factor_needed(request.user):
            try:
                url_name = resolve(request.path_info).url_name
            except Resolver404:
                url_name = None
            if url_name not in SECOND_FACTOR_OPEN_URL_NAMES:
                has_device = django_otp.user_has_device(request.user, confirmed=True)
                target = "second_factor_verify" if has_device else "second_factor_enrol"
                return redirect_to_login(request.get_full_path(), login_url=reverse(target))
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
        error_messages={"required": _("Fill in the code.")},
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "")


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return _admin_prefix()


def _needs_admin_login(request):
    if not request.user.is_authenticated or not request.user.has_perm(ADMIN_PERMISSION):
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    return None


@never_cache
def second_factor_verify(request):
    """/beheer/tweede-stap/: confirm a code from the editor's enrolled authenticator app."""
    if refused := _needs_admin_login(request):
        return refused
    if not django_otp.user_has_device(request.user, confirmed=True):
        return redirect("second_factor_enrol")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # TOTPDevice.verify_token throttles repeated wrong codes itself (OTP_TOTP_THROTTLE_FACTOR).
        device = django_otp.match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("This code is not right. Take the newest code from your app."))
    return TemplateResponse(
        request,
        "services/logins/second_factor.html",
        {"form": form, "next": _next_url(request), "enrol": False},
    )


@never_cache
def second_factor_enrol(request):
    """/beheer/tweede-stap/instellen/: add an authenticator app (TOTP) and confirm its first code."""
    if refused := _needs_admin_login(request):
        return refused
    if django_otp.user_has_device(request.user, confirmed=True):
        return redirect("second_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator-app"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("This code is not right. Take the newest code from your app."))
    context = {
        "form": form,
        "next": _next_url(request),
        "enrol": True,
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4),
        "secret": _grouped(device.bin_key),
    }
    return TemplateResponse(request, "services/logins/second_factor.html", context)


def _grouped(key: bytes) -> str:
    secret = b32encode(key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


second_factor_urlpatterns = [
    path("", second_factor_verify, name="second_factor_verify"),
    path("instellen/", second_factor_enrol, name="second_factor_enrol"),
]
