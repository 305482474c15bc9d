"""Lining up the targets of many documents: a row per (indicator, scope, year, unit), a column per document.

Memory stays flat however many documents there are. Each document is cut down
to a `Brief` as soon as it is extracted (in the worker process when there are
workers): its facts and, per figure, the row key, value, comparator, kind and a
short evidence text (`EVIDENCE_CHARS` around the figure; `tridoc extract` gives
the whole sentence). `Collector` files the briefs into a `Lineup`: a small
record per document and, per row, packed arrays of figures, the evidence texts
being written once per document and sentence to a spooled temporary file. So
the parent holds a few dozen bytes per figure and a few hundred per document.

`Comparison` is the JSON contract (`tridoc schema compare`); `render.py` writes
it from a Lineup piece by piece, and `Lineup.model()` builds it whole for small
comparisons. `Grid` is the same data laid out for a table.
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from .models import SCHEMA_VERSION, UNITS, Comparator, ErrorRecord, Kind, Scope, Unit
from .render import scope_label, year_label

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .models import DocumentInfo, Extraction, Target

FAMILIES = ("broadband", "mobile", "internet", "wireless", "fiber", "cabletv", "price", "money", "other")
FAMILY_ZH = {"broadband": "宽带", "mobile": "移动", "internet": "互联网", "wireless": "无线", "fiber": "光纤",
             "cabletv": "有线电视", "price": "资费", "money": "金额", "other": "其他"}
SCOPES: tuple[str, ...] = Scope.__args__  # type: ignore[attr-defined]
COMPARATORS: tuple[str, ...] = Comparator.__args__  # type: ignore[attr-defined]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
EVIDENCE_CHARS = 160  # evidence kept per figure, around it
WIDE = 40  # more document columns than this make a terminal table unreadable: the footer says what to do


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompareDocument(_Model):
    id: str = Field(description="Short stable key of the document (its file stem, made unique); keys `cells`.")
    source: str
    region: str | None = None
    region_zh: str | None = None
    date: dt.date | None = None
    title: str | None = None
    doc_number: str | None = None
    targets: int = Field(0, description="Figures of this document in the comparison (after filters).")


class Cell(_Model):
    value: float
    comparator: Comparator
    kind: Kind = "target"
    text: str = Field(description=f"Evidence: the sentence the figure came from, cut to about {EVIDENCE_CHARS} "
                                  "characters around the figure (`tridoc extract` gives it whole).")


class Row(_Model):
    indicator: str
    label: str = Field(description="The indicator's label in the language asked for.")
    family: str
    scope: Scope | None = None
    unit: Unit
    year: int | None = None
    cells: dict[str, list[Cell]] = Field(description="Figures per document id; documents without one are absent.")


class Totals(_Model):
    documents: int
    targets: int
    failures: int


class Comparison(_Model):
    schema_version: str = SCHEMA_VERSION
    documents: list[CompareDocument]
    rows: list[Row]
    errors: list[ErrorRecord] = []
    totals: Totals


# ------------------------------------------------------------------ filters and briefs

@dataclass(frozen=True)
class Filters:
    indicators: tuple[str, ...] = ()  # key prefixes: "broadband." keeps every broadband indicator
    years: tuple[int, ...] = ()
    regions: tuple[str, ...] = ()  # case-insensitive substrings of the region (English or Chinese)
    kind: str = "all"

    def keeps_document(self, info: DocumentInfo | None) -> bool:
        if not self.regions:
            return True
        names = [n.casefold() for n in (info.region, info.region_zh) if n] if info else []
        return any(r.casefold() in n for r in self.regions for n in names)

    def keeps_target(self, t: Target) -> bool:
        return ((self.kind == "all" or t.kind == self.kind)
                and (not self.indicators or t.indicator.startswith(self.indicators))
                and (not self.years or t.year in self.years))


def evidence_text(text: str, figure: str | None, limit: int = EVIDENCE_CHARS) -> str:
    """The sentence cut to about `limit` characters around the figure, '…' marking each cut."""
    if len(text) <= limit:
        return text
    at = text.find(figure) if figure else -1
    if at < 0:
        return text[:limit] + "…"
    start = max(0, at - max(0, limit - len(figure)) // 3)  # a third of the room before the figure
    end = min(len(text), start + limit)
    start = max(0, end - limit)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class Brief(NamedTuple):
    """One document cut down to what the comparison shows; small, so that it pickles and keeps cheaply.

    `info` is (region, region_zh, date, title, doc_number), or None for a document that
    failed or that the filters leave out. Each figure is (indicator, scope, year, unit,
    value, comparator, kind, evidence), the filters applied; one sentence's evidence is
    one string object, however many figures it holds.
    """

    source: str
    info: tuple | None
    figures: tuple[tuple, ...]
    errors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Briefer:
    """Extraction -> Brief; picklable, so that a worker process returns the brief, not the Extraction."""

    filters: Filters = Filters()
    evidence: int = EVIDENCE_CHARS

    def __call__(self, extraction: Extraction) -> Brief:
        errors = tuple((e.file, e.cause) for e in extraction.errors)
        info = extraction.document
        if info is None or not self.filters.keeps_document(info):
            return Brief(extraction.source, None, (), errors)
        texts: dict[str, str] = {}
        figures = []
        for t in extraction.targets:
            if self.filters.keeps_target(t):
                text = evidence_text(t.text, t.figure, self.evidence)
                text = texts.setdefault(text, text)
                figures.append((t.indicator, t.scope, t.year, t.unit, t.value, t.comparator, t.kind, text))
        facts = (info.region, info.region_zh, info.date, info.title, info.doc_number)
        return Brief(extraction.source, facts, tuple(figures), errors)


# ------------------------------------------------------------------ the lineup: what the parent keeps

class _Evidence:
    """Evidence texts in a spooled temporary file (memory up to `spool` bytes, then disk): put -> ref, get."""

    def __init__(self, spool: int = 1 << 20):
        self._file = tempfile.SpooledTemporaryFile(max_size=spool)
        self._end = 0
        self._at_end = True  # no read since the last write: no seek needed to append

    def put(self, text: str) -> int:
        data = text.encode("utf-8")[:0xFFFFFF]  # evidence is short; the cap only keeps the ref well-formed
        if not self._at_end:
            self._file.seek(self._end)
            self._at_end = True
        self._file.write(data)
        ref = self._end << 24 | len(data)
        self._end += len(data)
        return ref

    def get(self, ref: int) -> str:
        self._at_end = False
        self._file.seek(ref >> 24)
        return self._file.read(ref & 0xFFFFFF).decode("utf-8", "replace")

    def close(self) -> None:
        self._file.close()


@dataclass(slots=True)
class DocRecord:
    """A document of the comparison: the fields of CompareDocument, in a slotted object."""

    id: str
    source: str
    region: str | None = None
    region_zh: str | None = None
    date: dt.date | None = None
    title: str | None = None
    doc_number: str | None = None
    targets: int = 0

    def record(self) -> dict:
        """JSON-ready, as CompareDocument dumps it."""
        out = {name: getattr(self, name) for name in self.__slots__}
        out["date"] = self.date.isoformat() if self.date else None
        return out


class Entry(NamedTuple):
    """One figure of a row, as a Cell has it."""

    value: float
    comparator: str
    kind: str
    text: str


class LineupRow:
    """A row: its key and label, and its figures in packed arrays (document, value, comparator+kind, evidence)."""

    __slots__ = ("indicator", "scope", "unit", "year", "label", "family", "_docs", "_values", "_codes", "_refs",
                 "_evidence")

    def __init__(self, key: tuple, evidence: _Evidence):
        self.indicator, self.scope, self.year, self.unit = key
        self.label = self.family = ""
        self._docs: list[str] = []  # the document id of each figure (shared strings), documents in input order
        self._values = array("d")
        self._codes = array("B")  # comparator index * len(KINDS) + kind index
        self._refs = array("Q")  # where the evidence is in the spool
        self._evidence = evidence

    def add(self, doc: str, value: float, comparator: str, kind: str, ref: int) -> None:
        self._docs.append(doc)
        self._values.append(value)
        self._codes.append(COMPARATORS.index(comparator) * len(KINDS) + KINDS.index(kind))
        self._refs.append(ref)

    def __len__(self) -> int:
        return len(self._docs)

    def groups(self, text: bool = True) -> Iterator[tuple[str, list[Entry]]]:
        """(document id, its figures) in document order; text=False leaves the evidence out (empty)."""
        docs, n = self._docs, len(self._docs)
        i = 0
        while i < n:
            doc, entries = docs[i], []
            while i < n and docs[i] == doc:
                comparator, kind = divmod(self._codes[i], len(KINDS))
                evidence = self._evidence.get(self._refs[i]) if text else ""
                entries.append(Entry(self._values[i], COMPARATORS[comparator], KINDS[kind], evidence))
                i += 1
            yield doc, entries

    @property
    def cells(self) -> dict[str, list[Entry]]:
        return dict(self.groups())

    def model(self) -> Row:
        cells = {doc: [Cell(**e._asdict()) for e in entries] for doc, entries in self.groups()}
        return Row(indicator=self.indicator, label=self.label, family=self.family, scope=self.scope, unit=self.unit,
                   year=self.year, cells=cells)


@dataclass
class Lineup:
    """The comparison as the parent keeps it; `model()` is the Comparison, render.py streams it."""

    documents: list[DocRecord]
    rows: list[LineupRow]
    errors: list[ErrorRecord]
    totals: Totals
    _evidence: _Evidence | None = field(default=None, repr=False)

    def model(self) -> Comparison:
        documents = [CompareDocument.model_validate(d.record()) for d in self.documents]
        return Comparison(documents=documents, rows=[r.model() for r in self.rows], errors=self.errors,
                          totals=self.totals)

    def close(self) -> None:
        """Drop the evidence spool (it goes anyway when the lineup is collected)."""
        if self._evidence is not None:
            self._evidence.close()

    def __enter__(self) -> Lineup:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def document_id(source: str) -> str:
    return "stdin" if source in ("-", "<stdin>") else (PurePath(source).stem or source)


def _shared(text: str | None) -> str | None:
    return sys.intern(text) if text else text


class Collector:
    """Builds a Lineup from briefs (or extractions, briefed here) added one by one."""

    def __init__(self, catalogue: Catalogue, filters: Filters | None = None, lang: str = "en"):
        self.catalogue, self.filters, self.lang = catalogue, filters or Filters(), lang
        self.documents: list[DocRecord] = []
        self.errors: list[ErrorRecord] = []
        self._briefer = Briefer(self.filters)
        self._evidence = _Evidence()
        self._rows: dict[tuple, LineupRow] = {}
        self._ids: set[str] = set()

    def add(self, item: Brief | Extraction) -> None:
        """A document; a Brief is taken as it is (the filters were applied when it was made)."""
        brief = item if isinstance(item, Brief) else self._briefer(item)
        self.errors.extend(ErrorRecord(file=file, cause=cause) for file, cause in brief.errors)
        if brief.info is None:
            return
        doc = self._document(brief.source, brief.info)
        refs: dict[str, int] = {}  # evidence written once per sentence of this document
        for indicator, scope, year, unit, value, comparator, kind, text in brief.figures:
            key = (indicator, scope, year, unit)
            row = self._rows.get(key)
            if row is None:
                row = self._rows[key] = LineupRow(tuple(_shared(k) if isinstance(k, str) else k for k in key),
                                                  self._evidence)
            ref = refs.get(text)
            if ref is None:
                ref = refs[text] = self._evidence.put(text)
            row.add(doc.id, value, comparator, kind, ref)
            doc.targets += 1

    def _document(self, source: str, info: tuple) -> DocRecord:
        base = doc_id = document_id(source)
        n = 1
        while doc_id in self._ids:
            n += 1
            doc_id = f"{base}-{n}"
        self._ids.add(doc_id)
        region, region_zh, date, title, doc_number = info
        doc = DocRecord(doc_id, source, _shared(region), _shared(region_zh), date, title, doc_number)
        self.documents.append(doc)
        return doc

    def result(self) -> Lineup:
        rows = list(self._rows.values())
        for row in rows:
            row.label = self.catalogue.label(row.indicator, self.lang)
            row.family = self.catalogue.family(row.indicator)
        keys = {key: n for n, key in enumerate(self.catalogue.indicators)}
        rows.sort(key=lambda row: _order(row, keys))
        totals = Totals(documents=len(self.documents), targets=sum(d.targets for d in self.documents),
                        failures=len({e.file for e in self.errors}))
        return Lineup(self.documents, rows, self.errors, totals, self._evidence)


def _order(row: LineupRow, keys: dict[str, int]) -> tuple:
    """Family, then catalogue order of the indicator, then unit, scope and year (rows without either first/last)."""
    family = FAMILIES.index(row.family) if row.family in FAMILIES else len(FAMILIES)
    scope = SCOPES.index(row.scope) + 1 if row.scope in SCOPES else 0
    unit = UNITS.index(row.unit) if row.unit in UNITS else len(UNITS)
    return family, keys.get(row.indicator, len(keys)), row.indicator, unit, scope, row.year is None, row.year or 0


def compare(items: Iterable[Brief | Extraction], catalogue: Catalogue, filters: Filters | None = None,
            lang: str = "en") -> Lineup:
    collector = Collector(catalogue, filters, lang)
    for item in items:
        collector.add(item)
    return collector.result()


# ------------------------------------------------------------------ labels

def column_labels(documents: Sequence, lang: str = "en") -> dict[str, str]:
    """'Hunan 2014-02-22' per document; its file name where no region is known; the id added to duplicates."""
    def base(d) -> str:
        region = (d.region_zh or d.region) if lang == "zh" else (d.region or d.region_zh)
        name = region or PurePath(d.source).name or d.id
        return f"{name} {d.date.isoformat()}" if d.date else name

    labels = {d.id: base(d) for d in documents}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {i: (f"{label} ({i})" if counts[label] > 1 else label) for i, label in labels.items()}


def family_label(family: str, lang: str = "en") -> str:
    return FAMILY_ZH.get(family, family) if lang == "zh" else family


def row_label(row, lang: str = "en", year: bool = True) -> str:
    """'Broadband access speed · urban · 2015'."""
    parts = [row.label, scope_label(row.scope, lang), year_label(row.year, lang) if year else ""]
    return " · ".join(p for p in parts if p)


def footer(totals: Totals, lang: str = "en") -> str:
    if lang == "zh":
        return f"文件 {totals.documents} 份 · 目标 {totals.targets} 项 · 失败 {totals.failures} 份"
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"
    return " · ".join([n(totals.documents, "document"), n(totals.targets, "target"), n(totals.failures, "failure")])


def wide_hint(totals: Totals, lang: str = "en") -> str:
    """For a table with a column per document, when there are too many columns to read."""
    if totals.documents <= WIDE:
        return ""
    if lang == "zh":
        return (f"{totals.documents} 列难以阅读:可用 --by year 按年份列出,或用 --indicator、--region、--year 缩小范围;"
                "--format csv 可导入电子表格")
    return (f"{totals.documents} columns are hard to read: try --by year (a column per year), narrow with "
            "--indicator, --region or --year, or --format csv for a spreadsheet")


# ------------------------------------------------------------------ grids: the comparison laid out for a table

@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    comparator: str
    kind: str
    best: bool = False


@dataclass
class GridRow:
    label: str
    cells: Sequence[Sequence[Figure]]
    section: str | None = None


@dataclass
class Grid:
    title: str | None
    corner: str
    columns: list[str]
    rows: Sequence[GridRow] = field(default_factory=list)


_NONE: tuple = ()  # the empty cell, shared


def figures(row) -> dict[str, list[Figure]]:
    """Figures of a row per document; the highest target is 'best' when at least two documents have one."""
    groups = list(row.groups(text=False)) if isinstance(row, LineupRow) else list(row.cells.items())
    with_target = [doc for doc, cells in groups if any(c.kind == "target" for c in cells)]
    top = max((c.value for _, cells in groups for c in cells if c.kind == "target"), default=None)
    mark = len(with_target) >= 2
    return {doc: [Figure(c.value, row.unit, c.comparator, c.kind, mark and c.kind == "target" and c.value == top)
                  for c in cells] for doc, cells in groups}


class _DocumentRows(Sequence):
    """The rows of a document grid, each made when it is asked for: a row at a time is in memory when writing."""

    def __init__(self, rows: Sequence, ids: list[str], lang: str):
        self._rows, self._ids, self._lang = rows, ids, lang

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        row = self._rows[n]
        figs = figures(row)
        return GridRow(row_label(row, self._lang), [figs.get(i, _NONE) for i in self._ids],
                       family_label(row.family, self._lang))


def document_grid(comparison: Lineup, lang: str = "en") -> Grid:
    """Rows (indicator · scope · year) grouped by family, a column per document."""
    labels = column_labels(comparison.documents, lang)
    ids = [d.id for d in comparison.documents]
    corner = "指标" if lang == "zh" else "indicator"
    return Grid(None, corner, [labels[i] for i in ids], _DocumentRows(comparison.rows, ids, lang))


def year_grids(comparison: Lineup, lang: str = "en") -> list[Grid]:
    """One table per indicator (and unit): a column per year, a row per document (and scope)."""
    groups: dict[tuple[str, str], list] = {}
    for row in comparison.rows:
        groups.setdefault((row.indicator, row.unit), []).append(row)
    units: dict[str, int] = {}
    for indicator, _ in groups:
        units[indicator] = units.get(indicator, 0) + 1
    labels = column_labels(comparison.documents, lang)
    return [_year_grid(rows, comparison, labels, lang, with_unit=units[rows[0].indicator] > 1)
            for rows in groups.values()]


def _year_grid(rows: list, comparison: Lineup, labels: dict[str, str], lang: str, with_unit: bool) -> Grid:
    years = sorted({r.year for r in rows}, key=lambda y: (y is None, y or 0))
    title = rows[0].label + (f" ({rows[0].unit})" if with_unit else "")
    grid = Grid(title, "文件" if lang == "zh" else "document", [year_label(y, lang) for y in years])
    scopes = sorted({r.scope for r in rows}, key=lambda s: SCOPES.index(s) + 1 if s in SCOPES else 0)
    figs = {(r.scope, r.year): figures(r) for r in rows}
    for doc in comparison.documents:
        for scope in scopes:
            cells = [figs.get((scope, y), {}).get(doc.id, _NONE) for y in years]
            if any(cells):
                label = " · ".join(p for p in (labels[doc.id], scope_label(scope, lang)) if p)
                grid.rows.append(GridRow(label, cells))
    return grid


def charts(comparison: Lineup, lang: str = "en") -> list[Grid]:
    """A bar chart per row: one bar per figure, labelled by document."""
    labels = column_labels(comparison.documents, lang)
    out = []
    for row in comparison.rows:
        figs = figures(row)
        chart = Grid(row_label(row, lang), "", [""])
        chart.rows = [GridRow(labels[d.id], [figs[d.id]]) for d in comparison.documents if d.id in figs]
        out.append(chart)
    return out
