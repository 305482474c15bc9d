"""Year expressions: deadlines (到2015年, by 2020, "十二五"末), points (2015年, in 2015) and relative years."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .numbers import parse_chinese_integer

YEAR = r"(?:19|20)\d{2}"
CN_YEAR = r"[一二][〇零一二三四五六七八九]{3}"

# Words that make a following/preceding year a deadline rather than a point in time.
DEADLINE_BEFORE_ZH = r"到|至|力争到|争取到|力争在|争取在|截至|截止到|截止|在"
DEADLINE_AFTER_ZH = r"底|末|前|年底|以前|之前"
DEADLINE_BEFORE_EN = (r"by the end of|by end-|by end of|to the end of|till the end of|until the end of|by|until|before"
                      r"|through|no later than|to")
# Five-year plans: the plan ends in this year.
PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
# 全年 and 当年 mean the year being spoken of: the one in force if the text has set one.
IN_CONTEXT = {"全年", "当年", "年底", "年末"}  # 到年底: the end of the year in force
PLAN_EN = {"11th": 2010, "12th": 2015, "13th": 2020, "14th": 2025, "15th": 2030}
RELATIVE = {"今年": 0, "年内": 0, "全年": 0, "当年": 0, "本年": 0, "年底": 0, "年末": 0, "this year": 0, "明年": 1, "next year": 1,
            "去年": -1, "前年": -2, "last year": -1}

# What may follow the 年 of a year: 底, 末 …, a month or a quarter.
_AFTER_NIAN = (rf"(?P<zh_post>{DEADLINE_AFTER_ZH})?"
               r"(?P<date>\d{1,2}月|[一二三四五六七八九十]{1,2}月|第[一二三四]季度|上半年|下半年|[一二三四]季度)?"
               r"(?P<zh>)")
_AFTER_YEAR = rf"(?:年{_AFTER_NIAN})"
_CN_YEAR_DIGITS = "〇零一二三四五六七八九"
# Each rule is one pattern for one way a year expression starts; the word before the year (到, by,
# in) is read after. A pattern opening with a literal lets the regex engine jump between candidates;
# one opening with a class or an alternation costs a look at every character. So a rule whose
# pattern would open with a class is written as one pattern per opening character, each opening
# with a literal, and _one_reading merges their matches back into the one pattern's reading. (Such
# a pattern may find its opening by a look-behind; its match then reads from its first group.)
_ARABIC_YEARS = [re.compile(
    rf"(?P<y>{first}(?<!\d[12])(?<!\d\.[12])\d{{3}})(?!\d)"
    rf"(?:{_AFTER_YEAR}|\s?[-—–~至到]\s?(?P<range_end>[12]\d{{3}})(?:年|(?= period))|(?<=[A-Za-z] [12]\d\d\d)"
    rf"|(?P<label>(?<=\([12]\d\d\d)(?=\s?:)))") for first in "12"]
# A Chinese-numeral year (二〇一五年) is found from its 年 and read back by a look-behind. Only 一九xx,
# 二〇xx and 二零xx are in range; as such years never overlap, leaving the others out (二三一四年)
# loses nothing.
_CN_YEAR_IN_RANGE = rf"(?:一九|二[〇零])[{_CN_YEAR_DIGITS}]{{2}}"
_CHINESE_YEAR = re.compile(rf"年(?<=(?P<y>{_CN_YEAR_IN_RANGE})年)(?<![{_CN_YEAR_DIGITS}]{_CN_YEAR_IN_RANGE}年)"
                           rf"{_AFTER_NIAN}")
_PLAN = re.compile(r"十(?P<plan>[一二三四五])五[”\"]?+(?:规划)?+(?P<plan_post>末|期末|期间|时期|时期末|期)?+(?!开局|起步|首年)")
_PLAN_EN = re.compile(r"(?P<plan_en>1[1-5])th Five[- ]Year Plan")
# [今明全当本去前年][年内], found from its second character; 年年 and 今内 are read (and dropped) too,
# as they hide what they overlap: 今年内 is 今年, 年年内 holds no 年内, nor does 三年内 (within three years).
_RELATIVE_ZH = [re.compile(rf"{second}(?<=(?P<rel>[今明全当本去前年]{second}))(?<![去前同每\d一二两三四五六七八九十几]年内)")
                for second in "年内"]
# this/next/last year, found from "year"
_RELATIVE_EN = re.compile(r"year(?<=(?P<rel>[TtNnLl](?:his|ext|ast) year))")
# 到年底 with no numeral before it (2015年底 is read above): the end of the year in force
_YEAR_END = re.compile(r"(?P<rel>年[底末])(?<![\d〇零一二两三四五六七八九十]年[底末])")
_AFTER_MONTH = re.compile(r"(?:\d{1,2}日|[一二三]?十?[一二三四五六七八九十]日)?"
                          r"(?:(?P<due>底前|底|末|前|以前|之前)|(?P<starts>起|开始))?")
_REFERENCE = re.compile(r"(?:较|比|相比|同比|与)$")
_ZH_BEFORE = re.compile(rf"(?:{DEADLINE_BEFORE_ZH})$")
_EN_BEFORE = re.compile(rf"(?i)\b(?P<pre>{DEADLINE_BEFORE_EN}|in|for|of)\s+(?:the\s+(?:year\s+)?)?$")
_BETWEEN = re.compile(r"(?i)\bbetween\s(?:19|20)\d\d\sand\s$")
_EN_YEAR_END = re.compile(r"\b(?![-/]\d)")


@dataclass(slots=True)
class YearMention:
    start: int
    end: int
    year: int | None      # None for a relative year not yet resolved
    kind: str             # "deadline" | "point" | "as_of" (截至…) | "sub_period" (…第一季度) | "relative" | "past"
                          # | "label" ("(2015: 40%)": dates the figure after it, sets no context)
    offset: int = 0       # relative years: 今年 -> 0, 明年 -> 1
    english: bool = False


# Years listed before a year: "2021, 2022 and " before 2023.
_EN_YEARS_BEFORE = re.compile(r"(?:19|20)\d\d(?:\s?(?:,|/|and|or)\s?(?:19|20)\d\d)*\s?(?:,|/|and|or)\s?$")


def _arabic_year(text: str, m: re.Match) -> YearMention | None:
    year = int(m.group("y"))
    if not 1900 <= year <= 2099:
        return None
    if m.group("range_end"):
        return YearMention(m.start(), m.end(), int(m.group("range_end")), "deadline")
    if m.group("zh") is not None:  # 2015年…
        return _zh_year(text, m, year)
    if m.group("label") is not None:  # "70% (2015: 40%)": the year of the figure after the colon
        return YearMention(m.start(), m.end(), year, "label")
    between = _BETWEEN.search(text, max(0, m.start() - 20), m.start())
    if between:  # "between 2016 and 2018": due by the end of the period
        return YearMention(between.start(), m.end(), year, "deadline", english=True)
    if not _EN_YEAR_END.match(text, m.end()):
        return None
    pre = _EN_BEFORE.search(text, max(0, m.start() - 24), m.start())
    listed = None if pre else _EN_YEARS_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if listed:  # "by the end of 2021, 2022 and 2023": the last two take the first one's word
        pre = _EN_BEFORE.search(text, max(0, listed.start() - 24), listed.start())
    if not pre:
        return None
    kind = "point" if pre.group("pre").lower() in ("in", "of") else "deadline"  # "targets for 2025" are due then
    return YearMention(m.start() if listed else pre.start(), m.end(), year, kind, english=True)


def _chinese_year(text: str, m: re.Match) -> YearMention | None:
    return _zh_year(text, m, parse_chinese_integer(m.group("y")))


def _zh_year(text: str, m: re.Match, year: int) -> YearMention | None:
    """A year followed by 年; its digits are group y (which may start before the match)."""
    start = m.start("y")
    if _REFERENCE.search(text, max(0, start - 3), start):
        return None  # 较2014年下降30%: the year compared with, not the year of the target
    pre = _ZH_BEFORE.search(text, max(0, start - 4), start)
    word = pre.group() if pre else ""
    date = m.group("date")
    if date and date.endswith("月"):
        return _month_mention(text, m, year, word, pre)
    kind = "sub_period" if date else "as_of" if word.startswith("截") else (
        "deadline" if word or m.group("zh_post") else "point")
    return YearMention(pre.start() if pre else start, m.end(), year, kind)


def _plan(text: str, m: re.Match) -> YearMention:
    return YearMention(m.start(), m.end(), PLAN_END[f"十{m.group('plan')}五"], "deadline")


def _plan_en(text: str, m: re.Match) -> YearMention:
    return YearMention(m.start(), m.end(), PLAN_EN[m.group("plan_en") + "th"], "deadline", english=True)


_PART_OF_YEAR = re.compile(r"上半年|下半年|前三季度?|第?[一二三四]季度?|[一二三四五六七八九十]{1,2}月")  # 第一季: Taiwan


def _relative(text: str, m: re.Match) -> YearMention | None:
    rel = m.group("rel")
    key = rel.lower() if rel.isascii() else rel
    if key not in RELATIVE:
        return None  # 年年, 今内: read only for what they hide
    kind = "relative_in_context" if rel in IN_CONTEXT else "relative"
    if _PART_OF_YEAR.match(text, m.end("rel")):
        kind = "relative_sub_period"  # 今年上半年: a part of the year, measured once it is over
    return YearMention(m.start("rel"), m.end("rel"), None, kind, RELATIVE[key], english=rel.isascii())


def _month_mention(text: str, m: re.Match, year: int, word: str, pre: re.Match | None) -> YearMention | None:
    """A year with a month: 截至2015年9月底 measures, 2017年6月底前 is due, 2018年7月1日起 starts a rule;
    a plain calendar date (2014年2月22日) dates nothing."""
    start = pre.start() if pre else m.start("y")
    rest = _AFTER_MONTH.match(text, m.end())
    if word.startswith("截"):
        return YearMention(start, m.end(), year, "as_of")
    if rest and (rest.group("due") or word):
        return YearMention(start, rest.end(), year, "deadline")
    if rest and rest.group("starts"):
        return YearMention(start, rest.end(), year, "point")
    return None


# Each rule's patterns with the function that reads their matches, in the order the mentions are
# listed (mentions that start together keep it).
_YEAR_RULES = [(_ARABIC_YEARS, _arabic_year), ([_CHINESE_YEAR], _chinese_year), ([_PLAN], _plan), ([_PLAN_EN], _plan_en),
               (_RELATIVE_ZH, _relative), ([_RELATIVE_EN], _relative), ([_YEAR_END], _relative)]
YEAR_PATTERNS = [rx for patterns, _ in _YEAR_RULES for rx in patterns]


def _one_reading(text: str, patterns: list[re.Pattern]) -> Iterable[re.Match]:
    """Matches of the patterns one pattern was split into, read as that pattern reads them: left
    to right, each starting after the one before ends, a match starting where its first group does
    (the opening may be read by a look-behind). Each pattern's own reading skips only what its
    matches hold, and the only match holding another is a year range (2014-2015年), whose second
    year is skipped either way."""
    if len(patterns) == 1:
        return patterns[0].finditer(text)
    # sorted is stable: matches starting together stay in the order of the patterns
    matches = sorted((m for rx in patterns for m in rx.finditer(text)), key=lambda m: m.start(1))
    kept, end = [], 0
    for m in matches:
        if m.start(1) >= end:
            end = m.end()
            kept.append(m)
    return kept


def find_years(text: str) -> list[YearMention]:
    found = [y for patterns, read in _YEAR_RULES for m in _one_reading(text, patterns)
             if (y := read(text, m)) is not None]
    return sorted(found, key=lambda y: y.start)


# "in 2015", "by 2020", "in 2013/2015", "respectively by 2020" right after a figure.
AFTER_FIGURE_RX = re.compile(
    rf"^\s?(?:\([^()]{{0,20}}\)\s?)?(?:,\s?)?(?:respectively,?\s)?(?:{DEADLINE_BEFORE_EN}|in)\s(?:the year\s)?"
    rf"(?P<years>{YEAR}(?:\s?(?:/|,|and|、)\s?{YEAR})*)\b", re.IGNORECASE)


def years_after_figure(after: str) -> list[int]:
    m = AFTER_FIGURE_RX.match(after)
    return [int(y) for y in re.findall(YEAR, m.group("years"))] if m else []
