"""Figures: a numeral with a scale word and a unit, normalised to the GUIDE's units.

The tables below are the whole vocabulary; the engine is `find_figures`, one
regular-expression pass that only stops where a numeral is followed by a unit,
so ordinary prose costs almost nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import CN_DIGITS, EN_WORDS, parse_number, scale_of
from .words import word_automaton

# (surface pattern, canonical unit, multiplier). A pattern may carry a lookahead that
# keeps it off other words (兆瓦 is megawatts, 个月 is months, 人民 is "people's").
UNIT_TABLE: list[tuple[str, str, float]] = [
    # percentages
    (r"%", "percent", 1), (r"‰", "percent", 0.1),
    (r"个百分点", "percentage_points", 1), (r"百分点", "percentage_points", 1),
    (r"percentage points?", "percentage_points", 1), (r"pct points?", "percentage_points", 1),
    (r"per ?cent\b", "percent", 1), (r"pct\b", "percent", 1),
    # bandwidth, in Mbps
    (r"Mbps|Mbit/s|Mb/s|Mbits/s|Mbits?\b", "Mbps", 1), (r"megabits? per second|megabits?\b|mega\b", "Mbps", 1),
    (r"兆比特每秒|兆比特/秒|兆比特|兆每秒|兆/秒|兆bps|兆(?![瓦赫帕焦字吨欧])", "Mbps", 1),
    (r"M(?![a-zA-Z0-9])", "Mbps", 1),
    (r"Gbps|Gbit/s|Gb/s|Gbits?\b", "Mbps", 1000), (r"gigabits? per second|gigabits?\b(?! (?:broadband |fib(?:er|re) )?(?:users?|subscribers?|households?|homes|cities))",
     "Mbps", 1000),
    (r"吉比特每秒|吉比特/秒|吉比特|吉bps", "Mbps", 1000), (r"G(?![a-zA-Z0-9-])", "Mbps", 1000),
    (r"Tbps|Tbit/s|太比特每秒|太比特", "Mbps", 10**6), (r"T(?![a-zA-Z0-9-])", "Mbps", 10**6),  # 出口带宽达到20T
    (r"[Kk]bps|kbit/s|千比特每秒", "Mbps", 0.001),
    # money
    (r"元人民币|元|人民币", "CNY", 1), (r"美元", "USD", 1),
    (r"yuans?\b|RMB\b|renminbi\b|CNY\b", "CNY", 1), (r"US dollars?\b|USD\b|dollars?\b", "USD", 1),
    # counts: Chinese measure words, English nouns
    (r"户(?![籍外])", "count", 1), (r"个(?![月工小人])", "count", 1), (r"人(?![民])", "count", 1),
    (r"家", "count", 1), (r"所(?![有属在以得])", "count", 1), (r"项(?!目)", "count", 1),
    (r"座|栋|套|张|架(?![构子势])", "count", 1), (r"名(?![称单牌列优])", "count", 1), (r"处(?![理置室])", "count", 1),
    (r"(?<!\d)(?:[A-Za-z0-9/-]+ ){0,2}?(?:users?|subscribers?|households?|homes|families|base stations?|villages?"
     r"|people|residents|ports|enterprises|companies|firms|connections|pieces|projects|demonstration zones"
     r"|application scenarios|data centers|data centres|racks)\b", "count", 1),
    # a count per head: "25 per 10,000 people"
    (r"per (?:10,000|ten thousand|100|hundred|1,000|thousand) (?:people|residents|inhabitants|persons)\b", "count", 1),
]

# A figure named by a currency sign instead of a unit word: US$60.4 billion, RMB 370 billion.
CURRENCY_PREFIX = {"US$": "USD", "USD": "USD", "$": "USD", "RMB": "CNY", "CNY": "CNY", "人民币": "CNY", "¥": "CNY"}

# A numeral takes the whole run of digits (possessive), and only where a run starts, so a long
# run with no unit after it costs one try, not one per digit (no quadratic backtracking).
# The start is checked by a look-behind placed after the first character: a pattern whose every
# branch opens with a plain character class lets the regex engine skip ahead fast.
_CN_CHARS = "".join(CN_DIGITS) + "十百千"
_CN_DIGIT_CHARS = "".join(CN_DIGITS)
NUM_AR = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})++(?!\d)(?:\.\d++)?|\d++(?:\.\d++)?)"
_AR_REST = r"(?<![\d.]\d)(?:\d{0,2}(?:,\d{3})++(?!\d)(?:\.\d++)?|\d*+(?:\.\d++)?)"  # after the first digit
NUM_CN = rf"(?<![{_CN_CHARS}])[{_CN_CHARS}]++(?:点[{_CN_DIGIT_CHARS}]++)?"
_CN_REST = rf"(?<![{_CN_CHARS}][{_CN_CHARS}])[{_CN_CHARS}]*+(?:点[{_CN_DIGIT_CHARS}]++)?"  # after the first numeral


def _by_first_letter(words: list[str]) -> str:
    """o(?:ne hundred|ne)|t(?:housand|welve|…)|…: the regex engine tests each first letter once instead
    of once per word. Words that start differently never match at the same place, so only the order
    among words with one first letter matters, and it is kept."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in rests.items())


# Longest first, so "one hundred" is read whole rather than as "one".
NUM_EN = r"\b(?:" + _by_first_letter(sorted(EN_WORDS, key=len, reverse=True)) + r")\b"

SCALE_CN = r"万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千|百|兆(?=元|人民币|美元)"
SCALE_EN = r"10 thousand|ten thousand|hundred million|thousand|million|billion|trillion|bn\b|mn\b|trn\b|tn\b|m\b"
RANGE = r"-|~|至|—|–|to"
# Measure words that do not make a count on their own after a bare Chinese digit (三个代表, 一家).
_SINGLE_DIGIT_CN = set(CN_DIGITS)


def _units_alternation() -> str:
    return "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _, _) in enumerate(UNIT_TABLE))


# Machine translation writes 6500 as "6 thousand 500", 1.2 billion as "1 billion 200 million" and
# 1874亿 as "1 thousand 874 hundred million".
_MT_REST = r"(?:(?:(?<=thousand)|(?<=million)|(?<=billion)) (?P<{g}rest>\d{{1,3}})(?!\d|[.,]\d|[A-Za-z])(?: (?P<{g}rest_scale>hundred million|ten thousand|10 thousand|thousand|million))?)?"
# After the numeral: an optional range end, 多/余, a scale word, then the unit.
_TAIL = (
    rf"(?:(?:万亿|亿|万)?\s?(?:{RANGE})\s?(?P<num2>{NUM_AR}|{NUM_CN}))?"  # 150亿—200亿元: the scale said twice
    rf"(?:多|余)?(?:\s?(?P<scale>{SCALE_CN}|(?<=\d )(?:{SCALE_EN})|(?<=\d)(?:{SCALE_EN})|(?<=[a-z] )(?:{SCALE_EN})))?"
    rf"{_MT_REST.format(g='')}(?:[^\S\n]|-)?(?:{_units_alternation()})"  # a unit on the next line is not its unit
)
_PREFIX = "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIX, key=len, reverse=True))
# One pattern per way a figure can start. A pattern with alternatives at its top level makes the
# regex engine try every position; one that opens with a single character class or literal lets
# it jump between candidates, which is most of the speed of the whole extractor.
# A scaled number with no unit ("hit 300 million", "用户数达到1000万") is a count if its subject says so.
# So is a number grouped in thousands with no word after it ("rise to 150,000", "150,000, and"; a comma
# before a digit would go on with the number).
_BARE = (r"|(?P<bscale>万亿|亿|万|\s(?:10 thousand|ten thousand|hundred million|thousand|million|billion|trillion)\b"
         r"|(?<=\d)(?:bn|mn|m)\b"
         r"|(?<=,\d\d\d)(?!\d|,\d|\.\d|\s?(?!by\b|in\b|from\b|and\b|or\b|to\b|respectively\b)[^\W\d_]))" + _MT_REST.format(g="b"))
# Chinese numerals are everywhere (统一, 进一步): only try the tail where a unit or scale could follow.
_CN_NEXT = r"(?=[点万亿千百十兆吉元户个人家所项座名栋处套架%‰美多余\s-])"
# After an Arabic numeral the tail can only start with one of these: a space, a range sign, 多/余,
# the first character of a scale or unit word (any ASCII letter or digit: "2 million broadband
# users"); or nothing at all after a number grouped in thousands. Most numerals in Chinese text end
# at 年, 、 or 。, where the tail's many alternatives would all be tried in vain.
_AR_TAIL_OPENING = r"[\s\-~/A-Za-z0-9%‰至—–多余万千百十亿兆个吉太元人美户家所项座栋套张架名处]"
_AR_NEXT = rf"(?:(?={_AR_TAIL_OPENING})|(?<=,\d\d\d))"


# Where a numeral may start: an ASCII digit (the text is folded to half width; other scripts' digits
# make no figure) or a Chinese numeral. A plain class is one table look-up; \d would ask for each
# character's Unicode category, which costs as much again as the whole scan.
_NUMERAL_START = f"[0-9{_CN_CHARS}]"

FIGURE_PATTERNS = [
    # Arabic or Chinese numeral: one opening class, then the branch for each script (told apart by
    # looking back at the character just read), then the unit.
    re.compile(rf"(?P<num>{_NUMERAL_START}(?:(?<=\d){_AR_REST}{_AR_NEXT}|(?<=[{_CN_CHARS}]){_CN_REST}{_CN_NEXT}))"
               rf"(?:{_TAIL}{_BARE})"),
    re.compile(rf"(?P<prefix>{_PREFIX})\s?(?P<pnum>{NUM_AR})(?:\s?(?P<pscale>{SCALE_EN}|{SCALE_CN}))?"
               rf"(?:\s?(?P<punit>元|yuans?\b|RMB\b|dollars?\b))?"),
    re.compile(rf"百分之(?P<pct>{NUM_AR}|{NUM_CN})"),
    re.compile(r"(?P<tenk>万)兆"),
    # "will have gigabit access capability": 千兆 written as a word, right after a verb of reaching
    re.compile(r"(?:have|has|reach|reaches|achieve|achieves|provide|provides|offer|offers|enjoy|get) "
               r"(?P<giga>gigabit)(?= (?:access|speed|broadband access|connection speed))"),
]
# Figures in English words ("one gigabit per second", "half of households") are rare; searching
# every word for a numeral is slow, so find the unit words first and look back for a numeral.
WORD_FIGURE = (
    rf"(?P<half>\b[Hh]alf) of (?:the |all )?(?=households|homes|families|users|residents|people|population|villages)"
    rf"|(?P<num>(?i:{NUM_EN})){_TAIL}"
)
# The unit words looked for, as written (lower case), even inside a longer word ("billionusers");
# "mega" only where its word ends (not in "megawatt").
_UNIT_HINTS = ["per cent", "percent", "pct", "gigabit", "megabit", "mega", "households", "homes", "families", "users",
               "subscribers", "villages", "people", "residents", "population", "yuan", "dollars", "billion", "million",
               "base station"]
_UNIT_HINT_SET = set(_UNIT_HINTS)
_HINTS_ENDING_A_WORD = {"mega"}
_WORD_BEFORE = re.compile(rf"(?i)(?:{NUM_EN}|\bhalf of (?:the |all )?)[\s-]?(?:(?:{SCALE_EN})[\s-]?)?$")
# No match of _WORD_BEFORE is longer ("half of the ", a separator, "hundred million", a separator),
# so looking back further only costs time.
_WORD_BEFORE_REACH = max(len("half of the "), *map(len, EN_WORDS)) + 1 + max(map(len, SCALE_EN.split("|"))) + 1


@dataclass(slots=True)
class Figure:
    value: float
    unit: str
    start: int          # offsets in the normalised text, unit included
    end: int
    num_start: int      # where the numeral itself starts (for evidence spans)
    upper: float | None = None  # upper end of a range (50-100Mbps)
    surface: str = ""
    bare: bool = False  # no unit word: only a count when the subject names one


# The unit group is the last group of the pattern to match, so lastgroup names it.
_UNIT_OF_GROUP = {f"u{i}": (unit, mult) for i, (_, unit, mult) in enumerate(UNIT_TABLE)}
_GENERATIONS = {"2", "3", "4", "5"}  # 3G/4G/5G are generations of mobile networks, not bandwidths


_PER_UNIT = re.compile(r"\s?(?:/|每|per )\s?(?:千瓦时|度电|kWh|kilowatt)")
# Money in currencies the GUIDE leaves out: 50万港元 is no count.
_OTHER_CURRENCIES = ("港元", "港币", "澳门元", "新台币", "日元", "欧元", "英镑", " HKD", " euros", " pounds")


def _bare_figure(text: str, m: re.Match, num: str) -> Figure | None:
    if _bad_start(text, m.start()) or num[0] in "十百千" or num in _SINGLE_DIGIT_CN \
            or text.startswith(_OTHER_CURRENCIES, m.end()):
        return None
    value = parse_number(num)
    if value is None:
        return None
    value = _composed(value, scale_of(m.group("bscale")), m.group("brest"), m.group("brest_scale"))
    return Figure(value, "count", m.start(), m.end(), m.start(), surface=m.group(), bare=True)


def _composed(value: float, scale: float, rest: str | None, rest_scale: str | None) -> float:
    """value × scale, and what machine translation writes after it: 6 thousand 500 (a smaller rest
    adds), 1 thousand 874 hundred million (a larger scale takes the whole)."""
    if rest is None:
        return value * scale
    last = scale_of(rest_scale) if rest_scale else 1
    if last > scale:
        return (value * scale + int(rest)) * last
    return value * scale + (int(rest) * last if int(rest) * last < scale else 0)


# Words that make the number after them a denominator: 每100户, "for every 10,000 people".
DENOMINATOR_BEFORE = ("每", "every ", "per ")


def _bad_start(text: str, start: int) -> bool:
    """Digits glued to letters are names (IPV6, M2C); 第 makes an ordinal; 每 a denominator."""
    prev = text[start - 1] if start else ""
    return prev.isascii() and prev.isalpha() or prev in ("第", ".", "=", "$", "¥", "双") \
        or text.endswith(DENOMINATOR_BEFORE, max(0, start - 6), start)  # 双千兆: a name


def _numeral_figure(text: str, m: re.Match) -> Figure | None:
    if m.group("bscale") is not None:
        return _bare_figure(text, m, m.group("num"))
    return _unit_figure(text, m)


def _unit_figure(text: str, m: re.Match) -> Figure | None:
    start, end = m.span()
    if _bad_start(text, start) or text[end:end + 1] == "=":
        return None
    unit, mult = _UNIT_OF_GROUP[m.lastgroup]
    num, scale_word, num2 = m.group("num", "scale", "num2")
    chinese = num[0] not in "0123456789" and num[0].lower() not in "abcdefghijklmnopqrstuvwxyz"
    if chinese and unit != "Mbps" and not scale_word and (
            num in _SINGLE_DIGIT_CN or not any(c in CN_DIGITS for c in num)):  # 千 in 千家万户, 十 in 十亿元
        return None  # 三个代表, 千家万户: idioms, not counts
    if num in _GENERATIONS and m.group(m.lastgroup) == "G":
        return None
    value = parse_number(num)
    if value is None or unit in ("CNY", "USD") and _PER_UNIT.match(text, end):
        return None  # 0.6元/千瓦时: a price per unit of something, not an amount
    scale = scale_of(scale_word) if scale_word else 1
    upper = parse_number(num2) * scale * mult if num2 else None
    value = _composed(value, scale, m.group("rest"), m.group("rest_scale"))
    return Figure(value * mult, unit, start, end, start, upper, m.group())


def _currency_figure(text: str, m: re.Match) -> Figure | None:
    if _bad_start(text, m.start()) or text[m.end():m.end() + 3].lstrip().startswith("=") \
            or _PER_UNIT.match(text, m.end()):
        return None  # an exchange rate (US$1=6.12 RMB, $1 = 6.38 yuan) or a price per kWh, not an amount
    unit = CURRENCY_PREFIX[m.group("prefix")]
    value = parse_number(m.group("pnum")) * scale_of(m.group("pscale") or "")
    return Figure(value, unit, m.start(), m.end(), m.start("pnum"), surface=m.group())


def _percent_figure(text: str, m: re.Match) -> Figure:
    return Figure(parse_number(m.group("pct")), "percent", m.start(), m.end(), m.start(), surface=m.group())


def _ten_gigabit_figure(text: str, m: re.Match) -> Figure:
    return Figure(10000.0, "Mbps", m.start(), m.end(), m.start(), surface=m.group())


def _gigabit_figure(text: str, m: re.Match) -> Figure:
    return Figure(1000.0, "Mbps", m.start("giga"), m.end(), m.start("giga"), surface=m.group("giga"))


def _word_figure(text: str, m: re.Match) -> Figure | None:
    if m.group("half"):
        return Figure(50.0, "percent", m.start(), m.start() + 7, m.start(), surface=m.group().strip())
    return _unit_figure(text, m)


# A currency sign or code must be in the text for the currency pattern to match (a shorter one
# stands for the longer ones holding it: $ for US$).
_CURRENCY_WORDS = tuple(sorted((p for p in CURRENCY_PREFIX if not any(q != p and q in p for q in CURRENCY_PREFIX)),
                               key=len))
# Each pattern of FIGURE_PATTERNS with the function that reads its matches and, for the rare ones,
# words of which one must occur in the text (looked for in the pass that finds the unit hints).
_FIGURE_RULES = [(FIGURE_PATTERNS[0], _numeral_figure, ()), (FIGURE_PATTERNS[1], _currency_figure, _CURRENCY_WORDS),
                 (FIGURE_PATTERNS[2], _percent_figure, ("百分之",)), (FIGURE_PATTERNS[3], _ten_gigabit_figure, ("万兆",)),
                 (FIGURE_PATTERNS[4], _gigabit_figure, ("gigabit",))]
# The words one pass over the text looks for: the unit hints and the words the rare patterns need.
_CUE_WORDS = sorted({*_UNIT_HINTS, *(word for _, _, needs in _FIGURE_RULES for word in needs)})


def find_figures(text: str) -> list[Figure]:
    cues = _cue_words(text)
    present = {word for _, word in cues}
    found = [f for rx, read, needs in _FIGURE_RULES if not needs or not present.isdisjoint(needs)
             for m in rx.finditer(text) if (f := read(text, m)) is not None]
    return _leftmost_longest(found + _word_figures(text, cues))


@lru_cache(maxsize=1)
def _word_figure_rx() -> re.Pattern:
    return re.compile(WORD_FIGURE)  # compiled when first needed: most documents have no such figure


@lru_cache(maxsize=1)
def _cue_automaton():
    """_CUE_WORDS as an Aho-Corasick automaton: one pass in C finds them all, where a pattern of the
    words stops at every letter one of them starts with. Built when first needed."""
    return word_automaton({word: word for word in _CUE_WORDS})


def _cue_words(text: str) -> list[tuple[int, str]]:
    """(start, word) for every cue word in the text, overlaps included; by start, the longer first."""
    hits = [(last + 1 - length, word) for last, (length, _, word) in _cue_automaton().iter(text)]
    hits.sort(key=lambda hit: (hit[0], -len(hit[1])))
    return hits


def _unit_hint_starts(text: str, cues: list[tuple[int, str]]) -> list[int]:
    """Where the unit hints start, as a regular-expression scan would find them: left to right, a hint
    starting inside the one before skipped, and of two at one place the longer taken (megabit, mega)."""
    starts, reached = [], 0
    for start, word in cues:
        if word not in _UNIT_HINT_SET or start < reached:
            continue
        end = start + len(word)
        if word in _HINTS_ENDING_A_WORD and _is_word_character(text[end:end + 1]):
            continue
        starts.append(start)
        reached = end
    return starts


def _is_word_character(ch: str) -> bool:
    """What \\w matches: a word ends where the next character is not one."""
    return ch.isalnum() or ch == "_"


def _word_figures(text: str, cues: list[tuple[int, str]]) -> list[Figure]:
    found = []
    for start in _unit_hint_starts(text, cues):
        before = _WORD_BEFORE.search(text, max(0, start - _WORD_BEFORE_REACH), start)
        m = before and _word_figure_rx().match(text, before.start())
        if m and (f := _word_figure(text, m)) is not None:
            found.append(f)
    return found


def _leftmost_longest(figures: list[Figure]) -> list[Figure]:
    """In text order; where two readings overlap (US$60.4 billion and 60.4 billion) the earlier, then longer, wins."""
    out: list[Figure] = []
    for f in sorted(figures, key=lambda f: (f.start, -f.end)):
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out


def parse_unit_cell(cell: str) -> tuple[str, float] | None:
    """A table's unit cell (亿户, %, Gbps, 万亿元) -> (unit, multiplier); None when out of scope (太字节)."""
    cell = cell.strip()
    figs = find_figures("1" + cell)
    if len(figs) == 1 and figs[0].end == len(cell) + 1:
        return figs[0].unit, figs[0].value
    return None
