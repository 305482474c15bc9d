"""Where extraction spends its time: cProfile over the first documents of the benchmark corpus.

    python benchmarks/hotspots.py [--docs 200] [--top 20] [--pyinstrument]

Profiles read_document + extract_document in one process after a warm-up, as
the in-process rows of speed.py time them, and prints the functions with the
most time of their own (tottime) and the tridoc functions with the most time
including what they call (cumtime). --pyinstrument prints pyinstrument's call
tree instead, when it is installed (the `bench` extra).

(Not named profile.py: that would shadow the standard module cProfile imports.)
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_gen  # noqa: E402


def workload(n_docs: int):
    """A function extracting the first n_docs documents of the quick corpus, already warmed up."""
    from tridoc.catalogue import load_catalogue
    from tridoc.documents import read_document
    from tridoc.engine import extract_document

    folder = corpus_gen.ensure_corpus(corpus_gen.Params(docs=corpus_gen.QUICK_DOCS))
    paths = [folder / d["path"] for d in corpus_gen.load_manifest(folder)["documents"][:n_docs]]
    catalogue = load_catalogue()
    for path in paths[:10]:  # imports, compiled patterns and the catalogue are not what we look for
        extract_document(read_document(path), catalogue=catalogue)

    def run():
        for path in paths:
            extract_document(read_document(path), catalogue=catalogue)

    return run


def short(func: tuple) -> str:
    filename, line, name = func
    parts = Path(filename).parts
    where = "/".join(parts[parts.index("tridoc"):]) if "tridoc" in parts else Path(filename).name
    return f"{where}:{line} {name}" if line else name


def print_top(stats: pstats.Stats, top: int) -> None:
    entries = stats.stats  # {func: (primitive calls, calls, tottime, cumtime, callers)}
    total = stats.total_tt
    print(f"total {total:.2f} s\n\nown time (tottime):")
    for func, (_, calls, tt, ct, _) in sorted(entries.items(), key=lambda kv: -kv[1][2])[:top]:
        print(f"  {tt:7.2f} s {100 * tt / total:5.1f}%  {calls:>9} calls  {short(func)}")
    print("\ntridoc functions, time including callees (cumtime):")
    ours = [(f, v) for f, v in entries.items() if "/tridoc/" in f[0]]
    for func, (_, calls, tt, ct, _) in sorted(ours, key=lambda kv: -kv[1][3])[:top]:
        print(f"  {ct:7.2f} s {100 * ct / total:5.1f}%  {calls:>9} calls  {short(func)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--pyinstrument", action="store_true")
    args = ap.parse_args(argv)
    run = workload(args.docs)
    if args.pyinstrument:
        from pyinstrument import Profiler

        with Profiler(interval=0.001) as profiler:
            run()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return 0
    profiler = cProfile.Profile()
    profiler.runcall(run)
    print_top(pstats.Stats(profiler), args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
