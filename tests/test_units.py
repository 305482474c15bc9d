"""One figure, many surface forms: every row must read as (value, unit)."""
import re

import pytest

from tridoc.normalize import normalize
from tridoc.units import find_figures, parse_unit_cell


def figures(text):
    return [(f.value, f.unit) for f in find_figures(normalize(text).text)]


@pytest.mark.parametrize("text, value, unit", [
    # percentages
    ("45%", 45, "percent"), ("８５％", 85, "percent"), ("百分之八十", 80, "percent"), ("60 per cent", 60, "percent"),
    ("55 percent", 55, "percent"), ("提高5个百分点", 5, "percentage_points"), ("3 percentage points", 3, "percentage_points"),
    ("half of households", 50, "percent"),
    # bandwidth
    ("20Mbps", 20, "Mbps"), ("20 Mbps", 20, "Mbps"), ("20M以上", 20, "Mbps"), ("20兆", 20, "Mbps"),
    ("100兆比特/秒(Mbps)", 100, "Mbps"), ("8兆每秒", 8, "Mbps"), ("12 Mbit/s", 12, "Mbps"), ("百兆", 100, "Mbps"),
    ("千兆", 1000, "Mbps"), ("1Gbps", 1000, "Mbps"), ("1 Gbps", 1000, "Mbps"), ("50G", 50000, "Mbps"),
    ("1吉比特每秒", 1000, "Mbps"), ("one gigabit per second", 1000, "Mbps"), ("万兆", 10000, "Mbps"),
    ("出口带宽达到20T以上", 2e7, "Mbps"), ("2 Tbps", 2e6, "Mbps"),
    # money
    ("6000亿元", 6e11, "CNY"), ("1 万亿元", 1e12, "CNY"), ("500万元", 5e6, "CNY"), ("3千亿元", 3e11, "CNY"),
    ("3 billion yuan", 3e9, "CNY"), ("600 million yuan", 6e8, "CNY"), ("370 billion RMB", 3.7e11, "CNY"),
    ("US$60.4 billion", 6.04e10, "USD"), ("100亿美元", 1e10, "USD"), ("十亿元", 1e9, "CNY"),
    # counts
    ("3亿户", 3e8, "count"), ("8000万户", 8e7, "count"), ("八千万户", 8e7, "count"), ("130万个", 1.3e6, "count"),
    ("六十万个", 6e5, "count"), ("两万户", 2e4, "count"), ("1.4万个", 1.4e4, "count"), ("20家", 20, "count"),
    ("130 million homes", 1.3e8, "count"), ("1.2 million base stations", 1.2e6, "count"),
    ("2,000 villages", 2000, "count"), ("20,000户", 20000, "count"),
    ("200 demonstration projects", 200, "count"), ("10 data centers", 10, "count"),
    ("标准机架达到15万架", 1.5e5, "count"), ("1200架", 1200, "count"), ("300,000 standard racks", 3e5, "count"),
    ("25 per 10,000 people", 25, "count"), ("人才1000名", 1000, "count"), ("热点300处", 300, "count"),
    # bugs caught in the wild
    ("RMB6trn", 6e12, "CNY"), ("US$49bn", 4.9e10, "USD"), ("1.1兆元人民币", 1.1e12, "CNY"),
    ("50 billion yuans", 5e10, "CNY"), ("thousand mega", 1000, "Mbps"), ("市民卡发卡量达到150万张", 1.5e6, "count"),
    # machine translation, word by word
    ("1 billion 200 million yuan", 1.2e9, "CNY"), ("1 thousand 874 hundred million yuan", 1.874e11, "CNY"),
    ("2 thousand 500 households", 2500, "count"), ("10 million 4G subscribers", 1e7, "count"),
    # British and wire style
    ("20m households", 2e7, "count"), ("RMB 300m", 3e8, "CNY"), ("150亿—200亿元", 1.5e10, "CNY"),
])
def test_surface_forms(text, value, unit):
    assert figures(text) == [(pytest.approx(value), unit)]


@pytest.mark.parametrize("text", [
    # names and dates that hold digits
    "3G", "4G网络", "5G", "TD-LTE", "IPV6", "M2C", "10G-PON", "国发〔2013〕31号", "2014-04-29", "4月14号",
    "二〇一二年五月四日", "18th National Congress", "十八届三中全会", "三网融合", "五通", "第三代移动通信",
    # idioms and measure words that are not counts
    "三个代表", "千家万户", "一个平台", "3个月", "百亿级", "百强", "八十位", "1000兆瓦", "US$1=$6.1227 RMB",
    "Copyright © 2011", "0731-88888888", "10TB", "T-Mobile",
    # denominators
    "每100户", "for every 10,000 people", "per 100 residents", "3层架构",
    "10G-PON ports", "到2015\n元",  # a name glued to its digits; a unit on the next line
    "($1 = 6.3836 Chinese yuan renminbi)", "資助上限為50萬港元",  # an exchange rate; a currency left out
    "平均电价降至0.6元/千瓦时", "RMB 0.65 per kWh",  # prices per unit of electricity
])
def test_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, bare", [("rise to 150,000.", True), ("rise to 150,000 by 2018", True),
                                         ("set to rise to 150,000, and the plan expects", True),  # a comma ends a clause
                                         ("more than 4,000 meters above sea level", None)])
def test_numbers_grouped_in_thousands_stand_alone_only_before_a_pause(text, bare):
    found = find_figures(normalize(text).text)
    assert (found[0].bare if found else None) == bare


def test_range_keeps_both_ends():
    [fig] = find_figures("50-100Mbps")
    assert (fig.value, fig.upper, fig.unit) == (50, 100, "Mbps")


@pytest.mark.parametrize("cell, parsed", [
    ("亿户", ("count", 1e8)), ("%", ("percent", 1)), ("Gbps", ("Mbps", 1000)), ("万亿元", ("CNY", 1e12)),
    ("万个", ("count", 1e4)), ("Mbps", ("Mbps", 1)), ("太字节", None), ("指标", None),
])
def test_unit_cells(cell, parsed):
    assert parse_unit_cell(cell) == parsed


def _first_items(items):
    """What the first character of a match must be, as (op, av) items of re's parser, and whether
    the pattern can match without consuming anything."""
    from re import _constants as c

    first = []
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            return first + [(op, av)], False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is c.SUBPATTERN:
            sub, empty = _first_items(av[-1])
        elif op is c.ATOMIC_GROUP:
            sub, empty = _first_items(av)
        elif op is c.BRANCH:
            subs = [_first_items(alternative) for alternative in av[1]]
            sub, empty = [i for s, _ in subs for i in s], any(e for _, e in subs)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub, empty = _first_items(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"unexpected {op}")
        first += sub
        if not empty:
            return first, False
    return first, True


def test_the_gate_after_an_arabic_numeral_lets_every_tail_through():
    from re import _compiler, _parser

    from tridoc import units

    bmp = "".join(map(chr, range(0x10000)))
    gate = re.compile(units._AR_TAIL_OPENING)  # and a number grouped in thousands may end with nothing after it
    tail = _parser.parse(f"(?:{units._TAIL}{units._BARE})")
    items, _ = _first_items(tail.data)
    assert not _first_items(_parser.parse(units._TAIL).data)[1]  # only a bare number grouped in thousands is empty
    for item in items:
        one = _parser.SubPattern(_parser.State(), [item])
        starts = {m.group() for m in _compiler.compile(one).finditer(bmp)}
        assert starts and all(gate.match(ch) for ch in starts), item


def test_digits_of_other_scripts_make_no_figure():
    assert figures("١٠%") == figures("𝟏𝟎%") == figures("😀%") == []


def test_every_currency_prefix_holds_a_gate_word():
    from tridoc import units

    assert all(any(word in prefix for word in units._CURRENCY_WORDS) for prefix in units.CURRENCY_PREFIX)


@pytest.mark.parametrize("text, value, unit", [
    ("two hundred million users", 2e8, "count"), ("ten billionusers", 1e10, "count"),
    ("Half of the households", 50, "percent"), ("will have gigabit access", 1000, "Mbps"),
    ("rise to 1,000年", None, None), ("US$5 RMB 6", 5, "USD"),
])
def test_rare_forms(text, value, unit):
    assert figures(text) == ([(pytest.approx(value), unit)] if value else [])


def test_unit_hints_are_found_where_a_pattern_of_them_finds_them():
    from tridoc import units

    rule = re.compile(r"per ?cent|percent|pct|gigabit|megabit|mega\b|households|homes|families|users|subscribers"
                      r"|villages|people|residents|population|yuan|dollars|billion|million|base station")
    text = ("percent per cent pct gigabit megabit mega megas megawatt mega_ mega. megaé mega households homes "
            "householdsubscribers base station billionusers yuan Yuan PEOPLE US$ RMB")
    assert units._unit_hint_starts(text, units._cue_words(text)) == [m.start() for m in rule.finditer(text)]


def test_english_numerals_grouped_by_first_letter_read_as_the_plain_list():
    from tridoc import units
    from tridoc.numbers import EN_WORDS

    plain = re.compile(r"(?i)\b(?:" + "|".join(sorted(EN_WORDS, key=len, reverse=True)) + r")\b")
    text = "One hundred, a thousand, Twenty-two, ten thousand, TEN, ſix, fıve, seventy seven, oneself, a hundred."
    assert [m.span() for m in re.finditer(f"(?i){units.NUM_EN}", text)] == [m.span() for m in plain.finditer(text)]
