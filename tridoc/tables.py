"""Target tables flattened into text: cells split by pipes, or one cell per line.

    指标 | 单位 | 2013年 | 2015年 | 2020年
    固定宽带接入用户 | 亿户 | 2.1 | 2.7 | 4.0

A header holds two or more year cells; each row below it is a label, a unit
cell when the header has a 单位 column, and one value per year. Every value
becomes a record with its column's year; a year before the document's own is
a baseline. Empty and '——' cells give nothing; '> 98' and '大于100' give gt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import OTHER, Catalogue
from .targets import Draft
from .units import Figure, find_figures, parse_unit_cell

YEAR_CELL = re.compile(r"((?:19|20)\d{2})\s?年?(?:底|末)?(?:\([^()]{0,8}\))?")
UNIT_HEADER = {"单位", "计量单位", "unit", "Unit"}
# Units the GUIDE leaves out: their rows are read (to stay in step) but give no record.
OTHER_UNITS = {"太字节", "TB", "PB", "GB", "km", "公里", "万公里", "千米", "倍", "吨", "万吨", "平方米", "kWh", "个/万人"}
VALUE_CELL = re.compile(
    r"(?P<cmp>>|≥|<|≤|大于|超过|不低于|不少于|小于|低于|约)?\s?(?P<num>\d+(?:\.\d+)?)\s?(?P<pct>%)?"
    r"\s?(?P<after>以上|以下)?\s?(?:\((?P<note>[^()]*)\))?\s?$")
EMPTY_CELL = re.compile(r"[\s—\-–/]*$")
CMP = {">": "gt", "大于": "gt", "超过": "gt", "≥": "ge", "不低于": "ge", "不少于": "ge", "<": "lt", "小于": "lt",
       "低于": "lt", "≤": "le", "约": "approx", "以上": "ge", "以下": "le"}
_HEADER_HINT = re.compile(r"(?:19|20)\d{2}\s?年?(?:\([^()\n]{0,8}\))?[ \t]*(?:\||\n)\s*\|?\s*(?:19|20)\d{2}")
BASELINE_HEADER = re.compile(r"现状|基期|基数|基准|实际|baseline", re.IGNORECASE)


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int
    line: int = 0


def cells_of(text: str) -> list[Cell]:
    """Every line as cells: split at pipes (a trailing pipe closes the last cell), else the line is one cell."""
    cells = []
    for n, m in enumerate(re.finditer(r"[^\n]+", text)):
        line, base = m.group(), m.start()
        if not line.strip():
            continue
        if "|" not in line:
            cells.append(_cell(line, base, n))
            continue
        parts, pos = [], base
        for piece in line.split("|"):
            parts.append(_cell(piece, pos, n))
            pos += len(piece) + 1
        if line.rstrip().endswith("|"):
            parts.pop()
        if line.lstrip().startswith("|") and len(parts) > 1:
            parts.pop(0)
        cells.extend(parts)
    return cells


def _cell(piece: str, base: int, line: int) -> Cell:
    stripped = piece.strip()
    start = base + (piece.find(stripped) if stripped else 0)
    return Cell(stripped, start, start + len(stripped), line)


def read_tables(text: str, catalogue: Catalogue, doc_year: int | None) -> tuple[list[Draft], list[tuple[int, int]]]:
    if not _HEADER_HINT.search(text):
        return [], []  # no two year cells side by side: no table here, skip the cell pass
    cells = cells_of(text)
    drafts, spans, i = [], [], 0
    while i < len(cells) - 1:
        header = _header_at(cells, i)
        if header is None:
            i += 1
            continue
        table = _Table(cells, header, catalogue, doc_year)
        end = table.read()
        drafts.extend(table.drafts)
        spans.append((cells[header.first].start, cells[end - 1].end))
        i = end
    return drafts, spans


@dataclass
class _Header:
    first: int            # first header cell (label column)
    years: list[int]
    baseline: list[bool]  # a column marked 现状 / 基期
    has_unit: bool
    end: int              # first cell after the header


def _year_cell(cell: Cell) -> re.Match | None:
    return YEAR_CELL.fullmatch(cell.text)


def _header_at(cells: list[Cell], i: int) -> _Header | None:
    if not (_year_cell(cells[i]) and i + 1 < len(cells) and _year_cell(cells[i + 1])):
        return None
    j, years, baseline = i, [], []
    while j < len(cells) and (m := _year_cell(cells[j])):
        years.append(int(m.group(1)))
        baseline.append(bool(BASELINE_HEADER.search(cells[j].text)))
        j += 1
    before = [c.text for c in cells[max(0, i - 3):i]]
    has_unit = any(t in UNIT_HEADER for t in before)
    first = i - (2 if has_unit else 1)
    return _Header(max(first, 0), years, baseline, has_unit, j)


class _Table:
    def __init__(self, cells: list[Cell], header: _Header, catalogue: Catalogue, doc_year: int | None):
        self.cells, self.h, self.cat, self.doc_year = cells, header, catalogue, doc_year
        self.drafts: list[Draft] = []
        self.prev_indicator: dict[str, str] = {}

    def read(self) -> int:
        """Reads rows until the cells stop looking like rows; returns the index after the table."""
        header = self.cells[self.h.first:self.h.end]
        if header[0].line == header[-1].line:
            return self._read_lines()
        i, misses, k = self.h.end, 0, len(self.h.years)
        width = k + (2 if self.h.has_unit else 1)
        last_row_end = i
        while i < len(self.cells) and misses < 3:
            label = self.cells[i]
            if not self._is_label(label.text):
                misses, i = misses + 1, i + 1
                continue
            unit = self._row_unit(i)
            if unit is False:  # a section heading (1. 宽带用户规模) or the end of the table
                misses, i = misses + 1, i + 1
                continue
            row = self.cells[i:i + width]
            self._row(row, unit)
            i += width
            misses, last_row_end = 0, i
        return last_row_end

    def _read_lines(self) -> int:
        """A header on one line: every following line with pipes is one row (label, unit?, values)."""
        i = self.h.end
        while i < len(self.cells):
            line = self.cells[i].line
            j = i
            while j < len(self.cells) and self.cells[j].line == line:
                j += 1
            row = self.cells[i:j]
            if len(row) < 2:
                break
            unit = self._row_unit(i) if self._is_label(row[0].text) else False
            if unit is not False:
                self._row(row, unit)
            i = j
        return i

    @staticmethod
    def _is_label(text: str) -> bool:
        return bool(text) and not VALUE_CELL.match(text) and not EMPTY_CELL.match(text)

    def _row_unit(self, i: int):
        """(unit, multiplier), None for a unit outside the GUIDE, False when cells[i] does not start a row."""
        if self.h.has_unit:
            if i + 1 >= len(self.cells):
                return False
            cell = self.cells[i + 1].text
            parsed = parse_unit_cell(cell)
            return parsed if parsed else (None if cell in OTHER_UNITS else False)
        values = self.cells[i + 1:i + 1 + len(self.h.years)]
        if not any(VALUE_CELL.match(c.text) for c in values):
            return False
        label_unit = re.search(r"\(([^()]{1,6})\)\s*$", self.cells[i].text)
        return parse_unit_cell(label_unit.group(1)) if label_unit else None

    def _row(self, row: list[Cell], unit) -> None:
        label = row[0]
        values = row[2:] if self.h.has_unit else row[1:]
        for col, cell in enumerate(values):
            m = VALUE_CELL.match(cell.text)
            if not m:
                continue
            u, mult = unit if unit else (("percent", 1.0) if m.group("pct") else (None, None))
            if u is None:
                continue
            self._record(label, row, cell, m, u, mult, col)

    def _record(self, label: Cell, row: list[Cell], cell: Cell, m: re.Match, unit: str, mult: float, col: int):
        value = float(m.group("num")) * mult
        fig = Figure(value, unit, cell.start + m.start("num"), cell.start + m.end("num"), cell.start + m.start("num"),
                     surface=cell.text)
        year = self.h.years[col]
        past = self.h.baseline[col] or (self.doc_year is not None and year < self.doc_year)
        comparator = CMP.get(m.group("cmp") or m.group("after") or "", "eq")
        indicator, scope = self._meaning(label.text, unit, m.group("note") or "")
        self.drafts.append(Draft(fig, comparator, year, indicator, scope, "baseline" if past else "target",
                                 (label.start, cell.end), (label.start, label.end)))

    def _meaning(self, label: str, unit: str, note: str) -> tuple[str, str | None]:
        """Indicator from the row label (a 其中 row without a cue takes the row above it); scope from label or note."""
        cues = self.cat.indicator_cues(label, unit)
        if cues:
            indicator = max(cues, key=lambda c: (c.length, c.end)).key
        else:
            indicator = self.prev_indicator.get(unit, OTHER)
        self.prev_indicator[unit] = indicator
        scopes = [c.key for c in self.cat.scope_cues(label)] or [c.key for c in self.cat.scope_cues(note)]
        return indicator, scopes[0] if len(set(scopes)) == 1 else None


__all__ = ["read_tables", "cells_of", "find_figures"]
