"""Lining up hand-built extractions: rows, cells, filters, labels and the grids drawn from them."""
from __future__ import annotations

import datetime as dt

import pytest

from tridoc.catalogue import load_catalogue
from tridoc.compare import (Collector, CompareDocument, Comparison, Filters, Totals, charts, column_labels, compare,
                            document_grid, document_id, figures, footer, year_grids)
from tridoc.models import DocumentInfo, ErrorRecord, Extraction, Target

CATALOGUE = load_catalogue()


def t(value, unit="Mbps", year=2015, indicator="broadband.access_speed", scope="urban", kind="target",
      comparator="ge", text="…") -> Target:
    return Target(value=value, unit=unit, year=year, comparator=comparator, indicator=indicator, scope=scope,
                  kind=kind, figure=str(value), text=text, span=(0, 1), line=1)


def doc(source, *targets, **info) -> Extraction:
    return Extraction(source=source, document=DocumentInfo(**info), targets=list(targets))


def failed(source, cause="unreadable") -> Extraction:
    return Extraction(source=source, document=None, errors=[ErrorRecord(file=source, cause=cause)])


HUNAN = doc("in/hunan.txt", t(20), t(50, year=2020), t(45, "percent", indicator="broadband.household_penetration",
            scope=None), t(4, year=2013, kind="baseline", comparator="eq"),
            t(3e11, "CNY", indicator="info_consumption.scale", scope=None, comparator="gt"),
            region="Hunan", region_zh="湖南", date=dt.date(2014, 2, 22))
GUANGZHOU = doc("in/gz.txt", t(85, "percent", indicator="broadband.household_penetration", scope=None), t(100),
                t(30, text="其中30M"), region="Guangzhou", region_zh="广州", date=dt.date(2012, 5, 4))


def rows_of(comparison: Comparison) -> dict:
    return {(r.indicator, r.scope, r.year): {d: [c.value for c in cs] for d, cs in r.cells.items()}
            for r in comparison.rows}


def test_rows_per_indicator_scope_year_with_a_cell_per_document():
    comparison = compare([HUNAN, GUANGZHOU], CATALOGUE)
    assert rows_of(comparison) == {
        ("broadband.access_speed", "urban", 2013): {"hunan": [4]},
        ("broadband.access_speed", "urban", 2015): {"hunan": [20], "gz": [100, 30]},
        ("broadband.access_speed", "urban", 2020): {"hunan": [50]},
        ("broadband.household_penetration", None, 2015): {"hunan": [45], "gz": [85]},
        ("info_consumption.scale", None, 2015): {"hunan": [3e11]},
    }
    cell = comparison.rows[1].cells["gz"][1]
    assert (cell.comparator, cell.kind, cell.text) == ("ge", "target", "其中30M")


def test_rows_ordered_by_family_then_catalogue_then_scope_and_year():
    other = doc("o.txt", t(7, "count", indicator="made.up", scope=None), t(9, year=None, scope="rural"),
                t(8, year=2015, scope="rural"), t(3, "percent", indicator="price.reduction", scope=None))
    comparison = compare([other, HUNAN], CATALOGUE)
    keys = [(r.family, r.indicator, r.scope, r.year) for r in comparison.rows]
    assert keys == [
        ("broadband", "broadband.access_speed", "urban", 2013),
        ("broadband", "broadband.access_speed", "urban", 2015),
        ("broadband", "broadband.access_speed", "urban", 2020),
        ("broadband", "broadband.access_speed", "rural", 2015),
        ("broadband", "broadband.access_speed", "rural", None),
        ("broadband", "broadband.household_penetration", None, 2015),
        ("price", "price.reduction", None, 2015),
        ("money", "info_consumption.scale", None, 2015),
        ("other", "made.up", None, 2015),
    ]
    assert comparison.rows[-1].label == "made.up"


def test_documents_totals_and_failures():
    comparison = compare([HUNAN, failed("x/broken.pdf", "not a PDF"), GUANGZHOU], CATALOGUE)
    assert [(d.id, d.region, d.targets) for d in comparison.documents] == [("hunan", "Hunan", 5), ("gz", "Guangzhou", 3)]
    assert comparison.errors == [ErrorRecord(file="x/broken.pdf", cause="not a PDF")]
    assert comparison.totals == Totals(documents=2, targets=8, failures=1)
    assert Comparison.model_validate_json(comparison.model_dump_json()) == comparison


def test_document_ids_are_stems_made_unique():
    comparison = compare([doc("a/plan.txt"), doc("b/plan.html"), doc("c/plan.txt"), doc("-"), doc("<stdin>")],
                         CATALOGUE)
    assert [d.id for d in comparison.documents] == ["plan", "plan-2", "plan-3", "stdin", "stdin-2"]
    assert document_id("dir/001_ab.txt") == "001_ab"


@pytest.mark.parametrize("filters, expected", [
    (Filters(indicators=("broadband.household",)), {("broadband.household_penetration", None, 2015)}),
    (Filters(indicators=("info_consumption.", "broadband.household_penetration")),
     {("broadband.household_penetration", None, 2015), ("info_consumption.scale", None, 2015)}),
    (Filters(years=(2013, 2020)), {("broadband.access_speed", "urban", 2013), ("broadband.access_speed", "urban", 2020)}),
    (Filters(kind="baseline"), {("broadband.access_speed", "urban", 2013)}),
    (Filters(indicators=("broadband.access",), kind="target", years=(2015,)), {("broadband.access_speed", "urban", 2015)}),
])
def test_target_filters(filters, expected):
    assert set(rows_of(compare([HUNAN, GUANGZHOU], CATALOGUE, filters))) == expected


@pytest.mark.parametrize("regions, expected", [
    (("hunan",), ["hunan"]), (("GUANG",), ["gz"]), (("广州",), ["gz"]), (("an", "zhou"), ["hunan", "gz"]),
    (("Beijing",), []),
])
def test_region_filter_keeps_matching_documents(regions, expected):
    comparison = compare([HUNAN, GUANGZHOU, doc("none.txt", t(1)), failed("bad.txt")], CATALOGUE,
                         Filters(regions=regions))
    assert [d.id for d in comparison.documents] == expected
    assert comparison.totals.failures == 1  # failures are reported whatever the filter


def test_labels_in_chinese():
    comparison = compare([HUNAN], CATALOGUE, lang="zh")
    assert comparison.rows[0].label == "宽带接入能力"
    assert document_grid(comparison, "zh").columns == ["湖南 2014-02-22"]
    assert document_grid(comparison, "zh").rows[0].label == "宽带接入能力 · 城市 · 2013"


def test_column_labels_region_date_file_name_and_duplicates():
    docs = [CompareDocument(id="a", source="x/a.txt", region="Hunan", date=dt.date(2014, 2, 22)),
            CompareDocument(id="b", source="y/b.txt", region="Hunan", date=dt.date(2014, 2, 22)),
            CompareDocument(id="c", source="z/plan.html"),
            CompareDocument(id="d", source="z/d.txt", region_zh="深圳")]
    assert column_labels(docs) == {"a": "Hunan 2014-02-22 (a)", "b": "Hunan 2014-02-22 (b)", "c": "plan.html",
                                   "d": "深圳"}


def test_figures_mark_the_highest_target_when_documents_compete():
    comparison = compare([HUNAN, GUANGZHOU], CATALOGUE)
    row = next(r for r in comparison.rows if r.year == 2015 and r.scope == "urban")
    marks = {d: [(f.value, f.best) for f in figs] for d, figs in figures(row).items()}
    assert marks == {"hunan": [(20, False)], "gz": [(100, True), (30, False)]}
    lonely = next(r for r in comparison.rows if r.year == 2020)
    assert [f.best for f in figures(lonely)["hunan"]] == [False]  # nothing to compare with


def test_a_baseline_is_never_the_best():
    comparison = compare([doc("a.txt", t(99, kind="baseline")), doc("b.txt", t(10)), doc("c.txt", t(12))], CATALOGUE)
    marks = {d: [f.best for f in figs] for d, figs in figures(comparison.rows[0]).items()}
    assert marks == {"a": [False], "b": [False], "c": [True]}


def test_document_grid_has_a_column_per_document_and_family_sections():
    grid = document_grid(compare([HUNAN, GUANGZHOU], CATALOGUE))
    assert grid.columns == ["Hunan 2014-02-22", "Guangzhou 2012-05-04"]
    assert [r.label for r in grid.rows][:2] == ["Broadband access speed · urban · 2013",
                                                "Broadband access speed · urban · 2015"]
    assert [r.section for r in grid.rows] == ["broadband"] * 4 + ["money"]
    assert [[f.value for f in figs] for figs in grid.rows[1].cells] == [[20], [100, 30]]
    assert grid.rows[0].cells[1] == []


def test_year_grids_one_per_indicator_with_year_columns():
    grids = year_grids(compare([HUNAN, GUANGZHOU, doc("c.txt", t(8, year=None, scope="rural"))], CATALOGUE))
    assert [g.title for g in grids] == ["Broadband access speed", "Fixed broadband household penetration",
                                        "Information consumption"]
    speed = grids[0]
    assert speed.columns == ["2013", "2015", "2020", "no year"]
    assert [r.label for r in speed.rows] == ["Hunan 2014-02-22 · urban", "Guangzhou 2012-05-04 · urban", "c.txt · rural"]
    assert [[f.value for f in figs] for figs in speed.rows[0].cells] == [[4], [20], [50], []]


def test_year_grids_split_an_indicator_with_two_units():
    comparison = compare([doc("a.txt", t(50, "percent", indicator="fiber.coverage", scope=None),
                              t(2e6, "count", indicator="fiber.coverage", scope=None))], CATALOGUE)
    label = CATALOGUE.label("fiber.coverage")
    assert [g.title for g in year_grids(comparison)] == [f"{label} (percent)", f"{label} (count)"]


def test_charts_one_per_row_labelled_by_document():
    made = charts(compare([HUNAN, GUANGZHOU], CATALOGUE, Filters(indicators=("broadband.household",))))
    assert [c.title for c in made] == ["Fixed broadband household penetration · 2015"]
    assert [(r.label, [f.value for f in r.cells[0]]) for r in made[0].rows] == [("Hunan 2014-02-22", [45]),
                                                                              ("Guangzhou 2012-05-04", [85])]


def test_collector_keeps_only_the_figures():
    collector = Collector(CATALOGUE)
    collector.add(HUNAN)
    cells = [c for r in collector.result().rows for cs in r.cells.values() for c in cs]
    assert set(cells[0].model_dump()) == {"value", "comparator", "kind", "text"}


def test_footer():
    assert footer(Totals(documents=1, targets=2, failures=0)) == "1 document · 2 targets · 0 failures"
    assert footer(Totals(documents=3, targets=1, failures=1), "zh") == "文件 3 份 · 目标 1 项 · 失败 1 份"


def test_schema_describes_the_comparison():
    schema = Comparison.model_json_schema()
    assert set(schema["required"]) >= {"documents", "rows", "totals"}
    assert "cells" in schema["$defs"]["Row"]["properties"]
