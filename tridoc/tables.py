"""Target tables flattened into text.

Three shapes are read:

    指标 | 单位 | 2013年 | 2015年 | 2020年          a header line with two or more year cells, then a row a line;
    固定宽带接入用户 | 亿户 | 2.1 | 2.7 | 4.0           cells split by pipes, tabs or runs of spaces

    指标 / 单位 / 2013 年 / … one cell per line      the same, every cell on a line of its own

    指标:电子商务交易额;单位:亿元;2013年:2100;2015年目标:3500       key-value lines

Each value under a year column is a record with that year, the row's indicator
and the unit of its row (or of its cell); a year before the document's own, or a
column marked 现状/基数, is a baseline. Empty and '——' cells give nothing;
'> 98' and '大于100' give gt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import Catalogue
from .normalize import spaced_tables
from .targets import Draft, one_group_scopes
from .units import Figure, parse_unit_cell

YEAR_CELL = re.compile(r"((?:19|20)\d{2})\s?年?(?:底|末)?(?:目标值?|现状|基数|实际)?(?:\([^()]{0,8}\))?")
UNIT_HEADER = {"单位", "计量单位", "unit", "Unit", "units", "Units"}
# The column that names each row (not 类别, a category, nor 指标属性, the kind of indicator).
LABEL_HEADER = re.compile(r"(?:主要)?指标(?:名称)?|项目(?:名称)?|名称|内容|indicators?|items?", re.IGNORECASE)
# Units the GUIDE leaves out: their rows are read (to stay in step) but give no record.
OTHER_UNITS = {"太字节", "TB", "PB", "GB", "km", "公里", "万公里", "千米", "倍", "吨", "万吨", "平方米", "kWh", "个/万人"}
VALUE_CELL = re.compile(
    r"(?P<cmp>>|≥|<|≤|大于|超过|不低于|不少于|小于|低于|约)?\s?(?P<num>\d+(?:\.\d+)?)\s?(?P<pct>%)?"
    r"\s?(?P<after>以上|以下)?\s?(?:\((?P<note>[^()]*)\))?\s?$")
EMPTY_CELL = re.compile(r"[\s—\-–/]*$")
KIND_CELLS = {"预期性", "约束性", "指导性", "预期", "约束"}  # the kind of an indicator, in a 属性 column
SERIAL_CELL = re.compile(r"\d{1,2}")
CMP = {">": "gt", "大于": "gt", "超过": "gt", "≥": "ge", "不低于": "ge", "不少于": "ge", "<": "lt", "小于": "lt",
       "低于": "lt", "≤": "le", "约": "approx", "以上": "ge", "以下": "le"}
BASELINE_HEADER = re.compile(r"现状|基期|基数|基准|实际|baseline", re.IGNORECASE)
# Two year cells side by side (same line or next line): without it the text has no table to read.
# One pattern per century of the first year: a pattern opening with a plain string ("19") is found
# by a fast scan for that string, where the alternation (19|20) had the regex engine test every character.
_AFTER_CENTURY = r"\d{2}\s?年?(?:\([^()\n]{0,8}\))?[ \t]*(?:\||\n|\t| +)\s*\|?\s*(?:19|20)\d{2}"
_HEADER_HINTS = [re.compile(century + _AFTER_CENTURY) for century in ("19", "20")]
_COLUMN_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_KV_LINE = re.compile(r"(?m)^[ \t]*指标\s?:[^\n]*")
_KV_PAIR = re.compile(r"(?P<key>[^:;,\n]+):(?P<value>[^;,\n]*)")


_SUB_ROW = re.compile(r"\s?其中")
_SUB_ROW_REST = re.compile(r"[\W\d_]|其中|家庭|用户")


def _drop(text: str, cues) -> str:
    for c in sorted(cues, key=lambda c: -c.start):
        text = text[:c.start] + text[c.end:]
    return text


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int
    line: int = 0


def cells_of(text: str) -> list[Cell]:
    """Every line as cells: split at pipes (a trailing pipe closes the last cell), tabs or runs of
    two or more spaces; a line with none of these is one cell. In a table whose cells single spaces
    set apart (normalize.spaced_tables), lines split at single spaces."""
    cells, spaced = [], spaced_tables(text)
    width = 0  # the columns of the single-spaced table the line is in, if any
    for n, m in enumerate(re.finditer(r"[^\n]+", text)):
        line, base = m.group(), m.start()
        if not line.strip():
            continue
        if any(a == base for a, _ in spaced):
            width = len(line.split())
        elif not any(a <= base < b for a, b in spaced):
            width = 0
        cells.extend(_split_spaced(line, base, n, width) if width else _split_line(line, base, n))
    return cells


def _split_spaced(line: str, base: int, n: int, width: int) -> list[Cell]:
    """Cells set apart by spaces; a row with more words than the header has columns has a label
    of several words (Fixed broadband penetration % 52 65), which the first cell takes."""
    words = list(re.finditer(r"\S+", line))
    extra = max(0, len(words) - width)
    first = _cell(line[:words[extra].end()], base, n)
    return [first] + [_cell(w.group(), base + w.start(), n) for w in words[extra + 1:]]


def _split_line(line: str, base: int, n: int) -> list[Cell]:
    if "|" in line:
        parts = _pieces(line, base, n, line.split("|"), 1)
        if line.rstrip().endswith("|"):
            parts.pop()
        if line.lstrip().startswith("|") and len(parts) > 1:
            parts.pop(0)
        return parts
    if "\t" in line.strip():
        return [c for c in _pieces(line, base, n, line.split("\t"), 1) if c.text]
    if _COLUMN_GAP.search(line):
        cells, pos = [], 0
        for gap in [*_COLUMN_GAP.finditer(line), None]:
            end = gap.start() if gap else len(line)
            cells.append(_cell(line[pos:end], base + pos, n))
            pos = gap.end() if gap else pos
        return [c for c in cells if c.text]
    return [_cell(line, base, n)]


def _pieces(line: str, base: int, n: int, pieces: list[str], sep: int) -> list[Cell]:
    out, pos = [], base
    for piece in pieces:
        out.append(_cell(piece, pos, n))
        pos += len(piece) + sep
    return out


def _cell(piece: str, base: int, line: int) -> Cell:
    stripped = piece.strip()
    start = base + (piece.find(stripped) if stripped else 0)
    return Cell(stripped, start, start + len(stripped), line)


def read_tables(text: str, catalogue: Catalogue, doc_year: int | None) -> tuple[list[Draft], list[tuple[int, int]]]:
    drafts, spans = _key_value_lines(text, catalogue, doc_year)
    breakdown = ("|" in text or "\t" in text) and _PLACE_HEADER_HINT.search(text)
    years_side_by_side = any(hint.search(text) for hint in _HEADER_HINTS)
    if not (breakdown or years_side_by_side):
        return drafts, spans  # no table header: skip the cell pass
    cells = cells_of(text)
    if breakdown:
        found, where = _breakdowns(text, cells, catalogue, doc_year)
        drafts, spans = drafts + found, spans + where
    if not years_side_by_side:
        return drafts, sorted(spans)
    i = 0
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
    return drafts, sorted(spans)


@dataclass
class _Header:
    first: int            # first header cell
    years: list[int]
    baseline: list[bool]  # a column marked 现状 / 基期
    has_unit: bool
    end: int              # first cell after the header
    columns: list[str]    # on one line: the header's cells, for the role of each column


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
    if cells[i].line == cells[j - 1].line:  # one header line: its cells name the columns
        first, last = i, j
        while first > 0 and cells[first - 1].line == cells[i].line:
            first -= 1
        while last < len(cells) and cells[last].line == cells[i].line:
            last += 1  # columns after the years (指标属性) belong to the header too
        columns = [c.text for c in cells[first:last]]
        return _Header(first, years, baseline, any(t in UNIT_HEADER for t in columns), last, columns)
    before = [c.text for c in cells[max(0, i - 3):i]]
    has_unit = any(t in UNIT_HEADER for t in before)
    return _Header(max(i - (2 if has_unit else 1), 0), years, baseline, has_unit, j, [])


class _Table:
    def __init__(self, cells: list[Cell], header: _Header, catalogue: Catalogue, doc_year: int | None):
        self.cells, self.h, self.cat, self.doc_year = cells, header, catalogue, doc_year
        self.drafts: list[Draft] = []
        self.prev_indicator: dict[str, str] = {}

    def read(self) -> int:
        """Reads rows until the cells stop looking like rows; returns the index after the table."""
        return self._read_lines() if self.h.columns else self._read_stream()

    def _read_stream(self) -> int:
        """One cell per line: rows are found again after each section heading by their unit cell."""
        i, misses, k = self.h.end, 0, len(self.h.years)
        width = k + (2 if self.h.has_unit else 1)
        last_row_end = i
        while i < len(self.cells) and misses < 3:
            label = self.cells[i]
            if label.text in KIND_CELLS or SERIAL_CELL.fullmatch(label.text):
                i += 1  # the 属性 (预期性) closing a row, the 序号 opening one: part of the table
                continue
            if not self._is_label(label.text):
                misses, i = misses + 1, i + 1
                continue
            unit = self._stream_unit(i)
            if unit is False:  # a section heading (1. 宽带用户规模) or the end of the table
                misses, i = misses + 1, i + 1
                continue
            row = self.cells[i:i + width]
            self._values(row[0], row, row[width - k:], unit)
            i += width
            misses, last_row_end = 0, i
        return last_row_end

    def _read_lines(self) -> int:
        """A header on one line: every following line with two or more cells is one row."""
        columns = self.h.columns
        unit_col = next((n for n, t in enumerate(columns) if t in UNIT_HEADER), None)
        year_cols = [n for n, t in enumerate(columns) if YEAR_CELL.fullmatch(t)]
        label_col = next((n for n, t in enumerate(columns) if LABEL_HEADER.fullmatch(t)),
                         (unit_col if unit_col is not None else year_cols[0]) - 1)
        i = self.h.end
        while i < len(self.cells):
            j = i
            while j < len(self.cells) and self.cells[j].line == self.cells[i].line:
                j += 1
            row = self.cells[i:j]
            if len(row) < 2:
                break
            shift = len(columns) - len(row)  # a row short of leading cells (序号) lines up from the right
            label = _cell_at(row, shift, max(label_col, 0))
            if label is not None and self._is_label(label.text):
                unit_cell = _cell_at(row, shift, unit_col) if unit_col is not None else None
                self._values(label, row, [_cell_at(row, shift, c) for c in year_cols],
                             self._unit(label.text, unit_cell))
            i = j
        return i

    @staticmethod
    def _is_label(text: str) -> bool:
        return bool(text) and not VALUE_CELL.match(text) and not EMPTY_CELL.match(text)

    def _stream_unit(self, i: int):
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
        return self._unit(self.cells[i].text, None)

    @staticmethod
    def _unit(label: str, unit_cell: Cell | None):
        """The unit cell's unit, else one in brackets at the end of the label: 固定宽带家庭普及率(%)."""
        if unit_cell is not None and unit_cell.text:
            return parse_unit_cell(unit_cell.text)
        in_label = re.search(r"\(([^()]{1,6})\)\s*$", label)
        return parse_unit_cell(in_label.group(1)) if in_label else None

    def _values(self, label: Cell, row: list[Cell], cells: list[Cell | None], unit) -> None:
        for col, cell in enumerate(cells):
            m = VALUE_CELL.match(cell.text) if cell is not None else None
            if not m:
                continue
            u, mult = unit if unit else (("percent", 1.0) if m.group("pct") else (None, None))
            if u is not None:
                self.drafts.append(_record(self, label, cell, m, u, mult, self.h.years[col], self.h.baseline[col]))

    def meaning(self, label: str, unit: str, note: str) -> tuple[str, str | None]:
        """Indicator from the row label (a 其中 row without a cue takes the row above it); scope from label or note."""
        indicator = _named(self.cat, label, unit)
        if indicator is None:
            sub_row = _SUB_ROW.match(label) or not _SUB_ROW_REST.sub("", _drop(label, self.cat.scope_cues(label)))
            fallback = self.cat.fallback(unit)  # 其中:发达城市 refines the row above
            indicator = self.prev_indicator.get(unit, fallback) if sub_row else fallback
        self.prev_indicator[unit] = indicator
        text = label if self.cat.scope_cues(label) else note
        keys = one_group_scopes(text, self.cat.scope_cues(text), self.cat.generic_scopes)
        return indicator, keys[0] if len(keys) == 1 else None


def _named(catalogue: Catalogue, label: str, unit: str) -> str | None:
    """The indicator a label's longest (then last) cue names, if it has one."""
    cues = catalogue.indicator_cues(label, unit)
    return max(cues, key=lambda c: (c.length, c.end)).key if cues else None


def _cell_at(row: list[Cell], shift: int, col: int) -> Cell | None:
    return row[col - shift] if 0 <= col - shift < len(row) else None


def _record(table, label: Cell, cell: Cell, m: re.Match, unit: str, mult: float, year: int, marked: bool,
            named_by: Cell | None = None) -> Draft:
    """The record of one value cell; named_by is the cell that says what it measures (the row's label
    unless a column says it)."""
    named_by = named_by or label
    value = float(m.group("num")) * mult
    start, end = cell.start + m.start("num"), cell.start + m.end("num")
    past = marked or (table.doc_year is not None and year < table.doc_year)
    comparator = CMP.get(m.group("cmp") or m.group("after") or "", "eq")
    indicator, scope = table.meaning(label.text, unit, m.group("note") or "")
    return Draft(Figure(value, unit, start, end, start, surface=cell.text), comparator, year, indicator, scope,
                 "baseline" if past else "target", (label.start, cell.end), (named_by.start, named_by.end))


# A breakdown by place: the year (and the unit) in a caption, the places down the first column and
# what is counted in the second:
#     2020年各地5G基站建设任务（单位：个）
#     地区 | 5G基站数
#     石家庄市 | 2500
PLACE_HEADER = {"地区", "地市", "城市", "市州", "各市", "区县", "县区", "区域", "设区市"}
_PLACE_HEADER_HINT = re.compile(r"(?:地区|地市|城市|市州|各市|区县|县区|区域|设区市)[ \t]*(?:\||\t| {2,})")
_CAPTION = re.compile(r"((?:19|20)\d{2})年[^\n|]*$")
_CAPTION_UNIT = re.compile(r"单位:\s*([^)\n,]{1,6})")


def _breakdowns(text: str, cells: list[Cell], catalogue: Catalogue, doc_year: int | None):
    drafts, spans = [], []
    for i, cell in enumerate(cells[:-1]):
        header = cells[i + 1]
        if cell.text not in PLACE_HEADER or header.line != cell.line or i and cells[i - 1].line == cell.line:
            continue
        caption = _CAPTION.search(text, text.rfind("\n", 0, text.rfind("\n", 0, cell.start)) + 1, cell.start)
        if caption is None:
            continue
        named = _CAPTION_UNIT.search(caption.group())
        year, unit = int(caption.group(1)), parse_unit_cell(named.group(1)) if named else _Table._unit(header.text, None)
        if not unit or unit[0] is None:
            continue
        column = _Column(_named(catalogue, header.text, unit[0]) or catalogue.fallback(unit[0]), doc_year)
        j = i + 2
        while j + 1 < len(cells) and cells[j].line == cells[j + 1].line != cells[j - 1].line \
                and (m := VALUE_CELL.match(cells[j + 1].text)):
            drafts.append(_record(column, cells[j], cells[j + 1], m, unit[0], unit[1], year, False, header))
            j += 2
        if j > i + 2:
            spans.append((cell.start, cells[j - 1].end))
    return drafts, spans


@dataclass
class _Column:
    """What _record asks of a table, for a breakdown by place: the column names what is counted."""
    indicator: str
    doc_year: int | None

    def meaning(self, label: str, unit: str, note: str) -> tuple[str, None]:
        return self.indicator, None


class _KeyValues:
    """指标:电子商务交易额;单位:亿元;2013年:2100;2015年目标:3500 — one row a line."""

    def __init__(self, catalogue: Catalogue, doc_year: int | None):
        self.cat, self.doc_year = catalogue, doc_year
        self.prev_indicator: dict[str, str] = {}
        self.meaning = _Table.meaning.__get__(self)

    def read(self, text: str, line: re.Match) -> list[Draft]:
        pairs = [(m.group("key").strip(), Cell(m.group("value").strip(), m.start("value"), m.end("value")))
                 for m in _KV_PAIR.finditer(text, line.start(), line.end())]
        fields = {k: c for k, c in pairs}
        label, unit_cell = fields.get("指标"), fields.get("单位")
        unit = _Table._unit(label.text, unit_cell) if label else None
        drafts = []
        for key, cell in pairs:
            year, m = YEAR_CELL.fullmatch(key), VALUE_CELL.match(cell.text)
            if not (label and year and m):
                continue
            u, mult = unit if unit else (("percent", 1.0) if m.group("pct") else (None, None))
            if u is not None:
                marked = bool(BASELINE_HEADER.search(key))
                drafts.append(_record(self, label, cell, m, u, mult, int(year.group(1)), marked))
        return drafts


def _key_value_lines(text: str, catalogue: Catalogue, doc_year: int | None):
    if "指标" not in text:
        return [], []
    reader, drafts, spans = _KeyValues(catalogue, doc_year), [], []
    for line in _KV_LINE.finditer(text):
        found = reader.read(text, line)
        if found:
            drafts.extend(found)
            spans.append((line.start(), line.end()))
    return drafts, spans
