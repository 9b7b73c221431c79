"""Normalising words: one token per word, the same for every form of a Russian or Ukrainian word."""

import pytest

from search import morphology
from search.query import parse_query
from search.scripts import script_of, unmix
from search.text import (
    MAX_WORD_LENGTH,
    fold,
    highlight,
    matches,
    normalised_text,
    snippet,
    token,
    token_alternatives,
    words,
)


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["беженцев", "беженцами", "беженцы", "Беженец"], "беженец"),
        (["иностранец", "иностранцев", "ИНОСТРАНЦАМИ"], "иностранец"),
        (["біженців", "біженці", "біженцям"], "біженець"),
        (["разрешению", "разрешения"], "разрешение"),
        (["Казахстана", "казахстан"], "казахстан"),
        (["України", "україна"], "україна"),
    ],
)
def test_every_form_of_a_word_gives_its_lemma(forms, expected):
    assert {token(form) for form in forms} == {expected}


def test_a_ukrainian_word_without_ukrainian_letters_is_read_by_the_ukrainian_dictionary():
    assert morphology.language_of("громадян") == "uk"
    assert token("громадян") == "громадянин"


def test_an_apostrophe_keeps_a_ukrainian_word_whole_and_is_dropped_from_its_token():
    for text in ("сім'ї", "сім’ї", "сімʼї"):
        assert words(text) == [text]
        assert normalised_text(text) == token("сім'ї")
    assert "'" not in token("сім'ї")
    assert len(normalised_text("сім'ї").split()) == 1


def test_english_words_keep_their_snowball_stem():
    assert token("refugees") == token("refugee") == "refuge"
    assert token("Granting") == "grant"


def test_case_and_yo_are_folded_and_digits_kept():
    assert fold("Отчёт") == "отчет"
    assert token("ОТЧЁТА") == token("отчет")
    assert normalised_text("COVID-19, 2009") == "covid 19 2009"


def test_normalised_text_has_one_token_per_word_and_drops_overlong_words_on_both_sides():
    text = "Закон «О беженцах» от 4 декабря 2009 года; сім'ї refugees, " + "x" * (MAX_WORD_LENGTH + 1) + " конец"
    assert len(normalised_text(text).split()) == len(words(text)) == 11
    overlong = "б" * (MAX_WORD_LENGTH + 1)
    assert words(overlong) == []
    assert normalised_text(overlong) == ""
    assert parse_query(overlong).kept_tokens == ()


def test_a_homonym_offers_every_likely_lemma_the_index_one_first():
    alternatives = token_alternatives("стали")
    assert {"стать", "сталь"} <= set(alternatives)
    assert alternatives[0] == token("стали")
    assert token_alternatives("refugees") == ("refuge",)


def test_look_alike_letters_of_the_other_script_are_mapped():
    assert unmix("бeженцев") == "беженцев"  # a Latin "e"
    assert token("бeженцев") == "беженец"
    assert unmix("rеfugee") == "refugee"  # a Cyrillic "е"
    assert token("rеfugee") == token("refugee")
    for word in ("беженцев", "refugee", "COVID-19", "Хорошо", "ABC"):
        assert unmix(word) == word


def test_script_of():
    assert [script_of(word) for word in ("беженец", "refugee", "2009", "бeженцев")] == [
        "cyrillic",
        "latin",
        "",
        "cyrillic",
    ]


def test_forms_of_a_lemma_are_its_dictionary_lexeme():
    assert {"беженцев", "беженцами", "беженец"} <= morphology.forms("беженец")
    assert not any(form.endswith("ові") for form in morphology.forms("беженец"))  # no Ukrainian guesses
    assert {"біженців", "біженці"} <= morphology.forms("біженець")


# Matching and snippets

FILLER = "Иные положения настоящего кодекса применяются в общем порядке. " * 12


def test_a_word_is_marked_in_every_form_of_its_lexeme():
    text = "Статус беженцами признаётся; беженцу выдаётся справка. Бежать нельзя."
    assert highlight(text, matches(text, parse_query("беженцев"))) == (
        "Статус <mark>беженцами</mark> признаётся; <mark>беженцу</mark> выдаётся справка. Бежать нельзя."
    )


def test_yo_look_alikes_and_apostrophes_are_marked_as_written():
    text = "Отчёт о бeженцах. Сім’ї біженців"
    marked = highlight(text, matches(text, parse_query("отчет беженец сім'я біженці")))
    assert marked == "<mark>Отчёт</mark> о <mark>бeженцах</mark>. <mark>Сім’ї</mark> <mark>біженців</mark>"


def test_english_words_are_marked_by_their_stem():
    text = "Every refugee may appeal; refugees are granted status."
    assert [text[start:end] for start, end in matches(text, parse_query("refugees granted"))] == [
        "refugee",
        "refugees",
        "granted",
    ]


def test_a_homonym_is_marked_whichever_lemma_the_query_means():
    text = "Цены на сталь выросли, цены стали другими."
    assert [text[start:end] for start, end in matches(text, parse_query("сталь"))] == ["сталь", "стали"]


def test_the_snippet_prefers_the_words_side_by_side_to_an_earlier_scattered_match():
    text = (
        "О разрешении трудовых споров по работе комиссии. "
        + FILLER
        + "Иностранцу выдаётся разрешение на работу сроком на год. "
        + FILLER
    )
    found = snippet(text, parse_query("разрешение на работу"), 240)
    assert "<mark>разрешение</mark> на <mark>работу</mark> сроком" in found
    assert "споров" not in found
    assert found.startswith("… ")
    assert found.endswith(" …")


def test_without_the_words_together_the_snippet_shows_the_passage_with_most_of_them():
    text = "Беженцы прибыли. " + FILLER + "Беженцам и иностранцам выдаётся справка. " + FILLER
    found = snippet(text, parse_query("иностранцы беженцы"), 240)
    assert "<mark>Беженцам</mark> и <mark>иностранцам</mark>" in found


def test_the_snippet_of_a_single_word_is_its_first_occurrence():
    text = "Every refugee may appeal a refusal within thirty days. " + "Other words. " * 40 + "refugees again"
    assert snippet(text, parse_query("refugees")).startswith("Every <mark>refugee</mark> may appeal")


def test_no_match_no_snippet():
    assert snippet("Трудовой кодекс", parse_query("беженцы")) == ""
    assert snippet("", parse_query("беженцы")) == ""
    assert matches("Трудовой кодекс", parse_query("")) == []


def test_the_snippet_escapes_the_text():
    assert snippet("<b>refugee</b> & co", parse_query("refugee")) == "&lt;b&gt;<mark>refugee</mark>&lt;/b&gt; &amp; co"


def test_a_ukrainian_text_reads_its_words_with_the_ukrainian_dictionary():
    # Forms that are also Russian words of another lexeme.
    assert (token("особи"), token("особи", "uk"), token("осіб", "uk"), token("особа", "uk")) == (
        "особь",
        "особа",
        "особа",
        "особа",
    )
    assert token("ради", "ru") == "ради"
    assert "рада" in token_alternatives("ради")  # so a query finds the Ukrainian text either way
    assert token("роки", "uk") == token("рік", "uk") == "рік"
    assert token("беженцев", "uk") == "беженец"  # a word the Ukrainian dictionary does not know
    assert normalised_text("Особи без громадянства", "uk") == normalised_text("особа без громадянства", "uk")


def test_a_query_with_a_ukrainian_word_is_read_as_ukrainian():
    assert [word.token for word in parse_query("особи без громадянства").words] == ["особа", "без", "громадянство"]
    assert parse_query("особи без гражданства").words[0].token == "особь"
    assert {"особь", "особа"} <= set(parse_query("особи").words[0].alternatives)


def test_words_with_digits_are_only_folded():
    assert token("2009г") == "2009г"
    assert token_alternatives("2009г") == ("2009г",)
