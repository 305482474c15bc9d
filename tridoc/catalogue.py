"""Indicator and scope cues: a data file (catalogue.toml) and the matcher built from it."""
from __future__ import annotations

import re
import tomllib
import warnings
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .models import UNITS
from .words import Needles, WordSet, by_start_longest_first, leftmost_longest

try:  # Python's own pattern parser, which is private: a Python that moves it only loses the gate below
    from re import _parser as re_parser
    from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT,
                               POSSESSIVE_REPEAT, SUBPATTERN)
except ImportError:  # pragma: no cover
    re_parser = None

DEFAULT_PATH = Path(__file__).with_name("data") / "catalogue.toml"
OTHER = "other"
PATTERN_TIMEOUT = 0.2  # seconds for one catalogue pattern on one piece of text


class CatalogueError(Exception):
    """A catalogue file that cannot be used; the message names the file and line."""


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    family: str = "other"
    label_en: str
    label_zh: str = ""
    units: list[str]
    cues: list[str] = []
    patterns: list[str] = []
    threshold_unit: str | None = None
    default_for: list[str] = []  # units whose figures take this indicator when no cue names one

    @field_validator("units")
    @classmethod
    def _known_units(cls, units: list[str]) -> list[str]:
        unknown = set(units) - set(UNITS)
        if unknown:
            raise ValueError(f"unknown unit {sorted(unknown)}; known: {', '.join(UNITS)}")
        return units

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        import regex

        for p in patterns:
            try:
                compile_pattern(p)
            except regex.error as exc:
                raise ValueError(f"pattern {p!r} does not compile: {exc}") from None
        return patterns


class ScopeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    cues: list[str]
    generic: bool = False  # gives way to a more specific scope named beside it (主城区新建住宅 -> new_buildings)


class Cue(NamedTuple):
    start: int  # start and end first: cues sort and overlap as words.leftmost_longest expects
    end: int
    key: str

    @property
    def length(self) -> int:
        return self.end - self.start


class _Matcher:
    """Finds the cues of a set of keys in a short piece of text, leftmost and longest first.

    Literal cues are a WordSet (a Latin cue may take a plural s). The few patterns are compiled on
    first use with the regex module, whose timeout guards a user's runaway pattern; each is tried
    only where a string that every match of it must hold occurs, as they rarely match.
    """

    def __init__(self, entries: dict[str, tuple[list[str], list[str]]]):
        self._literals = WordSet({cue: key for key, (cues, _) in entries.items() for cue in cues}, plural=True)
        self._patterns = [(p, key) for key, (_, patterns) in entries.items() for p in patterns]
        self._compiled: list | None = None
        self._needles: Needles | None = None

    def candidates(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Every cue in text[start:end] (offsets into text), overlaps included, by start and then longest first."""
        end = len(text) if end is None else end
        found = list(map(Cue._make, self._literals.hits(text, start, end)))  # sorted already
        if not self._patterns:
            return found
        compiled = self._compiled_patterns()
        matched = []
        for i in sorted(self._needles.which(text, start, end)):
            try:
                for m in compiled[i].finditer(text, start, end, overlapped=True, timeout=PATTERN_TIMEOUT):
                    matched.append(Cue(m.start(), m.end(), self._patterns[i][1]))
            except TimeoutError:
                pass  # a runaway pattern in a user's catalogue costs its cues, not the document
        return sorted(found + matched, key=by_start_longest_first) if matched else found

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """Where cues overlap, the one that starts first (then the longer) wins: 县级城市 hides its 城市,
        部分城市家庭 reads as 部分城市 + 家庭, 移动互联网用户普及率 is not 互联网…普及率."""
        return leftmost_longest(self.candidates(text, start, end))

    def _compiled_patterns(self) -> list:
        if self._compiled is None:
            self._compiled = [compile_pattern(p) for p, _ in self._patterns]  # compiled already to check them
            self._needles = Needles([required_strings(p) for p, _ in self._patterns])
        return self._compiled


def compile_pattern(pattern: str):
    import regex  # patterns are data a user can write: the regex module can stop a runaway one

    return regex.compile(pattern, regex.IGNORECASE)


# -- what a pattern's matches must hold

_MAX_STRINGS = 16  # beyond this many spellings a stretch of a pattern is not spelled out


def required_strings(pattern: str) -> set[str] | None:
    """Strings (lower-cased) one of which every match of the pattern holds, or None when the pattern
    says none for sure: 'broadband (?:\\w+ ){0,3}speed' holds 'broadband ', '(?:3G|4G) users' one of
    '3g users' and '4g users'. Read with Python's own regex parser, which reads the regex module's
    syntax alike, except fuzzy counts {e<=1} and [[:alpha:]] classes: patterns with those are left alone."""
    if re_parser is None or "[:" in pattern or re.search(r"\{(?!\d*(?:,\d*)?\})", pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possible nested set": the regex module reads [[ alike
            return _sequence(re_parser.parse(pattern))[1]
    except (re.error, RecursionError):  # a pattern only the regex module reads (\p{Han}, (?|…)): always tried
        return None


def _sequence(nodes) -> tuple[set[str] | None, set[str] | None]:
    """(every string the nodes can match, if few; strings one of which a match must hold, if known).
    Consecutive nodes of few spellings join into longer strings; a node of many ends such a stretch."""
    best, stretch, spelled_out = None, {""}, True
    for op, arg in nodes:
        exact, required = _node(op, arg)
        if exact is not None and len(stretch) * len(exact) <= _MAX_STRINGS:
            stretch = {a + b for a in stretch for b in exact}
            continue
        spelled_out = False
        best = _more_telling(_more_telling(best, stretch), required)
        stretch = exact if exact is not None else {""}
    return (stretch if spelled_out else None), _more_telling(best, stretch)


def _node(op, arg) -> tuple[set[str] | None, set[str] | None]:
    if op is LITERAL:
        ch = chr(arg)  # a case-insensitive match of a Latin letter or a Chinese character is its lower case
        return ({ch.lower()} if ch.isascii() or "\u4e00" <= ch <= "\u9fff" else None), None
    if op in (AT, ASSERT, ASSERT_NOT):  # \b, ^, look-arounds: they take no characters
        return {""}, None
    if op is SUBPATTERN:
        return _sequence(arg[-1])
    if op is BRANCH:
        branches = [_sequence(b) for b in arg[1]]
        exact = None
        if all(e is not None for e, _ in branches):
            exact = set().union(*(e for e, _ in branches))
        required = [_more_telling(r, e) for e, r in branches]
        return (exact if exact and len(exact) <= _MAX_STRINGS else None), \
            (set().union(*required) if all(required) else None)
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        least, most, item = arg
        exact, required = _sequence(item)
        if least == 0:  # s? is "" or "s"; (…)* requires nothing
            return ({""} | exact if most == 1 and exact is not None else None), None
        return (exact if least == most == 1 else None), _more_telling(required, exact)
    return None, None  # a class, a wildcard, a back-reference: any character


def _more_telling(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Of two requirements the one whose shortest string is longer (then the one of fewer strings)."""
    if not b or "" in b:
        return a
    if not a or "" in a:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


class Catalogue:
    def __init__(self, indicators: list[Indicator], scopes: list[ScopeEntry], path: Path):
        self.indicators = {i.key: i for i in indicators}
        self.scopes = scopes
        self.path = path
        self._by_unit = {
            unit: _Matcher({i.key: (i.cues, i.patterns) for i in indicators if unit in i.units}) for unit in UNITS
        }
        # 提高5个百分点 moves a rate: the cues of rates serve.
        self._by_unit["percentage_points"] = self._by_unit["percent"]
        self._scopes = _Matcher({s.key: (s.cues, []) for s in scopes})
        self.generic_scopes = {s.key for s in scopes if s.generic}
        self.default_indicator = {u: i.key for i in indicators for u in i.default_for}
        self.threshold_indicator = {(u, i.threshold_unit): i.key for i in indicators for u in i.units if i.threshold_unit}

    def indicator_cues(self, text: str, unit: str, start: int = 0, end: int | None = None) -> list[Cue]:
        """The indicator cues in text[start:end], with offsets into text."""
        return self._by_unit[unit].find(text, start, end)

    def scope_cues(self, text: str, start: int = 0, end: int | None = None) -> list[Cue]:
        return self._scopes.find(text, start, end)

    def fallback(self, unit: str) -> str:
        """The indicator of a figure that no cue names: the unit's default, else 'other'."""
        return self.default_indicator.get(unit, OTHER)

    def label(self, key: str, lang: str = "en") -> str:
        entry = self.indicators.get(key)
        if entry is None:
            return key
        return (entry.label_zh or entry.label_en) if lang == "zh" else entry.label_en

    def family(self, key: str) -> str:
        entry = self.indicators.get(key)
        return entry.family if entry else OTHER


def _line_of(raw: str, table: str, index: int) -> int:
    """Line number of the index-th [[table]] header in the file, for error messages."""
    seen = -1
    for n, line in enumerate(raw.splitlines(), 1):
        if line.strip() == f"[[{table}]]":
            seen += 1
            if seen == index:
                return n
    return 1


def parse_catalogue(raw: str, path: Path) -> Catalogue:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"indicator", "scope"}
    if unknown:
        raise CatalogueError(f"{path}: unknown table(s) {sorted(unknown)}; expected [[indicator]] and [[scope]]")
    parsed: dict[str, list] = {"indicator": [], "scope": []}
    for table, model in (("indicator", Indicator), ("scope", ScopeEntry)):
        for i, entry in enumerate(data.get(table, [])):
            try:
                parsed[table].append(model.model_validate(entry))
            except ValidationError as exc:
                err = exc.errors()[0]
                where = ".".join(str(p) for p in err["loc"])
                raise CatalogueError(
                    f"{path}:{_line_of(raw, table, i)}: [[{table}]] #{i + 1}: {where}: {err['msg']}") from None
    if not parsed["indicator"]:
        raise CatalogueError(f"{path}: no [[indicator]] entries")
    keys = [i.key for i in parsed["indicator"]]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise CatalogueError(f"{path}: indicator key(s) defined twice: {', '.join(dupes)}")
    return Catalogue(parsed["indicator"], parsed["scope"], path)


@lru_cache(maxsize=8)
def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """The shipped catalogue, or a user's file that replaces it (start from a copy of the shipped one)."""
    p = Path(path) if path else DEFAULT_PATH
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{p}: cannot read catalogue: {exc}") from None
    return parse_catalogue(raw, p)
