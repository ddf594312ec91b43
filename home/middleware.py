"""Dutch first: the site speaks Dutch unless the visitor explicitly chose English or Polish."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but without guessing from the browser's Accept-Language.

    Many residents use a phone set to English while reading Dutch best, and the municipality's
    information is Dutch first. Only an explicit choice (the language switch in the footer, which sets
    Django's language cookie: strictly functional) changes the language.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
