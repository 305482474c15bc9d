"""One canonical form of the text for the rules to read, with a map back to the source.

The rules see half-width digits and signs, simplified characters and no stray
spaces inside Chinese text ("到 2015 年" -> "到2015年"), so that every pattern
has one form to match. Every target keeps offsets into the *source* text, so
deletions are recorded and `to_source` maps an offset back.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

# Full-width ASCII (！..～), the ideographic space and other wide spaces fold to ASCII, one char for one.
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "￥": "¥"})
_FULLWIDTH_RX = re.compile("[" + "".join(_FULLWIDTH) + "]")

# Characters that exist only in traditional script and are common in policy texts;
# one hit is enough to run the converter (it is the slow step, so run it only then).
_TRADITIONAL_CHARS = ("們這個來時會對發國區縣鄉鎮農業產電億萬達實現戶數據網寬頻務與為點線設進於關應開總興機變質"
                      "無衛經級結構經濟動歷標準舉傳場環營費聯讀體覽團龍額過資訊絡廣視雲計劃範圍業務員")
_TRADITIONAL = re.compile(f"[{_TRADITIONAL_CHARS}]")
_HEAD = 20000  # is_traditional reads the head of a document

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_CONTROL = r"\u200b-\u200f\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
# Spaces touching a Chinese character or sign carry no meaning; pinyin glosses
# such as 發(fā) are web-page debris; zero-width and control characters are noise.
# Each pattern matches exactly what it deletes and opens with that character (a space, a bracket,
# a control character): the regex engine then jumps between candidates instead of trying every
# Chinese character. The neighbours are read by look-arounds after the first character.
# Only a single space goes: tabs and runs of spaces separate the columns of a flattened table.
_DELETIONS = [
    # a space after a Chinese character (unless more space follows) or before one (unless more precedes)
    re.compile(rf" (?:(?<=[{_HAN}{_CJK_PUNCT}] )(?![ \t])|(?<![ \t] )(?=[{_HAN}{_CJK_PUNCT}]))"),
    re.compile(rf"\((?<=[{_HAN}]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{{1,7}}\)"),
    re.compile(rf"[{_CONTROL}][{_CONTROL}]*"),  # not [..]+: a pattern opening with a repeat is tried everywhere
]
_CONTROL_DELETION = _DELETIONS[2]


# Taiwan and Hong Kong usage -> mainland usage, each word the length of its replacement (offsets
# must not move). Applied in order, so an entry may build on the ones before it (行動寬頻 -> 行动宽带).
# "Mobile" is 行動 in Taiwan and 流動 in Hong Kong; alone both are common words (行动计划, 流动人口).
# OpenCC's tw2sp would map these too, but it also rewrites vocabulary that mainland texts in
# traditional script use as it is (新增 -> 添加, 智慧城市 -> 智能城市, 核心 -> 内核, 建立 -> 创建,
# 互動 -> 交互): so the characters are converted alone (tw2s) and the words from this table.
TAIWAN_USAGE = {"宽频": "宽带", "频宽": "带宽", "网路": "网络", "资讯": "信息", "数位": "数字", "通讯": "通信",
                "线上": "在线", "远端": "远程", "软体": "软件", "光纤到府": "光纤到户",
                **{f"{mobile}{what}": f"移动{what}" for mobile in ("行动", "流动")
                   for what in ("宽带", "网络", "通信", "电话", "上网", "用户", "数据", "支付", "互联网")}}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("tw2s")


def is_traditional(text: str) -> bool:
    """Three traditional-only characters in the head of a document (one in a short phrase)."""
    return len(_TRADITIONAL.findall(text, 0, _HEAD)) >= min(3, 1 + len(text) // 100)


def fold_width(text: str) -> str:
    """Full-width to half-width. str.translate is slow on Chinese text; replacing the few
    characters that occur is some ten times faster."""
    for c in set(_FULLWIDTH_RX.findall(text)):
        text = text.replace(c, _FULLWIDTH[c])
    return text


def to_simplified(text: str) -> str:
    """Traditional -> simplified, keeping the length (and so every offset), and Taiwan and Hong Kong
    usage to mainland usage (寬頻 -> 宽带, 網路 -> 网络) so that one set of cues serves both."""
    return _mainland_usage(_characters_simplified(text))


def _mainland_usage(text: str) -> str:
    for taiwan, mainland in TAIWAN_USAGE.items():
        if taiwan in text:
            text = text.replace(taiwan, mainland)
    return text


def _characters_simplified(text: str) -> str:
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        conv = _t2s().convert(line)
        if len(conv) != len(line):  # a phrase rule changed the length: go char by char
            conv = "".join(c if len(c2 := _t2s().convert(c)) != 1 else c2 for c in line)
        out.append(conv)
    return "\n".join(out)


@dataclass
class Normalized:
    text: str
    source: str
    traditional: bool = False
    # Offset map: from norm offset _starts[k] on, source offset = norm offset + _shifts[k].
    _starts: list[int] = field(default_factory=lambda: [0])
    _shifts: list[int] = field(default_factory=lambda: [0])

    def to_source(self, i: int) -> int:
        return i + self._shifts[bisect_right(self._starts, i) - 1]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_source(start), self.to_source(end - 1) + 1 if end > start else self.to_source(start)


def normalize(source: str) -> Normalized:
    text, traditional, controls = _survey(source)
    if traditional:
        text = to_simplified(text)
    spans = _deletions(text, controls or traditional)  # the converter rewrote the text: look again
    if spans and (tables := spaced_tables(text)):
        spans = [span for span in spans if not _within(tables, span[0])]
    if not spans:
        return Normalized(text, source, traditional)
    pieces, starts, shifts = [], [0], [0]
    kept = removed = 0
    for a, b in spans:
        pieces.append(text[kept:a])
        removed += b - a
        kept = b
        starts.append(b - removed)
        shifts.append(removed)
    pieces.append(text[kept:])
    return Normalized("".join(pieces), source, traditional, starts, shifts)


# A table whose cells single spaces set apart, as text taken from a PDF gives it: a header line with
# two year cells side by side (指标 单位 2020年 2025年 属性), then lines that look like its rows.
# Found from the 年 of the first year cell: a scan for one character is fast, one for a class of
# digits is not, and a table whose year cells carry no 年 loses no space beside Chinese anyway.
_SPACED_YEARS = re.compile(r"年(?<=(?<![\d.])(?:19|20)\d\d年)(?:\([^()\n]{0,8}\))? (?:19|20)\d\d(?![\d.])")
_SPACED_ROW = re.compile(r"[^\s。，；,;|]+(?: +[^\s。，；,;|]+){2,}")


def spaced_tables(text: str) -> list[tuple[int, int]]:
    """(start, end) of each single-spaced table: its spaces are cell borders, which the deletion of
    spaces beside Chinese characters must leave."""
    blocks: list[tuple[int, int]] = []
    for m in _SPACED_YEARS.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if blocks and start < blocks[-1][1] or "|" in text[start:m.start()] or "\t" in text[start:m.start()]:
            continue
        end = _line_end(text, m.end())
        while end < len(text) and _SPACED_ROW.fullmatch(text, end + 1, _line_end(text, end + 1)):
            end = _line_end(text, end + 1)
        blocks.append((start, end))
    return blocks


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _within(blocks: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in blocks)


@lru_cache(maxsize=None)
def _survey_rx(traditional: bool, controls: bool) -> re.Pattern:
    """A class of the characters still looked for: full-width ones, and traditional and control
    ones while the survey still needs to meet them."""
    return re.compile("[" + "".join(_FULLWIDTH) + (_TRADITIONAL_CHARS if traditional else "")
                      + (_CONTROL if controls else "") + "]")


def _survey(text: str) -> tuple[str, bool, bool]:
    """fold_width(text), is_traditional(text), and whether any control character occurs: one scan.

    Every scan of a whole text for a class of characters costs about the same, so one scan does
    the three jobs. A full-width character is replaced throughout when first met, so the scan meets
    each one once; traditional characters are looked for until enough are found or the head is
    read; one control character is enough to know that their deletion pass must run."""
    need = min(3, 1 + len(text) // 100)
    traditional_seen = 0  # in the head
    controls = False
    pos = 0
    while m := _survey_rx(traditional_seen < need and pos < _HEAD, not controls).search(text, pos):
        c, pos = m.group(), m.start() + 1
        if c in _FULLWIDTH:
            text = text.replace(c, _FULLWIDTH[c])
        elif c in _TRADITIONAL_CHARS:
            traditional_seen += m.start() < _HEAD
        else:
            controls = True
    return text, traditional_seen >= need, controls


def _deletions(text: str, controls: bool = True) -> list[tuple[int, int]]:
    """Spans to delete, in order, touching ones merged. The control pass is skipped when the survey
    found no control character."""
    patterns = _DELETIONS if controls else [rx for rx in _DELETIONS if rx is not _CONTROL_DELETION]
    spans = sorted(m.span() for rx in patterns for m in rx.finditer(text))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
