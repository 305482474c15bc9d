"""Lining up hand-built extractions: rows, cells, filters, labels and the grids drawn from them."""
from __future__ import annotations

import datetime as dt

import pytest

from tridoc.catalogue import load_catalogue
import pickle

from tridoc.compare import (EVIDENCE_CHARS, Brief, Briefer, CompareDocument, Comparison, Entry, Filters,
                            Totals, _Evidence, charts, column_labels, compare, document_grid, document_id,
                            evidence_text, figures, footer, wide_hint, year_grids)
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
    model = comparison.model()
    assert Comparison.model_validate_json(model.model_dump_json()) == model


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
    assert list(grid.rows[0].cells[1]) == []
    assert [r.label for r in grid.rows[1:3]] == [r.label for r in list(grid.rows)[1:3]]


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


def test_brief_keeps_only_what_the_rows_need():
    brief = Briefer()(HUNAN)
    assert brief.source == "in/hunan.txt"
    assert brief.info == ("Hunan", "湖南", dt.date(2014, 2, 22), None, None)
    assert brief.figures[0] == ("broadband.access_speed", "urban", 2015, "Mbps", 20, "ge", "target", "…")
    assert all(type(f) is tuple and len(f) == 8 for f in brief.figures)  # no pydantic objects cross to the parent
    assert brief.figures[0][-1] is brief.figures[1][-1]  # one evidence string per sentence
    assert len(pickle.dumps(brief)) < len(pickle.dumps(HUNAN)) / 2


def test_brief_applies_the_filters_and_keeps_failures():
    brief = Briefer(Filters(kind="baseline"))(HUNAN)
    assert [f[4] for f in brief.figures] == [4]
    assert Briefer(Filters(regions=("Beijing",)))(HUNAN) == Brief("in/hunan.txt", None, (), ())
    assert Briefer()(failed("x.pdf", "not a PDF")) == Brief("x.pdf", None, (), (("x.pdf", "not a PDF"),))


def test_briefs_and_extractions_line_up_the_same():
    filters = Filters(indicators=("broadband.",))
    briefer = Briefer(filters)
    extractions = [HUNAN, failed("bad.txt"), GUANGZHOU]
    from_briefs = compare([briefer(e) for e in extractions], CATALOGUE, filters).model()
    assert from_briefs == compare(extractions, CATALOGUE, filters).model()


@pytest.mark.parametrize("text, figure, expected", [
    ("短句20Mbps。", "20Mbps", "短句20Mbps。"),
    ("甲" * 200 + "20Mbps" + "乙" * 200, "20Mbps", "…" + "甲" * 51 + "20Mbps" + "乙" * 103 + "…"),
    ("甲" * 100 + "20Mbps" + "乙" * 100, "20Mbps", "…" + "甲" * 54 + "20Mbps" + "乙" * 100),
    ("20Mbps" + "乙" * 300, "20Mbps", "20Mbps" + "乙" * 154 + "…"),
    ("甲" * 300 + "20Mbps", "20Mbps", "…" + "甲" * 154 + "20Mbps"),
    ("x" * 300, "absent", "x" * 160 + "…"),
])
def test_evidence_is_cut_around_the_figure(text, figure, expected):
    cut = evidence_text(text, figure)
    assert cut == expected
    assert figure not in text or figure in cut
    assert len(cut) <= EVIDENCE_CHARS + 2


def test_long_evidence_is_cut_in_the_lineup():
    sentence = "甲" * 300 + "达到20Mbps" + "乙" * 300
    lineup = compare([doc("a.txt", t(20, text=sentence) .model_copy(update={"figure": "20Mbps"}))], CATALOGUE)
    (text,) = [c.text for cs in lineup.rows[0].cells.values() for c in cs]
    assert "达到20Mbps" in text and len(text) <= EVIDENCE_CHARS + 2


def test_lineup_packs_figures_and_shares_evidence():
    lineup = compare([HUNAN, GUANGZHOU], CATALOGUE)
    row = next(r for r in lineup.rows if r.year == 2015 and r.scope == "urban")
    assert len(row) == 3 and row._values.typecode == "d" and row._codes.typecode == "B"
    assert list(row.cells) == ["hunan", "gz"]
    assert row.cells["gz"] == [Entry(100, "ge", "target", "…"), Entry(30, "ge", "target", "其中30M")]
    assert [e.text for _, es in row.groups(text=False) for e in es] == ["", "", ""]
    hunan = [r._refs[0] for r in lineup.rows if r.cells.get("hunan")]
    assert len(set(hunan)) == 1  # the same sentence is stored once for the document
    ids = {id(d.id) for d in lineup.documents}
    assert {id(doc) for r in lineup.rows for doc in r._docs} <= ids  # rows point at the documents' ids


def test_evidence_spool_reads_back_after_going_to_disk():
    store = _Evidence(spool=64)
    texts = [f"第{i}句,宽带达到{i}Mbps。" * (i % 3 + 1) for i in range(200)]
    refs = [store.put(x) for x in texts]
    assert store._file._rolled  # past 64 bytes the spool is a file on disk
    assert [store.get(r) for r in reversed(refs)] == texts[::-1]
    store.close()


def test_lineup_closes_its_spool():
    with compare([HUNAN], CATALOGUE) as lineup:
        assert lineup.rows[0].cells
    assert lineup._evidence._file.closed


def test_footer():
    assert footer(Totals(documents=1, targets=2, failures=0)) == "1 document · 2 targets · 0 failures"
    assert footer(Totals(documents=3, targets=1, failures=1), "zh") == "文件 3 份 · 目标 1 项 · 失败 1 份"


def test_wide_hint_only_past_forty_documents():
    assert wide_hint(Totals(documents=40, targets=1, failures=0)) == ""
    assert "--by year" in wide_hint(Totals(documents=41, targets=1, failures=0))
    assert "--by year" in wide_hint(Totals(documents=41, targets=1, failures=0), "zh")


def test_schema_describes_the_comparison():
    schema = Comparison.model_json_schema()
    assert set(schema["required"]) >= {"documents", "rows", "totals"}
    assert "cells" in schema["$defs"]["Row"]["properties"]


def test_the_slotted_document_record_keeps_the_fields_of_the_model():
    from tridoc.compare import DocRecord
    assert DocRecord.__slots__ == tuple(CompareDocument.model_fields)
