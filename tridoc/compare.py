"""Lining up the targets of many documents: a row per (indicator, scope, year, unit), a column per document.

`Collector` takes extractions one at a time and keeps only what the comparison
shows (value, comparator, kind and evidence of each target, and a few facts per
document), so memory grows with the number of targets, not with the texts.
`Comparison` is the JSON output; `Grid` is the same data laid out for a table.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Iterable

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
    text: str = Field(description="Evidence: the sentence the figure came from.")


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


# ------------------------------------------------------------------ filters and collection

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


def document_id(source: str) -> str:
    return "stdin" if source in ("-", "<stdin>") else (PurePath(source).stem or source)


class Collector:
    """Builds a Comparison from extractions added one by one, keeping only the figures."""

    def __init__(self, catalogue: Catalogue, filters: Filters | None = None, lang: str = "en"):
        self.catalogue, self.filters, self.lang = catalogue, filters or Filters(), lang
        self.documents: list[CompareDocument] = []
        self.errors: list[ErrorRecord] = []
        self._cells: dict[tuple, dict[str, list[Cell]]] = {}
        self._ids: set[str] = set()

    def add(self, extraction: Extraction) -> None:
        self.errors.extend(extraction.errors)
        info = extraction.document
        if info is None or not self.filters.keeps_document(info):
            return
        doc = self._document(extraction.source, info)
        for t in filter(self.filters.keeps_target, extraction.targets):
            key = (t.indicator, t.scope, t.year, t.unit)
            cell = Cell(value=t.value, comparator=t.comparator, kind=t.kind, text=t.text)
            self._cells.setdefault(key, {}).setdefault(doc.id, []).append(cell)
            doc.targets += 1

    def _document(self, source: str, info: DocumentInfo) -> CompareDocument:
        base = doc_id = document_id(source)
        n = 1
        while doc_id in self._ids:
            n += 1
            doc_id = f"{base}-{n}"
        self._ids.add(doc_id)
        doc = CompareDocument(id=doc_id, source=source, region=info.region, region_zh=info.region_zh,
                              date=info.date, title=info.title, doc_number=info.doc_number)
        self.documents.append(doc)
        return doc

    def result(self) -> Comparison:
        rows = [self._row(key, cells) for key, cells in self._cells.items()]
        rows.sort(key=self._order)
        totals = Totals(documents=len(self.documents), targets=sum(d.targets for d in self.documents),
                        failures=len({e.file for e in self.errors}))
        return Comparison(documents=self.documents, rows=rows, errors=self.errors, totals=totals)

    def _row(self, key: tuple, cells: dict[str, list[Cell]]) -> Row:
        indicator, scope, year, unit = key
        return Row(indicator=indicator, label=self.catalogue.label(indicator, self.lang),
                   family=self.catalogue.family(indicator), scope=scope, unit=unit, year=year, cells=cells)

    def _order(self, row: Row) -> tuple:
        """Family, then catalogue order of the indicator, then scope and year (rows without either first/last)."""
        keys = list(self.catalogue.indicators)
        family = FAMILIES.index(row.family) if row.family in FAMILIES else len(FAMILIES)
        place = keys.index(row.indicator) if row.indicator in keys else len(keys)
        scope = SCOPES.index(row.scope) + 1 if row.scope in SCOPES else 0
        unit = UNITS.index(row.unit) if row.unit in UNITS else len(UNITS)
        return family, place, row.indicator, unit, scope, row.year is None, row.year or 0


def compare(extractions: Iterable[Extraction], catalogue: Catalogue, filters: Filters | None = None,
            lang: str = "en") -> Comparison:
    collector = Collector(catalogue, filters, lang)
    for extraction in extractions:
        collector.add(extraction)
    return collector.result()


# ------------------------------------------------------------------ labels

def column_labels(documents: list[CompareDocument], lang: str = "en") -> dict[str, str]:
    """'Hunan 2014-02-22' per document; its file name where no region is known; the id added to duplicates."""
    def base(d: CompareDocument) -> str:
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


def row_label(row: Row, lang: str = "en", year: bool = True) -> str:
    """'Broadband access speed · urban · 2015'."""
    parts = [row.label, scope_label(row.scope, lang), year_label(row.year, lang) if year else ""]
    return " · ".join(p for p in parts if p)


def footer(totals: Totals, lang: str = "en") -> str:
    if lang == "zh":
        return f"文件 {totals.documents} 份 · 目标 {totals.targets} 项 · 失败 {totals.failures} 份"
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"
    return " · ".join([n(totals.documents, "document"), n(totals.targets, "target"), n(totals.failures, "failure")])


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
    cells: list[list[Figure]]
    section: str | None = None


@dataclass
class Grid:
    title: str | None
    corner: str
    columns: list[str]
    rows: list[GridRow] = field(default_factory=list)


def figures(row: Row) -> dict[str, list[Figure]]:
    """Figures of a row per document; the highest target is 'best' when at least two documents have one."""
    with_target = [doc for doc, cells in row.cells.items() if any(c.kind == "target" for c in cells)]
    top = max((c.value for cells in row.cells.values() for c in cells if c.kind == "target"), default=None)
    mark = len(with_target) >= 2
    return {doc: [Figure(c.value, row.unit, c.comparator, c.kind, mark and c.kind == "target" and c.value == top)
                  for c in cells] for doc, cells in row.cells.items()}


def document_grid(comparison: Comparison, lang: str = "en") -> Grid:
    """Rows (indicator · scope · year) grouped by family, a column per document."""
    labels = column_labels(comparison.documents, lang)
    ids = [d.id for d in comparison.documents]
    corner = "指标" if lang == "zh" else "indicator"
    grid = Grid(None, corner, [labels[i] for i in ids])
    for row in comparison.rows:
        figs = figures(row)
        grid.rows.append(GridRow(row_label(row, lang), [figs.get(i, []) for i in ids], family_label(row.family, lang)))
    return grid


def year_grids(comparison: Comparison, lang: str = "en") -> list[Grid]:
    """One table per indicator (and unit): a column per year, a row per document (and scope)."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in comparison.rows:
        groups.setdefault((row.indicator, row.unit), []).append(row)
    units: dict[str, int] = {}
    for indicator, _ in groups:
        units[indicator] = units.get(indicator, 0) + 1
    return [_year_grid(rows, comparison, lang, with_unit=units[rows[0].indicator] > 1) for rows in groups.values()]


def _year_grid(rows: list[Row], comparison: Comparison, lang: str, with_unit: bool) -> Grid:
    labels = column_labels(comparison.documents, lang)
    years = sorted({r.year for r in rows}, key=lambda y: (y is None, y or 0))
    title = rows[0].label + (f" ({rows[0].unit})" if with_unit else "")
    grid = Grid(title, "文件" if lang == "zh" else "document", [year_label(y, lang) for y in years])
    scopes = sorted({r.scope for r in rows}, key=lambda s: SCOPES.index(s) + 1 if s in SCOPES else 0)
    figs = {(r.scope, r.year): figures(r) for r in rows}
    for doc in comparison.documents:
        for scope in scopes:
            cells = [figs.get((scope, y), {}).get(doc.id, []) for y in years]
            if any(cells):
                label = " · ".join(p for p in (labels[doc.id], scope_label(scope, lang)) if p)
                grid.rows.append(GridRow(label, cells))
    return grid


def charts(comparison: Comparison, lang: str = "en") -> list[Grid]:
    """A bar chart per row: one bar per figure, labelled by document."""
    labels = column_labels(comparison.documents, lang)
    out = []
    for row in comparison.rows:
        figs = figures(row)
        chart = Grid(row_label(row, lang), "", [""])
        chart.rows = [GridRow(labels[d.id], [figs[d.id]]) for d in comparison.documents if d.id in figs]
        out.append(chart)
    return out
