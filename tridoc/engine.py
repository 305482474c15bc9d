"""Document -> Extraction: normalise, read the facts, the tables and the sentences, then merge."""
from __future__ import annotations

import re
from bisect import bisect_right

from pydantic import TypeAdapter

from .catalogue import OTHER, Catalogue, load_catalogue
from .lexicon import FILLER_PAIRS
from .models import DocumentInfo, Extraction, Target
from .normalize import Normalized, normalize
from .tables import read_tables
from .targets import Draft, SentenceReader, heading_levels, sentences_holding
from .units import find_figures
from .years import find_years

# Text whose digits are names, not figures: cited titles 《…(2008-2020年)》, period labels (2013-2020年)
# and document numbers 国发〔2013〕31号 (the issuer's name before the bracket is found by looking back).
# One pattern per opening bracket: Python's re skips ahead to a literal some ten times faster than to
# a class that holds a character beyond Latin-1.
_MASKS = [re.compile(r"《[^《》\n]{0,120}》"), re.compile(r"\([^()\n]{0,8}\d{4}\s?[-—–~至]\s?\d{4}[^()\n]{0,4}\)"),
          *(re.compile(rf"{bracket}\s?\d{{4}}\s?[〕\]]?\s?\d{{1,4}}\s?号?") for bracket in ("〔", r"\["))]
_ISSUER_BEFORE = re.compile(r"[^\W\d_A-Za-z]{1,10}$")
EVIDENCE_CHARS = 200
_TARGETS = TypeAdapter(list[Target])
# Titles of reports on a year gone by: 2015年工作总结, 政府工作报告, annual review.
_SUMMARY_TITLE = re.compile(r"总结|工作报告|回顾|summary|review", re.IGNORECASE)


def extract(text: str, source: str = "<text>", catalogue: Catalogue | None = None,
            info: DocumentInfo | None = None, page_starts: list[int] | None = None) -> Extraction:
    catalogue = catalogue or load_catalogue()
    norm = normalize(text)
    info = _with_facts(info or DocumentInfo(), norm, len(text))
    doc_year = info.date.year if info.date else None
    drafts = _drafts(norm.text, catalogue, doc_year, _reviews_own_year(info), info.region_level)
    targets = _targets(_dedupe(drafts, norm.text), norm, page_starts or [])
    targets.sort(key=lambda t: (t.kind != "target", t.span[0]))
    return Extraction(source=source, document=info, targets=targets)


def extract_document(doc, catalogue: Catalogue | None = None) -> Extraction:
    info = DocumentInfo(encoding=doc.encoding, format=doc.format, pages=len(doc.page_starts) or None)
    return extract(doc.text, source=doc.source, catalogue=catalogue, info=info, page_starts=doc.page_starts)


def _with_facts(info: DocumentInfo, norm: Normalized, chars: int) -> DocumentInfo:
    from .facts import document_facts

    facts = document_facts(norm.text, traditional=norm.traditional)
    # validated, not model_copy(update=...), which would take the facts unchecked
    return DocumentInfo.model_validate({**dict(info), **facts, "chars": chars})


def _reviews_own_year(info: DocumentInfo) -> bool:
    """A summary written late in a year reports that year's results; one written early in the next
    year (a 政府工作报告 in January) reviews the year before and sets this year's goals."""
    return bool(info.title and _SUMMARY_TITLE.search(info.title) and info.date and info.date.month >= 10)


def _drafts(text: str, catalogue: Catalogue, doc_year: int | None, summary: bool = False,
            level: str | None = None) -> list[Draft]:
    masked = [_mask_span(text, m) for rx in _MASKS for m in rx.finditer(text)]
    table_drafts, table_spans = read_tables(text, catalogue, doc_year)
    skip = sorted(masked + table_spans)
    figures = _outside(find_figures(text), skip)
    years = _outside(find_years(text), skip)
    sentences = sentences_holding(text, [f.start for f in figures] + [y.start for y in years])
    if table_spans:
        sentences = [s for s in sentences if not _inside(table_spans, s[0])]
    headings = _outside(heading_levels(text), table_spans)
    reader = SentenceReader(text, catalogue, doc_year, summary, level)
    return table_drafts + reader.read(figures, years, sentences, headings)


def _mask_span(text: str, m: re.Match) -> tuple[int, int]:
    if m.group()[0] not in "〔[":
        return m.start(), m.end()
    before = _ISSUER_BEFORE.search(text, max(0, m.start() - 10), m.start())
    return (before.start() if before else m.start()), m.end()


def _outside(items: list, spans: list[tuple[int, int]]) -> list:
    """Items (in text order, with .start) that fall in none of the sorted spans: one sweep."""
    out, k = [], 0
    for item in items:
        while k < len(spans) and spans[k][1] <= item.start:
            k += 1
        if k == len(spans) or item.start < spans[k][0]:
            out.append(item)
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return any(a <= pos < b for a, b in spans[max(0, i - 2):i + 1])


def _dedupe(drafts: list[Draft], text: str) -> list[Draft]:
    """One record per target: a figure restated later (8000万户 … 八千万户) is kept once."""
    kept: dict[tuple, int] = {}
    out: list[Draft] = []
    for d in drafts:
        # no threshold in the key: a table's 100Mbps及以上宽带用户占比 | 98 restates 占比达到98% of the prose
        key = (round(d.fig.value, 6), d.fig.unit, d.year, d.indicator, d.scope, d.kind)
        if key not in kept:
            kept[key] = len(out)
            out.append(d)
        elif _side_by_side(out[kept[key]], d, text):
            out.append(d)
        elif out[kept[key]].comparator == "eq" and d.comparator != "eq":
            out[kept[key]] = d  # a table cell restated in prose: the prose says how (达到 -> ge)
    return out


def _side_by_side(a: Draft, b: Draft, text: str) -> bool:
    """Two alike in one sentence are two targets. So are two of the catalogue's "other" (which
    cannot tell 电子病历普及率100% from “校校通”比例达到百分之百) in one paragraph, and in two
    paragraphs unless the words naming one stand, for the most part, in the other's sentence
    (人才1000名 and 推动1000家企业 are two; a table row and the prose restating it are one)."""
    if a.sentence == b.sentence:
        return True
    if a.indicator != OTHER:
        return False
    first, last = sorted((a.sentence, b.sentence))  # table rows come first, wherever they stand
    if "\n" not in text[first[0]:last[1]].strip():
        return True
    return not (_named_in(a, b, text) or _named_in(b, a, text))


def _named_in(a: Draft, b: Draft, text: str) -> bool:
    """Whether most of the words naming a's figure stand in b's sentence."""
    naming = _letter_pairs(_naming(a), text)
    return bool(naming) and 2 * len(naming & _letter_pairs(b.sentence, text)) >= len(naming)


def _naming(d: Draft) -> tuple[int, int]:
    """Where the words that name a figure are: its subject, else just before it in its sentence."""
    return d.subject or (max(d.sentence[0], d.fig.start - 8), d.fig.start)


def _letter_pairs(span: tuple[int, int], text: str) -> set[str]:
    words = text[span[0]:span[1]]
    return {words[i:i + 2] for i in range(len(words) - 1) if words[i:i + 2].isalpha()} - FILLER_PAIRS


def _targets(drafts: list[Draft], norm: Normalized, page_starts: list[int]) -> list[Target]:
    """A Target for each draft, with offsets into the source text. The fields are gathered as dicts
    and validated in one call, which costs less than a call per record."""
    src = norm.source
    spans = [norm.source_span(d.fig.start, d.fig.end) for d in drafts]
    lines = _line_numbers(src, [start for start, _ in spans])
    out = []
    for d, (start, end) in zip(drafts, spans):
        subject = src[slice(*norm.source_span(*d.subject))].strip() if d.subject else None
        out.append({
            "value": d.fig.value, "unit": d.fig.unit, "year": d.year, "comparator": d.comparator,
            "indicator": d.indicator, "scope": d.scope, "kind": d.kind, "subject": subject or None,
            "threshold": {"value": d.threshold.value, "unit": d.threshold.unit} if d.threshold else None,
            "figure": src[start:end], "text": _evidence(src, norm.source_span(*d.sentence), start, end),
            "span": (start, end), "line": lines[start],
            "page": bisect_right(page_starts, start) if page_starts else None})
    return _TARGETS.validate_python(out)


def _line_numbers(text: str, offsets: list[int]) -> dict[int, int]:
    """The line number of each offset, counting the newlines before them in one pass over the text."""
    lines, line, counted = {}, 1, 0
    for offset in sorted(offsets):
        line += text.count("\n", counted, offset)
        lines[offset], counted = line, offset
    return lines


def _evidence(src: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The sentence of the figure, cut to about EVIDENCE_CHARS around it when it is long."""
    a, b = sentence
    if b - a > EVIDENCE_CHARS:
        a = max(a, start - EVIDENCE_CHARS * 2 // 3)
        b = min(b, max(end, a + EVIDENCE_CHARS))
    return " ".join(src[a:b].split())
