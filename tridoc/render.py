"""Turning extractions and comparisons into text: JSON, JSON Lines, CSV, Markdown, rich tables and charts.

Everything that comes from a document is untrusted: it reaches the terminal only
as rich `Text` (never parsed as markup) after `clean` has removed control and
escape characters, and it reaches CSV only after `csv_cell` has defused
spreadsheet formulas. rich is imported inside the functions that draw, so that
`tridoc extract f --format json` never pays for it.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from itertools import chain, islice
from typing import IO, TYPE_CHECKING, Iterable, Iterator

from .models import COMPARATOR_SIGNS

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .compare import Grid, Lineup
    from .models import Extraction, Target

# C0 controls but \t and \n, DEL, C1 controls (0x9b is a one-byte escape
# sequence introducer on some terminals) and the bidi overrides that can make
# text display in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

SCOPE_LABELS = {
    "urban": "城市", "rural": "农村", "town": "乡镇", "enterprise": "企业", "some_cities": "部分城市",
    "new_buildings": "新建楼宇", "county": "县城", "prefecture": "地级市", "public": "公共场所",
}
KIND_LABELS = {"target": "目标", "baseline": "基线"}
NO_YEAR = {"en": "no year", "zh": "未定年份"}

# (smallest magnitude, divisor, suffix) from the largest scale down, per unit and language.
_SCALES: dict[tuple[str, str], list[tuple[float, float, str]]] = {
    ("Mbps", "en"): [(1e6, 1e6, "Tbps"), (1e3, 1e3, "Gbps"), (0, 1, "Mbps")],
    ("percent", "en"): [(0, 1, "%")],
    ("percentage_points", "en"): [(0, 1, "pp")],
    ("percentage_points", "zh"): [(0, 1, "个百分点")],
    ("CNY", "en"): [(1e12, 1e12, "tn yuan"), (1e9, 1e9, "bn yuan"), (1e6, 1e6, "M yuan"), (0, 1, "yuan")],
    ("CNY", "zh"): [(1e12, 1e12, "万亿元"), (1e8, 1e8, "亿元"), (1e4, 1e4, "万元"), (0, 1, "元")],
    ("USD", "en"): [(1e12, 1e12, "tn USD"), (1e9, 1e9, "bn USD"), (1e6, 1e6, "M USD"), (0, 1, "USD")],
    ("USD", "zh"): [(1e12, 1e12, "万亿美元"), (1e8, 1e8, "亿美元"), (1e4, 1e4, "万美元"), (0, 1, "美元")],
    ("count", "en"): [(1e9, 1e9, "bn"), (1e6, 1e6, "M"), (1e4, 1e3, "k"), (0, 1, "")],
    ("count", "zh"): [(1e8, 1e8, "亿"), (1e4, 1e4, "万"), (0, 1, "")],
}


# ------------------------------------------------------------------ safe strings

def clean(text: str | None, newlines: bool = False) -> str:
    """Text with control/escape characters removed; newlines become spaces unless allowed."""
    if not text:
        return ""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    return text if newlines else text.replace("\n", " ")


def csv_cell(value: object) -> object:
    """A CSV field a spreadsheet will not run: text starting like a formula gets a leading quote."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    cleaned = clean(value, newlines=True)
    # look before and after cleaning: "\x00=cmd" becomes a formula once the NUL is gone
    return "'" + cleaned if value.startswith(_FORMULA_START) or cleaned.startswith(_FORMULA_START) else cleaned


def md_cell(text: str) -> str:
    """Markdown table cell: one line, pipes and markup characters escaped."""
    return re.sub(r"([\\|`*_\[\]<])", r"\\\1", clean(text))


# ------------------------------------------------------------------ figures

def number(value: float) -> str:
    """Up to three decimals, no trailing zeros: 3000.0 -> '3000', 3.14 -> '3.14'."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_value(value: float, unit: str, lang: str = "en") -> str:
    """A value in its canonical unit shown in a human one: 1000 Mbps -> '1 Gbps', 3e11 CNY -> '300 bn yuan'."""
    scales = _SCALES.get((unit, lang)) or _SCALES.get((unit, "en")) or [(0, 1, unit)]
    for smallest, divisor, suffix in scales:
        if abs(value) >= smallest:
            break
    shown = number(value / divisor)
    return f"{shown} {suffix}" if suffix else shown


def format_figure(value: float, unit: str, comparator: str = "eq", lang: str = "en") -> str:
    """Comparator sign and value: '≥ 20 Mbps'; a bare figure ('eq') has no sign."""
    sign = "" if comparator == "eq" else COMPARATOR_SIGNS.get(comparator, comparator)
    shown = format_value(value, unit, lang)
    return f"{sign} {shown}" if sign else shown


def scope_label(scope: str | None, lang: str = "en") -> str:
    if not scope:
        return ""
    return SCOPE_LABELS.get(scope, scope) if lang == "zh" else scope.replace("_", " ")


def year_label(year: int | None, lang: str = "en") -> str:
    return str(year) if year is not None else NO_YEAR.get(lang, NO_YEAR["en"])


def by_kind(targets: Iterable[Target], kind: str = "all") -> list[Target]:
    """Targets of the kind asked for; with 'all', targets first and baselines after (stable)."""
    chosen = [t for t in targets if kind == "all" or t.kind == kind]
    return sorted(chosen, key=lambda t: t.kind != "target")


def keep_kind(results: Iterable[Extraction], kind: str = "all") -> Iterator[Extraction]:
    """Extractions with only the targets of the kind asked for, targets before baselines."""
    for extraction in results:
        yield extraction.model_copy(update={"targets": by_kind(extraction.targets, kind)})


def write_schema(which: str, out: IO[str]) -> None:
    """JSON Schema of the output of `tridoc extract` or `tridoc compare`."""
    if which == "compare":
        from .compare import Comparison as model
    else:
        from .models import Extraction as model
    out.write(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


def progress(results: Iterable, label: str = "reading") -> Iterator:
    """The items of results, with a progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        for item in results:
            bar.advance(task)
            yield item


# ------------------------------------------------------------------ extract: machine formats

def _dump(extraction: Extraction, indent: int | None) -> str:
    return json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def write_json(results: Iterable[Extraction], out: IO[str]) -> None:
    """One document -> one object; several -> an array, streamed so memory stays flat."""
    results = iter(results)
    head = list(islice(results, 2))
    if len(head) == 1:
        out.write(_dump(head[0], 2) + "\n")
        return
    out.write("[")
    for i, extraction in enumerate(chain(head, results)):
        out.write(("," if i else "") + "\n" + _dump(extraction, 2))
    out.write("\n]\n")


def write_jsonl(results: Iterable[Extraction], out: IO[str]) -> None:
    for extraction in results:
        out.write(_dump(extraction, None) + "\n")
        out.flush()


CSV_FIELDS = ["source", "value", "unit", "year", "comparator", "indicator", "scope", "kind", "subject",
              "threshold_value", "threshold_unit", "figure", "text", "start", "end", "line", "page"]


def _csv_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def target_row(source: str, t: Target) -> list[object]:
    """One CSV row: the Target flattened (span -> start, end; threshold -> threshold_value, threshold_unit)."""
    threshold = t.threshold
    row = [source, _csv_number(t.value), t.unit, t.year, t.comparator, t.indicator, t.scope, t.kind, t.subject,
           _csv_number(threshold.value) if threshold else None, threshold.unit if threshold else None,
           t.figure, t.text, t.span[0], t.span[1], t.line, t.page]
    return [csv_cell(v) for v in row]


def write_csv(results: Iterable[Extraction], out: IO[str]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for extraction in results:
        writer.writerows(target_row(extraction.source, t) for t in extraction.targets)


# ------------------------------------------------------------------ extract: terminal table

def _console(out: IO[str] | None = None, stderr: bool = False):
    from rich.console import Console

    return Console(file=out, stderr=stderr, highlight=False, emoji=False, markup=False)


def evidence(t: Target, before: int = 24, after: int = 40):
    """The evidence sentence trimmed around the figure, with the figure highlighted and the line number."""
    from rich.text import Text

    text, figure = clean(t.text), clean(t.figure)
    at = text.find(figure) if figure else -1
    if at < 0:
        shown = Text(text[: before + after] + ("…" if len(text) > before + after else ""))
    else:
        start, end = max(0, at - before), min(len(text), at + len(figure) + after)
        shown = Text("…" if start else "")
        shown.append(text[start:at])
        shown.append(text[at:at + len(figure)], style="bold yellow")
        shown.append(text[at + len(figure):end] + ("…" if end < len(text) else ""))
    shown.append(f"  (line {t.line})", style="dim")
    return shown


def document_heading(extraction: Extraction):
    """Title line of a document: its source, then region, date and document number where known."""
    from rich.text import Text

    info = extraction.document
    heading = Text(clean(extraction.source), style="bold")
    parts = [info.region, info.date and info.date.isoformat(), info.doc_number] if info else []
    details = " · ".join(clean(str(p)) for p in parts if p)
    if details:
        heading.append("  " + details, style="cyan")
    if info and info.title:
        heading.append("\n" + clean(info.title), style="italic")
    return heading


def extraction_table(extraction: Extraction, catalogue: Catalogue, lang: str = "en"):
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=False, pad_edge=False)
    for name, justify in (("#", "right"), ("figure", "right"), ("year", "right"), ("indicator", "left"),
                          ("scope", "left"), ("kind", "left"), ("evidence", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for n, t in enumerate(extraction.targets, 1):
        kind = KIND_LABELS.get(t.kind, t.kind) if lang == "zh" else t.kind
        cells = [str(n), format_figure(t.value, t.unit, t.comparator, lang), str(t.year or ""),
                 clean(catalogue.label(t.indicator, lang)), scope_label(t.scope, lang), kind]
        table.add_row(*(Text(c) for c in cells), evidence(t), style="dim" if t.kind == "baseline" else None)
    return table


def write_tables(results: Iterable[Extraction], catalogue: Catalogue, out: IO[str] | None = None,
                 lang: str = "en") -> None:
    """A rich table per document, printed as each document is done."""
    from rich.text import Text

    console = _console(out)
    for extraction in results:
        console.print(document_heading(extraction))
        if extraction.document is None:
            causes = "; ".join(clean(e.cause) for e in extraction.errors)
            console.print(Text(f"could not be read: {causes}", style="red"))
        elif extraction.targets:
            console.print(extraction_table(extraction, catalogue, lang))
        else:
            console.print(Text("no targets found", style="dim"))
        console.print()


# ------------------------------------------------------------------ indicators

def catalogue_records(catalogue: Catalogue) -> list[dict]:
    return [{"key": i.key, "family": i.family, "units": i.units, "label_en": i.label_en, "label_zh": i.label_zh,
             "cues": i.cues} for i in catalogue.indicators.values()]


def write_indicators_json(catalogue: Catalogue, out: IO[str]) -> None:
    out.write(json.dumps(catalogue_records(catalogue), ensure_ascii=False, indent=2) + "\n")


def write_indicators_table(catalogue: Catalogue, out: IO[str] | None = None, cues: int = 4) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"Indicator catalogue: {clean(str(catalogue.path))}"))
    for name in ("key", "family", "units", "label (en)", "label (zh)", "cues"):
        table.add_column(name, overflow="fold")
    for rec in catalogue_records(catalogue):
        shown = ", ".join(rec["cues"][:cues]) + (", …" if len(rec["cues"]) > cues else "")
        cells = [rec["key"], rec["family"], ", ".join(rec["units"]), rec["label_en"], rec["label_zh"], shown]
        table.add_row(*(Text(clean(c)) for c in cells))
    _console(out).print(table)


# ------------------------------------------------------------------ compare

def _json_array(out: IO[str], items: Iterable[str], indent: str) -> None:
    """A JSON array of items already dumped, one per line, written as they come."""
    first = True
    for item in items:
        out.write(("[\n" if first else ",\n") + indent + "  " + item)
        first = False
    out.write("[]" if first else "\n" + indent + "]")


def _row_lines(row, dumps) -> Iterator[str]:
    """A row as JSON text: its key on the first line, then one line per document with figures."""
    head = {"indicator": row.indicator, "label": row.label, "family": row.family, "scope": row.scope,
            "unit": row.unit, "year": row.year}
    yield dumps(head)[:-1] + ', "cells": {'
    for i, (doc, entries) in enumerate(row.groups()):
        cells = ", ".join(dumps(e._asdict()) for e in entries)
        yield ("," if i else "") + "\n      " + dumps(doc) + ": [" + cells + "]"
    yield "\n    }}" if len(row) else "}}"


def write_comparison_json(lineup: Lineup, out: IO[str]) -> None:
    """The Comparison (see `tridoc schema compare`) written part by part: documents, rows one by one, errors,
    totals. Only one row's text is built at a time, so memory is that of the lineup, not of the output."""
    from .models import SCHEMA_VERSION

    def dumps(obj) -> str:
        return json.dumps(obj, ensure_ascii=False)

    out.write('{\n  "schema_version": ' + dumps(SCHEMA_VERSION) + ',\n  "documents": ')
    _json_array(out, (dumps(d.record()) for d in lineup.documents), "  ")
    out.write(',\n  "rows": ')
    first = True
    for row in lineup.rows:
        out.write("[\n    " if first else ",\n    ")
        first = False
        for part in _row_lines(row, dumps):
            out.write(part)
    out.write("[]" if first else "\n  ]")
    out.write(',\n  "errors": ')
    _json_array(out, (dumps({"file": e.file, "cause": e.cause}) for e in lineup.errors), "  ")
    out.write(',\n  "totals": ' + dumps(lineup.totals.model_dump(mode="json")) + "\n}\n")


COMPARE_CSV_FIELDS = ["document", "column", "source", "region", "date", "family", "indicator", "label", "scope",
                      "year", "unit", "value", "comparator", "kind", "figure", "text"]


def write_comparison_csv(lineup: Lineup, out: IO[str], lang: str = "en") -> None:
    """Long form, one line per figure, so that a spreadsheet can pivot it any way; written row by row."""
    from .compare import column_labels

    labels = column_labels(lineup.documents, lang)
    docs = {d.id: d for d in lineup.documents}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMPARE_CSV_FIELDS)
    for row in lineup.rows:
        for doc_id, cells in row.groups():
            d = docs[doc_id]
            for c in cells:
                fields = [doc_id, labels[doc_id], d.source, d.region, d.date and d.date.isoformat(), row.family,
                          row.indicator, row.label, row.scope, row.year, row.unit, _csv_number(c.value),
                          c.comparator, c.kind, format_figure(c.value, row.unit, c.comparator, lang), c.text]
                writer.writerow([csv_cell(v) for v in fields])


def _shown(fig, lang: str) -> str:
    return format_figure(fig.value, fig.unit, fig.comparator, lang)


def write_grids_md(grids: list[Grid], footer: str, out: IO[str], lang: str = "en") -> None:
    """Markdown tables for reports: best figure in bold, baselines in italics; written a row at a time."""
    for grid in grids:
        if grid.title:
            out.write(f"### {md_cell(grid.title)}\n\n")
        out.write("| " + " | ".join(md_cell(h) for h in [grid.corner, *grid.columns]) + " |\n")
        out.write("|" + "---|" * (len(grid.columns) + 1) + "\n")
        for row in grid.rows:
            cells = ["<br>".join(_md_figure(f, lang) for f in figs) for figs in row.cells]
            out.write("| " + " | ".join([md_cell(row.label), *cells]) + " |\n")
        out.write("\n")
    out.write(f"_{md_cell(footer)}_\n")


def _md_figure(fig, lang: str) -> str:
    text = md_cell(_shown(fig, lang))
    if fig.kind == "baseline":
        return f"*{text} ({KIND_LABELS['baseline'] if lang == 'zh' else 'baseline'})*"
    return f"**{text}**" if fig.best else text


def _rich_cell(figs, lang: str):
    from rich.text import Text

    cell = Text()
    for i, fig in enumerate(figs):
        style = "dim" if fig.kind == "baseline" else ("bold green" if fig.best else None)
        cell.append(("\n" if i else "") + _shown(fig, lang), style=style)
    return cell


def grid_table(grid: Grid, lang: str = "en"):
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(clean(grid.title), style="bold") if grid.title else None, show_lines=False)
    table.add_column(Text(clean(grid.corner)), overflow="fold")
    for name in grid.columns:
        table.add_column(Text(clean(name)), justify="right", overflow="fold")
    section = None
    for row in grid.rows:
        if row.section != section and row.section is not None:
            if section is not None:
                table.add_section()
            table.add_row(Text(clean(row.section), style="bold magenta"))
            section = row.section
        table.add_row(Text(clean(row.label)), *(_rich_cell(figs, lang) for figs in row.cells))
    return table


def write_grids_table(grids: list[Grid], footer: str, out: IO[str] | None = None, lang: str = "en",
                      hint: str = "") -> None:
    """Rich tables for a terminal; `hint` (what to do when there are too many columns) goes under the footer."""
    from rich.text import Text

    console = _console(out)
    grids = [g for g in grids if g.rows]
    for grid in grids:
        console.print(grid_table(grid, lang))
    if not grids:
        console.print(Text("no figures to compare", style="dim"))
    console.print(Text(footer, style="dim"))
    if hint:
        console.print(Text(hint, style="yellow"))


def write_charts(charts: list[Grid], footer: str, out: IO[str] | None = None, lang: str = "en",
                 width: int = 40) -> None:
    """A horizontal bar per figure, scaled to the largest figure of the chart."""
    from rich.table import Table
    from rich.text import Text

    console = _console(out)
    for chart in charts:
        top = max((abs(f.value) for row in chart.rows for figs in row.cells for f in figs), default=0) or 1
        table = Table.grid(padding=(0, 1))
        for _ in range(3):
            table.add_column()
        for row in chart.rows:
            for i, fig in enumerate(f for figs in row.cells for f in figs):
                style = "dim" if fig.kind == "baseline" else ("green" if fig.best else "cyan")
                bar = Text("█" * max(1, round(width * abs(fig.value) / top)), style=style)
                label = Text("" if i else clean(row.label))  # a document's second figure: no repeated label
                table.add_row(label, bar, Text(_shown(fig, lang), style=style))
        console.print(Text(clean(chart.title), style="bold"))
        console.print(table)
        console.print()
    console.print(Text(footer, style="dim"))


def write_errors(errors: Iterable, err: IO[str]) -> None:
    for e in errors:
        err.write(f"tridoc: error: {clean(e.file)}: {clean(e.cause)}\n")
