"""What every page shows around its content: crisis numbers and the route to a person."""

from services.wording import CRISIS_LINES, human_route


def site_chrome(request):
    return {"crisis_lines": CRISIS_LINES, "human_route": human_route}
