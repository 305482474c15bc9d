"""How fast tridoc is, as ratios to a floor, to its peers and to Python itself, in one run.

    python benchmarks/speed.py            # 10 000 documents (about 100 MB)
    python benchmarks/speed.py --quick    # 500 documents, a few minutes

Measures, on a generated corpus (benchmarks/corpus.py):
  * the floor: reading and decoding the files, and one re.finditer(r"\\d+") pass;
  * tridoc.engine.extract on the decoded texts, and read_document + extraction,
    in this process, after a warm-up, median of --runs runs;
  * `tridoc compare DIR --jobs <cores> --format json` as a subprocess, with the
    peak memory of its process tree on a tenth of the corpus and on all of it;
  * quantulum3 (English) and jionlp's money extraction (Chinese), when installed;
  * the cold start of `tridoc extract FILE --format json` against `python -c pass`.
Prints one table; --json FILE also writes the figures. Nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus as corpus_gen  # noqa: E402  (the sibling module, found through the line above)

DIGITS = re.compile(r"\d+")


def _use_venv() -> None:
    """`python benchmarks/speed.py` run by a Python without tridoc: run again with the project's venv."""
    try:
        import tridoc  # noqa: F401
    except ImportError:
        venv = REPO / ".venv" / "bin" / "python"
        # absolute(), not resolve(): the venv's python is a symlink to the interpreter it was made from.
        if venv.exists() and Path(sys.executable).absolute() != venv.absolute():
            os.execv(str(venv), [str(venv), *sys.argv])
        raise SystemExit("tridoc is not importable: pip install -e . (or create .venv)")


def tridoc_command() -> str:
    """The tridoc script of the Python running this file (the venv's), not whichever is first on PATH."""
    beside = Path(sys.executable).parent / "tridoc"
    found = str(beside) if beside.exists() else shutil.which("tridoc")
    if not found:
        raise SystemExit("no tridoc command next to this Python or on PATH")
    return found


# --------------------------------------------------------------------------- results


@dataclass
class Row:
    section: str
    what: str
    result: str
    ratio: str = ""
    note: str = ""


@dataclass
class Slice:
    """Documents measured together: their paths and total size in bytes (UTF-8, as on disk)."""
    paths: list[Path]
    nbytes: int

    @property
    def mb(self) -> float:
        return self.nbytes / 1e6


def num(x: float) -> str:
    """Three significant digits without exponents: 0.00966, 0.98, 56.1, 30,692."""
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


def rate(sl: Slice, seconds: float) -> str:
    return f"{num(sl.mb / seconds)} MB/s, {num(len(sl.paths) / seconds)} docs/s"


def times(x: float) -> str:
    return f"{x:,.1f}×" if x < 100 else f"{x:,.0f}×"


def median_time(fn, runs: int) -> float:
    """Median wall time of runs calls of fn (the caller warms up first)."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# --------------------------------------------------------------------------- machine and corpus


def machine() -> dict:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return {"cpu": model, "cores": len(os.sched_getaffinity(0)), "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "tridoc": version("tridoc")}


def corpus_slices(folder: Path) -> dict[str, list[dict]]:
    docs = corpus_gen.load_manifest(folder)["documents"]
    for d in docs:
        d["abs"] = folder / d["path"]
    return {"all": docs, "zh": [d for d in docs if d["lang"] == "zh"], "en": [d for d in docs if d["lang"] == "en"]}


def make_slice(docs: list[dict]) -> Slice:
    return Slice([d["abs"] for d in docs], sum(d["bytes"] for d in docs))


def capped(docs: list[dict], max_docs: int, max_mb: float) -> list[dict]:
    """The first documents, at most max_docs of them and about max_mb (peers are slow)."""
    out, total = [], 0
    for d in docs[:max_docs]:
        if out and total + d["bytes"] > max_mb * 1e6:
            break
        out.append(d)
        total += d["bytes"]
    return out


# --------------------------------------------------------------------------- the floor


def floor_pass(paths: list[Path]) -> tuple[float, float]:
    """Seconds to read and decode every file, and to run the digit regex over them, one file at a time.

    One file at a time, as tridoc reads, so the whole corpus is never held in memory.
    """
    read_s = scan_s = 0.0
    for path in paths:
        t0 = time.perf_counter()
        text = path.read_bytes().decode("utf-8")
        t1 = time.perf_counter()
        for _ in DIGITS.finditer(text):
            pass
        read_s += t1 - t0
        scan_s += time.perf_counter() - t1
    return read_s, scan_s


def measure_floor(sl: Slice, runs: int) -> dict:
    floor_pass(sl.paths[:50])  # warm-up: the files are in the page cache for tridoc too
    samples = [floor_pass(sl.paths) for _ in range(runs)]
    read_s = statistics.median(s[0] for s in samples)
    scan_s = statistics.median(s[1] for s in samples)
    return {"read_s": read_s, "scan_s": scan_s, "total_s": read_s + scan_s}


# --------------------------------------------------------------------------- tridoc in this process


def measure_in_process(sl: Slice, runs: int) -> dict:
    from tridoc.catalogue import load_catalogue
    from tridoc.documents import read_document
    from tridoc.engine import extract, extract_document

    catalogue = load_catalogue()
    texts = [(str(p), read_document(p).text) for p in sl.paths]
    # Warm-up: lazy imports, compiled patterns and the catalogue are paid once per process.
    for source, text in texts[:20]:
        extract(text, source=source, catalogue=catalogue)
    counts = {"targets": 0}

    def on_texts():
        counts["targets"] = sum(len(extract(text, source=source, catalogue=catalogue).targets)
                                for source, text in texts)

    def with_reading():
        for path in sl.paths:
            extract_document(read_document(path), catalogue=catalogue)

    # The two are timed in turns, so that a slow spell of a shared machine falls on both alike.
    samples = [(median_time(on_texts, 1), median_time(with_reading, 1)) for _ in range(runs)]
    return {"extract_s": statistics.median(s[0] for s in samples),
            "read_extract_s": statistics.median(s[1] for s in samples), "targets": counts["targets"]}


def tridoc_on_texts(texts: list[str], runs: int) -> float:
    """Median seconds for tridoc to extract these texts (the peers' yardstick)."""
    from tridoc.catalogue import load_catalogue
    from tridoc.engine import extract

    catalogue = load_catalogue()
    extract(texts[0], catalogue=catalogue)
    return median_time(lambda: [extract(t, catalogue=catalogue) for t in texts], runs)


# --------------------------------------------------------------------------- tridoc compare, time and memory


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = Path(entry.path, "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])  # after the command name, which may hold spaces
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _rss_kb(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    return 0


class TreeSampler(threading.Thread):
    """Polls the resident memory of a process and all its descendants (the --jobs workers).

    The sum over the tree counts pages shared after fork more than once, so it
    is an upper bound; /usr/bin/time reports the largest single process.
    """

    def __init__(self, root: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_sum_kb = self.peak_one_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            tree, todo, rss = _children(), [self.root], []
            while todo:
                pid = todo.pop()
                rss.append(_rss_kb(pid))
                todo.extend(tree.get(pid, []))
            self.peak_sum_kb = max(self.peak_sum_kb, sum(rss))
            self.peak_one_kb = max(self.peak_one_kb, max(rss))
            self.done.wait(self.interval)


def run_compare(dirs: list[Path], jobs: int) -> dict:
    """Wall time and peak memory of one `tridoc compare` over dirs; fails loudly if tridoc did."""
    gnu_time = Path("/usr/bin/time")
    cmd = [tridoc_command(), "compare", *map(str, dirs), "--jobs", str(jobs), "--format", "json"]
    if gnu_time.exists():
        cmd = [str(gnu_time), "-v", *cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        proc.wait()
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        out.seek(0), err.seek(0)
        stderr = err.read().decode(errors="replace")
        if proc.returncode not in (0, 1):  # 1: some document failed, which the JSON reports
            raise SystemExit(f"tridoc compare failed ({proc.returncode}):\n{stderr[-2000:]}")
        result = json.load(out)
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return {"wall_s": wall, "documents": len(result["documents"]), "errors": len(result["errors"]),
            "rows": len(result["rows"]), "max_rss_kb": int(found.group(1)) if found else None,
            "tree_peak_kb": sampler.peak_sum_kb, "one_peak_kb": sampler.peak_one_kb}


# --------------------------------------------------------------------------- peers


def load_quantulum():
    """quantulum3's parse, or the reason it cannot be used."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            from quantulum3 import parser
        except Exception as exc:  # ImportError, or a data file it could not load
            return None, f"not available: {type(exc).__name__}: {exc}"
    note = "without its optional classifier" if any("lassifier" in str(w.message) for w in caught) else ""
    return parser.parse, note


def load_jionlp():
    """jionlp's money extraction, or the reason it cannot be used."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp
    except Exception as exc:
        return None, f"not available: {type(exc).__name__}: {exc}"
    return jionlp.ner.extract_money, ""


def measure_peer(name: str, loader, docs: list[dict], runs: int) -> Row:
    """One peer on its texts: its MB/s, and its time as a multiple of tridoc's on the same texts."""
    fn, note = loader()
    if fn is None:
        return Row("peers", name, note)
    sl = make_slice(docs)
    texts = [p.read_text(encoding="utf-8") for p in sl.paths]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fn(texts[0][:2000])  # warm-up: both load their rules and word lists on first use
        start = time.perf_counter()
        for text in texts:
            fn(text)
        peer_s = time.perf_counter() - start  # one run: they are slow, and the subset is small
    ours = tridoc_on_texts(texts, runs)
    what = f"{name} ({len(texts)} {'English' if docs[0]['lang'] == 'en' else 'Chinese'} docs, {sl.mb:.1f} MB)"
    return Row("peers", what, rate(sl, peer_s), f"{times(peer_s / ours)} tridoc",
               "; ".join(filter(None, [f"tridoc {sl.mb / ours:.2f} MB/s on the same texts", note])))


# --------------------------------------------------------------------------- cold start


def median_wall(cmd: list[str], runs: int) -> float:
    # As an installed package starts: with its bytecode written, whatever this shell says.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)  # warm-up: page cache, .pyc files
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure_cold_start(runs: int) -> list[Row]:
    """tridoc's start against a bare interpreter, and the part of it that the validated
    pydantic models (pydantic and tridoc.models) take by themselves."""
    small = min(corpus_gen.seed_files(), key=lambda p: p.stat().st_size)
    ours = median_wall([tridoc_command(), "extract", str(small), "--format", "json"], runs)
    models = median_wall([sys.executable, "-c", "import tridoc.models"], runs)
    bare = median_wall([sys.executable, "-c", "pass"], runs)
    note = f"python -c pass: {bare * 1000:.0f} ms; median of {runs}"
    return [Row("cold start", f"tridoc extract {small.name} --format json", f"{ours * 1000:.0f} ms",
                f"{times(ours / bare)} python -c pass", note),
            Row("cold start", "python -c 'import tridoc.models' (pydantic and the record models alone)",
                f"{models * 1000:.0f} ms", f"{times(models / bare)} python -c pass", "target: tridoc under 5×")]


# --------------------------------------------------------------------------- the run


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def floor_and_in_process(docs: dict, args) -> tuple[list[Row], dict]:
    sl = make_slice(docs["all"][:args.inproc_docs])
    log(f"floor and in-process extraction on {len(sl.paths)} documents, {sl.mb:.1f} MB, {args.runs} runs")
    floor = measure_floor(sl, args.runs)
    ours = measure_in_process(sl, args.runs)
    rows = [
        Row("floor", "read + decode UTF-8", rate(sl, floor["read_s"])),
        Row("floor", r"re.finditer(r'\d+') over the texts", rate(sl, floor["scan_s"])),
        Row("floor", "floor: read + decode + digit regex", rate(sl, floor["total_s"]), "1.0×"),
        Row("tridoc, one process", "engine.extract on the decoded texts", rate(sl, ours["extract_s"]),
            f"{times(ours['extract_s'] / floor['scan_s'])} regex pass", f"{ours['targets']} targets found"),
        Row("tridoc, one process", "read_document + extract_document", rate(sl, ours["read_extract_s"]),
            f"{times(ours['read_extract_s'] / floor['total_s'])} floor", "target ≤ 10× floor, aim 5×"),
    ]
    return rows, {"slice_docs": len(sl.paths), "slice_mb": sl.mb, **floor, **ours}


def compare_and_memory(folder: Path, docs: dict, args) -> tuple[list[Row], dict]:
    full = make_slice(docs["all"])
    log(f"floor over all {len(full.paths)} documents (single run; also fills the page cache)")
    floor_s = sum(floor_pass(full.paths))
    small_n = min(args.memory_small, len(full.paths))
    log(f"tridoc compare on {small_n} documents, --jobs {args.jobs}")
    small = run_compare(corpus_gen.parts_for(folder, small_n), args.jobs)
    log(f"tridoc compare on {len(full.paths)} documents, --jobs {args.jobs}")
    big = run_compare([corpus_gen.docs_dir(folder)], args.jobs)
    rows = [Row("tridoc compare", f"compare {big['documents']} docs --jobs {args.jobs} --format json",
                f"{rate(full, big['wall_s'])}; {big['wall_s']:.1f} s", f"{times(big['wall_s'] / floor_s)} floor",
                f"floor in one process; {big['errors']} failed docs, {big['rows']} rows")]
    for label, res in ((f"{small['documents']} docs", small), (f"{big['documents']} docs", big)):
        rows.append(Row("peak memory", f"compare {label}, --jobs {args.jobs}", _memory(res), "",
                        "largest: /usr/bin/time -v; tree: /proc every 50 ms, may miss a last spike"))
    rows.append(Row("peak memory", f"growth {big['documents']} vs {small['documents']} docs", "",
                    _growth(small, big), "flat = 1.0×"))
    return rows, {"floor_full_s": floor_s, "compare_small": small, "compare_full": big}


def _memory(res: dict) -> str:
    one = res["max_rss_kb"] or res["one_peak_kb"]
    return f"{one / 1024:.0f} MB largest process, {res['tree_peak_kb'] / 1024:.0f} MB whole tree"


def _growth(small: dict, big: dict) -> str:
    one = (big["max_rss_kb"] or big["one_peak_kb"]) / (small["max_rss_kb"] or small["one_peak_kb"])
    return f"{one:.2f}× largest, {big['tree_peak_kb'] / small['tree_peak_kb']:.2f}× tree"


def peers(docs: dict, args) -> list[Row]:
    log("peers")
    rows = []
    for name, loader, lang in (("quantulum3 parser.parse", load_quantulum, "en"),
                               ("jionlp.ner.extract_money", load_jionlp, "zh")):
        subset = capped(docs[lang], args.peer_docs, args.peer_mb)
        rows.append(measure_peer(name, loader, subset, args.runs) if subset
                    else Row("peers", name, f"skipped: no {lang} documents in the corpus"))
    return rows


def print_table(rows: list[Row], title: str, caption: str) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # rich is a dependency of tridoc, but the plain layout costs little
        print(title)
        for r in rows:
            print(f"{r.section:20} {r.what:48} {r.result:42} {r.ratio:26} {r.note}")
        print(caption)
        return
    table = Table(title=title, caption=caption, show_lines=False)
    for name, style in (("", "bold"), ("measure", ""), ("result", "cyan"), ("ratio", "magenta"), ("note", "dim")):
        table.add_column(name, style=style, overflow="fold")
    previous = None
    for r in rows:
        table.add_row(r.section if r.section != previous else "", r.what, r.result, r.ratio, r.note)
        previous = r.section
    # A fixed width when piped, so that a saved table reads the same as on a wide terminal.
    Console(width=max(180, shutil.get_terminal_size().columns)).print(table)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=corpus_gen.DEFAULT_DOCS, help="corpus size (default %(default)s)")
    ap.add_argument("--quick", action="store_true", help=f"{corpus_gen.QUICK_DOCS} documents")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each in-process measure (median)")
    ap.add_argument("--inproc-docs", type=int, default=1000,
                    help="documents timed in this process, the first of the corpus (default %(default)s)")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="for tridoc compare (cores)")
    ap.add_argument("--memory-small", type=int, help="documents of the smaller memory run (default: a tenth)")
    ap.add_argument("--peer-docs", type=int, default=50)
    ap.add_argument("--peer-mb", type=float, default=2.0, help="cap on the peers' texts, per peer")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--cold-runs", type=int, default=10)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if args.quick:
        args.docs = corpus_gen.QUICK_DOCS
    args.memory_small = args.memory_small or max(corpus_gen.PART_SIZE, args.docs // 10)
    return args


def main(argv: list[str] | None = None) -> int:
    _use_venv()
    args = parse_args(argv)
    folder = corpus_gen.ensure_corpus(corpus_gen.Params(docs=args.docs), log=log)
    docs = corpus_slices(folder)
    info = machine()
    rows, figures = floor_and_in_process(docs, args)
    more_rows, more = compare_and_memory(folder, docs, args)
    rows += more_rows
    rows += [Row("peers", "quantulum3, jionlp", "skipped (--no-peers)")] if args.no_peers else peers(docs, args)
    log("cold start")
    rows += measure_cold_start(args.cold_runs)
    full = make_slice(docs["all"])
    title = (f"tridoc {info['tridoc']}: {len(full.paths)} documents, {full.mb:.1f} MB "
             f"({len(docs['zh'])} Chinese, {len(docs['en'])} English); in-process rows on the first "
             f"{figures['slice_docs']} ({figures['slice_mb']:.1f} MB), median of {args.runs}")
    caption = f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, {info['os']}"
    print_table(rows, title, caption)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "corpus": str(folder), "rows": [asdict(r) for r in rows],
                                         "figures": {**figures, **more}}, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
