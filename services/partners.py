"""Partner access: the public login for network partners, logout, the guessing limit, and private caching.

Network partners (Vitis, SKT, Patijnenburg, gemeente) are ordinary Django users in the group
``Netwerkpartner`` (services.selectors.PARTNER_GROUP_NAME), managed by editors in Wagtail under
Settings → Users. They log in here, not in the Wagtail admin, and then see the partner-only contact
lines on service pages.

Guessing limit: at most ``FAILURES_PER_ACCOUNT`` wrong passwords per user name and IP address, and
``FAILURES_PER_ADDRESS`` per IP address, within ``WINDOW_SECONDS``; after that the form answers
429 without checking the password. The counters live in Django's cache. With more than one server
process the cache must be shared (database or Redis cache), or each process counts on its own.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from .selectors import user_is_partner

FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 20
WINDOW_SECONDS = 15 * 60


def _key(kind: str, *parts: str) -> str:
    # Hashed: cache keys must not carry user names or addresses in readable form (or break memcached).
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"hulpzoeker:partner-login:{kind}:{digest}"


def _client_address(request) -> str:
    # REMOTE_ADDR, not X-Forwarded-For: a client can write that header itself. Behind a proxy the
    # proxy must set REMOTE_ADDR (e.g. via its WSGI server's forwarded-allow-ips setting).
    return request.META.get("REMOTE_ADDR", "")


def _keys(request, username: str) -> tuple[str, str]:
    address = _client_address(request)
    return _key("account", username.strip().lower(), address), _key("address", address)


def _count(key: str) -> int:
    return cache.get(key, 0)


def _increment(key: str) -> None:
    # add() starts the window; incr() keeps its original expiry, so the window is fixed, not sliding.
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW_SECONDS)


def is_blocked(request, username: str) -> bool:
    """Whether this user name from this address (or this address at all) guessed too often."""
    account_key, address_key = _keys(request, username)
    return _count(account_key) >= FAILURES_PER_ACCOUNT or _count(address_key) >= FAILURES_PER_ADDRESS


def record_failure(request, username: str) -> None:
    for key in _keys(request, username):
        _increment(key)


def clear_failures(request, username: str) -> None:
    cache.delete(_keys(request, username)[0])


class PartnerAuthenticationForm(AuthenticationForm):
    """Django's login form, in plain words, for partner accounts only."""

    error_messages = {
        "invalid_login": _(
            "The user name or password is not right. Check them and try again. "
            "Capital letters count in the password."
        ),
        "inactive": _("This account is switched off. Ask your contact person at the municipality."),
        "not_partner": _(
            "This account is not a network partner account. Ask your contact person at the municipality."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["password"].label = _("Password")
        self.fields["username"].error_messages["required"] = _("Fill in your user name.")
        self.fields["password"].error_messages["required"] = _("Fill in your password.")

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user_is_partner(user=user):
            raise ValidationError(self.error_messages["not_partner"], code="not_partner")


class PartnerLoginView(auth_views.LoginView):
    """/partners/inloggen/: the login page for network partners (not the Wagtail admin)."""

    template_name = "services/partners/login.html"
    form_class = PartnerAuthenticationForm
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return "/"

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if is_blocked(request, username):
            form = self.get_form_class()(request, initial={"username": username[:150]})
            response = self.render_to_response(self.get_context_data(form=form, blocked=True))
            response.status_code = 429
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        clear_failures(self.request, form.cleaned_data.get("username", ""))
        return super().form_valid(form)

    def form_invalid(self, form):
        if any(error.code == "invalid_login" for error in form.non_field_errors().as_data()):
            record_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["window_minutes"] = WINDOW_SECONDS // 60
        return context


class PartnerLogoutView(auth_views.LogoutView):
    """/partners/uitloggen/ (POST only, as Django's LogoutView): log out and go to the start page."""

    next_page = "/"


class PrivateForLoggedInMiddleware:
    """Responses to logged-in users are ``private, no-store``: a shared cache never keeps partner data.

    Views whose output is the same for everyone (the HSDS API, sitemap.xml, robots.txt) mark their
    response with ``user_independent = True`` and keep their public caching headers.
    Place it after AuthenticationMiddleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "user_independent", False):
            return response
        # Without a session cookie nobody is logged in; not touching request.user then keeps the
        # session unread (no needless "Vary: Cookie").
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ("Cookie",))
        return response
