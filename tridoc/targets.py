"""Sentences -> targets: which figure is a goal, with what comparator, for which year, measuring what.

The engine walks the document sentence by sentence, carrying the deadline year
forward (到2015年 … until a new year or a new section), and reads each figure
against the words around it: the subject before it, a comparator before or
after it, a list it belongs to (分别 / respectively) and the past markers that
make it a baseline. The words themselves live in lexicon.py and catalogue.toml.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .catalogue import Catalogue, Cue
from .lexicon import (
    ADJACENT_ONLY,
    BARE_COUNT,
    CLAUSE_BREAK,
    COMMITMENT,
    COMPARATOR_AFTER,
    COMPARATOR_BEFORE,
    COUNT_VERBS,
    FILLER,
    FUND_RULES,
    FUND_VERBS,
    FUND_WORDS,
    FUTURE_MARKERS,
    HEADING_MARKERS,
    LIST_SEPARATOR,
    LOCAL_PAST_MARKERS,
    NETWORK_KIND_AFTER,
    NOT_TARGET_PATTERNS,
    NOT_TARGETS,
    OWN_LEVEL_WORDS,
    PAST_AFTER,
    PAST_MARKERS,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    QUOTED_GOALS,
    REPORTED_FUTURE,
    REPORTING_VERBS,
    REVIEW_HEADINGS,
    SECTION_DEPTH,
    THRESHOLD_VERBS,
)
from .units import Figure
from .words import WordSet, WordTables, leftmost_longest
from .years import YearMention, years_after_figure

MONEY = {"CNY", "USD"}
NEAR = 100  # how far past a figure its own words can reach
SUBJECT_REACH = 80  # how far before a figure its subject can start


def _word_rx(words: list[str]) -> str:
    """An alternation, longest first; Latin words only match as whole words (for patterns anchored by match())."""
    ordered = sorted(set(words), key=len, reverse=True)
    latin = [re.escape(w) for w in ordered if w[:1].isascii() and w[:1].isalpha()]
    other = [re.escape(w) for w in ordered if not (w[:1].isascii() and w[:1].isalpha())]
    parts = ([rf"(?<![A-Za-z])(?:{'|'.join(latin)})(?![A-Za-z])"] if latin else []) + other
    return "|".join(parts)


_BEFORE = WordSet({w: kind for kind, words in COMPARATOR_BEFORE.items() for w in words})
_AFTER_RX = re.compile(
    r"\s?(?:\([^()\d]{0,16}\)\s?)?(?:" + "|".join(f"(?P<{k}>{_word_rx(v)})" for k, v in COMPARATOR_AFTER.items())
    + ")", re.IGNORECASE)
_PAST = WordSet(PAST_MARKERS)
_FUTURE = WordSet(FUTURE_MARKERS)
_LOCAL_PAST = WordSet(LOCAL_PAST_MARKERS)
_PAST_AFTER = WordSet(PAST_AFTER)
_HYPHENED_UNIT = re.compile(r"\d-[A-Za-z]")
_COMMITMENT = WordSet(COMMITMENT)
_NOT_TARGETS = WordSet(NOT_TARGETS)
_NOT_TARGETS_RX = re.compile("|".join(NOT_TARGET_PATTERNS), re.IGNORECASE)
_REPORTING = WordSet(REPORTING_VERBS)
_LEXICON = WordTables([_BEFORE, _PAST, _FUTURE, _LOCAL_PAST, _PAST_AFTER, _COMMITMENT, _NOT_TARGETS, _REPORTING])
# "98 percent of the province's roughly 46,000 villages": the count is what the share is of.
_SHARE_BASE = re.compile(r"\s*of\s+(?:the\s+)?(?:(?!and\s|or\s)[\w'’-]+\s+){0,3}$", re.IGNORECASE)  # 80% of 800 million
_GLOSS_OPEN = re.compile(r"\s?\(\s?(?:约合|折合|约|合|about|or|approximately|roughly)?[^()\d]{0,6}$")
_RANGE_DASH = re.compile(r"\s?[-~—–至到]\s?$")
_CONJUNCTION = re.compile(r"[和与及、,/]|\b(?:and|or)\b")
# A share and the group it is a share of: 50%以上的城市家庭, "80% of urban households".
_SHARE_OF = re.compile(r"\s?(?:以上|以下)?的?(?P<whom>[^\W\d_A-Za-z]{1,8})|\s?of\s(?:the\s)?(?P<whom_en>(?:[\w-]+\s){0,2}[\w-]+)")
_TRAILING_GROUP_RX = re.compile(r"\s?(?:in|for|among|across|to|of)\s(?:the\s)?(?P<phrase>(?:[\w-]+\s){0,3}?[\w-]+)"
                                r"(?=\s(?:and|by|in)\b|[,;.]|$)")
_OF_AFTER = re.compile(r"\s?of\s", re.IGNORECASE)
_YEAR_NAMED = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A full stop ends a sentence after a letter, a digit, % ) or a quote when a space or the end follows,
# and right after a Chinese character (良好.2013年). The pattern opens with the marks, so the regex
# engine skips from mark to mark (the look-behinds test the mark just read); only a semicolon is left
# to check in code.
_SENTENCE_END = re.compile(r"[。！？!?；;\n.](?:(?<!\.)|(?<=[\u4e00-\u9fff]\.)|(?<=[^\W_]\.)(?=\s|\Z)|(?<=[%)\"”]\.)(?=\s|\Z))")


@dataclass
class Draft:
    """A target being assembled; engine.py turns it into a models.Target."""

    fig: Figure
    comparator: str
    year: int | None
    indicator: str
    scope: str | None
    kind: str
    sentence: tuple[int, int]
    subject: tuple[int, int] | None = None
    threshold: Figure | None = None


@dataclass
class _Group:
    figs: list[Figure]
    window: tuple[int, int]
    after: tuple[int, int]
    clause: tuple[int, int]
    comparator: str = "eq"
    years: list[int | None] = field(default_factory=list)
    measured: bool = False  # the year came from 截至… or …第一季度
    indicators: list[str] = field(default_factory=list)
    scopes: list[str | None] = field(default_factory=list)
    subject: tuple[int, int] | None = None
    own_cue: bool = False
    continues: bool = False  # names no subject of its own: carries on the list before it
    listed: bool = False     # split off the list before it by a subject of its own ("85%, and 98% of villages")
    bare: bool = False       # nothing before it but scope, comparator and filler words
    after_cue: bool = False  # the indicator was named after the figure
    label: bool = False      # dated by a label such as "(2015: 40%)"
    consumed: int = 0     # end of a trailing "in urban areas" that belongs to this group, not the next
    past: bool = False
    qualifier: bool = False


# ---------------------------------------------------------------- sentences and sections

def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans; a semicolon inside brackets does not end a sentence."""
    spans, s = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        i = m.start()
        if text[i] in ";；" and i - s < 1000 and text.count("(", s, i) > text.count(")", s, i):
            continue
        spans.append((s, m.end()))
        s = m.end()
    if s < end:
        spans.append((s, end))
    return spans


def sentences_holding(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """The sentences of the lines that hold these positions, in order. A line end always ends a
    sentence, so a line can be split on its own, and lines with nothing to read are not split at all."""
    spans: list[tuple[int, int]] = []
    line_end = -1
    for p in sorted(positions):
        if p < line_end:
            continue
        line_end = text.find("\n", p) + 1 or len(text)
        spans.extend(split_sentences(text, text.rfind("\n", 0, p) + 1, line_end))
    return spans


# Opening with the newline (not ^ in MULTILINE mode, which is tried at every character) lets the
# regex engine jump from line to line; the first line is matched on its own.
_HEADING_MARKER = "[ \t]*(?:" + "|".join(f"(?P<{k}>{p})" for k, p in HEADING_MARKERS) + ")"
_HEADING_RX = re.compile("\n" + _HEADING_MARKER)
_FIRST_HEADING_RX = re.compile(_HEADING_MARKER)


class Heading(NamedTuple):
    start: int
    depth: int | None  # of the section it opens (SECTION_DEPTH); None for a sub-section or a list item


def heading_levels(text: str) -> list[Heading]:
    first = _FIRST_HEADING_RX.match(text)
    found = ([(0, first.lastgroup)] if first else []) + [(m.start() + 1, m.lastgroup) for m in _HEADING_RX.finditer(text)]
    headings, listing = [], None
    for start, kind in found:
        # 主要目标如下：\n1.…\n2.…: numbers after a colon are items of its list, not sections
        if kind != listing:  # only a section marker can number the items of a list
            listing = kind if kind in SECTION_DEPTH and _after_colon(text, start) else None
        headings.append(Heading(start, None if kind == listing else SECTION_DEPTH.get(kind)))
    return headings


def _after_colon(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip()
    return before.endswith((":", "："))


# Text before the first heading counts as a section of its own: a 一、 heading ends its year.
PREAMBLE_DEPTH = 1


# ---------------------------------------------------------------- the engine

class SentenceReader:
    def __init__(self, text: str, catalogue: Catalogue, doc_year: int | None, summary: bool = False,
                 level: str | None = None):
        self.text, self.cat, self.doc_year = text, catalogue, doc_year
        # A year-end summary reports its own year's results: those are baselines, not targets.
        self.summary = summary and doc_year is not None
        # a local document's words for itself, and how it quotes the goals of the levels above it
        self.own_words, self.quoting = OWN_LEVEL_WORDS.get(level), QUOTED_GOALS.get(level)
        self._review = False  # whether the sentence read stands in a section that reviews how things stand

    def read(self, figures: list[Figure], years: list[YearMention], spans: list[tuple[int, int]],
             headings: list[Heading]) -> list[Draft]:
        """Walks the sentences that hold a figure or a year, carrying the deadline year between them."""
        starts = [s for s, _ in spans]
        by_sentence: dict[int, tuple[list[Figure], list[YearMention]]] = {}
        for items, slot in ((figures, 0), (years, 1)):
            for item in items:
                k = bisect_right(starts, item.start) - 1
                if k >= 0 and item.start < spans[k][1]:
                    by_sentence.setdefault(k, ([], []))[slot].append(item)
        drafts: list[Draft] = []
        # The years in force, one per depth of section they were set in: a section heading closes the
        # years set at its depth or deeper, so 三、 or 3. ends the year of 二、; a sub-section's (二) does not.
        context: list[tuple[int, int, bool]] = []  # (depth, year, measured by 截至…/…第一季度)
        level, hi = PREAMBLE_DEPTH, 0
        review: Heading | None = None  # the 一、发展基础 heading whose section this is, if any
        for k in sorted(by_sentence):
            s, e = spans[k]
            while hi < len(headings) and headings[hi].start < e:
                heading = headings[hi]
                if heading.depth is not None:
                    level = heading.depth
                    while context and context[-1][0] >= level:
                        context.pop()
                if review and (review.depth is None or heading.depth is not None and heading.depth <= review.depth):
                    review = None
                if review is None and REVIEW_HEADINGS.search(self.text, heading.start, heading.start + 24):
                    review = heading
                hi += 1
            self._review = review is not None
            sfigs, syears = by_sentence[k]
            year, measured = context[-1][1:] if context else (None, False)
            self._resolve_relative(syears, s, e, year)
            if sfigs:
                drafts.extend(self._sentence(s, e, sfigs, syears, (year, measured)))
            setting = [y for y in syears if y.year and y.kind not in ("past", "label")]
            if setting:
                # the last deadline, else the last year named: "by 2025, from 2.64 trillion in 2020" sets 2025
                last = next((y for y in reversed(setting) if y.kind == "deadline"), setting[-1])
                while context and context[-1][0] >= level:
                    context.pop()
                context.append((level, last.year, last.kind in ("as_of", "sub_period")))
        return drafts

    def _resolve_relative(self, syears: list[YearMention], s: int, e: int, ctx_year: int | None) -> None:
        if not any(y.kind.startswith("relative") for y in syears):
            return
        named = not self.doc_year and _YEAR_NAMED.search(self.text, s, e)
        spoken_of = ctx_year  # the year 全年 means: the one in force, or one named before it in the sentence
        for y in syears:
            if y.kind.startswith("relative"):
                base = self.doc_year or (int(named.group()) if named else None)  # 今年 in 宽带中国2015专项行动
                if y.kind == "relative_in_context" and spoken_of:
                    base = spoken_of  # 2015年…全年完成投资187亿元; 明年…，全年新增…
                y.year = base + y.offset if base else None
                # 去年 dates its sentence and sets no context; 今年上半年 is measured
                y.kind = "past" if y.offset < 0 else "sub_period" if y.kind == "relative_sub_period" else "deadline"
            if y.year and y.kind not in ("past", "label"):
                spoken_of = y.year

    # -- one sentence
    def _sentence(self, s: int, e: int, figs: list[Figure], years: list[YearMention],
                  ctx: tuple[int | None, bool]) -> list[Draft]:
        # An analyst's guess, a share price or a ranking: the figures from its clause on are no policy targets.
        self._words = _SentenceWords(self.text, s, e)
        guess = self._words.not_target_start()
        if guess is not None:
            figs = [f for f in figs if f.end < guess and self._clause_break_between(f.end, guess)]
        quote = self.quoting and self.quoting.search(self.text, s, e)
        if quote:  # the figures quoted: after the quote, before the document's words for itself, if any
            own = self.own_words.search(self.text, quote.end(), e)
            figs = [f for f in figs if f.end <= quote.start() or own and f.start >= own.start()]
        if not figs:
            return []
        groups = self._groups(s, e, self._without_glosses(figs))
        prev: _Group | None = None
        for g in groups:
            if prev is not None and prev.consumed > g.window[0]:
                g.window = (min(prev.consumed, g.window[1]), g.window[1])
            self._subject(g, prev, s)
            self._comparator(g, prev)
            self._years(g, s, e, years, ctx)
            self._kind(g, s, years, ctx[0])
            prev = g
        return self._drafts(groups, (s, e))

    def _clause_break_between(self, a: int, b: int) -> bool:
        return bool(CLAUSE_BREAK.search(self.text, a, b))

    def _groups(self, s: int, e: int, figs: list[Figure]) -> list[_Group]:
        text, runs, listed = self.text, [[figs[0]]], set()  # listed: runs split off a list
        for f in figs[1:]:
            last = runs[-1][-1]
            same = f.unit == last.unit or {f.unit, last.unit} <= MONEY
            in_list = same and LIST_SEPARATOR.match(text[last.end:f.start])
            if in_list and not self._names_its_own_whole(last, f, e):
                runs[-1].append(f)
            else:
                if in_list:
                    listed.add(len(runs))
                runs.append([f])
        breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, s, e)]
        groups, prev_end = [], s
        for i, run in enumerate(runs):
            prev_end = max(prev_end, run[0].start - SUBJECT_REACH)
            k = bisect_left(breaks, run[0].start)
            clause_start = breaks[k - 1] + 1 if k else s
            k = bisect_left(breaks, run[-1].end)
            clause_end = breaks[k] if k < len(breaks) else e
            nxt = runs[i + 1][0].start if i + 1 < len(runs) else e
            groups.append(_Group(run, (max(clause_start, prev_end), run[0].start), (run[-1].end, nxt),
                                 (clause_start, clause_end), listed=i in listed))
            prev_end = run[-1].end
        return groups

    def _names_its_own_whole(self, last: Figure, f: Figure, e: int) -> bool:
        """"above 85%, and 98% of administrative villages will have…": after a comma, a figure that says what
        it is a share of, after one that does not, opens a clause of its own, unless the list is read
        "respectively" ("50% and 80% of villages by 2015 and 2020" stays one list)."""
        return "," in self.text[last.end:f.start] and bool(_OF_AFTER.match(self.text, f.end)) \
            and not _OF_AFTER.match(self.text, last.end) and "respectively" not in self.text[f.end:e]

    def _comparator(self, g: _Group, prev: _Group | None) -> None:
        before = None
        for start, end, kind in self._words.within(_BEFORE, *g.window):
            if self.text[start:end].lower() in ADJACENT_ONLY and self.text[end:g.window[1]].strip():
                continue
            before = kind
        after = _AFTER_RX.match(self.text, g.after[0], g.after[1])
        after_kind = after.lastgroup if after else None
        if after_kind in ("approx", "le"):
            g.comparator = after_kind
        elif after_kind == "ge":
            g.comparator = "gt" if before == "gt" else "ge"
        elif before:
            g.comparator = before
        else:  # "reach 95% in 2015 and 98% in 2020": a list goes on with the verb it started with,
            # and so does a clause that leaves the verb out ("reach 65% and the 3G user penetration rate 80%")
            continued = g.listed or prev is not None and prev.figs[0].unit == g.figs[0].unit and (
                prev.clause[0] == g.clause[0] or g.continues and g.bare)
            g.comparator = prev.comparator if continued else "eq"
        if g.comparator == "eq" and g.figs[0].upper is not None:
            g.comparator = "ge"  # a range (10%-20%) is recorded by its lower end

    def _years(self, g: _Group, s: int, e: int, years: list[YearMention], ctx: tuple[int | None, bool]) -> None:
        n = len(g.figs)
        after = years_after_figure(self.text[g.after[0]:g.after[1]])
        if after and self.text[g.after[0]:g.after[0] + 2].lstrip().startswith(",") \
                and any(y.year and s <= y.start and y.end <= g.figs[0].start for y in years):
            after = []  # "In 2015 … 2,000 base stations, in 2016 …": the year after the comma is the next clause's
        if after:  # "in 2015 and 2020" pairs with two figures; one figure "in 2016 and 2017" is due by 2017
            g.years = after if len(after) == n else [max(after)] * n
            return
        # An English "in 2012" dates its own clause only (unless it opens the sentence: "In 2013 the city…");
        # "By 2020," and Chinese 2015年, carry on.
        before = [y for y in years[:bisect_left(years, g.figs[0].start, key=_start)] if y.year and y.end <= g.figs[0].start
                  and not (y.english and y.kind == "point" and s + 2 < y.start < g.clause[0])]
        listed = [y for y in before if y.start >= g.window[0]]
        if n > 1 and len(listed) == n:  # 2013年和2015年分别达到55%和65%
            g.years = [y.year for y in listed]
            return
        # English names the year after the figure in its own clause ("… will have broadband by 2015").
        later = [y for y in years[bisect_left(years, g.after[0], key=_start):bisect_left(years, g.clause[1], key=_start)]
                 if y.english and y.year and y.start < g.clause[1]
                 and not re.search(r"\bfrom\b", self.text[g.after[0]:y.start])]
        year = before[-1] if before and (before[-1].start >= g.clause[0] or not later) else (later or [None])[0]
        if year is not None:
            g.years = [year.year] * n
            g.measured = year.kind in ("as_of", "sub_period")
            g.label = year.kind == "label"
        else:
            g.years, g.measured = [ctx[0]] * n, ctx[1]

    def _subject(self, g: _Group, prev: _Group | None, s: int) -> None:
        n, unit = len(g.figs), g.figs[0].unit
        # the figure's own words count too: "1.2 million 4G base stations"
        cues = self.cat.indicator_cues(self.text, unit, g.window[0], g.figs[0].end)
        scopes = self.cat.scope_cues(self.text, *g.window)
        g.own_cue = bool(cues)
        same_family = prev is not None and (prev.figs[0].unit == unit or {prev.figs[0].unit, unit} <= MONEY)
        after = (g.after[0], min(g.clause[1], g.after[0] + NEAR))
        after_cues = [] if cues else self.cat.indicator_cues(self.text, unit, *after)
        # nothing before the figure but scope, comparator and filler words (asked only when no cue names the subject)
        bare = not cues and _bare_subject(self.text, g.window, scopes)
        in_figure = [c for c in cues if c.start >= g.figs[0].start]  # "600,000 new 4G base stations"
        if in_figure:
            g.indicators = [max(in_figure, key=lambda c: c.length).key] * n
        elif cues:
            g.indicators = self._distribute_indicators(cues, n)
        elif after_cues:  # "achieving 100% fiber-to-building rate": the noun follows
            g.after_cue = True
            best = min(after_cues, key=lambda c: (c.start, -c.length))
            g.indicators = [best.key] * n
            g.subject = (best.start, best.end)
        elif same_family and bare:  # 其中部分城市达到100Mbps: the list goes on
            g.indicators = [prev.indicators[-1]] * n
            g.continues = True
        elif prev is None:  # 宽带接入能力方面,城市家庭达到20Mbps: the noun is in an earlier clause
            g.indicators = [self._indicator_before(g, s, unit)] * n
        else:
            g.indicators = [self.cat.fallback(unit)] * n
        trailing = [] if scopes else self._trailing_scopes(g)
        if not (cues or trailing):  # only then does it matter whether it names a subject of its own
            g.bare = bare
        self._scopes(g, prev, scopes or trailing, bool(cues) or bool(trailing) or not g.bare)
        marks = cues + scopes
        if marks and g.subject is None:
            g.subject = (min(c.start for c in marks), max(c.end for c in marks))

    def _scopes(self, g: _Group, prev: _Group | None, scopes: list[Cue], own_subject: bool) -> None:
        """分别 pairs scopes with figures; one figure for two groups has none, unless one is the generic 城市."""
        n = len(g.figs)
        keys = one_group_scopes(self.text, scopes, self.cat.generic_scopes) if n == 1 else _distinct([c.key for c in scopes])
        if n > 1 and len(scopes) == n:
            g.scopes = [c.key for c in scopes]
        elif len(keys) == 1:
            g.scopes = keys * n
        elif not keys and not own_subject and prev is not None:
            g.scopes = [prev.scopes[-1]] * n
        else:
            g.scopes = [None] * n

    def _trailing_scopes(self, g: _Group) -> list[Cue]:
        """The group named after the figure: "50Mbps in urban areas and 12Mbps in rural areas",
        "50%以上的城市家庭具备…" (a share of whom)."""
        share = g.figs[0].unit == "percent" and _SHARE_OF.match(self.text, g.after[0], g.after[1])
        if share:
            return self.cat.scope_cues(self.text, *share.span(share.lastgroup))
        m = _TRAILING_GROUP_RX.match(self.text, g.after[0], g.after[1])
        if not m:
            return []
        scopes = self.cat.scope_cues(self.text, *m.span("phrase"))
        if scopes:
            g.consumed = m.end()
        return scopes

    @staticmethod
    def _distribute_indicators(cues: list[Cue], n: int) -> list[str]:
        keys = _distinct([c.key for c in cues])
        if n > 1 and len(keys) == n:  # "penetration of fixed line and 3G/LTE … 70% and 85% respectively"
            return keys
        best = max(cues, key=lambda c: (c.length, c.end))
        return [best.key] * n

    def _indicator_before(self, g: _Group, s: int, unit: str) -> str:
        """No cue around the figure in its clause: the nearest one earlier in the sentence."""
        a = max(s, g.window[0] - SUBJECT_REACH * 2)
        cues = self.cat.indicator_cues(self.text, unit, a, g.window[0]) if g.window[0] > a else []
        if not cues:
            return self.cat.fallback(unit)
        return max(cues, key=lambda c: (c.end, c.length)).key

    def _kind(self, g: _Group, s: int, years: list[YearMention], ctx_year: int | None) -> None:
        """Past or present values are baselines: 截至2013年底…已达到, 'totaled … in 2012', 'up from 37 percent'."""
        marks = self._words
        start = g.figs[0].start
        since = marks.last_past(max(s, start - NEAR * 4), start)
        if since is not None and not marks.future(max(g.clause[0], start - NEAR * 4), start):
            g.past = not any(y.kind == "deadline" and since < y.start and y.end <= start for y in years) \
                and not marks.future(since, start)
        if marks.any(_LOCAL_PAST, g.window[0], start) \
                or marks.any(_PAST_AFTER, g.figs[-1].end, min(g.clause[1], g.figs[-1].end + NEAR)):
            g.past = True
        if self.doc_year and any(y is not None and y < self.doc_year for y in g.years):
            g.past = True
        elif self._review and not (self.doc_year and all(y is not None and y > self.doc_year for y in g.years)
                                   or not self.doc_year and marks.future(s, start)):
            g.past = True  # 一、发展基础: 城镇化率达83%
        elif g.label and ctx_year and g.years[0] is not None and g.years[0] < ctx_year:
            g.past = True  # "targets for 2020: 70% (2015: 40%)": the labelled earlier year is the base
        elif self.summary and all(y is None or y <= self.doc_year for y in g.years):
            g.past = True
        elif g.measured and (self.doc_year and g.years[0] is not None and g.years[0] <= self.doc_year
                             or not self.doc_year and not marks.future(max(s, start - NEAR * 4), start)):
            g.past = True

    def _without_glosses(self, figs: list[Figure]) -> list[Figure]:
        """1000Mbps(千兆), 430 billion yuan ($69.3 billion): the bracketed figure restates the one before it;
        10%-20%: the second figure closes a range opened by the first (recorded by its lower end)."""
        out: list[Figure] = []
        for f in figs:
            prev = out[-1] if out else None
            same = prev is not None and (f.unit == prev.unit or {f.unit, prev.unit} <= MONEY)
            if same and _GLOSS_OPEN.match(self.text, prev.end, f.start) \
                    and self.text[f.end:f.end + 2].strip()[:1] == ")":
                continue
            if same and prev.upper is None and _RANGE_DASH.match(self.text, prev.end, f.start):
                out[-1] = replace(prev, end=f.end, upper=f.value)
                continue
            if f.unit == "count" and prev is not None and prev.unit == "percent" \
                    and _SHARE_BASE.match(self.text, prev.end, f.start):
                continue
            out.append(f)
        return out

    # -- qualifiers, thresholds and the drafts
    def _drafts(self, groups: list[_Group], sentence: tuple[int, int]) -> list[Draft]:
        thresholds: dict[int, Figure] = {}
        keep = []
        words = self.text[sentence[0]:sentence[1]]
        funds = any(w in words for w in FUND_WORDS)
        for gi, g in enumerate(groups):
            unit = g.figs[0].unit
            rx, before = QUALIFIER_AFTER.get(unit), QUALIFIER_BEFORE.get(unit)
            # 千兆光网, “百城千兆”: a speed written as a word before a network noun or a closing quote names a kind
            named_kind = unit == "Mbps" and not any(c.isdigit() for c in g.figs[-1].surface) \
                and bool(NETWORK_KIND_AFTER.match(self.text, g.after[0]))
            attributive = named_kind or bool(rx and rx.match(self.text, g.after[0], g.after[1])) \
                or bool(before and before.search(self.text, g.window[0], g.figs[0].start)) \
                or unit == "Mbps" and bool(_HYPHENED_UNIT.search(g.figs[-1].surface))  # 1,000-Mbps connections
            capability = unit == "Mbps" and bool(THRESHOLD_VERBS.search(self.text, g.window[0], g.window[1]))
            if unit == "Mbps" and (attributive or capability):
                share = self._share_in_clause(groups, gi)
                if share is not None:
                    thresholds.setdefault(share, g.figs[0])
                    continue
                if named_kind or attributive and (g.comparator == "eq" or _HYPHENED_UNIT.search(g.figs[-1].surface)):
                    continue  # 推广50兆每秒的接入服务, 1,000-Mbps connections, 千兆光网: a kind, not a level
            elif attributive and not (unit == "count" and COUNT_VERBS.search(self.text, g.window[0], g.window[1])
                                      or unit in MONEY and FUND_VERBS.search(self.text, g.window[0], g.window[1])):
                continue
            elif g.figs[0].bare and not (g.own_cue or g.after_cue
                                          or BARE_COUNT.search(self.text, g.window[0], g.window[1])):
                continue
            elif (unit in MONEY or unit == "percent") and funds and FUND_RULES.search(
                    self.text, max(sentence[0], g.figs[0].start - NEAR * 2), min(g.clause[1], g.figs[-1].end + NEAR)):
                continue  # a fund's rule (单个项目补助不超过500万元), not a target
            if g.comparator == "eq" and g.years[0] is None and (not g.past or self._review) \
                    and not self._words.any(_COMMITMENT, max(sentence[0], g.figs[0].start - NEAR), g.figs[0].start):
                continue  # a bare figure with neither a deadline nor a word of commitment sets nothing
            keep.append((gi, g))
        drafts = []
        for gi, g in keep:
            threshold = thresholds.get(gi)
            for i, fig in enumerate(g.figs):
                indicator = g.indicators[i]
                if threshold is not None:
                    indicator = self.cat.threshold_indicator.get((fig.unit, threshold.unit), indicator)
                drafts.append(Draft(fig, g.comparator, g.years[i], indicator, g.scopes[i],
                                    "baseline" if g.past else "target", sentence, g.subject, threshold))
        return drafts

    @staticmethod
    def _share_in_clause(groups: list[_Group], gi: int) -> int | None:
        """The share (a lone percentage) in the clause of groups[gi]; groups are in order, so look nearby."""
        clause = groups[gi].clause
        for j in (*range(gi - 1, max(gi - 4, -1), -1), *range(gi + 1, min(gi + 4, len(groups)))):
            other = groups[j]
            if other.figs[0].unit == "percent" and len(other.figs) == 1 and other.clause == clause:
                return j
        return None


class _SentenceWords:
    """The lexicon's words in one sentence, found in one pass; each figure asks about a stretch of it
    (by bisection: a sentence of a thousand figures must not read its words a thousand times)."""

    def __init__(self, text: str, s: int, e: int):
        self.text, self.s, self.e = text, s, e
        self._hits = _LEXICON.hits(text, s, e)
        self._starts = {table: [h[0] for h in hits] for table, hits in self._hits.items()}
        self._past = [(a, b) for a, b, _ in self.within(_PAST, s, e)]
        self._future = [a for a, _, _ in self.within(_FUTURE, s, e)]

    def not_target_start(self) -> int | None:
        """Where a clause of guesses, market moves or rankings starts in the sentence, if it has one."""
        words = [w for w in self.within(_NOT_TARGETS, self.s, self.e)
                 if not (w[2] in REPORTED_FUTURE and self.any(_REPORTING, self.s, w[0]))]
        end = words[0][0] if words else self.e
        m = _NOT_TARGETS_RX.search(self.text, self.s, end)
        return m.start() if m else words[0][0] if words else None

    def _between(self, table: WordSet, a: int, b: int) -> list[tuple[int, int, str]]:
        starts = self._starts[table]
        hits = self._hits[table][bisect_left(starts, a):bisect_left(starts, b)]
        return [h for h in hits if h[1] <= b]

    def within(self, table: WordSet, a: int, b: int) -> list[tuple[int, int, str]]:
        """The table's words that lie inside [a, b), leftmost-longest."""
        return leftmost_longest(self._between(table, a, b))

    def any(self, table: WordSet, a: int, b: int) -> bool:
        return bool(self._between(table, a, b))

    def last_past(self, a: int, b: int) -> int | None:
        """End of the last past marker that lies within [a, b)."""
        k = bisect_left(self._past, (b, 0)) - 1
        while k >= 0 and self._past[k][1] > b:
            k -= 1
        return self._past[k][1] if k >= 0 and self._past[k][0] >= a else None

    def future(self, a: int, b: int) -> bool:
        k = bisect_left(self._future, a)
        return k < len(self._future) and self._future[k] < b


def _start(y: YearMention) -> int:
    return y.start


def _bare_subject(text: str, window: tuple[int, int], scopes: list[Cue]) -> bool:
    """Nothing but scope, comparator and filler words before the figure: it names no subject of its own."""
    rest = _without(text[window[0]:window[1]], [(c.start - window[0], c.end - window[0], c.key) for c in scopes])
    rest = FILLER.sub("", _without(rest, _BEFORE.find(rest)))
    return len(rest) <= 3


def _without(text: str, spans) -> str:
    pieces, kept = [], 0
    for a, b, _ in spans:
        pieces.append(text[kept:a])
        kept = b
    return "".join(pieces) + text[kept:]


def one_group_scopes(text: str, scopes: list[Cue], generic: set[str]) -> list[str]:
    """The scope keys of cues that name one group: a generic one gives way to the one it locates
    (主城区新建住宅 -> new_buildings, 城区公共区域 -> public), unless the two stand side by side
    as two groups (城镇和农村)."""
    keys = _distinct([c.key for c in scopes])
    if len(keys) > 1 and not any(_CONJUNCTION.search(text, a.end, b.start) for a, b in zip(scopes, scopes[1:])):
        keys = [k for k in keys if k not in generic] or keys
    return keys


def _distinct(keys: list[str]) -> list[str]:
    seen: list[str] = []
    for k in keys:
        if k not in seen:
            seen.append(k)
    return seen
