"""Facts about a document as a whole: title, region, issuer, dates, number, language.

The input is the normalised text (see normalize.py): half-width digits and signs,
simplified script, no spaces next to Chinese characters. Every rule here is a rule
of how Chinese government documents (and English reports about them) are laid out:

* the document's own number sits near the top on a line of its own; numbers of
  the documents it cites sit inside 《》, in parentheses or after 根据/转发;
* the issue date is the signature: a date alone on its line right after the
  issuer's name; a web page adds a publication date (发布时间, 来源 line, dateline);
* the region is the issuer's place when the issuer is known, China when a national
  body issues, else the place the text talks about most.

The text can be several MB long, so the whole text is only read by a handful of
compiled regexes; places are looked up in its first and last thousands of
characters (REGION_WINDOW), and the finer rules only look at the first lines, the
last lines and the lines that look like a signature.

The command line imports this module on every run, so it must be cheap to load
and to use once: regexes are compiled on first use (_Regex); the ~3,400 place
forms are looked up in dicts, not compiled into a regex; and Han characters are
tested in Python or with the one pattern _HAN_RUN, as sre expands a Han character
class in Python (~1.5 ms per occurrence in a pattern).
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

HEAD_LINES = 8          # lines that carry the title, number, dateline, lead sentence
HEAD_CHARS = 5_000      # the lead-sentence rules read at most this much of the first lines
EDGE_LINES = (20, 10)   # a web page's metadata (来源, 发布时间) sits in its first or last lines
SIGNATURE_WINDOW = 3    # a signature date follows its issuer within this many lines


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


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

# Digits of a date written in Chinese (二〇一二年五月四日); O/o/○ stand in for 〇
# in many typed documents.
_CN_DIGITS = {c: i for i, chars in enumerate(
    ["〇零○Oo", "一", "二两", "三", "四", "五", "六", "七", "八", "九"]) for c in chars}
_CN_NUM = "〇零○Oo一二两三四五六七八九十"

_ZH_DATE = _Regex(
    rf"(?P<y>(?:19|20)\d{{2}}|[{_CN_NUM[:-1]}]{{4}})年"
    rf"(?P<m>\d{{1,2}}|[{_CN_NUM}]{{1,2}})月"
    rf"(?P<d>\d{{1,2}}|[{_CN_NUM}]{{1,3}})[日号]")
_NUM_DATE = _Regex(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")
_MONTHS = {m[:3].lower(): i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# "August 26, 2014", "August 26th 2014"; "26 August 2014", "26th of August, 2014";
# and, as translations of 2014年8月26日 write it, "2014 August 26", "2014 on August 26".
# A month without its day ("August 2014") is no full date.
_EN_DATE = _Regex(
    rf"\b(?:(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON})\.?,?\s+(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?P<y3>(?:19|20)\d{{2}})\s+(?:on\s+)?(?P<mon3>{_MON})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?![\d%]))\b")
# A signature whose Chinese characters were lost in conversion: "2014 2 22".
_SPACED_DATE = _Regex(r"((?:19|20)\d{2})\s+(\d{1,2})\s+(\d{1,2})")


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
            found.append(_Date(m.start(), m.end(), d, "zh"))
    for m in _NUM_DATE.finditer(s):
        if d := _make_date(m["y"], m["m"], m["d"]):
            found.append(_Date(m.start(), m.end(), d, "num"))
    if re.search("[A-Za-z]", s) and any(mon.title() in s for mon in _MONTHS):  # spares compiling _EN_DATE
        for m in _EN_DATE.finditer(s):
            mon, day, year = ((m["mon"], m["d"], m["y"]) if m["mon"] else (m["mon2"], m["d2"], m["y2"])
                              if m["mon2"] else (m["mon3"], m["d3"], m["y3"]))
            if d := _make_date(year, _MONTHS[mon[:3].lower()], day):
                found.append(_Date(m.start(), m.end(), d, "en"))
    return sorted(found, key=lambda x: x.start)


def parse_date(s: str) -> dt.date | None:
    """The first date written in s: 二〇一二年五月四日, 2014年2月22日, 2014-04-29,
    2014/4/29, 2014.04.29, 'May 4, 2012', '4 May 2012', '2012 on May 4', or a bare '2014 2 22'."""
    if found := _find_dates(s):
        return found[0].date
    m = _SPACED_DATE.fullmatch(s.strip())
    return _make_date(*m.groups()) if m else None


def _whole_line_date(line: str, spaced: bool = False) -> dt.date | None:
    """The date when the (cleaned) line is nothing but a date."""
    line = line.strip(" .。,,()()[]")
    if len(line) > 40:  # longer than any date: spare searching a long line
        return None
    found = _find_dates(line)
    if found and found[0].start == 0 and found[0].end == len(line):
        return found[0].date
    if spaced and (m := _SPACED_DATE.fullmatch(line)):
        return _make_date(*m.groups())
    return None


# ---------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------

class _Line(NamedTuple):
    start: int   # offset of the raw line in the text
    end: int
    text: str    # pipes and runs of whitespace removed


def _lines(text: str) -> list[_Line]:
    """Non-empty lines, cleaned of table pipes and surplus whitespace."""
    out, pos = [], 0
    for raw in text.split("\n"):
        clean = " ".join(raw.replace("|", " ").split())
        if clean:
            out.append(_Line(pos, pos + len(raw), clean))
        pos += len(raw) + 1
    return out


def _spans(pattern: _Regex, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


_QUOTED_TITLE = _Regex(r"《[^《》\n]{0,200}》")

# ---------------------------------------------------------------------------
# Document number
# ---------------------------------------------------------------------------

# Anchored on the year and its brackets (cheap to find); the prefix is read
# backwards from there and must be Han characters. Brackets may be mangled or
# lost: 湘政发〔2014 8. The lookbehind (a non-ASCII letter: a Han character in
# practice, as an exact Han class costs ~1.5 ms to compile) lets the scan skip
# most positions; _han_before then checks the prefix exactly.
_DOCNO = _Regex(
    r"(?<=[^\W\d_A-Za-z])(?P<open>[〔\[(【［])?\s*(?P<year>(?:19|20)\d{2})\s*(?P<close>[〕\])】］])?"
    r"\s*(?:第\s*)?(?P<num>\d{1,4})(?!\d)(?P<rest>\s*号)?")
# Words that end the sentence before a number's prefix: 国务院以|国发, 转发|鲁政办发.
_PREFIX_CUT = _Regex(r".*(?:根据|按照|依据|转发|印发|关于|贯彻|落实|执行|参照|以|的|和|与|及|将|为|第)")
_CITING = _Regex(r"(?:根据|按照|依据|转发|贯彻|落实|参照|执行|遵照)[^。;\n]{0,8}$")


class _DocNo(NamedTuple):
    start: int
    text: str
    cited: bool
    line_start: bool


def _doc_numbers(text: str, quoted: list[tuple[int, int]]) -> list[_DocNo]:
    out = []
    for m in _DOCNO.finditer(text):
        open_, close, hao = m["open"], m["close"], m["rest"]
        # Round or square brackets alone are too common (宽带接入(2015)20M): they need 号.
        if not (open_ or close) or not (hao or "〔" in (open_ or "") + (close or "")
                                        or (open_ == "【" and close == "】")):
            continue
        prefix = _PREFIX_CUT.sub("", _han_before(text, m.start(), 14))
        if not prefix or len(prefix) > 10:
            continue
        start = m.start() - len(prefix)
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
REGION_WINDOW = (20_000, 3_000)  # (head, tail) characters
_LATIN = r"A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\xff"  # Latin letters, Latin-1 included: Ürümqi, Lüliang
_LATIN_WORD = _Regex(f"[{_LATIN}]+")
# A word that may start an English place name: a capital, then a small letter
# (Hunan, Xi'an); acronyms such as ICT or LTE, frequent in Chinese texts, cannot.
_NAME_START = _Regex(rf"(?<![{_LATIN}])[A-Z\xc0-\xd6\xd8-\xde][a-z\xdf-\xf6\xf8-\xff][{_LATIN}]*")


class Place(NamedTuple):
    name_zh: str
    name_en: str
    level: str
    parent: str | None = None
    self_refs: frozenset = frozenset()  # 省/市/区/州: which 我X/全X/本X refer to it


CHINA = Place("中国", "China", "country")


def place_entries(path: str = REGIONS_PATH) -> list[dict]:
    """The places of regions.toml, one dict per line of its table, with the keys
    its header describes (name_zh, name_en, level, parent, suffixes, options)."""
    with open(path, encoding="utf-8") as f:
        table = tomllib.loads(f.read())["places"]
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
    first need: many Chinese texts hold no word that may start a name (_NAME_START)."""
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


class _Mention(NamedTuple):
    start: int
    place: Place


def _region_windows(text: str) -> list[tuple[int, str]]:
    """(offset, part) for the parts of text that decide its region (REGION_WINDOW)."""
    head, tail = REGION_WINDOW
    if len(text) <= head + tail:
        return [(0, text)]
    return [(0, text[:head]), (len(text) - tail, text[-tail:])]


def _mentions(text: str) -> list[_Mention]:
    """The place names in the parts of text that decide its region: Chinese, then English."""
    parts = _region_windows(text)
    found = [m for offset, part in parts for m in _zh_mentions(part, offset)]
    return found + [m for offset, part in parts for m in _en_mentions(part, offset)]


def _zh_mentions(text: str, offset: int) -> Iterator[_Mention]:
    """The longest form that starts at each character, left to right, without overlaps."""
    names, index = zh_forms()
    resume = 0
    for i in _zh_candidates(text, index):
        form = _zh_form_at(text, i) if i >= resume else None
        if form:
            resume = i + len(form)
            if _names_place(form, text[resume:resume + 1], names):
                yield _Mention(offset + i, names[form][0])


def _zh_candidates(text: str, index: dict) -> list[int]:
    """Where a form may start: the positions of the characters that begin one,
    found with str.find (much faster than a Python loop over every character)."""
    found = []
    for ch in set(text).intersection(index):
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    return sorted(found)


def _zh_form_at(text: str, i: int) -> str | None:
    """The longest Chinese form that starts at text[i]."""
    for form in zh_forms().index.get(text[i], ()):
        if text.startswith(form, i):
            return form
    return None


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
    resume = 0
    for word in _NAME_START.finditer(text):
        i = word.start()
        if i < resume:
            continue
        names, index = en_forms()  # built here, when a text first needs it
        form = next((f for f in index.get(word.group(), ())
                     if text.startswith(f, i) and not _LATIN_WORD.match(text, i + len(f))), None)
        if form:
            resume = i + len(form)
            yield _Mention(offset + i, names[form])


def _places_in(s: str) -> list[Place]:
    return [m.place for m in _mentions(s)]


def _most_specific(places: list[Place]) -> Place | None:
    return max(places, key=lambda p: LEVEL_RANK[p.level], default=None)


# ---------------------------------------------------------------------------
# Issuers
# ---------------------------------------------------------------------------

# The patterns of organ names below run on strings already checked to hold Han
# characters (a run of _HAN_RUN, or a check with _han_prefix), so "." in them
# stands for a Han character.
_ORG_SUFFIX = r"(?:人民政府|政府|管理委员会|委员会|办公厅|办公室|领导小组|小组|总局|局|厅|委|部|院)"
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
        if not (w[:1].isupper() and w.replace("'", "").replace("’", "").replace("-", "").isalpha()) \
                or w in _EN_NOT_ORGAN:
            return False
        if w in _EN_ORGAN_WORDS:
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
_ZH_ISSUED_LATER = _Regex(rf"[^。;!?\n《》]{{0,60}}?{_ZH_ISSUE_VERB}")
_EN_ISSUE_VERB = r"(?:released|issued|published|unveiled|promulgated|announced|launched)"
_EN_ORG = (r"(?:State Council(?: General Office)?|Ministry of [A-Z][A-Za-z]*(?: (?:and|of|[A-Z][A-Za-z]*))*"
           r"|National Development and Reform Commission|MIIT|NDRC"
           r"|[A-Z][a-z]+ (?:Municipal|Provincial) (?:People's )?Government)")
_EN_ORG_WORDS = ("State Council", "Ministry of", "National Development", "MIIT", "NDRC", "Municipal", "Provincial")
_EN_SUBJECT = _Regex(
    rf"(?P<org>{_EN_ORG})(?: \([A-Z]+\))?(?:,? (?:has|have|recently|officially|jointly|formally|on [A-Z][a-z]+ \d{{1,2}}(?:, \d{{4}})?),?)* {_EN_ISSUE_VERB}\b")


def _national_name(s: str) -> str | None:
    """The national body whose name starts s (Han characters)."""
    for name in _NATIONAL_NAMES:
        if s.startswith(name):
            return name
    m = _NATIONAL_AGENCY.match(s)
    return m.group() if m else None


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


def _signature(lines: list[_Line]) -> tuple[_Line, dt.date, str] | None:
    """A date alone on its line that follows an issuer's name: the signature."""
    for i, line in enumerate(lines):
        if len(line.text) > 24 or not (date := _whole_line_date(line.text, spaced=True)):
            continue
        issuers = [p.text.replace(" ", "") if _is_issuer_line(p.text) else p.text
                   for p in lines[max(0, i - SIGNATURE_WINDOW):i]
                   if _is_issuer_line(p.text) or _is_en_issuer_line(p.text)]
        if issuers:
            # Several signers: the one with a place name speaks for the document.
            return line, date, next((s for s in issuers if _places_in(s)), issuers[0])
    return None


def _subject_issuer(head: str) -> str | None:
    """An issuing body at the start of a clause, then its issuing verb in the
    same sentence: 国务院印发《…》, 2013年8月1日,国务院以…文件…印发了."""
    for clause in _CLAUSE_START.finditer(head):
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
    return bool(form) and _names_place(form, s[len(form):len(form) + 1], zh_forms().names)


# 我省/本市: the text speaks as a local government, so a lead sentence such as
# "2013年8月1日,国务院印发了《…》" names a document it implements, not itself.
_FIRST_PERSON_LOCAL = _Regex(r"[我本](?:省|市|区|州|县)(?![场域])")


# ---------------------------------------------------------------------------
# Dates of the document
# ---------------------------------------------------------------------------

# A bare 日期/时间 must be a label of its own (not 完成日期, a deadline).
_LABEL = _Regex(
    r"(?P<label>成文日期|发文日期|印发日期|签发日期|发布时间|发布日期|发表时间|发表日期|更新时间|日期|时间"
    r"|Date|Published|Posted|Updated)\s*[::]\s*")
_BARE_LABELS = {"日期", "时间"}
_ISSUED_LABELS = {"成文日期", "发文日期", "印发日期", "签发日期"}
_SOURCE_LINE = _Regex(r"(?:资料|信息|文章|稿件)?来源[::]")
# Sentences: Chinese stops, or an English full stop before the next capital.
_SENTENCE = _Regex(r"(?:[^。!?;!?;.]|\.(?!\s+[A-Z]))+")
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
    r"|来源|作者|编辑|责任编辑|字体|字号|浏览|点击|阅读|打印|分享|关闭)")
_WEEKDAY_BEFORE = _Regex(rf"[\s|,,()()\[\]【】]*(?:{_WEEKDAY})[\s|,,()()\[\]【】]*")
MAX_DATELINE = 120  # a longer line is a paragraph, not a dateline


def _labelled_dates(text: str) -> tuple[dt.date | None, dt.date | None]:
    """(issued, published) from labels such as 成文日期: and 发布时间:."""
    issued = published = None
    for m in _LABEL.finditer(text):
        if m["label"] in _BARE_LABELS and m.start() and _is_han(text[m.start() - 1]):
            continue
        found = _find_dates(text[m.end():m.end() + 30])
        if not found or found[0].start:
            continue
        if m["label"] in _ISSUED_LABELS:
            issued = issued or found[0].date
        else:
            published = published or found[0].date
        if issued and published:
            break
    return issued, published


def _edges(lines: list[_Line]) -> list[_Line]:
    first, last = EDGE_LINES
    return lines if len(lines) <= first + last else lines[:first] + lines[-last:]


def _published(edges: list[_Line], labelled: dt.date | None, signature: _Line | None) -> dt.date | None:
    if labelled:  # 发布时间:2014-04-29
        return labelled
    for line in edges:  # 来源:广州市科技和信息化局2012年05月04日
        if _SOURCE_LINE.match(line.text) and (found := _find_dates(line.text)):
            return found[0].date
    for line in edges[:HEAD_LINES + 2]:  # a date line near the top: "2013-08-10 |", "August 20, 2013"
        if line == signature:
            break
        if date := _whole_line_date(line.text) or _dateline_date(line.text):
            return date
    return None


def _dateline_date(text: str) -> dt.date | None:
    """The date of a dateline: BEIJING, Aug. 20, 2013 --; 2013年8月15日星期四A18 |中国新闻."""
    found = _find_dates(text[:MAX_DATELINE])
    if not found:
        return None
    first, before = found[0], text[:found[0].start]
    if first.kind == "en" and _DATELINE.fullmatch(before):
        return first.date
    if len(text) > MAX_DATELINE:
        return None
    if not before.strip(" [(【("):  # the date opens the line: its weekday or furniture follows
        return first.date if _AFTER_DATELINE.match(text, first.end) else None
    if _WEEKDAY_BEFORE.fullmatch(before) and (not text[first.end:].strip(" ])】)")
                                              or _AFTER_DATELINE.match(text, first.end)):
        return first.date  # 星期四 2013年8月15日
    return None


def _sentence_issue_date(lines: list[_Line], quoted) -> dt.date | None:
    """A date in the lead sentence that issues the document, before its verb:
    2013年8月1日,国务院以国发〔2013〕31号文件…印发了《…》."""
    for line in lines[:HEAD_LINES * 2]:
        for s in _SENTENCE.finditer(line.text, 0, HEAD_CHARS):
            sentence = s.group()
            for d in _find_dates(sentence):
                if d.kind == "num" or _inside(quoted, line.start + s.start() + d.start):
                    continue
                if d.kind == "en":
                    if _EN_VERB.search(sentence):
                        return d.date
                elif _ZH_VERB.search(sentence, d.end) and not _ZH_CITING.search(sentence, 0, d.start) \
                        and not re.match(r"(?:以来|起|前|至|到)", sentence[d.end:]):
                    return d.date
    return None


# ---------------------------------------------------------------------------
# Region
# ---------------------------------------------------------------------------

# National scope, weakly: 全国 as the scope of figures (not 全国领先, 全国百强), 我国,
# 中国 outside names (宽带中国, 中国移动), China outside names (Broadband China,
# Communist Party of China, China Mobile). The regex starts with literals so that it
# scans fast; the words before a match are checked afterwards (matches are few).
_NATIONAL_WEAK = _Regex(
    r"全国(?!领先|前列|一流|百强|平均|同类|人大|政协|性|各地|首[个家批])|我国|中华人民共和国"
    r"|中国(?!移动|电信|联通|铁塔|广电|共产党|特色|大唐|科学院|工程院|信息通信研究院|人民银行|银行|邮政|石油|石化|制造|电子|互联网络信息中心)"
    r"|[Nn]ationwide\b|China\b(?! Mobile| Unicom| Telecom| Tower| Daily| Radio| Central)")
_NOT_NATIONAL_BEFORE = ("宽带", "数字", "智慧", "美丽", "健康", "平安", "网络", "Broadband ", "Party of ", "Bank of ")


def _national_weak(text: str) -> int:
    return sum(1 for m in _NATIONAL_WEAK.finditer(text)
               if not text[max(0, m.start() - 12):m.start()].endswith(_NOT_NATIONAL_BEFORE)
               and not (m.start() and text[m.start() - 1].isalpha() and text[m.start()].isascii()))


_NATIONAL_STRONG = _Regex(r"China's (?:State Council|Ministry|central government|National)|中央人民政府")
_SELF_REF = _Regex(r"(?:(?:我|全|本)(省|市|区|州)|(新)区)(?![场域])")
MIN_REGION_SCORE = 2  # one plain mention in the body is not enough to name the region


def _scores(text: str, lines: list[_Line], title_span, quoted) -> dict[Place, float]:
    """Weighted mentions of each place, in the parts of text that decide its region."""
    head_end = lines[min(len(lines), 5) - 1].end if lines else 0
    scores: dict[Place, float] = {}
    first: dict[Place, int] = {}
    for m in _mentions(text):
        if title_span[0] <= m.start < title_span[1]:
            w = 3.0
        else:
            w = 2.0 if m.start < head_end else 1.0
            if _inside(quoted, m.start):  # a cited title: 《山东省…方案》
                w /= 2
        scores[m.place] = scores.get(m.place, 0) + w
        first.setdefault(m.place, m.start)
    if not scores:
        return scores
    # 我省/全市/新区 refer to the leading place of the matching kind.
    refs: dict[str, int] = {}
    for _, part in _region_windows(text):
        for m in _SELF_REF.finditer(part):
            refs[m[1] or "区"] = refs.get(m[1] or "区", 0) + 1
    ranked = sorted(scores, key=lambda p: (-scores[p], first[p]))
    for ch, n in refs.items():
        if target := next((p for p in ranked if ch in p.self_refs), None):
            scores[target] += n
    return scores


def _choose_region(text, lines, title_span, quoted, issuer: str | None) -> Place | None:
    if issuer:
        if place := _most_specific(_places_in(issuer)):
            return place
        if _is_national(issuer):
            return CHINA
    scores = _scores(text, lines, title_span, quoted)
    national = sum(_national_weak(part) + 3 * len(_NATIONAL_STRONG.findall(part))
                   for _, part in _region_windows(text))
    best = max(scores, key=lambda p: (scores[p], LEVEL_RANK[p.level]), default=None)
    best_score = scores.get(best, 0)
    if national > best_score and national >= MIN_REGION_SCORE:
        return CHINA
    return best if best_score >= MIN_REGION_SCORE else None


# ---------------------------------------------------------------------------
# Title and language
# ---------------------------------------------------------------------------

_HEADING = _Regex(
    r".{2,80}?(?:意见|通知|方案|规划|办法|纲要|计划|决定|规定|细则|条例|要点|公告|通告|批复|报告)"
    r"(?:\((?:试行|草案|征求意见稿|\d{4}-\d{4}年?)\))?[》”\"」]?")
# Not a title: closing formulas, lead sentences, source lines, numbered section headings.
_NOT_TITLE = _Regex(r"特此|现将|根据|请|为|.{0,4}来源|发布时间|\(?[\d一二三四五六七八九十]+[、.)]")
MAX_TITLE = 200
_LATIN_RE = _Regex("[A-Za-z]")


def _title(lines: list[_Line], numbers: list[_DocNo], english: bool) -> _Line | None:
    if english:  # the first line, unless it is a paragraph rather than a heading
        return lines[0] if lines and len(lines[0].text) <= MAX_TITLE else None
    number_lines = {n.start for n in numbers if n.line_start}
    candidates = [ln for ln in lines[:20] if not any(ln.start <= s < ln.end for s in number_lines)
                  and "。" not in ln.text and not _NOT_TITLE.match(ln.text)]
    for ln in candidates:
        if _HEADING.fullmatch(ln.text):
            return _with_issuer_line(lines, ln)
    for ln in candidates[:5]:  # else the first short line that is not a date or source
        if 4 <= len(ln.text) <= 40 and _HAN_RUN.search(ln.text) and not _find_dates(ln.text):
            return ln
    return None


def _with_issuer_line(lines: list[_Line], title: _Line) -> _Line:
    """A title broken after its issuer ("湖南省人民政府" / "关于…的意见") is one title."""
    i = lines.index(title)
    if title.text.startswith("关于") and i and _is_issuer_line(prev := lines[i - 1].text):
        return _Line(lines[i - 1].start, title.end, prev.replace(" ", "") + title.text)
    return title


def _language(text: str, traditional: bool) -> str:
    sample = text[:20000]
    han, latin = sum(map(len, _HAN_RUN.findall(sample))), len(_LATIN_RE.findall(sample))
    if latin > 4 * han:
        return "en"
    return "zh-Hant" if traditional else "zh-Hans"


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------

def document_facts(text: str, traditional: bool = False) -> dict:
    """Title, region, issuer, dates, number and language of one normalised text."""
    lines = _lines(text)
    edges = _edges(lines)
    edge_text = "\n".join(ln.text for ln in edges)
    quoted = _spans(_QUOTED_TITLE, text)
    language = _language(text, traditional)
    numbers = _doc_numbers(text[:20000], quoted)
    title = _title(lines, numbers, language == "en")
    title_span = (title.start, title.end) if title else (0, 0)
    # A lead sentence may name the issuer and date of what the text reports, unless
    # the text speaks as a local government (我省), which cites rather than reports.
    reports = not _FIRST_PERSON_LOCAL.search(text)

    signature = _signature(lines)
    title_issuer = _title_issuer(title.text) if title and language != "en" else None
    issuer = ((signature and signature[2]) or title_issuer
              or (reports and _subject_issuer("\n".join(ln.text for ln in lines[:HEAD_LINES])[:HEAD_CHARS]))
              or _source_issuer(edge_text) or None)

    labelled_issued, labelled_published = _labelled_dates(edge_text)
    issued = ((signature and signature[1]) or labelled_issued
              or (reports and _sentence_issue_date(lines, quoted)) or None)
    published = _published(edges, labelled_published, signature and signature[0])
    region = _choose_region(text, lines, title_span, quoted, issuer)
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
