"""The search page /zoeken/: server-rendered, accessible markup, honest about results and errors."""

import re

import pytest

from django.urls import reverse

from search.models import ZeroResultQuery


def get(client, **params):
    return client.get(reverse("search"), params)


def test_the_search_page_is_at_zoeken(search_demo):
    assert reverse("search") == "/zoeken/"


def test_the_page_has_a_visible_label_a_status_with_the_count_and_fieldsets_per_facet(search_demo, client):
    response = get(client, q="schulden")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="utrecht-form-label" for="hz-q">Waar wil je hulp bij?</label>' in html
    assert re.search(r'role="status".*?resultaten voor “schulden”', html, re.S)
    assert html.count("<fieldset") >= 4 and html.count("<legend") == html.count("<fieldset")
    assert re.search(r"Geld en schulden <span class=\"hz-facet__count\">\(\d+ resultaten?\)", html)
    assert 'method="get"' in html


def test_each_result_says_why_it_is_shown(search_demo, client):
    html = get(client, q="schulden").content.decode()
    assert "Waarom je dit ziet:" in html
    assert "Past bij: Geld en schulden" in html
    assert "Voor heel Westland" in html


def test_a_kern_choice_shows_in_the_explanation(search_demo, client):
    html = get(client, q="ggz inloop", kern="naaldwijk").content.decode()
    assert "In je eigen kern" in html


def test_a_misspelling_shows_the_correction(search_demo, client):
    html = get(client, q="eenzaamhied").content.decode()
    assert "We vonden niets voor “eenzaamhied”. Dit zijn de resultaten voor “eenzaamheid”." in html


def test_nothing_found_still_shows_a_human_route_and_subjects(search_demo, client):
    response = get(client, q="qqxzv wrtpl")
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 resultaten" in html
    assert "Praat met iemand" in html
    for slug in ("buurtinformatiepunt", "formulierenbrigade", "sociaal-kernteam"):
        assert f'href="/hulp/{slug}/"' in html
    assert "Of kies een onderwerp" in html and 'href="/hulp/thema/geld-en-schulden/"' in html


def test_invalid_filters_answer_400_with_the_errors_and_still_show_results(search_demo, client):
    response = get(client, q="schulden", kern="atlantis", page="-4")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Deze kern kennen we niet. Kies een kern uit de lijst." in html
    assert "Het paginanummer moet 1 of hoger zijn." in html
    assert 'href="#hz-field-kern"' in html
    assert "resultaten voor “schulden”" in html


def test_pagination_is_a_labelled_navigation_that_keeps_the_filters(search_demo, client):
    html = get(client, q="", cost="onbekend").content.decode()
    assert re.search(r'<nav [^>]*aria-label="Pagina(&#x27;|\')s met resultaten"', html)
    assert re.search(r'href="\?q=&amp;cost=onbekend&amp;page=2"', html)
    assert 'aria-current="page"' in html


def test_the_search_page_is_not_indexed_by_search_engines(search_demo, client):
    assert '<meta name="robots" content="noindex">' in get(client, q="schulden").content.decode()


@pytest.mark.parametrize("path", ["/zoeken/", "/zoeken/?q=schulden&situation=geld-en-schulden&open_now=1"])
def test_the_page_works_for_an_empty_and_a_filtered_search(search_demo, client, path):
    assert client.get(path).status_code == 200


def test_a_search_with_results_is_not_counted(search_demo, client):
    get(client, q="schulden")
    assert not ZeroResultQuery.objects.exists()


def test_the_page_logs_nothing_about_the_search(search_demo, client, caplog):
    with caplog.at_level("DEBUG"):
        get(client, q="mijn geheime zoekvraag 0612345678")
        client.get("/api/v1/search", {"q": "mijn geheime zoekvraag"})
    assert "geheime" not in caplog.text
