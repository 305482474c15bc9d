"""Running the engine over many inputs: reading, catching failures, optional worker processes.

Every input yields exactly one Extraction, in input order: a document that cannot
be read, or that breaks the engine, yields one with `document=None` and the cause
in `errors`, so that nothing disappears silently and one bad file never stops a
batch. With a `reduce` function (picklable: compare passes a `compare.Briefer`),
each Extraction is cut down where it is made, in the worker, and only the small
result crosses to the parent. Only a bounded window of documents is in flight,
so memory stays flat however large the folder.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import chain, islice
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator

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


Reduce = Callable[["Extraction"], Any]


def _reduced(extraction: Extraction, reduce: Reduce | None) -> Any:
    """The extraction passed through `reduce`; a reduce that fails turns it into a failed one (reduced too)."""
    if reduce is None:
        return extraction
    try:
        return reduce(extraction)
    except Exception as exc:
        return reduce(failed(extraction.source, f"{type(exc).__name__}: {exc}"))


def _failed(source: str, cause: str, reduce: Reduce | None) -> Any:
    return _reduced(failed(source, cause), reduce)


def _guarded(source: str, work: Callable[[], Extraction]) -> Extraction:
    """The Extraction of one document, or a failed one naming the cause; never an exception."""
    from .documents import DocumentError

    try:
        return work()
    except DocumentError as exc:
        return failed(source, exc.cause)
    except Exception as exc:  # an engine bug on one file must not stop the batch
        return failed(source, f"{type(exc).__name__}: {exc}")


def extract_path(path: str, settings: Settings, reduce: Reduce | None = None) -> Any:
    """Read and extract one file (runs in a worker process when --jobs > 1); reduced there if asked."""
    def work() -> Extraction:
        from .catalogue import load_catalogue
        from .documents import read_document
        from .engine import extract_document

        kwargs = {} if settings.max_bytes is None else {"max_bytes": settings.max_bytes}
        doc = read_document(path, encoding=settings.encoding, **kwargs)
        return extract_document(doc, load_catalogue(settings.catalogue))

    return _reduced(_guarded("<stdin>" if path == STDIN else str(path), work), reduce)


def run(inputs: Iterable[str], settings: Settings, jobs: int = 1, reduce: Reduce | None = None) -> Iterator[Any]:
    """One Extraction per input file (directories expanded, "-" is stdin), in input order; with `reduce`,
    what it makes of each Extraction instead (made in the worker, so the Extraction never reaches this process)."""
    from .documents import iter_inputs

    paths = iter(iter_inputs(list(inputs)))
    head = list(islice(paths, 2))
    paths = chain(head, paths)
    if jobs <= 1 or len(head) < 2:  # starting workers costs more than one document takes
        return (extract_path(p, settings, reduce) for p in paths)
    return _parallel(paths, settings, jobs, reduce)


def _parallel(paths: Iterator[str], settings: Settings, jobs: int, reduce: Reduce | None) -> Iterator[Any]:
    """Results in input order, with at most `jobs * 4` documents submitted and not yet yielded."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    window: deque[tuple[str, Future]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        for path in paths:
            pool, future = _submit(pool, path, settings, jobs, reduce)
            window.append((path, future))
            if len(window) >= jobs * 4:
                yield _collect(*window.popleft(), settings, reduce)
        while window:
            yield _collect(*window.popleft(), settings, reduce)
    finally:
        pool.shutdown(cancel_futures=True)


def _submit(pool: Executor, path: str, settings: Settings, jobs: int, reduce: Reduce | None
            ) -> tuple[Executor, Future]:
    """Submit one document; a pool broken by a dead worker is replaced, so the rest of the batch goes on."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if path == STDIN:  # a worker cannot read our stdin: read it here, in order
        done: Future = Future()
        done.set_result(extract_path(path, settings, reduce))
        return pool, done
    try:
        return pool, pool.submit(extract_path, path, settings, reduce)
    except BrokenProcessPool:
        pool.shutdown(wait=False)
        pool = ProcessPoolExecutor(max_workers=jobs)
        return pool, pool.submit(extract_path, path, settings, reduce)


def _collect(path: str, future: Future, settings: Settings, reduce: Reduce | None) -> Any:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:  # some document in flight killed its worker: find out if it was this one
        return _isolated(path, settings, reduce)
    except Exception as exc:  # e.g. a result that did not pickle
        return _failed(path, f"{type(exc).__name__}: {exc}", reduce)


def _isolated(path: str, settings: Settings, reduce: Reduce | None) -> Any:
    """Extract one document in a process of its own, so that if it kills the process again only it fails."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as one:
        try:
            return one.submit(extract_path, path, settings, reduce).result()
        except BrokenProcessPool:
            return _failed(path, "the process reading this file died (crash or out of memory)", reduce)


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
    from .compare import Briefer, compare

    out = out or sys.stdout
    catalogue = load_catalogue(settings.catalogue)
    briefs = run(inputs, settings, jobs, reduce=Briefer(filters))  # each document cut down in its worker
    with compare(render.progress(briefs), catalogue, filters, view.lang) as lineup:
        show_comparison(lineup, view, out)
    render.write_errors(lineup.errors, sys.stderr)
    return 1 if lineup.errors else 0


def show_comparison(comparison, view: View, out: IO[str]) -> None:
    """A Lineup in the view's format: JSON, CSV and Markdown are written row by row."""
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
            hint = c.wide_hint(comparison.totals, view.lang) if view.by == "document" else ""
            render.write_grids_table(grids, c.footer(comparison.totals, view.lang), out, view.lang, hint)
