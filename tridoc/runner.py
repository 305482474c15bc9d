"""Running the engine over many inputs: reading, catching failures, optional worker processes.

Every input yields exactly one Extraction, in input order: a document that cannot
be read, or that breaks the engine, yields one with `document=None` and the cause
in `errors`, so that nothing disappears silently and one bad file never stops a
batch. Workers return the Extraction (targets, not the text), and only a bounded
window of documents is in flight, so memory stays flat however large the folder.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import chain, islice
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from .models import Extraction

STDIN = "-"


@dataclass(frozen=True)
class Settings:
    """What a worker needs to read and extract one document (small, so it pickles cheaply)."""

    catalogue: str | None = None
    encoding: str | None = None
    max_bytes: int | None = None  # None: the default of the documents module


def failed(source: str, cause: str) -> Extraction:
    from .models import ErrorRecord, Extraction

    return Extraction(source=source, document=None, targets=[], errors=[ErrorRecord(file=source, cause=cause)])


def _guarded(source: str, work: Callable[[], Extraction]) -> Extraction:
    """The Extraction of one document, or a failed one naming the cause; never an exception."""
    from .documents import DocumentError

    try:
        return work()
    except DocumentError as exc:
        return failed(source, exc.cause)
    except Exception as exc:  # an engine bug on one file must not stop the batch
        return failed(source, f"{type(exc).__name__}: {exc}")


def extract_path(path: str, settings: Settings) -> Extraction:
    """Read and extract one file (runs in a worker process when --jobs > 1)."""
    def work() -> Extraction:
        from .catalogue import load_catalogue
        from .documents import read_document
        from .engine import extract_document

        kwargs = {} if settings.max_bytes is None else {"max_bytes": settings.max_bytes}
        doc = read_document(path, encoding=settings.encoding, **kwargs)
        return extract_document(doc, load_catalogue(settings.catalogue))

    return _guarded("<stdin>" if path == STDIN else str(path), work)


def run(inputs: Iterable[str], settings: Settings, jobs: int = 1) -> Iterator[Extraction]:
    """One Extraction per input file (directories expanded, "-" is stdin), in input order."""
    from .documents import iter_inputs

    paths = iter(iter_inputs(list(inputs)))
    head = list(islice(paths, 2))
    paths = chain(head, paths)
    if jobs <= 1 or len(head) < 2:  # starting workers costs more than one document takes
        return (extract_path(p, settings) for p in paths)
    return _parallel(paths, settings, jobs)


def _parallel(paths: Iterator[str], settings: Settings, jobs: int) -> Iterator[Extraction]:
    """Results in input order, with at most `jobs * 4` documents submitted and not yet yielded."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    window: deque[tuple[str, Future]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        for path in paths:
            pool, future = _submit(pool, path, settings, jobs)
            window.append((path, future))
            if len(window) >= jobs * 4:
                yield _collect(*window.popleft(), settings)
        while window:
            yield _collect(*window.popleft(), settings)
    finally:
        pool.shutdown(cancel_futures=True)


def _submit(pool: Executor, path: str, settings: Settings, jobs: int) -> tuple[Executor, Future]:
    """Submit one document; a pool broken by a dead worker is replaced, so the rest of the batch goes on."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if path == STDIN:  # a worker cannot read our stdin: read it here, in order
        done: Future = Future()
        done.set_result(extract_path(path, settings))
        return pool, done
    try:
        return pool, pool.submit(extract_path, path, settings)
    except BrokenProcessPool:
        pool.shutdown(wait=False)
        pool = ProcessPoolExecutor(max_workers=jobs)
        return pool, pool.submit(extract_path, path, settings)


def _collect(path: str, future: Future, settings: Settings) -> Extraction:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:  # some document in flight killed its worker: find out if it was this one
        return _isolated(path, settings)
    except Exception as exc:  # e.g. a result that did not pickle
        return failed(path, f"{type(exc).__name__}: {exc}")


def _isolated(path: str, settings: Settings) -> Extraction:
    """Extract one document in a process of its own, so that if it kills the process again only it fails."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as one:
        try:
            return one.submit(extract_path, path, settings).result()
        except BrokenProcessPool:
            return failed(path, "the process reading this file died (crash or out of memory)")


class Tally:
    """Passes extractions through, printing each error on stderr as it comes and counting failures."""

    def __init__(self, results: Iterable[Extraction], err: IO[str] | None = None):
        self._results, self._err = results, err
        self.failures = 0

    def __iter__(self) -> Iterator[Extraction]:
        from .render import write_errors

        for extraction in self._results:
            if extraction.errors or extraction.document is None:
                self.failures += 1
                write_errors(extraction.errors, self._err or sys.stderr)
            yield extraction


# ------------------------------------------------------------------ the commands' work (cli.py only parses options)

def extract_main(inputs: Iterable[str], settings: Settings, fmt: str, kind: str = "all", lang: str = "en",
                 out: IO[str] | None = None) -> int:
    """Extract every input and print it in `fmt`; exit status 1 when any document failed."""
    from . import render

    out = out or sys.stdout
    tally = Tally(run(inputs, settings))
    results = render.keep_kind(tally, kind)
    if fmt == "table":
        from .catalogue import load_catalogue

        render.write_tables(results, load_catalogue(settings.catalogue), out, lang)
    else:
        {"json": render.write_json, "jsonl": render.write_jsonl, "csv": render.write_csv}[fmt](results, out)
    return 1 if tally.failures else 0


@dataclass(frozen=True)
class View:
    """How a comparison is shown."""

    fmt: str = "table"
    by: str = "document"
    chart: bool = False
    lang: str = "en"


def compare_main(inputs: Iterable[str], settings: Settings, filters, view: View, jobs: int = 1,
                 out: IO[str] | None = None) -> int:
    """Extract every input, line the figures up and print the comparison; 1 when any document failed."""
    from . import render
    from .catalogue import load_catalogue
    from .compare import compare

    out = out or sys.stdout
    catalogue = load_catalogue(settings.catalogue)
    comparison = compare(render.progress(run(inputs, settings, jobs)), catalogue, filters, view.lang)
    show_comparison(comparison, view, out)
    render.write_errors(comparison.errors, sys.stderr)
    return 1 if comparison.errors else 0


def show_comparison(comparison, view: View, out: IO[str]) -> None:
    from . import compare as c
    from . import render

    if view.chart:
        render.write_charts(c.charts(comparison, view.lang), c.footer(comparison.totals, view.lang), out, view.lang)
    elif view.fmt == "json":
        render.write_comparison_json(comparison, out)
    elif view.fmt == "csv":
        render.write_comparison_csv(comparison, out, view.lang)
    else:
        grids = c.year_grids(comparison, view.lang) if view.by == "year" else [c.document_grid(comparison, view.lang)]
        if view.fmt == "md":
            render.write_grids_md(grids, c.footer(comparison.totals, view.lang), out, view.lang)
        else:
            render.write_grids_table(grids, c.footer(comparison.totals, view.lang), out, view.lang)
