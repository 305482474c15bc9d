"""words.WordSet: the word tables' matcher. Examples of what it must find and what it must not."""
import pytest

from tridoc.words import Needles, WordSet, WordTables, leftmost_longest

COMPARATORS = WordSet({"达": "ge", "达到": "ge", "超过": "gt", "不超过": "le", "over": "gt", "more than": "gt",
                       "no more than": "le", "at least": "ge", "to": "ge", "up to": "le"})
CUES = WordSet({"宽带": "broadband", "宽带用户": "broadband.users", "用户数": "users", "household": "hh",
                "penetration rate": "pen"}, plural=True)

FINDS = [
    # (word set, text, [(found text, meaning), ...])
    (COMPARATORS, "到2015年达到20Mbps", [("达到", "ge")]),                 # the longest word at a position wins
    (COMPARATORS, "投资不超过500万元", [("不超过", "le")]),                 # …and the earliest start
    (COMPARATORS, "no more than 5%", [("no more than", "le")]),
    (COMPARATORS, "rise to over 50 percent", [("to", "ge"), ("over", "gt")]),
    (COMPARATORS, "coverage of towns", []),                               # over inside coverage, to inside towns
    (COMPARATORS, "Up To 100Mbps", [("Up To", "le")]),                     # case does not matter
    (COMPARATORS, "totally", []),
    (CUES, "固定宽带用户数达到", [("宽带用户", "broadband.users")]),        # 用户数 overlaps the earlier cue
    # a plural s may follow a Latin cue (it stays outside the span)
    (CUES, "households and household penetration rates", [("household", "hh"), ("household", "hh"),
                                                          ("penetration rate", "pen")]),
    (CUES, "householders", []),
]


@pytest.mark.parametrize("words, text, expected", FINDS)
def test_find(words, text, expected):
    assert [(text[a:b], meaning) for a, b, meaning in words.find(text)] == expected


def test_bounds_behave_like_re_pos_and_endpos():
    text = "xover 1 over 2 over"
    # the character before start still counts for the word edge; nothing at or after end is seen
    assert COMPARATORS.find(text, 2, 5) == []                 # "ver": over starts before start
    assert COMPARATORS.find(text, 1, 5) == []                 # "over" glued to the x before it
    assert COMPARATORS.find(text, 7, 13) == [(8, 12, "gt")]
    assert COMPARATORS.find("overs", 0, 4) == [(0, 4, "gt")]  # the s beyond end is not seen


def test_offsets_survive_characters_whose_lower_case_is_longer():
    text = "İ达到50%"  # "İ".lower() is two characters
    assert COMPARATORS.find(text) == [(1, 3, "ge")]


def test_hits_keep_overlaps_sorted_by_start_then_longest():
    hits = CUES.hits("宽带用户数")
    assert [(a, b) for a, b, _ in hits] == [(0, 4), (0, 2), (2, 5)]
    assert leftmost_longest(hits) == [(0, 4, "broadband.users")]


def test_an_empty_table_finds_nothing():
    assert WordSet([]).find("达到") == []


@pytest.mark.parametrize("text", ["去年已达到50%, will reach 60% by 2020", "coverage to total 去年同期 up to 5", ""])
def test_tables_searched_together_find_what_each_finds_alone(text):
    past = WordSet(["去年", "已达", "up from"])
    past_after = WordSet(["去年", "already"])
    tables = WordTables([COMPARATORS, past, past_after])
    together = tables.hits(text, 0, len(text))
    assert together == {t: t.hits(text, 0, len(text)) for t in (COMPARATORS, past, past_after)}


NEEDLES = Needles([{"speed"}, {"Fiber", "速率"}, None])  # None: a pattern that may match anywhere


@pytest.mark.parametrize("text, patterns", [
    ("broadband SPEED", {0, 2}), ("速率", {1, 2}), ("spee d", {2}), ("", {2}),
    ("ſpeed", {0, 1, 2}),   # the regex module reads ſ as an s…
    ("FİBER", {0, 1, 2}),   # …and İ as an i
])
def test_needles_name_the_patterns_a_case_insensitive_regex_could_match(text, patterns):
    assert NEEDLES.which(text, 0, len(text)) == patterns
