"""Score tridoc against the gold answers, so that a speed-up that costs accuracy shows at once.

    python benchmarks/accuracy.py [--errors]

Runs the shared scorer (../shared/eval/score.py, the GUIDE's matching) with the
project's own `tridoc extract {file} --format json` on each set that is present:

    samples          samples/            + ../shared/eval/gold
    dev              ../shared/eval/dev/docs + ../shared/eval/dev/gold
    wild, wild2…     tests/data/wild*/docs + tests/data/wild*/gold (written for this project
                     without sight of the rules: an estimate of how they carry to new documents)

and prints each set's summary line. Without ../shared it says so and exits 0:
the scorer and most of the gold live there, outside this repository.
"""
from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "eval"
SCORER = SHARED / "score.py"
SETS = [
    ("samples", REPO / "samples", SHARED / "gold"),
    ("dev", SHARED / "dev" / "docs", SHARED / "dev" / "gold"),
    *((d.name, d / "docs", d / "gold") for d in sorted((REPO / "tests" / "data").glob("wild*"))),
]


def tridoc_command() -> Path:
    """The venv's tridoc when there is one: the checkout under test, not an older install on PATH."""
    for candidate in (REPO / ".venv" / "bin" / "tridoc", Path(sys.executable).parent / "tridoc"):
        if candidate.exists():
            return candidate
    raise SystemExit("no tridoc command in .venv/bin or next to this Python: pip install -e .")


def score(name: str, docs: Path, gold: Path, extra: list[str]) -> int:
    """Run the scorer on one set and print its last line (the summary); its status."""
    template = f"{shlex.quote(str(tridoc_command()))} extract {{file}} --format json"
    cmd = [sys.executable, str(SCORER), "--docs", str(docs), "--gold", str(gold), "--cmd", template, *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        print(f"{name:8} scorer failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        return 1
    # Lines before the summary: per-document counts, FAILED and (with --errors) MISSED/SPURIOUS lines.
    for line in lines[:-1]:
        if extra or line.lstrip().startswith("FAILED"):
            print(f"{name:8} {line}")
    print(f"{name:8} {lines[-1]}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="also list every missed and spurious target")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"no scorer at {SCORER} (../shared is absent): nothing to score")
        return 0
    status = 0
    for name, docs, gold in SETS:
        if not (docs.is_dir() and gold.is_dir()):
            print(f"{name:8} skipped: {docs if not docs.is_dir() else gold} is absent")
            continue
        status |= score(name, docs, gold, ["--errors"] if args.errors else [])
    return status


if __name__ == "__main__":
    raise SystemExit(main())
