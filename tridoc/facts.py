"""Facts about a document as a whole: title, region, issuer, dates, number, language.

The input is the normalised text (see normalize.py): half-width digits and signs,
simplified script, no spaces next to Chinese characters. Every rule here is a rule
of how Chinese government documents (and English reports about them) are laid out:

* the document's own number sits near the top on a line of its own; numbers of
  the documents it cites sit inside 《》, in parentheses or after 根据/转发;
* the issue date is the signature: a date alone on its line right after the
  issuer's name (or with its verb: 2015年1月12日印发); a report or speech gives the date
  it was delivered under its title (——2016年1月26日在…会议上); a web page adds a
  publication date (发布时间, 来源 line, dateline, time stamp), which is also the date of
  a text that discusses, rather than reports, the issue of another document;
* the region is the issuer's place when the issuer is known (a county that regions.toml
  does not list is spelt from the readings of its characters), China when a national
  body issues, else the place the text talks about most, or China when national
  signals (全国, 大陆, China's State Council, MIIT, "issued by the State Council")
  outweigh it.

The text can be several MB long, and every fact has its place in it: the title,
number, dateline, lead sentence and a web page's metadata in the head (its first
HEAD_WINDOW characters), the signature and a web page's source line in the tail
(its last TAIL_WINDOW characters), or before an attachment, still in the head.
So the rules read those two windows only: each is cut into lines once (_lines),
and the dates of all its lines are found in one pass over it (_Line.dates).
Places are counted in the same two windows (REGION_WINDOW).

The command line imports this module on every run, so it must be cheap to load
and to use once: regexes are compiled on first use (_Regex); the place forms are
looked up in dicts, not compiled into a regex; and Han characters are tested in
Python or with the one pattern _HAN_RUN, as sre expands a Han character class in
Python (~1.5 ms per occurrence in a pattern).

Python's regex engine skips ahead fast only to where a pattern can start: its
literal prefix or the class of its first character. A pattern that opens with
alternatives that are not all literals, with a repeat or with a look-behind is
tried at every position, some ten times slower; so the patterns that search
windows open with a literal or a class, and check what comes before in a
look-behind placed after it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

HEAD_LINES = 8          # lines that carry the title, number, dateline, lead sentence
EDGE_LINES = (20, 10)   # a web page's metadata (来源, 发布时间) sits in its first or last lines
SIGNATURE_WINDOW = 3    # a signature date follows its issuer within this many lines
# The windows the rules read (characters). The head holds the title, the number,
# the dateline, a web page's metadata, the lead sentence and the signature of a
# notice followed by its attachment; the tail holds the signature of the text and
# a web page's source line.
HEAD_WINDOW = 3_000
TAIL_WINDOW = 1_500
LONG_LINE = 200         # a window keeps the line it cuts whole, unless it is longer than this


class _Regex:
    """A regex compiled on first use: a document needs only some of the patterns
    below, and each costs 0.1-2 ms to compile."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        # Called once per method (search, finditer, ...): the compiled pattern's
        # method then becomes an attribute of the instance.
        method = getattr(re.compile(self.pattern, self.flags), name)
        setattr(self, name, method)
        return method


class _Literals:
    """Patterns that each open with a literal, standing for one whose alternatives
    would open with different characters: the engine skips ahead to a literal
    some ten times faster than to a class. Their matches must not overlap."""

    def __init__(self, *patterns: str):
        self.regexes = [_Regex(p) for p in patterns]

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match]:
        found = []
        for rx in self.regexes:
            # Most patterns find nothing in a text, and search is much cheaper to
            # start than finditer: the rest is searched for after a first match only.
            if first := rx.search(text, pos, endpos):
                found.append(first)
                found.extend(rx.finditer(text, first.end(), endpos))
        return sorted(found, key=re.Match.start)

    def search(self, text: str) -> bool:
        return any(rx.search(text) for rx in self.regexes)


def _find_all(s: str, sub: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where sub occurs in s[start:end] (str.find scans far faster than a regex)."""
    i = s.find(sub, start, end)
    while i >= 0:
        yield i
        i = s.find(sub, i + 1, end)


# ---------------------------------------------------------------------------
# Han characters
# ---------------------------------------------------------------------------

HAN = r"\u4e00-\u9fff"
_HAN_RUN = _Regex(f"[{HAN}]+")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _han_prefix(s: str, extra: str = "") -> str:
    """The longest start of s made of Han characters (and characters in extra)."""
    for i, ch in enumerate(s):
        if not (_is_han(ch) or ch in extra):
            return s[:i]
    return s


def _han_before(s: str, end: int, most: int) -> str:
    """The Han characters right before s[end], at most `most` of them."""
    start = end
    while start > max(0, end - most) and _is_han(s[start - 1]):
        start -= 1
    return s[start:end]


# Counting characters of a kind, in C: the high byte of a UTF-16 code unit is
# 4e-9f for a Han character (U+4E00-U+9FFF); bytes.translate deletes those bytes.
_HAN_HIGH = bytes(range(0x4E, 0xA0))
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())


def _count_han(s: str) -> int:
    high = s.encode("utf-16-le", "surrogatepass")[1::2]
    return len(high) - len(high.translate(None, _HAN_HIGH))


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

# Digits of a date written in Chinese (二〇一二年五月四日); O/o/○ stand in for 〇
# in many typed documents.
_CN_DIGITS = {c: i for i, chars in enumerate(
    ["〇零○Oo", "一", "二两", "三", "四", "五", "六", "七", "八", "九"]) for c in chars}
_CN_NUM = "〇零○Oo一二两三四五六七八九十"

# Anchored on 年 (a literal: fast to find); the year before it, four characters,
# is read by a look-behind.
_ZH_DATE = _Regex(
    rf"年(?<=(?P<y>(?:19|20)\d{{2}}|[{_CN_NUM[:-1]}]{{4}})年)"
    rf"(?P<m>\d{{1,2}}|[{_CN_NUM}]{{1,2}})月"
    rf"(?P<d>\d{{1,2}}|[{_CN_NUM}]{{1,3}})[日号]")
# 2014-04-29, 2014/4/29, 2014.04.29: the same separator twice, and no digit or dot
# before the year. Tried at the years only (_YEAR), which English dates need too.
_NUM_DATE = _Regex(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")
_MONTHS = {m[:3].lower(): i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# "August 26, 2014", "August 26th 2014"; "26 August 2014", "26th of August, 2014";
# and, as translations of 2014年8月26日 write it, "2014 August 26", "2014 on August 26".
# A month without its day ("August 2014") is no full date. Spaces, not line breaks,
# separate its words: a window's lines are searched together.
_SP = r"[^\S\n]+"
_EN_DATE = _Regex(
    rf"\b(?:(?P<mon>{_MON})\.?{_SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?{_SP}(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{_SP}(?:of{_SP})?(?P<mon2>{_MON})\.?,?{_SP}(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?P<y3>(?:19|20)\d{{2}}){_SP}(?:on{_SP})?(?P<mon3>{_MON})\.?{_SP}(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?![\d%]))\b")
# _EN_DATE opens with \b and alternatives, so the engine would try it at every
# position: it is only tried around years (found by patterns that open with a
# literal), and only in texts that name a month. A date starts at most 20
# characters before its year and ends at most 24 after it, when words are one
# space apart (as in cleaned lines); the margins below are wider.
_EN_DATE_AROUND = (30, 40)
_YEAR = _Literals(r"19\d\d", r"20\d\d")  # anchors only: overlaps do not matter
_MONTH_NAME = _Regex(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_SHORT = 200  # a string this short is searched whole
# A signature whose Chinese characters were lost in conversion: "2014 2 22".
_SPACED_DATE = _Regex(r"((?:19|20)\d{2})\s+(\d{1,2})\s+(\d{1,2})")
# 2014年7月15日 translated word by word: "2014 year 7 month 15 day". Anchored on
# " year" (a literal); the year before it is read by a look-behind.
_WORD_DATE = _Regex(r" year(?<=(?P<y>(?:19|20)\d{2}) year) (?P<m>\d{1,2}) month (?P<d>\d{1,2}) days?\b")


def _cn_int(s: str) -> int | None:
    """'2014', '二〇一四', '十二', '二十二' -> int (numbers of a date only)."""
    if s.isdigit():
        return int(s)
    if "十" not in s:  # a year, spelt digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in s)) if all(c in _CN_DIGITS for c in s) else None
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return _CN_DIGITS.get(tens, -99 if tens else 1) * 10 + (_CN_DIGITS.get(units, -99) if units else 0)


def _make_date(y, m, d) -> dt.date | None:
    try:
        y, m, d = int(y), int(m), int(d)
        return dt.date(y, m, d) if 1949 <= y <= 2100 else None
    except (TypeError, ValueError):
        return None


class _Date(NamedTuple):
    start: int
    end: int
    date: dt.date
    kind: str  # "zh", "num" or "en"


def _find_dates(s: str) -> list[_Date]:
    """Every full date (year, month and day) in s, in order."""
    found = []
    for m in _ZH_DATE.finditer(s):
        if d := _make_date(_cn_int(m["y"]), _cn_int(m["m"]), _cn_int(m["d"])):
            found.append(_Date(m.start("y"), m.end(), d, "zh"))
    years = [m.start() for m in _YEAR.finditer(s)]
    for year in years:
        if (m := _NUM_DATE.match(s, year)) and (d := _make_date(m["y"], m["m"], m["d"])):
            found.append(_Date(m.start(), m.end(), d, "num"))
    if " year " in s:  # rare: no need to compile _WORD_DATE before
        for m in _WORD_DATE.finditer(s):
            if d := _make_date(m["y"], m["m"], m["d"]):
                found.append(_Date(m.start("y"), m.end(), d, "en"))
    for m in _en_date_matches(s, years):
        mon, day, year = ((m["mon"], m["d"], m["y"]) if m["mon"] else (m["mon2"], m["d2"], m["y2"])
                          if m["mon2"] else (m["mon3"], m["d3"], m["y3"]))
        if d := _make_date(year, _MONTHS[mon[:3].lower()], day):
            found.append(_Date(m.start(), m.end(), d, "en"))
    return sorted(found, key=lambda x: x.start)


def _en_date_matches(s: str, years: list[int]) -> Iterator[re.Match]:
    """The matches of _EN_DATE in s, searched around its years (where _YEAR finds them) only."""
    if len(s) <= _SHORT:
        if _MONTH_NAME.search(s):  # no month: no date, and _EN_DATE need not be compiled
            yield from _EN_DATE.finditer(s)
        return
    # Every date holds a year, and most windows hold none or few: years first (two
    # literal scans), then a month name around them (_MONTH_NAME opens with a class,
    # which is slow to scan a whole window for).
    before, after = _EN_DATE_AROUND
    if not years:
        return
    start, end = years[0] - before, years[0] + after
    for i in years[1:] + [len(s) + before + after]:
        if i - before > end:  # a gap without years: search the stretch before it
            stretch = max(0, start), min(len(s), end)
            if _MONTH_NAME.search(s, *stretch):
                yield from _EN_DATE.finditer(s, *stretch)
            start = i - before
        end = i + after


def parse_date(s: str) -> dt.date | None:
    """The first date written in s: 二〇一二年五月四日, 2014年2月22日, 2014-04-29,
    2014/4/29, 2014.04.29, 'May 4, 2012', '4 May 2012', '2012 on May 4', '2012 year 5 month
    4 day', or a bare '2014 2 22'."""
    if found := _find_dates(s):
        return found[0].date
    m = _SPACED_DATE.fullmatch(s.strip())
    return _make_date(*m.groups()) if m else None


_DATE_LINE_STRIP = " .。,,()()[]"
# A signature or print line may add its verb: 2015年1月12日印发.
_DATE_LINE_VERBS = ("印发", "发布", "签发", "公布", "颁布")


def _whole_line_date(line: _Line, spaced: bool = False) -> dt.date | None:
    """The date when the line is nothing but a date (and signs around it, or its verb:
    2015年1月12日印发)."""
    if not line.dates and not (spaced and line.text.lstrip(_DATE_LINE_STRIP).startswith(("19", "20"))):
        return None  # most lines: no date to compare with
    core = line.text.strip(_DATE_LINE_STRIP)
    if len(core) > 40:  # longer than any date
        return None
    lead = len(line.text) - len(line.text.lstrip(_DATE_LINE_STRIP))
    end = lead + len(core)
    if core.endswith(_DATE_LINE_VERBS):
        end = lead + len(core[:-2].rstrip())
    if line.dates and line.dates[0].start == lead and line.dates[0].end == end:
        return line.dates[0].date
    if spaced and core[:2] in ("19", "20") and (m := _SPACED_DATE.fullmatch(core)):
        return _make_date(*m.groups())
    return None


# ---------------------------------------------------------------------------
# Windows and lines
# ---------------------------------------------------------------------------

class _Line(NamedTuple):
    start: int   # offset of the raw line in the text
    end: int
    text: str    # pipes and runs of whitespace removed
    dates: tuple[_Date, ...] = ()  # the dates in text (offsets in text)


def _windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of the head and of the tail of text (HEAD_WINDOW, TAIL_WINDOW),
    or of the whole text when they would meet. A window keeps the line it cuts whole
    unless the line is long (a paragraph, which no rule reads as a whole line)."""
    n = len(text)
    if n <= HEAD_WINDOW + TAIL_WINDOW + 2 * LONG_LINE:
        return [(0, n)]
    head_end = text.find("\n", HEAD_WINDOW, HEAD_WINDOW + LONG_LINE)
    tail_start = text.rfind("\n", n - TAIL_WINDOW - LONG_LINE, n - TAIL_WINDOW) + 1
    return [(0, head_end if head_end >= 0 else HEAD_WINDOW), (tail_start or n - TAIL_WINDOW, n)]


def _lines(text: str, start: int = 0, end: int | None = None) -> list[_Line]:
    """The non-empty lines of text[start:end], cleaned of table pipes and surplus
    whitespace, with their dates (found in one pass over all the lines)."""
    window = text[start:end]
    pipes = "|" in window  # most windows hold none: no line to look at for one
    # Lines are made with tuple.__new__, twice as fast as _Line(...) (a window has dozens).
    lines, texts, line_start, new = [], [], start, tuple.__new__
    for raw in window.split("\n"):
        line_end = line_start + len(raw)
        # Most lines are clean once stripped: no pipe, no whitespace but single spaces.
        if clean := raw.strip():
            if (pipes and "|" in clean) or "  " in clean or not clean.isprintable():
                clean = " ".join(clean.replace("|", " ").split())
            if clean:
                lines.append(new(_Line, (line_start, line_end, clean, ())))
                texts.append(clean)
        line_start = line_end + 1
    # No date spans two lines (see _EN_DATE), so the dates of the joined lines are
    # the dates of each line.
    if dates := _find_dates("\n".join(texts)):
        ats = list(accumulate((len(t) + 1 for t in texts), initial=0))  # where each line starts, joined
        mine: dict[int, list[_Date]] = {}
        for d in dates:
            i = bisect_right(ats, d.start) - 1
            mine.setdefault(i, []).append(d._replace(start=d.start - ats[i], end=d.end - ats[i]))
        for i, found in mine.items():
            lines[i] = lines[i]._replace(dates=tuple(found))
    return lines


def _spans(pattern: _Regex, text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [m.span() for start, end in windows for m in pattern.finditer(text, start, end)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


_QUOTED_TITLE = _Regex(r"《[^《》\n]{0,200}》")


# ---------------------------------------------------------------------------
# Document number
# ---------------------------------------------------------------------------

# Anchored on the year (one pattern per century, which opens it as a literal: the
# year is captured by a look-behind); the bracket and the prefix are read backwards
# from there, and the prefix must be Han characters.
# Brackets may be mangled or lost: 湘政发〔2014 8.
_DOCNO = _Literals(*(
    rf"{century}\d{{2}}(?<=(?P<year>\d{{4}}))\s*(?P<close>[〕\])】］])?\s*(?:第\s*)?(?P<num>\d{{1,4}})(?!\d)(?P<rest>\s*号)?"
    for century in ("20", "19")))
_DOCNO_OPEN = "〔[(【［"
# Words that end the sentence before a number's prefix: 国务院以|国发, 转发|鲁政办发.
_PREFIX_CUT = _Regex(r".*(?:根据|按照|依据|转发|印发|关于|贯彻|落实|执行|参照|以|的|和|与|及|将|为|第)")
_CITING = _Regex(r"(?:根据|按照|依据|转发|贯彻|落实|参照|执行|遵照)[^。;\n]{0,8}$")


class _DocNo(NamedTuple):
    start: int
    text: str
    cited: bool
    line_start: bool


def _doc_numbers(text: str, end: int, quoted: list[tuple[int, int]]) -> list[_DocNo]:
    """The document numbers in text[:end]."""
    out = []
    for m in _DOCNO.finditer(text, 0, end):
        start = m.start()
        while start and text[start - 1].isspace():
            start -= 1
        open_ = text[start - 1] if start and text[start - 1] in _DOCNO_OPEN else None
        start -= bool(open_)
        close, hao = m["close"], m["rest"]
        # Round or square brackets alone are too common (宽带接入(2015)20M): they need 号.
        if not (open_ or close) or not (hao or "〔" in (open_ or "") + (close or "")
                                        or (open_ == "【" and close == "】")):
            continue
        prefix = _PREFIX_CUT.sub("", _han_before(text, start, 14))
        if not prefix or len(prefix) > 10:
            continue
        start -= len(prefix)
        before = text[max(0, start - 24):start]
        cited = (_inside(quoted, start) or before.endswith(("(", "(", "《"))
                 or bool(_CITING.search(before)))
        line_start = start == 0 or text[start - 1] == "\n" or not text[text.rfind("\n", 0, start) + 1:start].strip()
        out.append(_DocNo(start, f"{prefix}〔{m['year']}〕{int(m['num'])}号", cited, line_start))
    return out


def _own_doc_number(numbers: list[_DocNo]) -> str | None:
    """The document's own number: not a cited one; one that opens a line first."""
    own = [n for n in numbers if not n.cited]
    best = next((n for n in own if n.line_start), own[0] if own else None)
    return best.text if best else None


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

LEVEL_RANK = {"country": 0, "province": 1, "city": 2, "district": 3}
_EN_SUFFIXES = {
    "province": ("Province", "Municipality", "Autonomous Region", "Special Administrative Region", "SAR"),
    "city": ("City", "Prefecture", "Autonomous Prefecture", "League", "Municipality"),
    "district": ("District", "New Area", "New District", "Area"),
}
REGIONS_PATH = os.path.join(os.path.dirname(__file__), "data", "regions.toml")
# Where a text names its region: the title, issuer, number and preamble sit in its
# first characters, the signature and a web page's source line in its last ones.
# Deeper in a long body the same places recur, so counting them does not change
# which place leads; skipping them keeps a text of several MB fast.
REGION_WINDOW = (HEAD_WINDOW, TAIL_WINDOW)  # (head, tail) characters
_LATIN = r"A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\xff"  # Latin letters, Latin-1 included: Ürümqi, Lüliang
_LATIN_WORD = _Regex(f"[{_LATIN}]+")
# A word that may start an English place name: a capital, then a small letter
# (Hunan, Xi'an); acronyms such as ICT or LTE, frequent in Chinese texts, cannot.
# A regex that opens with a class scans a text some ten times slower than one that
# opens with a literal, so the words are found in the kinds of the characters of the
# text, one byte each (_LETTER_KINDS: A a capital, a a small letter, . any other
# character; those beyond Latin-1 are encoded as ?): a capital that follows no letter
# and precedes a small one, and the letters after it.
_CAPITALS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(0xC0, 0xD7)) + bytes(range(0xD8, 0xDF))
_SMALLS = bytes(range(ord("a"), ord("z") + 1)) + bytes(range(0xDF, 0xF7)) + bytes(range(0xF8, 0x100))
_LETTER_KINDS = bytes(ord("A") if b in _CAPITALS else ord("a") if b in _SMALLS else ord(".") for b in range(256))
_NAME_START = _Regex(rb"Aa(?<![Aa]Aa)[Aa]*")


class Place(NamedTuple):
    name_zh: str
    name_en: str
    level: str
    parent: str | None = None
    self_refs: frozenset = frozenset()  # 省/市/区/州: which 我X/全X/本X refer to it


CHINA = Place("中国", "China", "country")


@lru_cache(maxsize=4)
def _regions_file(path: str = REGIONS_PATH) -> dict:
    with open(path, encoding="utf-8") as f:
        return tomllib.loads(f.read())


def place_entries(path: str = REGIONS_PATH) -> list[dict]:
    """The places of regions.toml, one dict per line of its table, with the keys
    its header describes (name_zh, name_en, level, parent, suffixes, options)."""
    table = _regions_file(path)["places"]
    return [_place_entry(line) for line in table.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _place_entry(line: str) -> dict:
    name_zh, name_en, level, parent, suffixes, *options = [f.strip() for f in line.split("|")]
    entry = {"name_zh": name_zh, "name_en": name_en, "level": level, "suffixes": suffixes.split()}
    if parent != "-":
        entry["parent"] = parent
    for option in options:
        key, _, value = option.partition("=")
        if key == "bare":
            entry[key] = value == "true"
        elif key.startswith("aliases_"):
            entry[key] = [v.strip() for v in value.split(",")]
        else:
            entry[key] = value
    return entry


class _Forms(NamedTuple):
    names: dict  # surface form -> what it names (see zh_forms and en_forms)
    index: dict  # first character (Chinese) or first word (English) -> forms, longest first


@lru_cache(maxsize=1)
def _places() -> list[tuple[Place, dict]]:
    out = []
    for e in place_entries():
        refs = frozenset(s[-1] for s in e["suffixes"] if s[-1] in "省市区州盟")
        out.append((Place(e["name_zh"], e["name_en"], e["level"], e.get("parent"), refs), e))
    return out


@lru_cache(maxsize=1)
def zh_forms() -> _Forms:
    """Chinese forms (广州, 广州市, 延边朝鲜族自治州) -> (Place, is_bare_name, not_before);
    the first place in regions.toml wins a form that two places share."""
    names: dict = {}
    for place, e in _places():
        for form in [e["name_zh"] + s for s in e["suffixes"]] + e.get("aliases_zh", []):
            names.setdefault(form, (place, False, ""))
        if e.get("bare", True):
            names.setdefault(e["name_zh"], (place, True, e.get("not_before", "")))
    index: dict = {}
    for form in names:
        index.setdefault(form[0], []).append(form)
    return _Forms(names, _longest_first(index))


@lru_cache(maxsize=1)
def en_forms() -> _Forms:
    """English forms (Guangzhou, Guangzhou City, Hunan Province) -> Place. Built on
    first need: many Chinese texts hold no word that may start a name (_name_starts)."""
    names: dict = {}
    index: dict = {}
    for place, e in _places():
        bare = e.get("bare", True)
        for name in [e["name_en"]] + e.get("aliases_en", []):
            forms = [f"{name} {s}" for s in _EN_SUFFIXES[e["level"]]] + ([name] if bare else [])
            for form in forms:
                names.setdefault(form, place)
            index.setdefault(_LATIN_WORD.match(name).group(), set()).update(forms)
    return _Forms(names, _longest_first(index))


def _longest_first(index: dict) -> dict:
    return {key: sorted(forms, key=len, reverse=True) for key, forms in index.items()}


_Mention = tuple[int, Place]  # where a place is named, and the place


def _region_windows(text: str) -> list[tuple[int, str]]:
    """(offset, part) for the parts of text that decide its region (REGION_WINDOW)."""
    head, tail = REGION_WINDOW
    if len(text) <= head + tail:
        return [(0, text)]
    return [(0, text[:head]), (len(text) - tail, text[-tail:])]


def _mentions(parts: list[tuple[int, str]]) -> list[_Mention]:
    """The place names in parts (offset, text) of a text: Chinese, then English."""
    found = [m for offset, part in parts for m in _zh_mentions(part, offset)]
    return found + [m for offset, part in parts for m in _en_mentions(part, offset)]


def _zh_mentions(text: str, offset: int) -> list[_Mention]:
    """The longest form that starts at each character, left to right, without overlaps."""
    names, by_start = zh_forms().names, _zh_by_start()
    found, resume = [], 0
    for i in _zh_candidates(text):
        if i < resume or not (forms := by_start.get(text[i:i + 2])):
            continue
        for form in forms:  # longest first
            if text.startswith(form, i):
                resume = i + len(form)
                if _names_place(form, text[resume:resume + 1], names):
                    found.append((offset + i, names[form][0]))
                break
    return found


def _zh_candidates(text: str) -> list[int]:
    """Where a form may start: a character that begins one, followed by a character
    that follows it in one. A Python loop over str.find finds them (~0.2 ms per 1,000
    Chinese characters); a regex of these ~450 characters is some ten times faster,
    but costs ~2.5 ms to compile: it is compiled once this process has searched
    enough text to repay it (never for a command line run on one document). Both
    find the same forms."""
    # No Han character: an English text, most often (a Chinese one shows one at once).
    if text.isascii() or not (_count_han(text[:200]) or _count_han(text)):
        return []
    seconds = _zh_seconds()
    if _ZhScan.regex is None:
        _ZhScan.searched += len(text)
        if _ZhScan.searched < _ZhScan.COMPILE_AFTER:
            found = []
            for ch in set(text).intersection(seconds):
                follow = seconds[ch]
                found.extend(i for i in _find_all(text, ch) if text[i + 1:i + 2] in follow)
            return sorted(found)
        firsts, follows = "".join(sorted(seconds)), "".join(sorted(set().union(*seconds.values())))
        _ZhScan.regex = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(follows)}])")
    return [m.start() for m in _ZhScan.regex.finditer(text)]


class _ZhScan:
    """How _zh_candidates searches: its regex, once compiled."""
    COMPILE_AFTER = 20_000  # characters searched without the regex before compiling it
    regex: re.Pattern | None = None
    searched = 0


@lru_cache(maxsize=1)
def _zh_seconds() -> dict[str, frozenset]:
    """First character of a Chinese form -> the characters that follow it in a form."""
    seconds: dict = {}
    for start in _zh_by_start():
        seconds.setdefault(start[0], set()).add(start[1])
    return {ch: frozenset(s) for ch, s in seconds.items()}


def _zh_form_at(text: str, i: int) -> str | None:
    """The longest Chinese form that starts at text[i]."""
    for form in _zh_by_start().get(text[i:i + 2], ()):
        if text.startswith(form, i):
            return form
    return None


@lru_cache(maxsize=1)
def _zh_by_start() -> dict[str, list[str]]:
    """The first two characters of a Chinese form (each has two or more) -> its
    forms, longest first."""
    by_start: dict = {}
    for forms in zh_forms().index.values():  # longest first
        for form in forms:
            by_start.setdefault(form[:2], []).append(form)
    return by_start


def _names_place(form: str, nxt: str, names: dict) -> bool:
    """Whether a Chinese form, followed by the character nxt, names its place."""
    _, is_bare, not_before = names[form]
    # 中山市场 is 中山 + 市场 (market), 南沙区域 is 南沙 + 区域: the suffix was not one.
    if (form.endswith("市") and nxt == "场") or (form.endswith("区") and nxt == "域"):
        bare = names.get(form[:-1])
        return bool(bare and bare[1])
    return not (is_bare and nxt and nxt in not_before)  # 福建 in 造福建设


def _en_mentions(text: str, offset: int) -> Iterator[_Mention]:
    """English names, case-sensitive whole words, the longest first (Guangdong Province)."""
    resume, index = 0, None
    for i, end in _name_starts(text):
        if index is None:
            names, index = en_forms()  # built here, when a text first needs it
        if i < resume or not (forms := index.get(text[i:end])):
            continue  # most capitalised words begin no name
        form = next((f for f in forms if text.startswith(f, i) and not _LATIN_WORD.match(text, i + len(f))), None)
        if form:
            resume = i + len(form)
            yield offset + i, names[form]


def _name_starts(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words that may start an English place name (_NAME_START)."""
    kinds = text.encode("latin-1", "replace").translate(_LETTER_KINDS)  # one byte for each character
    return [m.span() for m in _NAME_START.finditer(kinds)]


def _places_in(s: str) -> list[Place]:
    return [place for _, place in _mentions([(0, s)])]


def _most_specific(places: list[Place]) -> Place | None:
    return max(places, key=lambda p: LEVEL_RANK[p.level], default=None)


# ---------------------------------------------------------------------------
# Issuers
# ---------------------------------------------------------------------------

# The patterns of organ names below run on strings already checked to hold Han
# characters (a run of _HAN_RUN, or a check with _han_prefix), so "." in them
# stands for a Han character.
_ORG_SUFFIX = r"(?:人民政府|政府|管理委员会|管委会|委员会|办公厅|办公室|领导小组|小组|总局|局|厅|委|部|院)"
_NATIONAL_NAMES = (
    "中共中央办公厅", "中共中央", "国务院办公厅", "国务院", "全国人大常委会", "工业和信息化部", "工信部",
    "国家发展和改革委员会", "国家发展改革委", "国家发改委", "科学技术部", "科技部", "财政部", "教育部", "商务部",
    "住房和城乡建设部", "住房城乡建设部", "交通运输部", "农业农村部", "农业部", "文化和旅游部", "文化部",
    "中央网信办", "国家互联网信息办公室")
_NATIONAL_AGENCY = _Regex(r"国家.{2,10}?(?:总局|局|委员会|办公室)")  # 国家新闻出版广电总局
_NATIONAL_EN_RE = _Regex(
    r"State Council|Ministry of|National [A-Z][a-z]+(?: [A-Za-z]+)*? (?:Commission|Administration)|MIIT|NDRC")
# A line that is an issuer's name, as printed above a signature date: Han
# characters and _ISSUER_LINE_MARKS.
_ISSUER_LINE = _Regex(rf"(?:中共)?.{{1,40}}{_ORG_SUFFIX}")
_ISSUER_LINE_MARKS = "()()、 "
# An English issuer line, as a translation prints it above its signature date:
# People's Government of Yunnan Province, Luoyang City People's Government,
# General Office of the State Council, Ministry of Finance, … Commission/Bureau.
# Capitalised words (and the joiners of names) around an organ word, followed
# by nothing or by "of …"; words of titles and headlines rule a line out.
_EN_ORGAN_WORDS = frozenset(
    "Government Council Ministry Office Commission Bureau Department Administration Committee".split())
_EN_NAME_JOINERS = frozenset(("of", "and", "the", "for", "&"))
# A word-for-word translation leaves the words of an organ in small letters: "Suzhou
# Industrial Park management committee". Those words (and organ words) may be.
_EN_ORGAN_SMALL = frozenset(w.lower() for w in _EN_ORGAN_WORDS) | frozenset(
    ("management", "people's", "municipal", "provincial", "county", "district", "general", "standing"))
_EN_NOT_ORGAN = frozenset((
    "Notice Circular Opinion Opinions Plan Plans Program Programme Scheme Strategy Measures Guideline Guidelines "
    "Guidance Outline Decision Announcement Report Regulations Rules Implementation Action Regarding Concerning "
    "About Releases Release Issues Issued Unveils Launches Announces Publishes Approves Sets Will Calls Urges Aims "
    "Targets Promote Promoting Accelerate Accelerating Speeds Cuts Boost Boosts Says").split())


def _is_en_issuer_line(s: str) -> bool:
    if not 5 <= len(s) <= 120 or not s[0].isupper():
        return False
    words = [w.strip("(),") for w in s.split()]
    if not 2 <= len(words) <= 16:
        return False
    organ = None
    for i, w in enumerate(words):
        if w in _EN_NAME_JOINERS:
            continue
        small = w.replace("’", "'") in _EN_ORGAN_SMALL
        if not ((w[:1].isupper() or small) and w.replace("'", "").replace("’", "").replace("-", "").isalpha()) \
                or w in _EN_NOT_ORGAN:
            return False
        if w.capitalize() in _EN_ORGAN_WORDS:
            organ = i
    # Words after the last organ word name what it is "of" (…Government of Yunnan Province).
    return organ is not None and (organ == len(words) - 1 or words[organ + 1] == "of")


# The issuer in a title: 湖南省人民政府关于…的实施意见.
_TITLE_ISSUER = _Regex(rf"(?P<org>.{{2,40}}?{_ORG_SUFFIX})关于")
# 来源:湖南省人民政府 发布时间… — a web page's source; a website (…网) is no issuer.
# The organ is checked to be Han characters after the match.
_SOURCE = _Regex(
    rf"来源[::]\s*(?P<org>[^\s\d|::]{{2,30}}?{_ORG_SUFFIX})(?=$|[\s\d|::]|发布|时间|日期|作者|点击|浏览|编辑)", re.M)
# The subject of an issuing verb: a national body, or an organ (Han characters
# ending in an organ suffix) whose name starts with a place; 、和与及 join several.
_LOCAL_ORG = _Regex(rf".{{1,24}}?{_ORG_SUFFIX}(?:办公厅|办公室)?")
_ORG_JOINERS = ("、", "和", "与", "及")
_CLAUSE_START = _Regex(r"^|(?<=[,,。;;::\s日])", re.M)
_ZH_ISSUE_VERB = r"(?:印发|发布|颁布|出台|公布|下发|提出)(?!的)"
_ZH_ISSUE = _Regex(_ZH_ISSUE_VERB)
_ZH_ISSUE_FIRSTS = "印发颁出公下提"  # what the verbs open with: str.find looks for one character fast
# A subject and its verb share a stretch of text without these (see _ZH_ISSUED_LATER).
_STRETCH_ENDS = "。;!?\n《》"
_ZH_ISSUED_LATER = _Regex(rf"[^。;!?\n《》]{{0,60}}?{_ZH_ISSUE_VERB}")
_EN_ISSUE_VERB = r"(?:released|issued|published|unveiled|promulgated|announced|launched)"
# It opens with the capital of each name (a class to skip ahead to); a look-behind
# then checks which capital it is.
_EN_ORG = (r"[A-Z](?:(?<=S)tate Council(?: General Office)?|(?<=M)inistry of [A-Z][A-Za-z]*(?: (?:and|of|[A-Z][A-Za-z]*))*"
           r"|(?<=N)ational Development and Reform Commission|(?<=M)IIT|(?<=N)DRC"
           r"|[a-z]+ (?:Municipal|Provincial) (?:People's )?Government)")
_EN_ORG_WORDS = ("State Council", "Ministry of", "National Development", "MIIT", "NDRC", "Municipal", "Provincial")
# What an issuing verb must have issued for its subject to be the document's issuer: a document
# ("MIIT issued a circular"), not licences or figures ("MIIT issued 4G licences to …").
_EN_DOCUMENT = (r"(?i:plans?|guidelines?|guidance|circulars?|notices?|opinions?|measures|regulations|rules|programmes?"
                r"|programs?|strateg(?:y|ies)|outlines?|documents?|polic(?:y|ies)|schemes?|decisions?|standards?)\b")
_EN_SUBJECT = _Regex(
    rf"(?P<org>{_EN_ORG})(?: \([A-Z]+\))?(?:,? (?:has|have|recently|officially|jointly|formally|on [A-Z][a-z]+ \d{{1,2}}(?:, \d{{4}})?),?)* {_EN_ISSUE_VERB}\b"
    rf"(?= (?:[\w'\"“”-]+ ){{0,6}}?[\"“]?{_EN_DOCUMENT})")


# A national body's name may open with its country, as news from outside the
# mainland writes it: 中国大陆国务院办公厅, 大陆国家发改委.
_NATIONAL_QUALIFIERS = ("", "中华人民共和国", "中国大陆", "中国", "大陆", "我国")


def _national_name(s: str) -> str | None:
    """The national body whose name starts s (Han characters), with its qualifier."""
    for q in _NATIONAL_QUALIFIERS:
        if not s.startswith(q):
            continue
        rest = s[len(q):]
        for name in _NATIONAL_NAMES:
            if rest.startswith(name):
                return q + name
        if m := _NATIONAL_AGENCY.match(rest):
            return q + m.group()
    return None


def _is_national(org: str) -> bool:
    han = _han_prefix(org)
    return bool(org in _NATIONAL_NAMES or (han == org and _NATIONAL_AGENCY.fullmatch(org))
                or (not han and _NATIONAL_EN_RE.search(org) and not _places_in(org))
                or (_national_name(han) and not _places_in(org)))


def _is_issuer_line(s: str) -> bool:
    return _han_prefix(s, _ISSUER_LINE_MARKS) == s and bool(_ISSUER_LINE.fullmatch(s))


def _title_issuer(title: str) -> str | None:
    m = _TITLE_ISSUER.match(_han_prefix(title, "、 "))
    return m["org"].replace(" ", "") if m else None


def _source_issuer(text: str) -> str | None:
    return next((m["org"] for m in _SOURCE.finditer(text) if _han_prefix(m["org"]) == m["org"]), None)


def _signature(parts: list[list[_Line]]) -> tuple[_Line, dt.date, str] | None:
    """A date alone on its line that follows an issuer's name: the signature."""
    for lines in parts:
        for i, line in enumerate(lines):
            if len(line.text) > 24 or not (date := _whole_line_date(line, spaced=True)):
                continue
            issuers = [p.text.replace(" ", "") if _is_issuer_line(p.text) else p.text
                       for p in lines[max(0, i - SIGNATURE_WINDOW):i]
                       if _is_issuer_line(p.text) or _is_en_issuer_line(p.text)]
            if issuers:
                # Several signers: the one with a place name speaks for the document.
                return line, date, next((s for s in issuers if _places_in(s)), issuers[0])
    return None


def _closing_date(tail: list[_Line]) -> dt.date | None:
    """A written-out date alone on the last line of a text: a signature whose issuer line was lost
    (a bare "2014 2 22" needs the issuer above it to be read as a date)."""
    last = tail[-1] if tail else None
    return _whole_line_date(last, spaced=False) if last is not None and len(last.text) <= 24 else None


def _subject_issuer(head: str) -> str | None:
    """An issuing body at the start of a clause, then its issuing verb in the
    same sentence: 国务院印发《…》, 2013年8月1日,国务院以…文件…印发了."""
    done = 0
    # _ZH_ISSUE opens with alternatives, slow to scan an English head for: first look
    # for the characters they open with.
    verbs = _ZH_ISSUE.finditer(head) if any(ch in head for ch in _ZH_ISSUE_FIRSTS) else ()
    for verb in verbs:
        if verb.start() < done:
            continue
        # Only the clauses of a stretch that holds a verb can be its subject.
        start = max(head.rfind(c, 0, verb.start()) for c in _STRETCH_ENDS) + 1
        done = min((i for c in _STRETCH_ENDS if (i := head.find(c, verb.end())) >= 0), default=len(head))
        for clause in _CLAUSE_START.finditer(head, start, done):
            end = _subject_end(head, clause.start())
            if end and _ZH_ISSUED_LATER.match(head, end):
                return head[clause.start():end]
    m = any(w in head for w in _EN_ORG_WORDS) and _EN_SUBJECT.search(head)
    return m["org"] if m else None


def _subject_end(s: str, start: int) -> int | None:
    """Where the issuing bodies that start at s[start] end (工信部、发改委 is one subject)."""
    end = None
    while org := _issuing_org(s, start):
        end = start + len(org)
        if s[end:end + 1] not in _ORG_JOINERS:
            break
        start = end + 1
    return end


def _issuing_org(s: str, start: int) -> str | None:
    """A national body, or an organ whose name starts with a place, at s[start]."""
    run = _HAN_RUN.match(s, start)
    if not run:
        return None
    if national := _national_name(run.group()):
        return national
    m = _LOCAL_ORG.match(run.group())
    return m.group() if m and _starts_with_place(m.group()) else None


def _starts_with_place(s: str) -> bool:
    form = _zh_form_at(s, 0)
    return (bool(form) and _names_place(form, s[len(form):len(form) + 1], zh_forms().names)) \
        or bool(_county_place(s))


# 我省/本市: the text speaks as a local government, so a lead sentence such as
# "2013年8月1日,国务院印发了《…》" names a document it implements, not itself.
_FIRST_PERSON_LOCAL = _Literals(r"我[省市区州县](?![场域])", r"本[省市区州县](?![场域])")


# ---------------------------------------------------------------------------
# Dates of the document
# ---------------------------------------------------------------------------

# Labels of a date: the label, a colon, the date (whitespace may surround the colon).
# A bare 日期/时间 must be a label of its own (not 完成日期, a deadline).
_LABELS = tuple(sorted(("成文日期", "发文日期", "印发日期", "签发日期", "发布时间", "发布日期", "发表时间", "发表日期",
                        "更新时间", "日期", "时间", "Date", "Published", "Posted", "Updated", "Issued on", "Date of issue",
                        "Issue date", "Release date", "Released", "Issued", "Date issued"), key=len, reverse=True))
_BARE_LABELS = {"日期", "时间"}
_ISSUED_LABELS = {"成文日期", "发文日期", "印发日期", "签发日期", "Issued on", "Date of issue", "Issue date", "Issued",
                  "Date issued"}
_SOURCE_LINE = _Regex(r"(?:(?:资料|信息|文章|稿件)?来源|Source)\s*[::]")
# Sentences: Chinese stops, or an English full stop before the next capital.
_SENTENCE = _Regex(r"(?:[^。!?;!?;.]|\.(?!\s+[A-Z]))+")
_NOT_ISSUED_AFTER = _Regex(r"以来|起|前|至|到")  # 2013年8月1日以来: a date the text refers to
_ZH_VERB = _Regex(_ZH_ISSUE_VERB.replace("|提出", "|批准|审议通过"))
_EN_VERB = _Regex(rf"\b(?:{_EN_ISSUE_VERB}|approved|adopted)\b")
_ZH_CITING = _Regex(r"根据|按照|依据|贯彻|落实|转发")
_DATELINE = _Regex(r"[A-Z][A-Za-z .']*,?\s*")
# A newspaper or web page dateline: a date that opens the line, then its weekday, a
# time or page furniture: "2013年8月15日星期四A18 |中国新闻|字体:大中小",
# "2014-05-20 10:30 来源:…", "August 20, 2013 Tuesday"; or a weekday, then the date.
_WEEKDAY = (r"(?:星期|礼拜|周)[一二三四五六日天]"
            r"|(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\b")
_AFTER_DATELINE = _Regex(
    rf"[\s|/·•,,()()\[\]【】-]*(?:{_WEEKDAY}|\d{{1,2}}:\d{{2}}(?!\d)|[A-Z]\d{{1,2}}(?=$|[\s|版])|第?[A-Z\d]{{1,3}}版"
    r"|来源|作者|编辑|责任编辑|字体|字号|浏览|点击|阅读|打印|分享|关闭"
    r"|[^\s\d]{0,6}(?:日报|时报|晚报|早报|商报|新闻网))")  # 2012-11-20　澳门日报　A10版
_WEEKDAY_BEFORE = _Regex(rf"[\s|,,()()\[\]【】]*(?:{_WEEKDAY})[\s|,,()()\[\]【】]*")
# A time stamp after the date, ending the line or followed by more furniture (not by a
# word of a sentence): "工商时报【记者…】2015年05月21日04:10", "Source: Xinhua | 2016-01-13
# 18:22:41 | Editor: huaxia". A sentence goes on after its time: 2015年5月21日9:30在…召开.
_TIME_STAMP = _Regex(r"\s*\d{1,2}:\d{2}(?::\d{2})?(?!\d)(?=\s*$|\s+[^a-z\s])")
MAX_DATELINE = 120  # a longer line is a paragraph, not a dateline
# A speech or report dated under its title: "——2016年1月26日在贵州省…会议上",
# "(2016年1月26日在全市…大会上)": a dash or an opening bracket, the date, then 在.
_DELIVERED_OPEN = "—-–－(（[【"


def _labelled_dates(text: str) -> tuple[dt.date | None, dt.date | None]:
    """(issued, published) from labels such as 成文日期: and 发布时间:."""
    issued = published = None
    for label, start, end in _labels(text):
        if label in _BARE_LABELS and start and _is_han(text[start - 1]):
            continue
        found = _find_dates(text[end:end + 30])
        if not found or found[0].start:
            continue
        if label in _ISSUED_LABELS:
            issued = issued or found[0].date
        else:
            published = published or found[0].date
        if issued and published:
            break
    return issued, published


def _labels(text: str) -> Iterator[tuple[str, int, int]]:
    """(label, start, end) of each label in text, end after its colon and the
    whitespace that follows it. Found from the colons (str.find scans far faster
    than a regex that opens with alternatives); the label is the longest that ends
    before the colon, as a regex that reads left to right would find it."""
    for colon in _find_all(text, ":"):
        stop = colon
        while stop and text[stop - 1].isspace():
            stop -= 1
        if text.endswith(_LABELS, 0, stop):  # most colons follow no label
            label = next(lb for lb in _LABELS if text.endswith(lb, 0, stop))
            end = colon + 1
            while end < len(text) and text[end].isspace():
                end += 1
            yield label, stop - len(label), end


def _edges(parts: list[list[_Line]]) -> list[_Line]:
    first, last = EDGE_LINES
    head, tail = parts[0], parts[-1]
    if len(parts) == 1 and len(head) <= first + last:
        return head
    return head[:first] + tail[-last:]


def _published(edges: list[_Line], labelled: dt.date | None, signature: _Line | None) -> dt.date | None:
    if labelled:  # 发布时间:2014-04-29
        return labelled
    for line in edges:  # 来源:广州市科技和信息化局2012年05月04日
        if line.dates and _SOURCE_LINE.match(line.text):
            return line.dates[0].date
    for line in edges[:HEAD_LINES + 2]:  # a date line near the top: "2013-08-10 |", "August 20, 2013"
        if line == signature:
            break
        if date := _whole_line_date(line) or _dateline_date(line):
            return date
    return None


def _dateline_date(line: _Line) -> dt.date | None:
    """The date of a dateline: BEIJING, Aug. 20, 2013 --; 2013年8月15日星期四A18 |中国新闻."""
    text = line.text
    if not line.dates or line.dates[0].end > MAX_DATELINE:
        return None
    first = line.dates[0]
    before = text[:first.start]
    if first.kind == "en" and _DATELINE.fullmatch(before):
        return first.date
    if len(text) > MAX_DATELINE:
        return None
    if _TIME_STAMP.match(text, first.end):  # a time stamp: the line is page furniture
        return first.date
    if not before.strip(" [(【("):  # the date opens the line: its weekday or furniture follows
        return first.date if _AFTER_DATELINE.match(text, first.end) else None
    if _WEEKDAY_BEFORE.fullmatch(before) and (not text[first.end:].strip(" ])】)")
                                              or _AFTER_DATELINE.match(text, first.end)):
        return first.date  # 星期四 2013年8月15日
    return None


def _delivered_date(lines: list[_Line]) -> dt.date | None:
    """The date a speech or report was delivered, under its title (_DELIVERED_OPEN)."""
    for line in lines[:HEAD_LINES]:
        text = line.text
        if not line.dates or text[0] not in _DELIVERED_OPEN or len(text) > MAX_DATELINE:
            continue
        first = line.dates[0]
        if not text[:first.start].strip(_DELIVERED_OPEN + " ") and text.startswith("在", first.end):
            return first.date
    return None


# A title that reports the issue of a document: 国务院印发《…》, "MIIT issues action plan".
_TITLE_ISSUES = _Regex(
    rf"{_ZH_ISSUE_VERB}|《"
    r"|\b(?:issu|releas|unveil|publish|promulgat|announc|launch|adopt|approv)(?:e[sd]?|s|ed)?\b", re.I)


def _reported_issue_date(lines: list[_Line], quoted, title: _Line | None,
                         published: dt.date | None) -> dt.date | None:
    """The issue date of the document a lead sentence reports, when it is the
    document's date: the text reprints or reports that document (its title says so:
    _TITLE_ISSUES), or gives no date of its own. A note that discusses a plan, under
    its own dateline, is dated by that dateline, not by the plan's publication."""
    date = _sentence_issue_date(lines, quoted)
    if date and published and title and not _TITLE_ISSUES.search(title.text):
        return None
    return date


def _sentence_issue_date(lines: list[_Line], quoted) -> dt.date | None:
    """A date in the lead sentence that issues the document, before its verb:
    2013年8月1日,国务院以国发〔2013〕31号文件…印发了《…》."""
    for line in lines[:HEAD_LINES * 2]:
        dates = [d for d in line.dates if d.kind != "num" and not _inside(quoted, line.start + d.start)]
        if not dates:
            continue
        for s in _SENTENCE.finditer(line.text):
            sentence, at = s.group(), s.start()
            for d in dates:
                if not (at <= d.start and d.end <= s.end()):
                    continue
                if d.kind == "en":
                    if _EN_VERB.search(sentence):
                        return d.date
                elif _ZH_VERB.search(sentence, d.end - at) and not _ZH_CITING.search(sentence, 0, d.start - at) \
                        and not _NOT_ISSUED_AFTER.match(sentence, d.end - at):
                    return d.date
    return None


# ---------------------------------------------------------------------------
# Counties
# ---------------------------------------------------------------------------

# regions.toml lists no county-level division: counties 县, banners 旗, county-level
# cities 市, districts 区. One that issues a document names itself at the start of the
# issuer, after its province or city if at all: 平武县人民政府办公室, 绵阳市平武县人民政府,
# 北川羌族自治县人民政府, 长沙县人民政府 (a county named after its city). Its English
# name is spelt from the readings of its characters (regions.toml: readings): "Pingwu
# County"; a name with a character outside them is no place name.
_ETHNIC = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡"
           "|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克"
           "|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺")
# Run on Han characters only ("." is one). 市 and 区 end many words (城市, 开发区), so
# they count only before the organs of a government: 义乌市人民政府, 鼓楼区委.
_COUNTY = _Regex(rf"(?P<name>.{{1,6}}?)(?P<kind>(?:(?:{_ETHNIC})族)+自治[县旗]|县|旗"
                 r"|[市区](?=人民政府|政府|委|人大|人民代表大会|政协))")
_COUNTY_KINDS = "县旗市区"
_COUNTY_EN = {"县": "County", "旗": "Banner", "市": "City", "区": "District"}
_NOT_COUNTY_START = "本全我该各每省市县区州"
# In English, the name opens the issuer or follows its "of": "Pingwu County People's
# Government", "People's Government of Pingwu County".
_EN_COUNTY = _Regex(
    r"(?:^|(?<=of ))(?P<name>[A-Z][a-z]+(?:['’-]?[a-z]+)*) (?P<kind>(?:Autonomous )?(?:County|Banner)|District)\b")


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """Character -> its reading in a place name (regions.toml: readings)."""
    out = {}
    for entry in _regions_file()["readings"].replace("\n", "|").split("|"):
        if entry.strip():
            syllable, chars = entry.split()
            out.update(dict.fromkeys(chars, syllable))
    return out


def _romanise(name: str) -> str | None:
    """平武 -> Pingwu, 西安 -> Xi'an; None when a character has no reading."""
    readings = _readings()
    syllables = [readings.get(ch) for ch in name]
    if not all(syllables):
        return None
    spelt = syllables[0] + "".join("'" + s if s[0] in "aoe" else s for s in syllables[1:])
    return spelt[0].upper() + spelt[1:]


def _county_place(org: str) -> Place | None:
    """The county-level division whose name starts an issuer (Chinese or English)."""
    if org[:1].isascii():
        m = _EN_COUNTY.search(org) if "County" in org or "Banner" in org or "District" in org else None
        if not m or m["name"] in en_forms().names:  # a place of regions.toml
            return None
        return Place(None, f"{m['name']} {m['kind']}", "district")
    han = _han_prefix(org)
    han = han[2:] if han.startswith("中共") else han
    if not any(k in han[:12] for k in _COUNTY_KINDS):
        return None
    # Skip the province and city that open it, unless a county bears their name (长沙县).
    names, i, parent = zh_forms().names, 0, None
    while (form := _zh_form_at(han, i)) and _names_place(form, han[i + len(form):i + len(form) + 1], names):
        if names[form][1] and han[i + len(form):i + len(form) + 1] in ("县", "旗"):
            break
        parent, i = names[form][0], i + len(form)
    if not any(k in han[i:i + 24] for k in _COUNTY_KINDS):  # 人民政府 after 湖南省: no need to compile _COUNTY
        return None
    m = _COUNTY.match(han, i)
    if not m or m["name"][0] in _NOT_COUNTY_START or not (en := _romanise(m["name"])):
        return None
    kind = m["kind"]
    en_kind = ("Autonomous " if "自治" in kind else "") + _COUNTY_EN[kind[-1]]
    province = parent and (parent.name_zh if parent.level == "province" else parent.parent)
    return Place(m["name"] + kind, f"{en} {en_kind}", "district", province)


def _issuer_place(issuer: str) -> Place | None:
    """The place of an issuer: its district in regions.toml, else a county that it
    names, else its most specific place."""
    places = _places_in(issuer)
    if not any(p.level == "district" for p in places) and (county := _county_place(issuer)):
        return county
    return _most_specific(places)


# ---------------------------------------------------------------------------
# Region
# ---------------------------------------------------------------------------

# National scope, weakly: 全国 as the scope of figures (not 全国领先, 全国百强), 我国,
# 中国 outside names (宽带中国, 中国移动), 大陆 and 陆企, 陆股 (the mainland, as news from
# Taiwan or Hong Kong calls China; not 陆续, nor 亚欧大陆桥); China outside names
# (Broadband China, Communist Party of China, China Mobile). Each word opens a pattern
# of its own, so that it scans fast; the words before a match are checked afterwards
# (matches are few). An English text is searched for English words only, as each
# pattern costs a scan.
_NATIONAL_WEAK_ZH = (
    r"全国(?!领先|前列|一流|百强|平均|同类|人大|政协|性|各地|首[个家批])", "我国", "中华人民共和国",
    r"中国(?!移动|电信|联通|铁塔|广电|共产党|特色|大唐|科学院|工程院|信息通信研究院|人民银行|银行|邮政|石油|石化|制造|电子|互联网络信息中心)",
    "大陆(?!架|性|桥)", "陆(?<!大陆)(?=[企股资方系客推媒厂商])")
_NATIONAL_WEAK_EN = (r"Nationwide\b", r"nationwide\b", r"China\b(?! Mobile| Unicom| Telecom| Tower| Daily| Radio| Central)")
_NATIONAL_WEAK = _Literals(*_NATIONAL_WEAK_ZH, *_NATIONAL_WEAK_EN)
# An English text also names its national bodies, and "the country". (A Chinese text
# cites its national bodies as often in a local document as in a national one.)
_NATIONAL_WEAK_ENGLISH = _Literals(
    *_NATIONAL_WEAK_EN, r"State Council\b", r"MIIT\b", r"NDRC\b", "Ministry of Industry and Information Technology",
    "National Development and Reform Commission", r"the country\b")
_NOT_NATIONAL_BEFORE = ("宽带", "数字", "智慧", "美丽", "健康", "平安", "网络", "亚欧", "欧亚",
                        "Broadband ", "Party of ", "Bank of ")


def _national_weak(text: str, english: bool = False, strong: list[tuple[int, int]] = ()) -> int:
    """The weak national signals in text, but those inside a strong one (spans)."""
    return sum(1 for m in (_NATIONAL_WEAK_ENGLISH if english else _NATIONAL_WEAK).finditer(text)
               if not text[max(0, m.start() - 12):m.start()].endswith(_NOT_NATIONAL_BEFORE)
               and not (m.start() and text[m.start() - 1].isalpha() and text[m.start()].isascii())
               and not any(s <= m.start() < e for s, e in strong))


# National scope, strongly: 中央人民政府, China's State Council; in English, a plan issued
# by a national body (the plan's scope is the text's: "the … Plan, issued by MIIT").
_NATIONAL_STRONG_EN = (r"China's (?:State Council|Ministry|central government|National)",)
_NATIONAL_STRONG = _Literals("中央人民政府", *_NATIONAL_STRONG_EN)
# "issued by the State Council": one pattern for the verbs, which opens with "by" and
# checks its verb in a look-behind (one scan of the text, not one for each verb).
# Its match starts at "by", where no weak signal starts either.
_ISSUED_BY = "|".join(f"(?<={verb} by )" for verb in ("issued", "released", "published", "unveiled", "promulgated"))
_NATIONAL_STRONG_ENGLISH = _Literals(
    *_NATIONAL_STRONG_EN,
    rf"by (?:{_ISSUED_BY})(?:the )?(?:State Council|MIIT|NDRC|Ministry of|National Development and Reform)")


def _national(text: str, english: bool) -> int:
    strong = [m.span() for m in (_NATIONAL_STRONG_ENGLISH if english else _NATIONAL_STRONG).finditer(text)]
    return 3 * len(strong) + _national_weak(text, english, strong)


_SELF_REF = _Literals(*(rf"{who}(?P<kind>[省市区州])(?![场域])" for who in "我全本"), r"新(?P<kind>区)(?![场域])")
# The same in English: "the province", "The city's East Lake" (the T is checked after).
_SELF_REF_EN = _Regex(r"he (?:province|city|provincial government|municipal government)\b")
MIN_REGION_SCORE = 2  # one plain mention in the body is not enough to name the region


def _scores(parts: list[tuple[int, str]], lines: list[_Line], title_span, quoted,
            english: bool) -> dict[Place, float]:
    """Weighted mentions of each place, in the parts of text that decide its region."""
    head_end = lines[min(len(lines), 5) - 1].end if lines else 0
    scores: dict[Place, float] = {}
    first: dict[Place, int] = {}
    for start, place in _mentions(parts):
        if title_span[0] <= start < title_span[1]:
            w = 3.0
        else:
            w = 2.0 if start < head_end else 1.0
            if quoted and _inside(quoted, start):  # a cited title: 《山东省…方案》
                w /= 2
        scores[place] = scores.get(place, 0) + w
        if place not in first:
            first[place] = start
    if not scores:
        return scores
    # 我省/全市/新区 refer to the leading place of the matching kind.
    refs: dict[str, int] = {}
    for _, part in parts:
        if not english:
            for m in _SELF_REF.finditer(part):
                refs[m["kind"]] = refs.get(m["kind"], 0) + 1
            continue
        for m in _SELF_REF_EN.finditer(part):
            if part[m.start() - 1:m.start()] in ("t", "T") and not part[m.start() - 2:m.start() - 1].isalpha():
                kind = "省" if "provinc" in m.group() else "市"
                refs[kind] = refs.get(kind, 0) + 1
    ranked = sorted(scores, key=lambda p: (-scores[p], first[p]))
    for ch, n in refs.items():
        if target := next((p for p in ranked if ch in p.self_refs), None):
            scores[target] += n
    return scores


def _choose_region(parts, lines, title_span, quoted, issuer: str | None, english: bool) -> Place | None:
    if issuer:
        if place := _issuer_place(issuer):
            return place
        if _is_national(issuer):
            return CHINA
    scores = _scores(parts, lines, title_span, quoted, english)
    national = sum(_national(part, english) for _, part in parts)
    best = max(scores, key=lambda p: (scores[p], LEVEL_RANK[p.level]), default=None)
    best_score = scores.get(best, 0)
    if national > best_score and national >= MIN_REGION_SCORE:
        return CHINA
    if best is not None and (province := _province_of_title(best, parts, title_span)):
        return province
    return best if best_score >= MIN_REGION_SCORE else None


def _province_of_title(best: Place, parts: list[tuple[int, str]], title_span: tuple[int, int]) -> Place | None:
    """A title that names a province but not the city the text names most is the province's text
    ("Jiangsu digest: three cities set goals" … Nanjing … Suzhou … Wuxi)."""
    if best.level != "city" or not parts or parts[0][0] != 0 or title_span[1] <= title_span[0]:
        return None
    named = _places_in(parts[0][1][title_span[0]:title_span[1]])
    if best in named:
        return None
    return next((p for p in named if p.level == "province" and p.name_zh == best.parent), None)


# ---------------------------------------------------------------------------
# Title and language
# ---------------------------------------------------------------------------

_HEADING = _Regex(
    r".{2,80}?(?:意见|通知|方案|规划|办法|纲要|计划|决定|规定|细则|条例|要点|公告|通告|批复|报告)"
    r"(?:\((?:试行|草案|征求意见稿|\d{4}-\d{4}年?)\))?[》”\"」]?")
# Not a title: closing formulas, lead sentences, source lines, numbered section headings.
_NOT_TITLE = _Regex(r"特此|现将|根据|请|为|.{0,4}来源|发布时间|\(?[\d一二三四五六七八九十]+[、.)]")
MAX_TITLE = 200
MAX_HEADING = 100  # longer than any line _HEADING matches


def _title(lines: list[_Line], numbers: list[_DocNo], english: bool) -> _Line | None:
    if english:  # the first line, unless it is a paragraph rather than a heading
        return lines[0] if lines and len(lines[0].text) <= MAX_TITLE else None
    number_lines = [n.start for n in numbers if n.line_start]
    # Read one by one: the title is most often the first.
    candidates = []
    for ln in lines[:20]:
        numbered = number_lines and any(ln.start <= s < ln.end for s in number_lines)
        if "。" in ln.text or numbered or _NOT_TITLE.match(ln.text):
            continue
        if len(ln.text) <= MAX_HEADING and _HEADING.fullmatch(ln.text):
            return _with_issuer_line(lines, ln)
        candidates.append(ln)
    for ln in candidates[:5]:  # else the first short line that is not a date or source
        if 4 <= len(ln.text) <= 40 and _HAN_RUN.search(ln.text) and not ln.dates:
            return ln
    return None


def _with_issuer_line(lines: list[_Line], title: _Line) -> _Line:
    """A title broken after its issuer ("湖南省人民政府" / "关于…的意见") is one title."""
    i = lines.index(title)
    if title.text.startswith("关于") and i and _is_issuer_line(prev := lines[i - 1].text):
        return _Line(lines[i - 1].start, title.end, prev.replace(" ", "") + title.text)
    return title


def _language(text: str, traditional: bool) -> str:
    sample = text[:HEAD_WINDOW]  # the head is written in the language of the text
    return "en" if _mostly_latin(sample) else "zh-Hant" if traditional else "zh-Hans"


def _mostly_latin(s: str) -> bool:
    """Whether s holds more than four ASCII letters for each Han character. Counting
    Han characters is the slow part, and most often needless: an English text holds
    fewer characters that are not ASCII than a quarter of its letters, and a Chinese
    one more Han characters in its first few lines."""
    ascii_chars = s.encode("ascii", "ignore")
    latin = len(ascii_chars.translate(None, _NOT_ASCII_LETTER))
    if latin > 4 * (len(s) - len(ascii_chars)):  # more than the Han characters could be
        return True
    return latin > 4 * _count_han(s[:200]) and latin > 4 * _count_han(s)


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------

def document_facts(text: str, traditional: bool = False) -> dict:
    """Title, region, issuer, dates, number and language of one normalised text."""
    windows = _windows(text)
    parts = [_lines(text, start, end) for start, end in windows]  # the lines of the head, of the tail
    head = parts[0]
    # A web page's metadata (来源, 发布时间): its first lines and its last ones.
    edges = _edges(parts)
    edge_text = "\n".join(ln.text for ln in edges)
    # Places, and the cited titles that weigh their mentions less: the region windows.
    region_parts = _region_windows(text)
    quoted = _spans(_QUOTED_TITLE, text, [(offset, offset + len(part)) for offset, part in region_parts])
    language = _language(text, traditional)
    numbers = _doc_numbers(text, windows[0][1], quoted)  # a document's own number heads it
    title = _title(head, numbers, language == "en")  # the title: in the first lines
    title_span = (title.start, title.end) if title else (0, 0)

    # The signature: ends the text, or the notice in its head that an attachment follows.
    signature = _signature(parts)
    title_issuer = _title_issuer(title.text) if title and language != "en" else None
    labelled_issued, labelled_published = _labelled_dates(edge_text)
    # A lead sentence may name the issuer and date of what the text reports, unless
    # the text speaks as a local government (我省), which cites rather than reports.
    # Needed only when the signature, or the title and a label, do not tell.
    reports = (not signature and not (title_issuer and labelled_issued)
               and not any(_FIRST_PERSON_LOCAL.search(part) for _, part in region_parts))

    # The lead sentence: in the first lines.
    issuer = ((signature and signature[2]) or title_issuer
              or (reports and _subject_issuer("\n".join(ln.text for ln in head[:HEAD_LINES])))
              or _source_issuer(edge_text) or None)
    published = _published(edges, labelled_published, signature and signature[0])
    issued = ((signature and signature[1]) or labelled_issued or _delivered_date(head)
              or (reports and _reported_issue_date(head, quoted, title, published))
              or _closing_date(parts[-1]) or None)
    region = _choose_region(region_parts, head, title_span, quoted, issuer, language == "en")
    return {
        "title": title.text if title else None,
        "region": region.name_en if region else None,
        "region_zh": region.name_zh if region else None,
        "region_level": region.level if region else None,
        "issuer": issuer,
        "date": issued or published,
        "issued": issued,
        "published": published,
        "doc_number": _own_doc_number(numbers),
        "language": language,
    }
