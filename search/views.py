from urllib.parse import urlencode

from django.shortcuts import render

from .backends import Query
from .forms import SearchForm
from .searching import search_page

RESULTS_PER_PAGE = 10


def search(request):
    """/<lang>/search/?q=...&country=&type=&year=&language=&section=&order=&page="""
    form = SearchForm(request.GET)
    query = form.to_query(RESULTS_PER_PAGE) if form.is_valid() else Query(text="")
    results = search_page(request.user, query) if query.text else None
    return render(
        request, "search/search.html", {"form": form, "query": query, "results": results, **links(query, results)}
    )


def links(query, results):
    """URLs of the page's facet values, orders and neighbouring pages: every other parameter kept."""

    def url(**changes):
        parameters = {"q": query.text, **query.filters, "order": query.order, "page": query.page, **changes}
        if parameters["order"] == "relevance":
            del parameters["order"]
        return "?" + urlencode({name: value for name, value in parameters.items() if value not in (None, "", 1)})

    if results is None:
        return {}
    facets = [
        (
            name,
            label,
            [
                {
                    "label": value_label,
                    "count": count,
                    "selected": query.filters.get(name) == value,
                    "url": url(page=None, **{name: None if query.filters.get(name) == value else value}),
                }
                for value, value_label, count in values
            ],
        )
        for name, label, values in results.facets
    ]
    return {
        "facets": facets,
        "order_urls": {order: url(order=order, page=None) for order in ("relevance", "date")},
        "previous_url": url(page=query.page - 1) if query.page > 1 else "",
        "next_url": url(page=query.page + 1) if query.page < results.page_count else "",
        "suggestion_url": url(q=results.suggestion.text, page=None) if results.suggestion else "",
    }
