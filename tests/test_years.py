import pytest

from tridoc.years import find_years, years_after_figure


@pytest.mark.parametrize("text, year, kind", [
    ("到2015年,", 2015, "deadline"), ("力争到2015年底完成", 2015, "deadline"), ("到二〇二〇年", 2020, "deadline"),
    ("2015年底前", 2015, "deadline"), ("“十二五”末", 2015, "deadline"), ("十三五期间", 2020, "deadline"),
    ("By 2020, the", 2020, "deadline"), ("by the end of 2015", 2015, "deadline"), ("in 2015", 2015, "point"),
    ("2015年的主要引导目标", 2015, "point"), ("2013年第一季度", 2013, "sub_period"),
    ("the 12th Five-Year Plan", 2015, "deadline"), ("13th Five Year Plan", 2020, "deadline"),
])
def test_year_mentions(text, year, kind):
    [m] = find_years(text)
    assert (m.year, m.kind) == (year, kind)


@pytest.mark.parametrize("text", ["2014年2月22日", "二〇一二年五月四日", "2014-04-29", "June 30", "3G"])
def test_dates_are_not_year_mentions(text):
    assert find_years(text) == []


def test_relative_year_is_left_for_the_document():
    [m] = find_years("今年将新增")
    assert (m.year, m.kind, m.offset) == (None, "relative", 0)


@pytest.mark.parametrize("after, years", [
    (" in 2015 and", [2015]), (" respectively by 2020.", [2020]), (" in 2013/2015", [2013, 2015]),
    (" and 12 Mbps", []), (", up from 180 million in 2013", []),
])
def test_years_right_after_a_figure(after, years):
    assert years_after_figure(after) == years


def test_the_first_year_of_a_plan_is_not_its_deadline():
    assert [y.kind for y in find_years("明年是“十三五”开局之年")] == ["relative"]
    assert [y.year for y in find_years("“十三五”期间")] == [2020]


def test_year_end_without_a_numeral_is_the_year_in_force():
    assert [(y.kind, y.year) for y in find_years("到年底，全省新建4G基站2.5万个")] == [("relative_in_context", None)]
    assert [y.year for y in find_years("到2015年底")] == [2015]


@pytest.mark.parametrize("text, found", [
    # 今年, 年内 …: read left to right, two characters at a time, as one pattern would
    ("今年内", [(0, "今年")]), ("的年内", [(1, "年内")]), ("年年内", []), ("年年年内", [(2, "年内")]),
    ("今年年内", [(0, "今年"), (2, "年内")]), ("今年年年内", [(0, "今年")]), ("每年内", []), ("去年内", [(0, "去年")]),
    ("This year and next year", [(0, "This year"), (14, "next year")]),
    ("三年内", []), ("3年内", []), ("两年内", []),  # within a span of years, not this year
])
def test_relative_years_are_read_left_to_right(text, found):
    assert [(y.start, text[y.start:y.end]) for y in find_years(text)] == found


@pytest.mark.parametrize("text, found", [
    ("2014-2015年", [(2015, "deadline")]), ("1899-2015年", []),  # a range holds its second year
    ("到二〇二〇年底", [(2020, "deadline")]), ("一九九八年", [(1998, "point")]), ("二零一五年", [(2015, "point")]),
    ("二三一四年", []), ("一二〇一五年", []), ("二〇一五年和2016年", [(2015, "point"), (2016, "point")]),
    ("1998年到2015年,1999年底前", [(1998, "point"), (2015, "deadline"), (1999, "deadline")]),  # 19xx and 20xx in turn
])
def test_years_and_ranges(text, found):
    assert [(y.year, y.kind) for y in find_years(text)] == found


def test_years_listed_after_a_preposition_take_its_word():
    text = "by the end of 2021, 2022 and 2023."
    assert [(y.year, y.kind) for y in find_years(text)] == [(2021, "deadline"), (2023, "deadline")]
