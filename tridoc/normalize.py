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
_TRADITIONAL = re.compile(
    "[們這個來時會對發國區縣鄉鎮農業產電億萬達實現戶數據網寬頻務與為點線設進於關應開總興機變質"
    "無衛經級結構經濟動歷標準舉傳場環營費聯讀體覽團龍額過資訊絡廣視雲計劃範圍業務員]"
)

_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
# Spaces touching a Chinese character or sign carry no meaning; pinyin glosses
# such as 發(fā) are web-page debris.
# Each pattern opens with a character class (so the regex engine can skip ahead); the part to
# delete is the group "d".
# Only a single space goes: tabs and runs of spaces separate the columns of a flattened table.
_DELETIONS = [
    re.compile(rf"[{_HAN}{_CJK_PUNCT}](?P<d> (?![ \t])|(?<=[{_HAN}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{{1,7}}\))"),
    re.compile(rf"(?P<d> )(?<![ \t] )[{_HAN}{_CJK_PUNCT}]"),
    re.compile(r"(?P<d>[\u200b-\u200f\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+)"),
]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("tw2sp")


def is_traditional(text: str) -> bool:
    """Three traditional-only characters in the head of a document (one in a short phrase)."""
    return len(_TRADITIONAL.findall(text, 0, 20000)) >= min(3, 1 + len(text) // 100)


def fold_width(text: str) -> str:
    """Full-width to half-width. str.translate is slow on Chinese text; replacing the few
    characters that occur is some ten times faster."""
    for c in set(_FULLWIDTH_RX.findall(text)):
        text = text.replace(c, _FULLWIDTH[c])
    return text


def to_simplified(text: str) -> str:
    """Traditional -> simplified, keeping the length (and so every offset).

    tw2sp also maps Taiwan usage (寬頻 -> 宽带, 網路 -> 网络) so that one set of cues serves both."""
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
    text = fold_width(source)
    traditional = is_traditional(text)
    if traditional:
        text = to_simplified(text)
    spans = _deletions(text)
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


def _deletions(text: str) -> list[tuple[int, int]]:
    """Spans to delete, in order and merged (a space between two Chinese characters is found twice)."""
    spans = sorted((m.start("d"), m.end("d")) for rx in _DELETIONS for m in rx.finditer(text))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
