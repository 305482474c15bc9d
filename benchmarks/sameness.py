"""Does a change alter what tridoc finds? Record the output of this tree, or compare it with a record.

    python benchmarks/sameness.py record [--docs 1000] [--out FILE]
    python benchmarks/sameness.py check  [--docs 1000] [--out FILE]

A speed-up should find exactly what it found before. `record` extracts the first
--docs documents of the benchmark corpus plus every document of samples/, the
shared dev set and tests/data/wild*, and writes one JSON line per document;
`check` does the same and prints the documents whose output differs (the first
few differences of each), exiting 1 if any does. Run `record` on the tree before
the change (`git stash`, or a worktree), then `check` after it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_gen  # noqa: E402

REPO = HERE.parent
DEFAULT_OUT = HERE / "corpus" / "sameness.jsonl"


def documents(n_docs: int) -> list[Path]:
    folder = corpus_gen.ensure_corpus(corpus_gen.Params(docs=corpus_gen.DEFAULT_DOCS))
    paths = [folder / d["path"] for d in corpus_gen.load_manifest(folder)["documents"][:n_docs]]
    sets = [REPO / "samples", REPO.parent / "shared" / "eval" / "dev" / "docs",
            *sorted((REPO / "tests" / "data").glob("wild*/docs"))]
    return paths + sorted(p for d in sets if d.is_dir() for p in d.iterdir() if p.is_file())


def outputs(paths: list[Path]) -> dict[str, dict]:
    from tridoc.catalogue import load_catalogue
    from tridoc.documents import read_document
    from tridoc.engine import extract_document

    catalogue = load_catalogue()
    out = {}
    for path in paths:
        key = _key(path)
        try:
            out[key] = extract_document(read_document(path), catalogue).model_dump(mode="json", exclude={"source"})
        except Exception as exc:  # a reader's refusal is an output too
            out[key] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def _key(path: Path) -> str:
    """The same in any checkout or worktree: relative to the checkout, or to its parent for shared/."""
    return str(path.relative_to(REPO if path.is_relative_to(REPO) else REPO.parent))


def differences(old: dict, new: dict, path: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        return [d for k in sorted(set(old) | set(new)) for d in differences(old.get(k), new.get(k), f"{path}.{k}")]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [d for i, (a, b) in enumerate(zip(old, new)) for d in differences(a, b, f"{path}[{i}]")]
    return [] if old == new else [f"{path}: {json.dumps(old, ensure_ascii=False)[:120]} -> "
                                  f"{json.dumps(new, ensure_ascii=False)[:120]}"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["record", "check"])
    ap.add_argument("--docs", type=int, default=1000, help="corpus documents (default 1000)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    new = outputs(documents(args.docs))
    if args.action == "record":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps({"doc": k, "out": v}, ensure_ascii=False) + "\n"
                                    for k, v in new.items()), encoding="utf-8")
        print(f"recorded {len(new)} documents in {args.out}")
        return 0
    old = {r["doc"]: r["out"] for r in map(json.loads, args.out.read_text(encoding="utf-8").splitlines())}
    changed = 0
    for doc in sorted(new):
        diffs = differences(old.get(doc), new.get(doc))
        if diffs:
            changed += 1
            print(doc)
            for d in diffs[:5]:
                print(f"    {d}")
    print(f"{changed} of {len(new)} documents differ from {args.out}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
