"""Time per MB on hostile text, next to ordinary documents.

    python benchmarks/hostile.py [--mb 1]

Every pattern of the rules is meant to run in linear time: long runs of digits,
spaces, brackets, 达到 or 亿 must cost about what ordinary text costs, not grow
with the square of the run. This prints MB/s for each kind of input, built to
the same size, and the ratio to ordinary documents (the samples, repeated).
A quadratic pattern shows as a ratio in the tens or hundreds.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tridoc import extract_text  # noqa: E402

HOSTILE = {
    "digits": "1",
    "spaces": " ",
    "brackets": "(〔《",
    "comparators": "达到",
    "scales": "亿",
    "digits and scales": "1" * 50 + "亿",
    "figures in one sentence": "达到1%",
    "years": "到2015年",
    "english": "by the end of ",
    "semicolons in a bracket": ";",
    "chinese numerals": "一二三四五六七八九十",
    "thousands": "1,000,",
    "pipes": "|\n",
    "markup and escapes": "[bold]\x1b[31m",
}


def ordinary(size: int) -> str:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt")))
    return (text * (size // len(text) + 1))[:size]


def rate(text: str) -> float:
    start = time.perf_counter()
    extract_text(text)
    return len(text.encode("utf-8")) / 1e6 / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="size of each input in MB of characters (default 1)")
    args = ap.parse_args()
    size = int(args.mb * 1e6 / 2)  # characters: most of these are 2-3 bytes in UTF-8
    extract_text(ordinary(10_000))  # warm-up: imports and compiled patterns
    base = rate(ordinary(size))
    print(f"{'input':28} {'MB/s':>8} {'ordinary / this':>16}")
    print(f"{'ordinary documents':28} {base:8.2f} {1.0:15.1f}x")
    for name, unit in HOSTILE.items():
        text = (unit * (size // len(unit) + 1))[:size]
        if name == "spaces":
            text = text[:-1] + "到"
        speed = rate(text)
        print(f"{name:28} {speed:8.2f} {base / speed:15.1f}x")


if __name__ == "__main__":
    main()
