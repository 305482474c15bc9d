"""Year expressions: deadlines (到2015年, by 2020, "十二五"末), points (2015年, in 2015) and relative years."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import parse_chinese_integer

YEAR = r"(?:19|20)\d{2}"
CN_YEAR = r"[一二][〇零一二三四五六七八九]{3}"

# Words that make a following/preceding year a deadline rather than a point in time.
DEADLINE_BEFORE_ZH = r"到|至|力争到|争取到|力争在|争取在|截至|截止到|截止|在"
DEADLINE_AFTER_ZH = r"底|末|前|年底|以前|之前"
DEADLINE_BEFORE_EN = r"by the end of|by end-|by end of|by|until|before|through|no later than|to"
# Five-year plans: the plan ends in this year.
PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
PLAN_EN = {"11th": 2010, "12th": 2015, "13th": 2020, "14th": 2025, "15th": 2030}
RELATIVE = {"今年": 0, "年内": 0, "全年": 0, "当年": 0, "本年": 0, "this year": 0, "明年": 1, "next year": 1}

YEAR_RX = re.compile(
    rf"(?P<zh_pre>{DEADLINE_BEFORE_ZH})?(?P<zh>{YEAR}|{CN_YEAR})年(?P<zh_post>{DEADLINE_AFTER_ZH})?"
    rf"(?P<date>\d{{1,2}}月|[一二三四五六七八九十]{{1,2}}月|第[一二三四]季度|上半年|下半年|[一二三四]季度)?"
    rf"|(?P<range>{YEAR})\s?[-—–~至到]\s?(?P<range_end>{YEAR})年"
    rf"|[“\"]?(?P<plan>{'|'.join(PLAN_END)})[”\"]?(?:规划)?(?P<plan_post>末|期末|期间|时期|时期末|期)?"
    rf"|(?i:\b(?P<en_pre>{DEADLINE_BEFORE_EN}|in|for|of)\s+(?:the\s+(?:year\s+)?)?)(?P<en>{YEAR})\b(?![-/]\d)"
    rf"|\b(?P<plan_en>{'|'.join(PLAN_EN)}) Five[- ]Year Plan"
    rf"|(?P<rel>{'|'.join(RELATIVE)})"
)


@dataclass(slots=True)
class YearMention:
    start: int
    end: int
    year: int | None      # None for a relative year not yet resolved
    kind: str             # "deadline" | "point" | "as_of" (截至…) | "sub_period" (…第一季度) | "relative"
    offset: int = 0       # relative years: 今年 -> 0, 明年 -> 1
    english: bool = False


def _year(s: str) -> int:
    return int(s) if s.isdigit() else parse_chinese_integer(s)


def _mention(m: re.Match) -> YearMention | None:
    if m.group("zh"):
        if m.group("date") and m.group("date").endswith("月"):
            return None  # a calendar date, not a target year
        pre = m.group("zh_pre") or ""
        kind = "sub_period" if m.group("date") else "as_of" if pre.startswith("截") else (
            "deadline" if pre or m.group("zh_post") else "point")
        return YearMention(m.start(), m.end(), _year(m.group("zh")), kind)
    if m.group("range"):
        return YearMention(m.start(), m.end(), int(m.group("range_end")), "deadline")
    if m.group("plan"):
        return YearMention(m.start(), m.end(), PLAN_END[m.group("plan")], "deadline")
    if m.group("en"):
        pre = m.group("en_pre").lower()
        kind = "point" if pre in ("in", "for", "of") else "deadline"
        return YearMention(m.start(), m.end(), int(m.group("en")), kind, english=True)
    if m.group("plan_en"):
        return YearMention(m.start(), m.end(), PLAN_EN[m.group("plan_en")], "deadline", english=True)
    rel = m.group("rel")
    return YearMention(m.start(), m.end(), None, "relative", RELATIVE[rel.lower() if rel.isascii() else rel],
                       english=rel.isascii())


def find_years(text: str, start: int = 0, end: int | None = None) -> list[YearMention]:
    out = []
    for m in YEAR_RX.finditer(text, start, len(text) if end is None else end):
        mention = _mention(m)
        if mention is not None:
            out.append(mention)
    return out


# "in 2015", "by 2020", "in 2013/2015", "respectively by 2020" right after a figure.
AFTER_FIGURE_RX = re.compile(
    rf"^\s?(?:\([^()]{{0,20}}\)\s?)?(?:,\s?)?(?:respectively,?\s)?(?:{DEADLINE_BEFORE_EN}|in)\s(?:the year\s)?"
    rf"(?P<years>{YEAR}(?:\s?(?:/|,|and|、)\s?{YEAR})*)\b", re.IGNORECASE)


def years_after_figure(after: str) -> list[int]:
    m = AFTER_FIGURE_RX.match(after)
    return [int(y) for y in re.findall(YEAR, m.group("years"))] if m else []
