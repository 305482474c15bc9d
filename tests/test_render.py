"""Formatting figures and writing extractions: hand-built targets in, exact strings out."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from tridoc import render
from tridoc.catalogue import load_catalogue
from tridoc.models import DocumentInfo, Extraction, Target, Threshold


def make_target(value=20.0, unit="Mbps", comparator="ge", kind="target", text="城市家庭宽带接入能力达到20Mbps。",
                figure="20Mbps", **more) -> Target:
    fields = dict(value=value, unit=unit, year=2015, comparator=comparator, indicator="broadband.access_speed",
                  scope="urban", kind=kind, figure=figure, text=text, span=(10, 16), line=3)
    return Target(**{**fields, **more})


def extraction(*targets, source="a.txt", **info) -> Extraction:
    return Extraction(source=source, document=DocumentInfo(**info), targets=list(targets))


def rendered(renderable, width=200) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()


@pytest.mark.parametrize("value, unit, comparator, lang, expected", [
    (20, "Mbps", "ge", "en", "≥ 20 Mbps"),
    (1000, "Mbps", "ge", "en", "≥ 1 Gbps"),
    (1500, "Mbps", "gt", "en", "> 1.5 Gbps"),
    (50000, "Mbps", "ge", "zh", "≥ 50 Gbps"),
    (3.14, "Mbps", "eq", "en", "3.14 Mbps"),
    (3e11, "CNY", "gt", "zh", "> 3000 亿元"),
    (3e11, "CNY", "gt", "en", "> 300 bn yuan"),
    (1e12, "CNY", "ge", "zh", "≥ 1 万亿元"),
    (5e6, "CNY", "approx", "zh", "≈ 500 万元"),
    (5e6, "CNY", "approx", "en", "≈ 5 M yuan"),
    (2e9, "USD", "le", "en", "≤ 2 bn USD"),
    (45, "percent", "eq", "en", "45 %"),
    (45, "percent", "ge", "zh", "≥ 45 %"),
    (5, "percentage_points", "lt", "en", "< 5 pp"),
    (5, "percentage_points", "ge", "zh", "≥ 5 个百分点"),
    (2.7e8, "count", "eq", "en", "270 M"),
    (2.7e8, "count", "eq", "zh", "2.7 亿"),
    (8e7, "count", "ge", "zh", "≥ 8000 万"),
    (80000, "count", "ge", "en", "≥ 80 k"),
    (5000, "count", "ge", "en", "≥ 5000"),
    (-5, "percent", "eq", "en", "-5 %"),
])
def test_format_figure(value, unit, comparator, lang, expected):
    assert render.format_figure(value, unit, comparator, lang) == expected


def test_number_drops_trailing_zeros_and_negative_zero():
    assert [render.number(x) for x in (3000.0, 3.14, 0.5, 1 / 3, -0.0001)] == ["3000", "3.14", "0.5", "0.333", "0"]


@pytest.mark.parametrize("raw, expected", [
    ("a\x1b[31mb", "a[31mb"),
    ("over\rwrite", "overwrite"),
    ("c1\x9bx\x85y", "c1xy"),
    ("bidi\u202eevil\u2066", "bidievil"),
    ("two\nlines\ttab", "two lines tab"),
    (None, ""),
])
def test_clean_removes_control_characters(raw, expected):
    assert render.clean(raw) == expected


def test_clean_keeps_newlines_when_asked():
    assert render.clean("a\r\nb\x07", newlines=True) == "a\nb"


@pytest.mark.parametrize("raw, expected", [
    ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
    ("\tx", "' x"), ("\rx", "'x"), ("\x00=x", "'=x"), ("plain", "plain"), ("a=b", "a=b"), ("a\nb", "a\nb"),
    (-5, -5), (2.5, 2.5), (None, ""),
])
def test_csv_cell_neutralises_formulas(raw, expected):
    assert render.csv_cell(raw) == expected


def test_md_cell_escapes_pipes_and_markup():
    assert render.md_cell("a|b *c* <script> [x](y)\nz") == "a\\|b \\*c\\* \\<script> \\[x\\](y) z"


def test_by_kind_orders_targets_first_and_filters():
    base, goal = make_target(4, kind="baseline"), make_target(20)
    assert render.by_kind([base, goal]) == [goal, base]
    assert render.by_kind([base, goal], "baseline") == [base]
    assert render.by_kind([base, goal], "target") == [goal]


def test_write_json_one_object_or_array():
    one, two = extraction(make_target()), extraction(source="b.txt")
    out = io.StringIO()
    render.write_json([one], out)
    assert Extraction.model_validate_json(out.getvalue()) == one
    out = io.StringIO()
    render.write_json(iter([one, two]), out)
    assert [Extraction.model_validate(d) for d in json.loads(out.getvalue())] == [one, two]
    out = io.StringIO()
    render.write_json([], out)
    assert json.loads(out.getvalue()) == []


def test_write_jsonl():
    out = io.StringIO()
    render.write_jsonl([extraction(make_target()), extraction()], out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and Extraction.model_validate_json(lines[0]).targets[0].value == 20


def test_write_csv_flattens_span_and_threshold():
    t = make_target(80, "percent", indicator="broadband.high_speed_share", threshold=Threshold(value=100, unit="Mbps"),
                    figure="80%", text="=80%以上家庭具备100Mbps")
    out = io.StringIO()
    render.write_csv([extraction(t, source="-x.txt"), extraction(make_target(6e11, "CNY", figure="6000亿元"))], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == render.CSV_FIELDS
    first = rows[0]
    assert (first["source"], first["value"], first["threshold_value"], first["threshold_unit"]) == ("'-x.txt", "80", "100", "Mbps")
    assert (first["start"], first["end"], first["line"], first["page"]) == ("10", "16", "3", "")
    assert first["text"] == "'=80%以上家庭具备100Mbps"
    assert rows[1]["value"] == "600000000000"


def test_evidence_highlights_the_figure_and_trims_around_it():
    text = "甲" * 60 + "达到20Mbps" + "乙" * 60
    shown = render.evidence(make_target(text=text, figure="20Mbps"), before=10, after=5)
    assert shown.plain == "…" + "甲" * 8 + "达到20Mbps" + "乙" * 5 + "…  (line 3)"
    figure = next(s for s in shown.spans if s.style == "bold yellow")
    assert shown.plain[figure.start:figure.end] == "20Mbps"


def test_evidence_without_the_figure_in_the_text_is_cut_short():
    shown = render.evidence(make_target(text="x" * 100, figure="absent"), before=10, after=10)
    assert shown.plain == "x" * 20 + "…  (line 3)"


def test_extraction_table_columns_and_literal_markup():
    catalogue = load_catalogue()
    ex = extraction(make_target(text="[bold]达到20Mbps[/bold]"), make_target(4, kind="baseline", comparator="eq", figure="4M",
                                                                        text="已达4M"), region="Hunan")
    out = rendered(render.extraction_table(ex, catalogue))
    for shown in ("≥ 20 Mbps", "Broadband access speed", "urban", "[bold]达到20Mbps[/bold]", "baseline", "4 Mbps"):
        assert shown in out
    zh = rendered(render.extraction_table(ex, catalogue, "zh"))
    assert "宽带接入能力" in zh and "城市" in zh and "基线" in zh


def test_document_heading_names_source_region_date_and_number():
    ex = extraction(source="/d/hn.txt", region="Hunan", date="2014-02-22", doc_number="湘政发〔2014〕8号", title="意见")
    assert rendered(render.document_heading(ex)).splitlines() == ["/d/hn.txt  Hunan · 2014-02-22 · 湘政发〔2014〕8号", "意见"]


def test_write_tables_reports_unreadable_and_empty_documents():
    failed = Extraction(source="bad.pdf", document=None, errors=[{"file": "bad.pdf", "cause": "not a PDF"}])
    out = io.StringIO()
    render.write_tables([failed, extraction(source="empty.txt")], load_catalogue(), out)
    assert "could not be read: not a PDF" in out.getvalue() and "no targets found" in out.getvalue()


def test_keep_kind_copies_extractions():
    ex = extraction(make_target(4, kind="baseline"), make_target(20))
    kept = list(render.keep_kind([ex], "target"))
    assert [t.value for t in kept[0].targets] == [20] and len(ex.targets) == 2


def test_write_errors_one_clean_line_each():
    out = io.StringIO()
    render.write_errors([type("E", (), {"file": "a\x1b.txt", "cause": "bad\nthing"})()], out)
    assert out.getvalue() == "tridoc: error: a.txt: bad thing\n"


def test_indicator_records_cover_the_catalogue(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    records = render.catalogue_records(load_catalogue())
    assert {r["key"] for r in records} == set(load_catalogue().indicators)
    out = io.StringIO()
    render.write_indicators_table(load_catalogue(), out)
    assert "broadband.household_penetration" in out.getvalue()


# ------------------------------------------------------------------ compare: written row by row

def lineup_of(*extractions, **kw):
    from tridoc.compare import compare

    return compare(list(extractions), load_catalogue(), **kw)


HOSTILE_TEXT = '引号"与\\反斜杠\n换行\t制表\x1b[31m 及 </script> 达到20Mbps'


def compare_inputs():
    failed = Extraction(source="bad.pdf", document=None, errors=[{"file": "bad.pdf", "cause": 'not a "PDF"'}])
    return [extraction(make_target(), make_target(50, year=2020, text=HOSTILE_TEXT), source="a.txt", region="Hunan",
                       region_zh="湖南", date="2014-02-22", title="关于\"宽带\"的意见", doc_number="湘政发〔2014〕8号"),
            failed,
            extraction(make_target(100), make_target(4, kind="baseline", comparator="eq"),
                       make_target(45, "percent", indicator="broadband.household_penetration", scope=None),
                       source="b/b.txt"),
            extraction(source="empty.txt")]


class Recording(io.StringIO):
    """Keeps the size of every write, to see that the output is written piece by piece."""

    def __init__(self):
        super().__init__()
        self.sizes = []

    def write(self, text):
        self.sizes.append(len(text))
        return super().write(text)


def test_write_comparison_json_streams_a_valid_comparison():
    from tridoc.compare import Comparison

    lineup = lineup_of(*compare_inputs())
    out = Recording()
    render.write_comparison_json(lineup, out)
    parsed = Comparison.model_validate_json(out.getvalue())
    assert parsed == lineup.model()
    assert [d.id for d in parsed.documents] == ["a", "b", "empty"] and parsed.errors[0].cause == 'not a "PDF"'
    assert parsed.documents[0].title == '关于"宽带"的意见'
    assert any(c.text == HOSTILE_TEXT for r in parsed.rows for cs in r.cells.values() for c in cs)
    assert json.loads(out.getvalue())["schema_version"] == "1.0"
    assert max(out.sizes) < 400  # one document or one document's cells of a row per write, never the whole


def test_write_comparison_json_of_nothing():
    from tridoc.compare import Comparison

    for lineup in (lineup_of(), lineup_of(Extraction(source="x", document=None, errors=[{"file": "x", "cause": "c"}]))):
        out = io.StringIO()
        render.write_comparison_json(lineup, out)
        assert Comparison.model_validate_json(out.getvalue()) == lineup.model()


def test_write_comparison_json_many_documents_valid_and_written_in_pieces():
    from tridoc.compare import Comparison

    docs = [extraction(make_target(i + 1), make_target(i + 2, year=2020), source=f"d/{i:03d}.txt", region=f"R{i}")
            for i in range(120)]
    lineup = lineup_of(*docs)
    out = Recording()
    render.write_comparison_json(lineup, out)
    parsed = Comparison.model_validate_json(out.getvalue())
    assert parsed == lineup.model() and len(parsed.rows[0].cells) == 120
    assert max(out.sizes) < len(out.getvalue()) / 50


def test_write_comparison_csv_one_line_per_figure_row_by_row():
    lineup = lineup_of(*compare_inputs())
    out = Recording()
    render.write_comparison_csv(lineup, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 5 == lineup.totals.targets
    assert [(r["document"], r["column"], r["year"], r["value"], r["kind"]) for r in rows] == [
        ("a", "Hunan 2014-02-22", "2015", "20", "target"), ("b", "b.txt", "2015", "100", "target"),
        ("b", "b.txt", "2015", "4", "baseline"), ("a", "Hunan 2014-02-22", "2020", "50", "target"),
        ("b", "b.txt", "2015", "45", "target")]
    assert any(r["text"] == render.clean(HOSTILE_TEXT, newlines=True) for r in rows)
    assert len(out.sizes) > len(rows)  # a write per line at least


def test_write_grids_md_writes_a_row_at_a_time():
    from tridoc.compare import document_grid, footer

    lineup = lineup_of(*compare_inputs())
    out = Recording()
    render.write_grids_md([document_grid(lineup)], footer(lineup.totals), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "| indicator | Hunan 2014-02-22 | b.txt | empty.txt |"
    assert lines[2] == "| Broadband access speed · urban · 2015 | ≥ 20 Mbps | **≥ 100 Mbps**<br>*4 Mbps (baseline)* |  |"
    assert lines[4] == "| Fixed broadband household penetration · 2015 |  | ≥ 45 % |  |"
    assert lines[-1] == "_3 documents · 5 targets · 1 failure_"


def test_write_grids_table_adds_the_hint_under_the_footer():
    from tridoc.compare import document_grid

    out = io.StringIO()
    render.write_grids_table([document_grid(lineup_of(*compare_inputs()))], "3 documents", out, hint="try --by year")
    assert out.getvalue().splitlines()[-2:] == ["3 documents", "try --by year"]
