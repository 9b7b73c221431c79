"""A query parsed: its words, their tokens and alternatives, stop words, quoted phrases."""

from search.query import parse_query


def test_words_carry_their_token_alternatives_and_stop_flag():
    parsed = parse_query("разрешение на работу")
    assert [word.token for word in parsed.words] == ["разрешение", "на", "работа"]
    assert [word.stop for word in parsed.words] == [False, True, False]
    assert parsed.required == (("разрешение",), ("работа",))
    assert parsed.sequence == ("разрешение", "на", "работа")
    assert parsed.kept_tokens == ("разрешение", "работа")
    assert parsed.phrases == ()


def test_a_homonym_is_required_as_any_of_its_lemmas():
    parsed = parse_query("стали")
    assert parsed.required[0][0] == "стать"
    assert "сталь" in parsed.required[0]
    assert {"стать", "сталь"} <= {token for word in parsed.words for token in word.alternatives}


def test_quoted_groups_are_phrases_with_their_stop_words_and_not_required_words():
    parsed = parse_query('"разрешение на работу" беженцы «о статусе»')
    assert parsed.phrases == (("разрешение", "на", "работа"), ("о", "статус"))
    assert parsed.required == (("беженец",),)
    assert [word.quoted for word in parsed.words] == [0, 0, 0, None, 1, 1]


def test_an_unbalanced_quote_is_closed_at_the_end():
    parsed = parse_query('беженцы "разрешение на работу')
    assert parsed.phrases == (("разрешение", "на", "работа"),)
    assert parsed.required == (("беженец",),)


def test_a_query_of_stop_words_only_requires_them_all():
    parsed = parse_query("на и")
    assert parsed.required == (("на",), ("и",))
    assert parsed.kept_tokens == ("на", "и")


def test_without_drops_the_words_at_the_positions():
    parsed = parse_query("Казахстан беженцы 2009")
    assert parsed.without({0, 2}).kept_tokens == ("беженец",)
    assert parsed.without({0, 2}).text == parsed.text


def test_look_alikes_and_yo_are_folded_in_a_query():
    assert parse_query("бeженцев отчёт").kept_tokens == ("беженец", "отчет")
