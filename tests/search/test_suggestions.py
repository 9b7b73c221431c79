"""Did you mean …?: the index's own nearest words, offered only when a real search for this reader finds more."""

import html

import pytest

from dsm_data.models import Role
from search import suggestions, vocabulary
from search.backends.database import DatabaseBackend
from search.indexing import rebuild_index
from search.models import SearchEntry, SearchWord

from .conftest import search, titles

pytestmark = pytest.mark.django_db

RUSSIAN_TEXT = "Закон определяет правовое положение беженцев и порядок предоставления убежища."


def suggestion_of(context):
    suggestion = context["results"].suggestion
    return suggestion.text if suggestion else None


def follow(client, context):
    """The page the "Did you mean" link leads to."""
    response = client.get("/en/search/" + html.unescape(context["suggestion_url"]))
    assert response.status_code == 200
    return response.context


def test_a_russian_typo_gets_the_word_of_the_index_one_click_away(client, make_document):
    make_document("refugee-law", RUSSIAN_TEXT, title="Law on refugees", language="ru")
    context = search(client, "бежнцев убежища")
    assert context["results"].total == 0
    assert suggestion_of(context) == "беженцев убежища"
    assert context["results"].suggestion.html == "<strong>беженцев</strong> убежища"
    page = client.get("/en/search/", {"q": "бежнцев убежища"}).content.decode()
    assert "Did you mean" in page
    assert "<strong>беженцев</strong>" in page
    assert titles(follow(client, context)) == ["Law on refugees"]


def test_an_english_typo_keeps_the_filters_in_the_link(client, make_document, kazakhstan):
    make_document("convention", "The status of refugees is defined here.", title="Convention", country=kazakhstan)
    context = search(client, "status refugess", country="KAZ")
    assert suggestion_of(context) == "status refugees"
    assert "country=KAZ" in context["suggestion_url"]
    followed = follow(client, context)
    assert titles(followed) == ["Convention"]
    assert followed["query"].filters == {"country": "KAZ"}


def test_the_russian_page_says_it_in_russian(client, make_document):
    make_document("refugee-law", RUSSIAN_TEXT, title="Law on refugees", language="ru")
    page = client.get("/ru/search/", {"q": "бежнцев"}).content.decode()
    assert "Возможно, вы имели в виду" in page


def test_known_words_and_queries_that_find_enough_get_no_suggestion(client, make_document):
    make_document("convention", "The status of refugees is defined here.", title="Convention")
    assert suggestion_of(search(client, "refugees")) is None  # found
    assert suggestion_of(search(client, "refugees", type="decree")) is None  # known word, nothing of that type
    assert suggestion_of(search(client, "zzzzqqq")) is None  # nothing near


def test_a_suggestion_that_would_find_nothing_more_is_not_offered(client, make_document):
    make_document("refugee-law", RUSSIAN_TEXT, title="Law on refugees", language="ru")
    context = search(client, "бежнцев", type="decree")
    assert context["results"].total == 0
    assert suggestion_of(context) is None


@pytest.mark.parametrize(
    ("role", "where", "offered"),
    [
        (None, None, False),
        (Role.DATA_USER, "own", True),
        (Role.COUNTRY_ADMIN, "own", True),
        (Role.DATA_USER, "other", False),
        (Role.FOCAL_POINT, "other", False),
        (Role.SYSTEM_ADMIN, None, True),
    ],
)
def test_a_restricted_documents_rare_word_is_offered_only_to_who_may_find_it(
    client, make_document, user_for, kazakhstan, armenia, role, where, offered
):
    make_document("national-decree", "Instruction on deportation escorts.", country=kazakhstan, visibility="national")
    make_document("public-law", "Rules of entry.", country=armenia)
    assert SearchWord.objects.filter(word="deportation").exists()  # the vocabulary is global
    user = user_for(role, where)
    if user:
        client.force_login(user)
    context = search(client, "deportaton")
    assert suggestion_of(context) == ("deportation" if offered else None)
    assert ("deportation" in client.get("/en/search/", {"q": "deportaton"}).content.decode()) == offered


def test_a_word_only_a_restricted_document_holds_is_treated_as_an_unknown_word(client, make_document, kazakhstan):
    make_document("national-decree", "Instruction on escorts.", country=kazakhstan, visibility="national")
    make_document("public-guide", "Holiday resorts.")
    # Anonymous: "escorts" finds nothing, as an unknown word would, and gets the public word near it.
    assert suggestion_of(search(client, "escorts")) == "resorts"
    assert suggestion_of(search(client, "resortz")) == "resorts"  # as for a typo of the public word


def test_the_next_nearest_word_is_tried_when_the_nearest_finds_nothing_more(client, make_document, kazakhstan):
    for slug in ("decree-one", "decree-two"):
        make_document(slug, "Refugees.", country=kazakhstan, visibility="national")
    make_document("public-note", "Refuges in the mountains.")
    assert [word for word, _distance in vocabulary.nearest("refugess", script="latin", max_distance=2)][:2] == [
        "refugees",
        "refuges",
    ]
    assert suggestion_of(search(client, "refugess")) == "refuges"


def test_a_long_query_of_unknown_words_replaces_at_most_three_and_checks_at_most_three(
    client, make_document, monkeypatch
):
    make_document("convention", "The status of refugees is defined here.", title="Convention")
    looked_up, checked = [], []
    nearest, search_of = vocabulary.nearest, DatabaseBackend.search
    monkeypatch.setattr(
        vocabulary, "nearest", lambda word, **options: looked_up.append(word) or nearest(word, **options)
    )
    monkeypatch.setattr(
        DatabaseBackend,
        "search",
        lambda self, query, **options: checked.append(query.text) or search_of(self, query, **options),
    )
    context = search(client, "refugess statuz defind heres conventon ztatus")
    assert context["results"].total == 0
    assert looked_up == ["refugess", "statuz", "defind"]
    assert 2 <= len(checked) <= 1 + suggestions.CANDIDATES  # the reader's search, then the suggestions checked
    assert all(text.split()[3:] == ["heres", "conventon", "ztatus"] for text in checked[1:])


def test_a_rebuilt_index_counts_the_same_words_as_the_entries_stored_one_by_one(make_document):
    make_document("one", "Refugees refugees arrive.", title="Arrivals")
    make_document("two", "Refugees and refuges. Беженцы прибывают.", title="Refuges")
    stored_one_by_one = set(SearchWord.objects.values_list("word", "script", "length", "entries"))
    assert ("refugees", "latin", 8, 2) in stored_one_by_one
    rebuild_index()  # the words counted once, at the end
    assert set(SearchWord.objects.values_list("word", "script", "length", "entries")) == stored_one_by_one


def test_the_vocabulary_counts_each_entry_once_and_ranks_by_distance_then_entries(make_document):
    make_document("one", "Refugees refugees arrive.")
    make_document("two", "Refugees and refuges.")
    assert SearchWord.objects.get(word="refugees").entries == 2
    assert SearchWord.objects.get(word="refugees").script == "latin"
    assert SearchWord.objects.filter(word="and").exists()  # three letters are kept
    assert vocabulary.nearest("refugess", script="latin", max_distance=2)[:2] == [("refugees", 1), ("refuges", 1)]
    assert vocabulary.nearest("refugess", script="cyrillic", max_distance=2) == []
    vocabulary.clear()
    assert not SearchWord.objects.exists()
    assert SearchEntry.objects.count() == 2
