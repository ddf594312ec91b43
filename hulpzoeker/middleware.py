"""Response headers every page gets: Content-Security-Policy, Permissions-Policy, caching, noindex."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from django.conf import settings
from django.utils.cache import patch_vary_headers


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with the strict public policy, and the looser admin policy under ``/beheer/``."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        in_admin = request.path_info.startswith(settings.ADMIN_CSP_PATH_PREFIX)
        if in_admin and not report_only and parts.config is None:
            parts.config = default_config(settings.ADMIN_CSP_DIRECTIVES)
        return parts


def permissions_policy_header(policy: dict[str, tuple[str, ...]]) -> str:
    """``{"camera": ()}`` → ``camera=()``; allowed origins are written as the header wants them."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class SecurityHeadersMiddleware:
    """Permissions-Policy, ``X-Robots-Tag: noindex`` for the admin and partner pages, and Cache-Control.

    Caching: a response that embeds a CSRF token or sets a cookie is ``private, no-store`` (a shared cache
    must never hand one visitor's token or cookie to another). Any other anonymous GET gets a short public
    max-age (200) or ``no-cache``; ``Vary: Cookie`` because the language cookie changes the page.
    Responses that already say how to cache them (never_cache views, the HSDS API, logged-in users via
    ``services.partners.PrivateForLoggedInMiddleware``) keep their own header.
    Place it above SessionMiddleware and CsrfViewMiddleware so it sees the cookies they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.permissions_policy)
        if request.path_info.startswith(settings.NOINDEX_PATH_PREFIXES):
            response["X-Robots-Tag"] = "noindex, nofollow"
        self.set_cache_control(request, response)
        return response

    @staticmethod
    def set_cache_control(request, response) -> None:
        # CsrfViewMiddleware sets its cookie whenever the page used a token (also to renew it), so a set
        # cookie covers both. It overrides even a view's public header: a cached cookie would leak.
        if response.cookies:
            response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ("Cookie",))
            return
        if response.has_header("Cache-Control") or request.method not in ("GET", "HEAD"):
            return
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_MAX_AGE}"
        else:
            response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ("Cookie",))
