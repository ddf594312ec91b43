"""Drive the Hulpwijzer with the Django test client the way a browser does: POST the page's own form,
follow the 303 redirect to the GET page of the next step (Post/Redirect/Get), keep the cookies."""

from html.parser import HTMLParser

from django.urls import reverse

START = "/hulpwijzer/"


class _FormParser(HTMLParser):
    """Collects every <form> with its action, classes, hidden inputs and the values of checked inputs."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {
                "action": attrs.get("action", ""),
                "method": attrs.get("method", "get"),
                "classes": (attrs.get("class") or "").split(),
                "autocomplete": attrs.get("autocomplete"),
                "hidden": [],
                "buttons": [],
            }
            self.forms.append(self._current)
        elif self._current is not None and tag == "input" and attrs.get("type") == "hidden":
            self._current["hidden"].append((attrs["name"], attrs.get("value", "")))
        elif self._current is not None and tag == "button":
            self._current["buttons"].append((attrs.get("name"), attrs.get("value"), attrs.get("formaction")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def forms_of(response):
    parser = _FormParser()
    parser.feed(response.content.decode())
    return parser.forms


def form_with_class(response, css_class):
    matches = [form for form in forms_of(response) if css_class in form["classes"]]
    assert matches, f"no form with class {css_class} on the page"
    return matches[0]


class Questionnaire:
    """A resident clicking through the questionnaire; only what the page's forms hold is sent."""

    def __init__(self, client):
        self.client = client
        self.response = None
        self.requested_urls = []

    def _post(self, url, data):
        self.requested_urls.append(url)
        self.response = self.client.post(url, data, follow=True)
        # Every answer is answered with 303 See Other to a GET page, never with a page of its own.
        chain = self.response.redirect_chain
        assert chain and chain[0][1] == 303, chain
        self.requested_urls.extend(target for target, _status in chain)
        assert self.response.status_code == 200, self.response.status_code
        assert self.response.request["REQUEST_METHOD"] == "GET"
        return self.response

    def start(self, *, together=False):
        url = reverse("hulpwijzer:together") if together else START
        self.requested_urls.append(url)
        self.response = self.client.get(url)
        assert self.response.status_code == 200
        return self.response

    def submit(self, action="next", form_class="hz-q-form", **answers):
        """Post the main form: its hidden fields plus ``answers`` (lists for multi-choice fields)."""
        form = form_with_class(self.response, form_class)
        data = {}
        for name, value in form["hidden"]:
            data.setdefault(name, []).append(value)
        for name, value in answers.items():
            data[name] = value if isinstance(value, list) else [value]
        data["action"] = [action]
        url = form["action"] or START
        return self._post(url, data)

    def back(self):
        return self.submit(action="back", form_class="hz-q-back")

    def print_sheet(self, services=()):
        """From the results page: tick ``services`` (ids) and make the hand-over sheet."""
        return self.submit(action="print", service=[str(pk) for pk in services])

    def change_answers(self):
        """From the results page: the "change your answers" button (formaction to the questionnaire)."""
        form = form_with_class(self.response, "hz-q-form")
        data = {}
        for name, value in form["hidden"]:
            data.setdefault(name, []).append(value)
        data["action"] = ["summary"]
        return self._post(START, data)

    @property
    def step(self):
        form = form_with_class(self.response, "hz-q-form")
        return dict(form["hidden"]).get("step")

    def answer_all(self, answers):
        """Answer every question in order; ``answers`` maps field names to values (missing = skip)."""
        self.start()
        steps = [
            ("situations", "text"),
            ("for_whom",),
            ("kern", "postcode"),
            ("age", "age_band"),
            ("household",),
            ("income",),
            ("special",),
            ("urgency",),
        ]
        for fields in steps:
            given = {name: answers[name] for name in fields if name in answers}
            self.submit(**given)
        assert self.step == "summary"
        return self.submit(action="results")


def slugs(response):
    """Slugs of the suggested services, in page order."""
    return [s.document.slug for s in response.context["result"].suggestions]
