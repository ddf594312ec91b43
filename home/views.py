"""Views outside the page tree: the crisis page and the error pages."""

from django.shortcuts import render


def crisis(request):
    return render(request, "home/crisis.html")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a RequestContext-dependent database query: the database may be the problem.
    return render(request, "500.html", status=500)
