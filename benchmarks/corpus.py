"""A benchmark corpus made from samples/*.txt, varied so that it does not flatter the timings.

Each document starts from one seed document and changes what an extractor
could otherwise cache or meet twice: every number gets new digits, years are
shifted into 2013-2025, provinces and cities are swapped for other real ones,
body paragraphs are shuffled and repeated or dropped so that lengths vary.
The randomness is seeded, so the same parameters give the same corpus.

    python benchmarks/corpus.py [--docs N | --quick] [--seed S] [--mean-kb KB]

prints the folder; `ensure_corpus()` does the same from Python. The corpus is
written under benchmarks/corpus/ (git-ignored) as <key>/manifest.json and
<key>/docs/partNNNN/dNNNNN_<lang>.txt, parts of PART_SIZE files, so that a
caller can hand a subset of the corpus to a command as a few folders. It is
reused while the parameters and the seed files are unchanged.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "samples"
ROOT = HERE / "corpus"

DEFAULT_DOCS = 10_000
QUICK_DOCS = 500
PART_SIZE = 50
# Bump when the generator changes, so that an old corpus is not reused by mistake.
GENERATOR_VERSION = 3

# (Chinese, English) names of real provinces and cities. A document's names are
# swapped for others from the same list, in both scripts alike.
PROVINCES = [
    ("北京", "Beijing"), ("天津", "Tianjin"), ("上海", "Shanghai"), ("重庆", "Chongqing"),
    ("河北", "Hebei"), ("山西", "Shanxi"), ("辽宁", "Liaoning"), ("吉林", "Jilin"),
    ("黑龙江", "Heilongjiang"), ("江苏", "Jiangsu"), ("浙江", "Zhejiang"), ("安徽", "Anhui"),
    ("福建", "Fujian"), ("江西", "Jiangxi"), ("山东", "Shandong"), ("河南", "Henan"),
    ("湖北", "Hubei"), ("湖南", "Hunan"), ("广东", "Guangdong"), ("海南", "Hainan"),
    ("四川", "Sichuan"), ("贵州", "Guizhou"), ("云南", "Yunnan"), ("陕西", "Shaanxi"),
    ("甘肃", "Gansu"), ("青海", "Qinghai"), ("广西", "Guangxi"), ("宁夏", "Ningxia"),
]
CITIES = [
    ("广州", "Guangzhou"), ("深圳", "Shenzhen"), ("珠海", "Zhuhai"), ("佛山", "Foshan"),
    ("东莞", "Dongguan"), ("杭州", "Hangzhou"), ("宁波", "Ningbo"), ("温州", "Wenzhou"),
    ("南京", "Nanjing"), ("苏州", "Suzhou"), ("无锡", "Wuxi"), ("合肥", "Hefei"),
    ("福州", "Fuzhou"), ("厦门", "Xiamen"), ("南昌", "Nanchang"), ("济南", "Jinan"),
    ("青岛", "Qingdao"), ("郑州", "Zhengzhou"), ("武汉", "Wuhan"), ("长沙", "Changsha"),
    ("成都", "Chengdu"), ("贵阳", "Guiyang"), ("昆明", "Kunming"), ("西安", "Xi'an"),
    ("兰州", "Lanzhou"), ("沈阳", "Shenyang"), ("大连", "Dalian"), ("长春", "Changchun"),
    ("哈尔滨", "Harbin"), ("石家庄", "Shijiazhuang"), ("太原", "Taiyuan"), ("南宁", "Nanning"),
]
YEAR_LOW, YEAR_HIGH = 2013, 2025

# One pass over the text, the first alternative that fits wins: a date, a month
# (before 月), a day (before 日, after an English month name), a year (four digits
# from 1990 to 2039 standing alone), or any other run of digits, a figure. Dates
# stay valid, so that reading a document's date takes its usual path.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEAR_OR_NUMBER = re.compile(
    r"(?<![0-9０-９])(?:"
    r"(?P<date>(?:199|20[0-3])[0-9][-/.][01]?[0-9][-/.][0-3]?[0-9](?![0-9]))"
    r"|(?P<month>[01]?[0-9](?=月))"
    r"|(?P<day>[0-3]?[0-9](?=日)|(?:" + _MONTHS + r")\s[0-3]?[0-9])"
    r"|(?P<year>(?:199|20[0-3])[0-9]|(?:１９９|２０[０-３])[０-９])"
    r"|[0-9０-９]+)(?![0-9０-９])")
_DATE_PARTS = re.compile(r"[0-9]+")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class Params:
    docs: int = DEFAULT_DOCS
    seed: int = 20240601
    mean_kb: float = 10.0  # about 100 MB for 10 000 documents

    def key(self) -> str:
        """Folder name: the parameters plus a digest of the seed files, so edited samples give a new corpus."""
        digest = hashlib.sha256()
        for path in seed_files():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        return (f"docs{self.docs}-seed{self.seed}-kb{self.mean_kb:g}"
                f"-v{GENERATOR_VERSION}-{digest.hexdigest()[:10]}")


@dataclass(frozen=True)
class Seed:
    name: str
    lang: str  # "zh" or "en"
    head: list[str]  # title lines, kept on top so the document still reads as one
    body: list[str]
    sep: str  # "\n\n" for seeds whose paragraphs are set apart by blank lines


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def language(text: str) -> str:
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return "zh" if han > 0.1 * len(text) else "en"


def load_seed(path: Path) -> Seed:
    text = path.read_text(encoding="utf-8")
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    blank_separated = text.count("\n\n") >= len(lines) // 2
    head_len = min(2, max(0, len(lines) - 1))
    return Seed(path.name, language(text), lines[:head_len], lines[head_len:], "\n\n" if blank_separated else "\n")


# --------------------------------------------------------------------------- varying


def place_swapper(rng: random.Random):
    """A function renaming places through a fresh random permutation, the same in Chinese and English."""
    mapping: dict[str, str] = {}
    for group in (PROVINCES, CITIES):
        targets = group[:]
        rng.shuffle(targets)
        for (zh, en), (zh2, en2) in zip(group, targets):
            mapping[zh], mapping[en] = zh2, en2
    # Longest names first, so that 黑龙江 is not read as a shorter name.
    pattern = re.compile("|".join(sorted(map(re.escape, mapping), key=len, reverse=True)))
    return lambda text: pattern.sub(lambda m: mapping[m.group()], text)


def number_changer(rng: random.Random):
    """A function giving every figure new digits (same length) and moving years into 2013-2025."""
    shift = rng.randrange(YEAR_HIGH - YEAR_LOW + 1)

    def new_year(year: int) -> str:
        return str(YEAR_LOW + (year - YEAR_LOW + shift) % (YEAR_HIGH - YEAR_LOW + 1))

    def new_digits(run: str) -> str:
        # Keep the length and a non-zero first digit, so magnitudes stay plausible.
        digits = [str(rng.randrange(1 if i == 0 and len(run) > 1 else 0, 10)) for i in range(len(run))]
        out = "".join(digits)
        return out.translate(_FULLWIDTH) if run[0] in "０１２３４５６７８９" else out

    def redraw(text: str, values: list[int]) -> str:
        """The digit runs of text replaced by values in order; a leading zero is kept (04 -> 09)."""
        runs = iter(values)
        return _DATE_PARTS.sub(lambda m: str(next(runs)).zfill(len(m.group()) if m.group()[0] == "0" else 1), text)

    def change(m: re.Match) -> str:
        # Day up to 28: valid in any month.
        if m.group("date"):
            return redraw(m.group(), [int(new_year(int(m.group()[:4]))), rng.randint(1, 12), rng.randint(1, 28)])
        if m.group("month"):
            return redraw(m.group(), [rng.randint(1, 12)])
        if m.group("day"):
            return redraw(m.group(), [rng.randint(1, 28)])
        if m.group("year"):
            year = new_year(int(m.group().translate(_ASCII)))
            return year if m.group().isascii() else year.translate(_FULLWIDTH)
        return new_digits(m.group())

    return lambda text: _YEAR_OR_NUMBER.sub(change, text)


def target_bytes(rng: random.Random, mean_kb: float) -> int:
    """Document size drawn from a log-normal with the given mean: most short, a few long."""
    sigma = 0.6
    factor = math.exp(rng.gauss(-sigma * sigma / 2, sigma))  # mean 1
    return int(min(max(factor, 0.15), 6.0) * mean_kb * 1024)


def make_document(seed: Seed, rng: random.Random, mean_kb: float) -> str:
    """One varied document: the seed's head, then its body paragraphs shuffled and repeated up to a drawn size."""
    swap, renumber = place_swapper(rng), number_changer(rng)
    goal = target_bytes(rng, mean_kb)
    vary = lambda para: renumber(swap(para))  # noqa: E731
    parts = [vary(line) for line in seed.head]
    size = sum(len(p.encode()) for p in parts)
    while True:
        order = seed.body[:]
        rng.shuffle(order)
        for para in order:
            # Each repeat is varied again, so no paragraph occurs twice verbatim.
            parts.append(vary(para))
            size += len(parts[-1].encode()) + len(seed.sep)
            if size >= goal:
                return seed.sep.join(parts) + "\n"


# --------------------------------------------------------------------------- writing


def corpus_dir(params: Params) -> Path:
    return ROOT / params.key()


def ensure_corpus(params: Params, log=print) -> Path:
    """The corpus folder for these parameters, generated only if it is not there yet."""
    folder = corpus_dir(params)
    if (folder / "manifest.json").exists():
        return folder
    log(f"generating {params.docs} documents into {folder} ...")
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    entries = write_documents(params, tmp)
    manifest = {"params": params.__dict__, "seeds": [p.name for p in seed_files()], "documents": entries}
    # The manifest is written last and the folder renamed into place: a run
    # stopped halfway leaves only a .tmp folder, never a corpus that looks complete.
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    tmp.rename(folder)
    return folder


def write_documents(params: Params, folder: Path) -> list[dict]:
    seeds = [load_seed(p) for p in seed_files()]
    if not seeds:
        raise SystemExit(f"no seed documents in {SEEDS}")
    rng = random.Random(params.seed)
    entries = []
    for i in range(params.docs):
        seed = seeds[i % len(seeds)]  # round robin keeps the Chinese/English mix of the samples
        data = make_document(seed, rng, params.mean_kb).encode("utf-8")
        rel = f"docs/part{i // PART_SIZE:04d}/d{i:05d}_{seed.lang}.txt"
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
        entries.append({"path": rel, "lang": seed.lang, "seed": seed.name, "bytes": len(data)})
    return entries


def load_manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def parts_for(folder: Path, docs: int) -> list[Path]:
    """The part folders holding the first `docs` documents (whole parts, so a multiple of PART_SIZE)."""
    return [docs_dir(folder) / f"part{i:04d}" for i in range(math.ceil(docs / PART_SIZE))]


def docs_dir(folder: Path) -> Path:
    """Where the documents are: apart from manifest.json, so that a command given this folder reads only them."""
    return folder / "docs"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=DEFAULT_DOCS, help=f"number of documents (default {DEFAULT_DOCS})")
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_DOCS} documents")
    ap.add_argument("--seed", type=int, default=Params.seed)
    ap.add_argument("--mean-kb", type=float, default=Params.mean_kb, help="mean document size in KB")
    args = ap.parse_args(argv)
    params = Params(QUICK_DOCS if args.quick else args.docs, args.seed, args.mean_kb)
    folder = ensure_corpus(params)
    docs = load_manifest(folder)["documents"]
    total = sum(d["bytes"] for d in docs)
    print(f"{folder}\n{len(docs)} documents, {total / 1e6:.1f} MB "
          f"({sum(d['lang'] == 'zh' for d in docs)} Chinese, {sum(d['lang'] == 'en' for d in docs)} English)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
