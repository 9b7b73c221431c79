"""Ranking: a phrase before words near each other, before scattered words; the title; long texts (issue 17)."""

import pytest

from search.backends.fulltext import PASSAGE_OVERLAP, PASSAGE_TOKENS, passages

from .conftest import search, titles, upload

pytestmark = pytest.mark.django_db

# A sentence of a labour code without the words searched: 12 words.
FILLER = "Трудовой договор заключается в письменной форме и подписывается сторонами в двух экземплярах. "


def document(make_document, slug, text, title, **fields):
    return make_document(slug, title=title, file=upload(f"{slug}.txt", text.encode()), language="ru", **fields)


@pytest.fixture
def labour_code_and_decree(make_document):
    phrase = "Иностранцы заключают трудовой договор при наличии разрешения на работу. "
    early = "Работодатель предоставляет работнику работу, обусловленную договором. "  # a match before the phrase
    document(make_document, "labour-code", early + FILLER * 50 + phrase * 3 + FILLER * 5, "Трудовой кодекс")
    document(
        make_document,
        "disputes-decree",
        "Индивидуальные трудовые споры по работе рассматриваются комиссиями. Разрешение спора производится "
        "в течение пятнадцати дней. Работник обращается с заявлением о восстановлении на работе.",
        "О разрешении трудовых споров по работе",
    )


def test_the_phrase_deep_in_a_text_comes_before_a_title_with_both_words(client, labour_code_and_decree):
    assert titles(search(client, "разрешение на работу", "ru")) == [
        "Трудовой кодекс",
        "О разрешении трудовых споров по работе",
    ]


def test_the_snippet_shows_the_phrase(client, labour_code_and_decree):
    snippet = search(client, "разрешение на работу", "ru")["results"].hits[0].snippet
    assert "<mark>разрешения</mark> на <mark>работу</mark>" in snippet, snippet


def test_a_quoted_phrase_must_stand_word_for_word(client, labour_code_and_decree):
    assert titles(search(client, '"разрешение на работу"', "ru")) == ["Трудовой кодекс"]
    assert titles(search(client, '"работу на разрешение"', "ru")) == []


def test_words_near_each_other_come_before_scattered_words(client, make_document):
    document(
        make_document,
        "scattered",
        "Квота устанавливается ежегодно. " + FILLER * 3 + "Иностранная рабочая сила привлекается работодателем.",
        "Постановление о квоте",
    )
    document(make_document, "near", FILLER * 3 + "Квота на иностранную рабочую силу утверждается.", "Правила")
    assert titles(search(client, "квота иностранная сила", "ru")) == ["Правила", "Постановление о квоте"]


def test_a_phrase_after_many_words_and_many_repeats_of_a_stop_word_is_found_first(client, make_document):
    """PostgreSQL keeps positions up to 16,383 and 256 positions of a word: its passages keep the phrase."""
    many_stop_words = "Ответственность возлагается на работодателя и на работника. " * 150  # "на" 300 times
    long_text = FILLER * (20_000 // 12) + many_stop_words + "Выдается разрешение на работу сроком на год."
    assert len(long_text.split()) > 20_000 > 8 * PASSAGE_TOKENS
    document(make_document, "long-code", long_text, "Кодекс")
    document(make_document, "short-scattered", "Разрешение выдается. " + FILLER + "Работу ищут.", "Справка")
    assert titles(search(client, "разрешение на работу", "ru")) == ["Кодекс", "Справка"]
    assert titles(search(client, '"разрешение на работу"', "ru")) == ["Кодекс"]


def test_a_single_word_keeps_the_title_before_the_body(client, make_document):
    document(make_document, "body-match", "Квота указана в тексте. " * 3, "Ежегодный отчет")
    document(make_document, "title-match", "Ничего относящегося к делу.", "Квота на привлечение")
    assert titles(search(client, "квоты", "ru")) == ["Квота на привлечение", "Ежегодный отчет"]


def test_passages_overlap_so_that_a_short_phrase_always_lies_in_one():
    body = " ".join(f"w{number}" for number in range(2 * PASSAGE_TOKENS))
    found = passages("title words", "", body)
    assert [number for number, _text in found] == [0, 2, 3, 4]
    assert found[0] == (0, "title words")
    second, third = found[1][1].split(), found[2][1].split()
    assert len(second) == PASSAGE_TOKENS
    assert second[-PASSAGE_OVERLAP:] == third[:PASSAGE_OVERLAP]
    assert found[-1][1].split()[-1] == f"w{2 * PASSAGE_TOKENS - 1}"


def test_a_quoted_phrase_longer_than_a_passage_overlap_is_read_alike_on_both_databases(client, make_document):
    words = [f"слово{number}" for number in range(20)]
    make_document("long", " ".join(["начало", *words[:18], "разрыв", *words[18:]]), title="Long", language="ru")
    # The first 16 words stand together; the rest are only required, wherever they stand.
    assert titles(search(client, '"' + " ".join(words) + '"', "ru")) == ["Long"]
    assert titles(search(client, '"' + " ".join(words[:15] + ["начало"]) + '"', "ru")) == []
