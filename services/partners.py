"""Partner access: the public login for network partners, logout, the guessing limit, and private caching.

Network partners (Vitis, SKT, Patijnenburg, gemeente) are ordinary Django users in the group
``Netwerkpartner`` (services.selectors.PARTNER_GROUP_NAME), managed by editors in Wagtail under
Settings → Users. They log in here, not in the Wagtail admin, and then see the partner-only contact
lines on service pages.

Guessing limit: the same for every login, in services/logins.py (django-axes, counted in the
database, per user name and client address and per client address).
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from .selectors import user_is_partner


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
