"""The `tridoc` command driven as a user would: click's CliRunner and real subprocesses.

Most tests replace the engine with `fake_engine`, which reads a document that is a
JSON description of its own extraction, so the CLI can be tested with exactly the
targets (and hostile text) wanted. Tests named `test_real_engine_*` run the
shipped samples through the real engine and hold only once it finds targets.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tridoc import engine
from tridoc.cli import main
from tridoc.compare import Comparison
from tridoc.models import DocumentInfo, Extraction, Target

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HUNAN, GUANGZHOU = SAMPLES / "003_40dd9cc1b2a28e96.txt", SAMPLES / "004_c5669717cc1318fd.txt"


def target(value, unit="Mbps", year=2015, comparator="ge", indicator="broadband.access_speed", scope="urban",
           kind="target", text=None, figure=None, line=1):
    figure = figure or f"{value:g}{unit}"
    text = text if text is not None else f"到{year}年,宽带接入能力达到{figure}。"
    return {"value": value, "unit": unit, "year": year, "comparator": comparator, "indicator": indicator,
            "scope": scope, "kind": kind, "figure": figure, "text": text, "span": [0, len(figure)], "line": line}


def fake_engine(doc, catalogue=None):
    spec = json.loads(doc.text)
    if "raise" in spec:
        raise RuntimeError(spec["raise"])
    if "exit" in spec:  # a crash of the process, as a bug in a PDF library could cause
        os._exit(3)
    return Extraction(source=doc.source, document=DocumentInfo(**spec.get("document", {})),
                      targets=[Target(**t) for t in spec.get("targets", [])])


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(engine, "extract_document", fake_engine)


def write_doc(path: Path, targets=(), **document) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"document": document, "targets": list(targets)}, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def corpus(tmp_path):
    """Two regions, three years, a baseline, two indicator families."""
    d = tmp_path / "docs"
    write_doc(d / "hunan.txt", [target(20), target(50, year=2020), target(45, "percent", indicator="broadband.household_penetration", scope=None),
                                target(4, year=2013, kind="baseline", comparator="eq"),
                                target(3e11, "CNY", indicator="info_consumption.scale", scope=None, comparator="gt")],
              region="Hunan", region_zh="湖南", date="2014-02-22", doc_number="湘政发〔2014〕8号")
    write_doc(d / "sub" / "guangzhou.txt", [target(85, "percent", indicator="broadband.household_penetration", scope=None),
                                            target(100, year=2015), target(1000, year=2020)],
              region="Guangzhou", region_zh="广州", date="2012-05-04")
    return d


def run(*args, input=None, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input, env={"COLUMNS": "200", **(env or {})})
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.output
    return result


TESTS = Path(__file__).resolve().parent
# The real program, but with fake_engine (worker processes started by fork inherit it).
FAKE_MAIN = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); import test_cli; from tridoc import engine; "
             "engine.extract_document = test_cli.fake_engine; from tridoc.cli import main; "
             "main(sys.argv[1:], prog_name='tridoc')")


def tridoc(*args, input=None, fake=False) -> subprocess.CompletedProcess:
    """The program in a pipe (stdout is not a terminal)."""
    command = [sys.executable, "-c", FAKE_MAIN] if fake else [sys.executable, "-m", "tridoc"]
    return subprocess.run([*command, *map(str, args)], input=input, capture_output=True, cwd=TESTS,
                          env={**os.environ, "COLUMNS": "200"}, timeout=120)


# ------------------------------------------------------------------ extract

def test_extract_one_file_prints_one_object_when_piped(fake, corpus):
    result = run("extract", corpus / "hunan.txt")
    assert result.exit_code == 0
    extraction = Extraction.model_validate_json(result.stdout)
    assert extraction.document.region == "Hunan"
    assert [t.value for t in extraction.targets][:3] == [20, 50, 45]


def test_extract_targets_before_baselines_and_kind_filter(fake, corpus):
    every = Extraction.model_validate_json(run("extract", corpus / "hunan.txt").stdout)
    assert [t.kind for t in every.targets] == ["target"] * 4 + ["baseline"]
    only = Extraction.model_validate_json(run("extract", corpus / "hunan.txt", "--kind", "baseline").stdout)
    assert [t.value for t in only.targets] == [4]


def test_extract_directory_prints_array_of_every_document(fake, corpus):
    data = json.loads(run("extract", corpus, "--format", "json").stdout)
    assert isinstance(data, list)
    assert sorted(Extraction.model_validate(d).document.region for d in data) == ["Guangzhou", "Hunan"]


def test_extract_jsonl_one_object_per_line(fake, corpus):
    lines = run("extract", corpus, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 2
    assert all(Extraction.model_validate_json(line).targets for line in lines)


def test_extract_csv_flattens_targets(fake, corpus):
    rows = list(csv.DictReader(io.StringIO(run("extract", corpus, "--format", "csv").stdout)))
    assert len(rows) == 8
    hunan = [r for r in rows if r["source"].endswith("hunan.txt")]
    assert hunan[0]["value"] == "20" and hunan[0]["unit"] == "Mbps" and hunan[0]["start"] == "0"
    assert {"threshold_value", "threshold_unit", "end", "line"} <= set(rows[0])


def test_extract_reads_stdin(fake):
    doc = json.dumps({"document": {"region": "Hunan"}, "targets": [target(12)]})
    extraction = Extraction.model_validate_json(run("extract", "-", input=doc.encode()).stdout)
    assert extraction.source == "<stdin>"
    assert extraction.targets[0].value == 12


def test_extract_without_inputs_is_a_usage_error():
    result = run("extract")
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_extract_table_shows_human_figures_and_evidence(fake, corpus):
    out = run("extract", corpus / "hunan.txt", "--format", "table").stdout
    assert "hunan.txt" in out and "Hunan" in out and "2014-02-22" in out and "湘政发〔2014〕8号" in out
    for shown in ("≥ 20 Mbps", "≥ 45 %", "> 300 bn yuan", "Broadband access speed", "(line 1)"):
        assert shown in out


def test_extract_table_in_chinese(fake, corpus):
    out = run("extract", corpus / "hunan.txt", "--format", "table", "--lang", "zh").stdout
    assert "> 3000 亿元" in out and "宽带接入能力" in out and "基线" in out


def test_extract_broken_files_reported_and_batch_goes_on(fake, corpus):
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (corpus / "explodes.txt").write_text('{"raise": "engine bug"}', "utf-8")
    result = run("extract", corpus, corpus / "missing.txt", "--format", "json")
    assert result.exit_code == 1
    data = [Extraction.model_validate(d) for d in json.loads(result.stdout)]
    failed = {Path(e.source).name: e for e in data if e.document is None}
    assert set(failed) == {"broken.txt", "explodes.txt", "missing.txt"}
    assert all(e.targets == [] and e.errors[0].file == e.source for e in failed.values())
    assert failed["explodes.txt"].errors[0].cause == "RuntimeError: engine bug"
    assert len([e for e in data if e.document is not None]) == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 3 and all(line.startswith("tridoc: error: ") for line in errors)
    assert any("explodes.txt: RuntimeError: engine bug" in line for line in errors)
    assert "Traceback" not in result.stderr


def test_extract_one_failed_file_is_still_one_object(fake, tmp_path):
    result = run("extract", tmp_path / "nope.txt")
    assert result.exit_code == 1
    extraction = Extraction.model_validate_json(result.stdout)
    assert extraction.document is None and extraction.errors[0].file.endswith("nope.txt")
    assert result.stderr.startswith(f"tridoc: error: {tmp_path / 'nope.txt'}: ")


def test_bad_catalogue_is_one_line_naming_file_and_line(fake, corpus, tmp_path):
    bad = tmp_path / "cat.toml"
    bad.write_text('[[indicator]]\nkey = "x"\nlabel_en = "X"\nunits = ["furlongs"]\n', "utf-8")
    for command in ("extract", "compare", "indicators"):
        args = [command, corpus] if command != "indicators" else [command]
        result = run(*args, "--catalogue", bad)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and f"{bad}:1:" in result.stderr and "furlongs" in result.stderr
        assert result.stdout == ""


# ------------------------------------------------------------------ hostile text

HOSTILE = "[b]H[/] \x1b[31mred\x1b[0m\rX\x9bY 20Mbps [link=http://x]click[/link]"


def test_markup_and_escapes_in_document_text_are_printed_literally(fake, tmp_path):
    write_doc(tmp_path / "evil.txt", [target(20, text=HOSTILE, figure="20Mbps")], region="[blink]Evil[/blink]",
              title="\x1b]0;pwned\x07Title")
    out = run("extract", tmp_path / "evil.txt", "--format", "table").stdout
    assert "[b]H[/]" in out and "[link=http://x]click[/link]" in out and "[blink]Evil[/blink]" in out
    assert not any(c in out for c in "\x1b\r\x9b\x07")
    assert "[31mred" in out  # the escape character is gone, the rest of the text is kept
    compare = run("compare", tmp_path, "--format", "table", "--jobs", "1").stdout
    assert "[blink]Evil[/blink]" in compare and "\x1b" not in compare


def test_csv_cells_cannot_start_a_formula(fake, tmp_path):
    write_doc(tmp_path / "=cmd.txt", [target(-5, "percent", text="=HYPERLINK(\"http://x\")", figure="-5%",
                                             indicator="price.reduction", scope=None)])
    rows = list(csv.DictReader(io.StringIO(run("extract", tmp_path, "--format", "csv").stdout)))
    assert rows[0]["text"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["figure"] == "'-5%"
    assert rows[0]["source"].endswith("=cmd.txt") and rows[0]["source"][0] in "/'"
    assert rows[0]["value"] == "-5"  # a number stays a number
    compared = list(csv.DictReader(io.StringIO(run("compare", tmp_path, "--format", "csv").stdout)))
    assert compared[0]["text"].startswith("'=") and compared[0]["column"] == "'=cmd.txt"
    assert compared[0]["value"] == "-5"


# ------------------------------------------------------------------ compare

def test_compare_json_lines_up_documents(fake, corpus):
    result = run("compare", corpus, "--jobs", "1")
    assert result.exit_code == 0
    comparison = Comparison.model_validate_json(result.stdout)
    assert [d.id for d in comparison.documents] == ["hunan", "guangzhou"]
    assert comparison.totals.model_dump() == {"documents": 2, "targets": 8, "failures": 0}
    rows = {(r.indicator, r.scope, r.year): r for r in comparison.rows}
    pen = rows[("broadband.household_penetration", None, 2015)]
    assert {k: [c.value for c in v] for k, v in pen.cells.items()} == {"hunan": [45], "guangzhou": [85]}
    assert pen.family == "broadband" and pen.label == "Fixed broadband household penetration"
    assert rows[("broadband.access_speed", "urban", 2013)].cells["hunan"][0].kind == "baseline"


def test_compare_in_parallel_gives_the_same_result(fake, corpus):
    # --jobs 2 really uses worker processes, where the fake engine is not installed; compare document lists only
    one = Comparison.model_validate_json(run("compare", corpus, "--jobs", "1").stdout)
    (corpus / "broken.txt").write_bytes(b"\x00\xff" * 10)
    two = Comparison.model_validate_json(run("compare", corpus, "--jobs", "2").stdout)
    assert [d.id for d in two.documents] == [d.id for d in one.documents]
    assert [Path(e.file).name for e in two.errors] == ["broken.txt"]


def test_compare_table_rows_grouped_and_best_highlighted(fake, corpus):
    out = run("compare", corpus, "--format", "table", "--jobs", "1").stdout
    assert "Hunan 2014-02-22" in out and "Guangzhou 2012-05-04" in out
    assert "Broadband access speed · urban · 2015" in out
    assert "≥ 20 Mbps" in out and "≥ 1 Gbps" in out and "> 300 bn yuan" in out
    assert out.index("broadband") < out.index("money")
    assert "2 documents · 8 targets · 0 failures" in out


def test_compare_table_colours_best_and_dims_baselines(fake, corpus):
    out = run("compare", corpus, "--format", "table", "--jobs", "1", env={"FORCE_COLOR": "1", "TERM": "xterm"}).stdout
    assert "\x1b[1;32m≥ 85 %" in out  # Guangzhou has the higher penetration target
    assert "\x1b[2m4 Mbps" in out  # the 2013 baseline


def test_compare_kind_target_leaves_baselines_out(fake, corpus):
    comparison = Comparison.model_validate_json(run("compare", corpus, "--kind", "target", "-j", "1").stdout)
    assert all(c.kind == "target" for r in comparison.rows for cells in r.cells.values() for c in cells)
    assert comparison.totals.targets == 7


def test_compare_filters(fake, corpus):
    def ids(*args):
        comparison = Comparison.model_validate_json(run("compare", corpus, "-j", "1", *args).stdout)
        return sorted({(r.indicator, r.year) for r in comparison.rows}), [d.id for d in comparison.documents]

    rows, _ = ids("--indicator", "broadband.household")
    assert rows == [("broadband.household_penetration", 2015)]
    rows, _ = ids("--indicator", "info_consumption.", "--indicator", "broadband.household_penetration")
    assert rows == [("broadband.household_penetration", 2015), ("info_consumption.scale", 2015)]
    rows, _ = ids("--year", "2020")
    assert rows == [("broadband.access_speed", 2020)]
    _, docs = ids("--region", "HUNAN")
    assert docs == ["hunan"]
    _, docs = ids("--region", "广州", "--region", "nowhere")
    assert docs == ["guangzhou"]


def test_compare_by_year(fake, corpus):
    out = run("compare", corpus, "--by", "year", "--indicator", "broadband.access_speed", "--format", "table",
              "-j", "1").stdout
    assert "Broadband access speed" in out
    header = next(line for line in out.splitlines() if "2013" in line)
    assert header.index("2013") < header.index("2015") < header.index("2020")
    assert "Hunan 2014-02-22 · urban" in out and "Guangzhou 2012-05-04 · urban" in out


def test_compare_by_year_one_table_per_indicator(fake, corpus):
    out = run("compare", corpus, "--by", "year", "--indicator", "broadband.", "--format", "md", "-j", "1").stdout
    assert out.count("### ") == 2
    assert "### Broadband access speed" in out and "### Fixed broadband household penetration" in out


def test_compare_chart_mentions_documents_and_values(fake, corpus):
    out = run("compare", corpus, "--chart", "--indicator", "broadband.household", "-j", "1").stdout
    assert "Fixed broadband household penetration · 2015" in out
    assert "Hunan 2014-02-22" in out and "Guangzhou 2012-05-04" in out
    lines = {line.split()[0]: line for line in out.splitlines() if "█" in line}
    assert lines["Guangzhou"].count("█") > lines["Hunan"].count("█")  # 85 against 45
    assert run("compare", corpus, "--chart", "--format", "json").exit_code == 2


def test_compare_in_chinese(fake, corpus):
    out = run("compare", corpus, "--lang", "zh", "--format", "table", "-j", "1").stdout
    assert "湖南 2014-02-22" in out and "宽带接入能力 · 城市 · 2015" in out and "> 3000 亿元" in out
    assert "宽带" in out and "金额" in out
    assert Comparison.model_validate_json(run("compare", corpus, "--lang", "zh", "-j", "1").stdout).rows[0].label == "宽带接入能力"


def test_compare_markdown(fake, corpus, tmp_path):
    write_doc(corpus / "pipe.txt", [target(8, text="a | b")], region="Pipe|Town")
    out = run("compare", corpus, "--format", "md", "-j", "1").stdout
    header = out.splitlines()[0]
    assert header.startswith("| indicator | ") and out.splitlines()[1] == "|---|---|---|---|"
    assert {"Hunan 2014-02-22", "Guangzhou 2012-05-04", "Pipe\\|Town"} <= set(header.strip("| ").split(" | "))
    assert "**≥ 85 %**" in out and "*4 Mbps (baseline)*" in out
    row = next(line for line in out.splitlines() if line.startswith("| Broadband access speed · urban · 2015"))
    assert row.count(" | ") == 3  # four cells: no stray column from the pipe in the region


def test_compare_csv_one_line_per_figure(fake, corpus):
    rows = list(csv.DictReader(io.StringIO(run("compare", corpus, "--format", "csv", "-j", "1").stdout)))
    assert len(rows) == 8
    big = next(r for r in rows if r["indicator"] == "info_consumption.scale")
    assert big["value"] == "300000000000" and big["figure"] == "> 300 bn yuan" and big["column"] == "Hunan 2014-02-22"


def test_compare_folder_with_broken_files(fake, corpus):
    (corpus / "binary.pdf").write_bytes(b"\x00\x01\x02\xff" * 100)
    (corpus / "empty.txt").write_bytes(b"")
    result = run("compare", corpus, "--format", "table", "-j", "1")
    assert result.exit_code == 1
    assert "Hunan 2014-02-22" in result.stdout and "1 failure" not in result.stdout and "2 failures" in result.stdout
    assert "binary.pdf" in result.stderr and "empty.txt" in result.stderr
    data = Comparison.model_validate_json(run("compare", corpus, "-j", "1").stdout)
    assert {Path(e.file).name for e in data.errors} == {"binary.pdf", "empty.txt"}
    assert data.totals.failures == 2 and data.totals.documents == 2


def test_compare_duplicate_regions_and_names_get_distinct_columns(fake, tmp_path):
    write_doc(tmp_path / "a" / "plan.txt", [target(10)], region="Hunan", date="2014-02-22")
    write_doc(tmp_path / "b" / "plan.txt", [target(12)], region="Hunan", date="2014-02-22")
    write_doc(tmp_path / "c" / "other.txt", [target(14)])
    comparison = Comparison.model_validate_json(run("compare", tmp_path, "-j", "1").stdout)
    assert [d.id for d in comparison.documents] == ["plan", "plan-2", "other"]
    out = run("compare", tmp_path, "--format", "table", "-j", "1").stdout
    assert "Hunan 2014-02-22 (plan)" in out and "Hunan 2014-02-22 (plan-2)" in out and "other.txt" in out


def test_compare_wide_table_suggests_narrowing(fake, tmp_path):
    for i in range(41):
        write_doc(tmp_path / f"d{i:02d}.txt", [target(i + 1)], region=f"R{i}")
    out = run("compare", tmp_path, "--format", "table", "-j", "1").stdout
    assert "41 documents" in out and "--by year" in out
    narrow = run("compare", tmp_path / "d00.txt", tmp_path / "d01.txt", "--format", "table", "-j", "1").stdout
    assert "--by year" not in narrow
    assert "--by year" not in run("compare", tmp_path, "--format", "table", "--by", "year", "-j", "1").stdout


def test_compare_cuts_long_evidence_around_the_figure(fake, tmp_path):
    sentence = "前" * 400 + "到2015年宽带达到20Mbps" + "后" * 400
    write_doc(tmp_path / "long.txt", [target(20, text=sentence, figure="20Mbps")], region="Hunan")
    comparison = Comparison.model_validate_json(run("compare", tmp_path, "-j", "1").stdout)
    text = comparison.rows[0].cells["long"][0].text
    assert "20Mbps" in text and text.startswith("…") and text.endswith("…") and len(text) <= 162
    full = Extraction.model_validate_json(run("extract", tmp_path / "long.txt").stdout)
    assert full.targets[0].text == sentence  # extract keeps the whole sentence


# ------------------------------------------------------------------ schema, indicators

@pytest.mark.parametrize("which, title", [([], "Extraction"), (["extract"], "Extraction"), (["compare"], "Comparison")])
def test_schema_prints_json_schema(which, title):
    schema = json.loads(run("schema", *which).stdout)
    assert schema["title"] == title and schema["type"] == "object"
    assert "targets" in schema["properties"] if title == "Extraction" else "rows" in schema["properties"]


def test_indicators_json_and_table(tmp_path):
    data = json.loads(run("indicators").stdout)
    speed = next(i for i in data if i["key"] == "broadband.access_speed")
    assert speed["family"] == "broadband" and speed["units"] == ["Mbps"] and speed["label_zh"]
    table = run("indicators", "--format", "table").stdout
    assert "broadband.access_speed" in table and "宽带接入能力" in table


def test_indicators_of_a_replacement_catalogue(tmp_path):
    cat = tmp_path / "cat.toml"
    cat.write_text('[[indicator]]\nkey = "x.y"\nfamily = "other"\nlabel_en = "[bold]X[/bold]"\nunits = ["count"]\n'
                   'cues = ["=1+1"]\n', "utf-8")
    assert [i["key"] for i in json.loads(run("indicators", "--catalogue", cat).stdout)] == ["x.y"]
    assert "[bold]X[/bold]" in run("indicators", "--catalogue", cat, "--format", "table").stdout


# ------------------------------------------------------------------ the real program

def test_program_in_a_pipe_prints_json_and_no_traceback(tmp_path):
    write_doc(tmp_path / "a.txt", [target(20)], region="Hunan")
    (tmp_path / "b.txt").write_text('{"raise": "boom"}', "utf-8")
    done = tridoc("extract", tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "missing.txt", fake=True)
    assert done.returncode == 1
    data = [Extraction.model_validate(d) for d in json.loads(done.stdout)]
    assert [d.document is None for d in data] == [False, True, True]
    assert data[0].targets[0].value == 20
    errors = done.stderr.decode().splitlines()
    assert errors == [f"tridoc: error: {tmp_path / 'b.txt'}: RuntimeError: boom",
                      f"tridoc: error: {tmp_path / 'missing.txt'}: {data[2].errors[0].cause}"]


def test_program_reads_stdin_from_a_pipe():
    spec = json.dumps({"document": {"region": "Hunan"}, "targets": [target(30)]})
    done = tridoc("extract", "-", "--format", "jsonl", input=spec.encode(), fake=True)
    assert done.returncode == 0
    extraction = Extraction.model_validate_json(done.stdout)
    assert extraction.source == "<stdin>" and extraction.targets[0].value == 30


def test_program_module_entry_point_and_missing_file(tmp_path):
    done = tridoc("extract", tmp_path / "missing.txt")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert Extraction.model_validate_json(done.stdout).errors[0].file == str(tmp_path / "missing.txt")
    assert json.loads(tridoc("schema", "compare").stdout)["title"] == "Comparison"


def test_program_compare_in_worker_processes(tmp_path):
    for i in range(9):
        write_doc(tmp_path / f"d{i}.txt", [target(10 * (i + 1))], region=f"R{i}")
    done = tridoc("compare", tmp_path, tmp_path / "missing.txt", "--jobs", "2", fake=True)
    comparison = Comparison.model_validate_json(done.stdout)
    assert [d.id for d in comparison.documents] == [f"d{i}" for i in range(9)]
    assert [Path(e.file).name for e in comparison.errors] == ["missing.txt"] and done.returncode == 1
    assert "missing.txt" in done.stderr.decode()


def test_parallel_run_submits_lazily_in_a_bounded_window(monkeypatch, tmp_path):
    import concurrent.futures

    from tridoc import runner

    class CountingPool:
        """Runs each job at once and counts submissions, in place of worker processes."""
        submitted = 0

        def __init__(self, max_workers):
            self.max_workers = max_workers

        def submit(self, fn, *args):
            CountingPool.submitted += 1
            future = concurrent.futures.Future()
            future.set_result(fn(*args))
            return future

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    paths = [str(tmp_path / f"missing{i}.txt") for i in range(100)]
    results = runner.run(paths, runner.Settings(), jobs=2)
    first = next(results)
    assert CountingPool.submitted == 8  # jobs * 4, not the whole folder
    rest = list(results)
    assert CountingPool.submitted == 100
    assert [r.source for r in [first, *rest]] == paths and all(r.document is None for r in rest)


class PicklingPool:
    """Runs each job at once, passing its result through pickle as a worker's would; keeps what came back."""
    results: list = []

    def __init__(self, max_workers):
        self.max_workers = max_workers

    def submit(self, fn, *args):
        import concurrent.futures
        import pickle

        future = concurrent.futures.Future()
        data = pickle.dumps(fn(*pickle.loads(pickle.dumps(args))))
        PicklingPool.results.append(pickle.loads(data))
        future.set_result(pickle.loads(data))
        return future

    def shutdown(self, **kwargs):
        pass


def test_compare_workers_return_briefs_not_extractions(fake, corpus, monkeypatch):
    import concurrent.futures

    from tridoc import runner
    from tridoc.compare import Brief, Filters

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", PicklingPool)
    PicklingPool.results = []
    (corpus / "broken.txt").write_bytes(b"\x00\xff" * 10)
    out = io.StringIO()
    status = runner.compare_main([str(corpus)], runner.Settings(), Filters(kind="target"), runner.View(fmt="json"),
                                 jobs=2, out=out)
    assert status == 1
    assert len(PicklingPool.results) == 3 and all(type(r) is Brief for r in PicklingPool.results)
    assert all(f[6] == "target" for r in PicklingPool.results for f in r.figures)  # filtered in the worker
    assert Comparison.model_validate_json(out.getvalue()).totals.model_dump() == {"documents": 2, "targets": 7,
                                                                                  "failures": 1}


def test_run_reduces_each_result_and_failures_too(tmp_path):
    from tridoc import runner

    paths = [str(tmp_path / "missing.txt")]
    assert list(runner.run(paths, runner.Settings(), reduce=lambda e: ("reduced", e.source))) == [
        ("reduced", paths[0])]

    def picky(extraction):
        if extraction.document is None and "boom" not in extraction.errors[0].cause:
            raise ValueError("boom")
        return extraction.errors[0].cause

    assert list(runner.run(paths, runner.Settings(), reduce=picky)) == ["ValueError: boom"]


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit fake_engine")
def test_program_compare_survives_a_worker_that_dies(tmp_path):
    for i in range(8):
        write_doc(tmp_path / f"d{i}.txt", [target(10 * (i + 1))], region=f"R{i}")
    (tmp_path / "d3.txt").write_text('{"exit": 1}', "utf-8")
    done = tridoc("compare", tmp_path, "--jobs", "2", fake=True)
    comparison = Comparison.model_validate_json(done.stdout)
    assert [d.id for d in comparison.documents] == [f"d{i}" for i in range(8) if i != 3]
    assert [(Path(e.file).name, "died" in e.cause) for e in comparison.errors] == [("d3.txt", True)]
    assert done.returncode == 1 and b"Traceback" not in done.stderr


def test_extract_json_does_not_import_rich(tmp_path):
    write_doc(tmp_path / "a.txt", [target(20)])
    code = ("import sys; from tridoc import engine; from tridoc.models import Extraction, DocumentInfo\n"
            "engine.extract_document = lambda doc, cat=None: Extraction(source=doc.source, document=DocumentInfo())\n"
            "from tridoc.cli import main\n"
            "try: main(sys.argv[1:], prog_name='tridoc')\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'concurrent')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, "extract", str(tmp_path / "a.txt"), "--format", "json"],
                          capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert json.loads(done.stdout)["source"].endswith("a.txt")


def test_importing_the_cli_loads_only_click():
    code = "import sys, tridoc.cli; print(sorted(m for m in sys.modules if m.startswith(('tridoc', 'rich', 'pydantic'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "['tridoc', 'tridoc.cli']"


# ------------------------------------------------------------------ needs the real engine (see module docstring)

def test_real_engine_extract_finds_hunan_urban_speed():
    done = tridoc("extract", HUNAN, "--format", "json")
    assert done.returncode == 0
    targets = Extraction.model_validate_json(done.stdout).targets
    found = {(t.value, t.year) for t in targets if t.indicator == "broadband.access_speed" and t.scope == "urban"}
    assert {(20, 2015), (50, 2020)} <= found


def test_real_engine_compare_samples_household_penetration_and_speed():
    done = tridoc("compare", HUNAN, GUANGZHOU, "--format", "json", "--jobs", "1")
    comparison = Comparison.model_validate_json(done.stdout)
    ids = {d.region: d.id for d in comparison.documents}
    rows = {(r.indicator, r.scope, r.year): r for r in comparison.rows}
    pen = rows[("broadband.household_penetration", None, 2015)]
    assert [(c.comparator, c.value) for c in pen.cells[ids["Hunan"]]] == [("ge", 45)]
    assert [(c.comparator, c.value) for c in pen.cells[ids["Guangzhou"]]] == [("ge", 85)]
    for year, value in ((2015, 20), (2020, 50)):
        cells = rows[("broadband.access_speed", "urban", year)].cells[ids["Hunan"]]
        assert ("ge", value) in [(c.comparator, c.value) for c in cells]


def test_real_engine_compare_table_on_samples():
    done = tridoc("compare", SAMPLES, "--format", "table", "--lang", "en", "--jobs", "2")
    out = done.stdout.decode()
    assert "Hunan" in out and "Guangzhou" in out
    assert "≥ 45 %" in out and "≥ 85 %" in out and "≥ 20 Mbps" in out and "≥ 50 Mbps" in out
