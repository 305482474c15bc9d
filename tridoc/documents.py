"""Reading files into text: encodings, HTML, PDF, DOCX.

Every failure is a DocumentError with a one-line cause, so the CLI can report
it next to the file name and go on with the other inputs. Offsets into
`Document.text` are shown to users as evidence, so text files are decoded
as they are: only line endings are normalised.

The heavy libraries (selectolax, pypdf, python-docx, charset-normalizer) are
imported inside the functions that need them: most runs read plain text and
the CLI's cold start matters.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from stat import S_ISDIR

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Detection looks at this much of a file; decoding always covers all of it.
_SAMPLE = 64 * 1024

_SUFFIX_FORMATS = {".txt": "text", ".htm": "html", ".html": "html", ".pdf": "pdf", ".docx": "docx"}


class DocumentError(Exception):
    """A file that cannot be read as a document; str() is "source: cause" on one line."""

    def __init__(self, source: str, cause: str):
        cause = " ".join(str(cause).split())
        super().__init__(f"{source}: {cause}")
        self.source, self.cause = source, cause

    def __reduce__(self):  # survive the trip back from a worker process
        return type(self), (self.source, self.cause)


@dataclass
class Document:
    source: str
    text: str
    encoding: str | None = "utf-8"
    format: str = "text"
    page_starts: list[int] = field(default_factory=list)


def page_of(doc: Document, offset: int) -> int | None:
    """1-based page holding text offset `offset`; None without pages or out of range."""
    if not doc.page_starts or not 0 <= offset <= len(doc.text):
        return None
    return bisect_right(doc.page_starts, offset)


# --------------------------------------------------------------------------- inputs


def iter_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Files to read: directories expanded (sorted, hidden entries skipped); anything else as given."""
    for item in inputs:
        if item != "-" and os.path.isdir(item):
            yield from _walk(item, set())
        else:
            # "-" is stdin; a missing path is yielded so that reading it reports the error.
            yield item


def _walk(folder: str, seen: set[str]) -> Iterator[str]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink back to a folder already walked: a loop or a duplicate
        return
    seen.add(real)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        yield folder  # unreadable folder: let read_document say why
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.is_file() or not os.path.exists(path):
            # a broken symlink is yielded too, so that it is reported rather than lost;
            # fifos, sockets and devices are skipped: reading them could block.
            yield path


# --------------------------------------------------------------------------- reading


def read_document(path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file (or "-" for stdin) into a Document; raises DocumentError."""
    if str(path) == "-":
        data = _read_at_most(sys.stdin.buffer, max_bytes, 1 << 20)
        _check_size(len(data), "<stdin>", max_bytes)
        return read_bytes(data, "<stdin>", encoding)
    source = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    data = _read_file(source, max_bytes)
    return read_bytes(data, source, encoding, suffix=os.path.splitext(source)[1])


def _read_file(source: str, max_bytes: int) -> bytes:
    try:
        st = os.stat(source)  # one stat, and os rather than pathlib: this runs once per document
        if S_ISDIR(st.st_mode):
            readable = os.access(source, os.R_OK | os.X_OK)
            raise DocumentError(source, "is a directory" if readable else "permission denied (a directory)")
        # The size comes from stat before reading, so a huge file costs nothing;
        # the read is bounded anyway, for files that grow or lie (/proc, fifos).
        _check_size(st.st_size, source, max_bytes)
        with open(source, "rb") as f:
            data = _read_at_most(f, max_bytes, st.st_size)
    except OSError as exc:
        raise DocumentError(source, _os_cause(exc)) from None
    except ValueError as exc:  # e.g. a NUL byte inside the path
        raise DocumentError(source, f"invalid path ({exc})") from None
    _check_size(len(data), source, max_bytes)
    return data


def _read_at_most(f, limit: int, expected: int) -> bytes:
    """At most limit + 1 bytes (one more tells "too large" apart from "exactly at the limit").

    A sized read allocates its whole size up front, so one read of
    max_bytes + 1 would cost 50 MB for a 5 KB file: read what stat promised,
    then in chunks while more keeps coming.
    """
    parts, total, size = [], 0, min(expected, limit) + 1
    while total <= limit:
        chunk = f.read(min(size, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        size = 1 << 20
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _os_cause(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or str(exc)).lower()


def _check_size(size: int, source: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise DocumentError(source, f"larger than the limit of {max_bytes} bytes (--max-bytes)")


def read_bytes(data: bytes, source: str, encoding: str | None = None, suffix: str = "") -> Document:
    """Turn the bytes of one file into a Document; the format comes from content, then suffix."""
    if not data or data.isspace():
        raise DocumentError(source, "empty file")
    by_suffix = _SUFFIX_FORMATS.get("." + suffix.lower().lstrip("."), "text")
    container = _container_format(data, source, by_suffix)
    if container == "pdf":
        return _read_pdf(data, source)
    if container == "docx":
        return _read_docx(data, source)
    if by_suffix == "html" or _may_be_html(data) and _looks_like_html(_head_as_text(data)):
        return _read_html(data, source, encoding)
    text, used = _decode(data, source, encoding)
    _check_text(text, source, data if used in ("utf-8", "utf-8-sig") else None)
    return Document(source, _newlines(text), used, "text")


def _container_format(data: bytes, source: str, by_suffix: str) -> str | None:
    """"pdf" or "docx" from the magic bytes; raises when the suffix promises one that is not there."""
    if data.startswith(b"%PDF-") or (by_suffix == "pdf" and b"%PDF-" in data[:1024]):
        return "pdf"  # the PDF spec lets junk precede the header; trust that only in a .pdf
    if data.startswith(b"PK\x03\x04"):
        if _zip_has_word_document(data):
            return "docx"
        if by_suffix == "docx":
            raise DocumentError(source, "corrupt DOCX (not a readable zip with word/document.xml)")
        raise DocumentError(source, "binary file, not a text document (a zip archive, not a DOCX)")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(source, "binary file, not a text document (legacy .doc/.xls; save it as .docx or PDF)")
    if by_suffix == "pdf":
        raise DocumentError(source, f"not a PDF (no %PDF- header){_looks_like(data)}")
    if by_suffix == "docx":
        raise DocumentError(source, f"not a DOCX (no zip signature){_looks_like(data)}")
    return None


def _looks_like(data: bytes) -> str:
    # A .pdf that is an HTML error page is a common failed download: say so.
    return "; it looks like an HTML page (a failed download?)" if _looks_like_html(_head_as_text(data)) else ""


def _zip_has_word_document(data: bytes) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _check_text(text: str, source: str, utf8: bytes | None = None) -> None:
    if not text or text.isspace():
        raise DocumentError(source, "empty file")
    if utf8 is not None and _control_share(utf8[:4 * _SAMPLE]) == 0:
        return  # in UTF-8 a control character is a control byte, and bytes are counted much faster
    head = text[:_SAMPLE]
    if "\x00" in head or _control_share(head) > 0.01:
        raise DocumentError(source, "binary file, not a text document")


# C0 controls that never occur in text documents; tab, newlines, form feed,
# vertical tab, ESC and DOS's end-of-file mark do.
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
_CONTROL_RE = re.compile("[" + re.escape(_CONTROLS.decode("ascii")) + "\x7f]")


def _control_share(sample) -> float:
    if not sample:
        return 0.0
    if isinstance(sample, bytes):
        return (len(sample) - len(sample.translate(None, _CONTROLS))) / len(sample)
    return len(_CONTROL_RE.findall(sample)) / len(sample)


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _decode(data: bytes, source: str, forced: str | None = None, declared: str | None = None) -> tuple[str, str]:
    """(text, codec): the forced codec, else a BOM, the page's declared charset, UTF-16 by its NULs,
    strict UTF-8, the Chinese codecs, and charset-normalizer last."""
    if forced:
        return _decode_forced(data, source, forced)
    bom = _bom_codec(data)
    if bom:
        return _strict(data, bom, source), bom
    if declared:
        for codec in _widen(declared):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass  # pages often declare a charset they do not use: detect instead
    utf16 = _utf16_by_nuls(data[:_SAMPLE])
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    sample = data[:_SAMPLE]
    if b"\x00" in sample or _control_share(sample) > 0.01:
        raise DocumentError(source, "binary file, not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_detected(data, source)


def _decode_forced(data: bytes, source: str, name: str) -> tuple[str, str]:
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise DocumentError(source, f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64...: bytes-to-bytes codecs
        raise DocumentError(source, f"{name!r} is not a text encoding")
    codec = info.name
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"  # asking for UTF-8 should not leave a BOM at offset 0
    return _strict(data, codec, source), codec


def _strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentError(source, f"cannot decode as {codec} (invalid bytes at offset {exc.start})") from None


def _widen(label: str) -> list[str]:
    """Codecs to try for a declared charset: GB2312/GBK pages use GBK characters, Big5 pages CP950 ones."""
    try:
        info = codecs.lookup(label)
    except LookupError:
        return []
    codec = info.name
    if not getattr(info, "_is_text_encoding", True) or codec.startswith(("utf-16", "utf-32")):
        # A BOM-less page declaring UTF-16 is ASCII-compatible in fact (browsers
        # read it as UTF-8); decoding it as UTF-16 would "succeed" into garbage.
        return []
    if codec in ("gb2312", "gbk", "gb18030"):
        return ["gb18030"]
    if codec in ("big5", "cp950", "big5hkscs"):
        return ["big5", "cp950", "big5hkscs"]
    if codec in ("ascii", "iso8859-1", "cp1252"):
        # On Chinese pages these are template defaults, not facts, and a Western
        # single-byte codec decodes GBK bytes "cleanly" into garbage: detect instead.
        return []
    return [codec]


def _utf16_by_nuls(sample: bytes) -> str | None:
    """UTF-16 without BOM: ASCII characters and newlines put NULs on one side of each byte pair."""
    if b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    many, few = max(even, odd), min(even, odd)
    if many < 4 or few > many // 20:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


# Chinese codecs, tried before charset-normalizer: for short Chinese texts it
# sometimes settles on an odd codec that also happens to decode the bytes.
# Big5 stays before CP950 so plain Big5 files are reported as "big5".
_CHINESE_CODECS = ("gb18030", "big5", "cp950")
# A decoding whose Chinese characters are this "common" (see _chinese_score) is
# right; wrong ones come out near or below zero, real policy texts near 0.8.
_MIN_CHINESE_SCORE = 0.3


def _decode_detected(data: bytes, source: str) -> tuple[str, str]:
    sample, final = data[:_SAMPLE], len(data) <= _SAMPLE
    scored = []
    for codec in _CHINESE_CODECS:
        text = _decode_sample(sample, codec, final)
        if text is not None:
            scored.append((_chinese_score(text), codec))
    scored.sort(key=lambda sc: -sc[0])  # stable: ties keep big5 before cp950
    good = [codec for score, codec in scored if score >= _MIN_CHINESE_SCORE]
    for codec in _candidates(good, sample, [codec for _, codec in scored]):
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue  # the sample decoded, a later part does not: try the next
    raise DocumentError(source, "cannot decode as utf-8, gb18030 or big5, nor detect the encoding (try --encoding)")


def _candidates(good: list[str], sample: bytes, rest: list[str]) -> Iterator[str]:
    """Codecs in order of trust; charset-normalizer runs only when no Chinese codec looks right."""
    yield from good
    guess = _normalizer_guess(sample)
    if guess and guess not in good:
        yield guess
    yield from (codec for codec in rest if codec not in good and codec != guess)


def _decode_sample(sample: bytes, codec: str, final: bool) -> str | None:
    # An incremental decoder lets a sample cut inside a multibyte character pass.
    try:
        return codecs.getincrementaldecoder(codec)().decode(sample, final=final)
    except UnicodeDecodeError:
        return None


def _normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None


# About 600 of the most frequent characters of modern Chinese and of policy
# texts, simplified, then their traditional forms (from OpenCC's s2t/s2tw/s2hk).
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美"
    "再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元"
    "况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委"
    "素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江"
    "型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严推施策营环境创健康医疗卫"
    "险障城镇乡村域励鼓综享协绿碳排污染防控监督考核评估试范培投融贷款财税补贴费牌益宽网络息字智慧云服台端终"
    "户普覆盖亿吨项措落扩升善稳幅超右倍累均居房屋宅输航港源煤炭汽充桩校师旅游托幼职贸础固移纤庭骨互兆特秒略"
    "案纲划底末体要"
)
_COMMON_TRADITIONAL = (
    "並來個們備傳價億兒內兩別則創劃動務勞勵區協卻參員問單噸嚴國圓圖團報場壓學實寫寬將專對導層屬師帶幹幾廠廣張"
    "強後從復應戰戶採撐據擴數斷於時書會東條業極構樁標樣機權歷氣汙決沒況準溫滿濟災為無熱營爭爲狀現環產當療發監"
    "眾確礎礦稅種稱積穩節範糧約紅級細終組結絡給統經綜綠維綱網線縣總織纖羣義習聯聲職聽臺與華萬著蓋處號衆術衛衞"
    "裏補裝裡見規親觀計記設許評試話該認說説調論證識議變財貸費貼貿資質車軍較輸轉辦農這連進遊運過達適選還邊鄉醫"
    "鎮鐵長門開間關隊階際險離難雲電響項須領頭題類風養馬驗體鬥麼點黨"
)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    return frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL)


def _chinese_score(text: str) -> float:
    """Share of common characters minus share of rare ones, over the non-ASCII letters.

    A wrong Chinese codec turns text into random, mostly rare characters, kana,
    private-use or compatibility code points; punctuation and symbols say nothing
    (both codecs have them), so they are not counted. A text whose only non-ASCII
    characters are such signs (English with “quotes” or ©) decoded cleanly into
    sensible signs, which is all there is to know: that passes the threshold.
    """
    common, counted, score, signs = _common_chars(), 0, 0, 0
    for ch in text:
        if ch < "\x80":
            continue
        o = ord(ch)
        if ch in common:
            score += 1
        elif 0x4E00 <= o <= 0x9FFF:
            pass  # a real character, just not a frequent one
        elif 0xA0 <= o <= 0xBF or o in (0xD7, 0xF7) or 0x2000 <= o <= 0x2BFF or 0x3000 <= o <= 0x303F \
                or 0xFF00 <= o <= 0xFFEF:
            signs += 1
            continue
        else:
            score -= 1
        counted += 1
    if not counted:
        return _MIN_CHINESE_SCORE if signs else 0.0
    return score / counted


# --------------------------------------------------------------------------- HTML

_HTML_START = re.compile(r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|title|meta|link|p|div|span|br|table|tr|td|th|tbody|ul|ol|li|a|h[1-6]|strong|b|font|img)\b[^<>]*>",
    re.I,
)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _head_as_text(data: bytes) -> str:
    head = data[:_SAMPLE]
    codec = _bom_codec(head) or _utf16_by_nuls(head)
    # Tags are ASCII, so latin-1 shows them in any ASCII-compatible encoding.
    return head.decode(codec or "latin-1", errors="replace")


def _may_be_html(data: bytes) -> bool:
    """No < in the head, no tag: most text files need no closer look."""
    return b"<" in data[:_SAMPLE]


def _looks_like_html(head: str) -> bool:
    """A doctype or <html> at the start, or enough tags that the markup is most of the text."""
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    return len(tags) >= 5 and sum(map(len, tags)) >= 0.1 * len(head.strip())


def _read_html(data: bytes, source: str, encoding: str | None) -> Document:
    declared = None
    if not encoding:
        m = _META_CHARSET.search(data[:16 * 1024])
        declared = m.group(1).decode("ascii") if m else None
    text, used = _decode(data, source, encoding, declared)
    _check_text(text, source)
    lines = _html_lines(text)
    del text  # drop the markup before building the result: at most two copies at a time
    body = _newlines("\n".join(lines))
    if not body.strip():
        raise DocumentError(source, "empty file (HTML without any text)")
    return Document(source, body, used, "html")


# Dropped with everything inside: code, styling and page furniture around the article.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "iframe", "template")
# The word must start a name part ("top-nav", "site_footer", "mainNav", "leftmenu"),
# so that "unavailable" or "canvas" do not count.
_FURNITURE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?i:nav|menu|footer|breadcrumb|crumb|related|recommend|share|comment)"
    r"|(?<![A-Za-z])(?i:top|sub|main|site|side|left|right)(?i:nav|menu)"
)
_KEEP_TAGS = {"html", "body", "main", "article"}
_BLOCK_TAGS = frozenset(
    "address article blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr li main menu ol p pre section summary table tbody thead tfoot ul".split()
)
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0]+")


def _html_lines(markup: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        return []
    for node in _topmost(tree.css(",".join(_DROP_TAGS))):
        node.decompose()
    # Forms and elements named like menus are dropped too, unless they hold most
    # of the page: ASP.NET sites wrap the whole page in a <form>, and a misnamed
    # container ("has-menu") can be the article itself.
    half = len(root.text(deep=True)) / 2
    furniture = [node for node in tree.css("form,[class],[id]") if _is_furniture(node)]
    for node in _topmost([node for node in furniture if len(node.text(deep=True)) < half]):
        node.decompose()
    return _HtmlText(_layout_tables(tree)).walk(root)


def _is_furniture(node) -> bool:
    if node.tag == "form":
        return True
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    return node.tag not in _KEEP_TAGS and bool(_FURNITURE.search(names))


def _topmost(nodes) -> list:
    """The nodes that are not inside another of them (nodes come in document order).

    Decomposing a node frees its subtree, so a descendant collected before
    must never be touched afterwards: this is decided before anything is removed.
    """
    chosen: set[int] = set()
    result = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in chosen:
            parent = parent.parent
        if parent is None:
            chosen.add(node.mem_id)
            result.append(node)
    return result


# A cell this long holds prose, not a figure: its table lays out the page.
_LAYOUT_CELL_CHARS = 200


def _layout_tables(tree) -> set[int]:
    """Tables that lay out the page rather than hold data: they nest tables or hold prose in a cell.

    Chinese government sites often wrap the whole article in such a table;
    read as a data table, the article would become one line of cells.
    """
    layout = set()
    for table in tree.css("table"):
        inner = table.css("table")  # selectolax includes the table itself
        if len(inner) > 1 or any(len(cell.text(deep=True)) > _LAYOUT_CELL_CHARS for cell in table.css("td, th")):
            layout.add(table.mem_id)
    return layout


class _HtmlText:
    """Lines of text from an element tree: blocks break lines, data-table rows become "a | b | c"."""

    def __init__(self, layout: set[int]) -> None:
        self.layout = layout
        self.lines: list[str] = []
        self.line: list[str] = []
        self.tables: list[bool] = []  # per open table: True for a data table
        self.cells: list[str] | None = None  # cells of the data-table row being read
        self.cell: list[str] | None = None  # pieces of the cell being read
        self.pre = 0

    def walk(self, root) -> list[str]:
        # An explicit stack: deeply nested pages would overflow recursion.
        stack = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.close(node.tag)
                continue
            tag = node.tag
            if tag == "-text":
                self.text(node.text(deep=False) or "")
            elif tag and not tag.startswith("-"):  # skip comments and doctype
                self.open(tag, node)
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
        self.end_row()
        self.break_line()
        return self.lines

    def text(self, s: str) -> None:
        if not self.pre:
            s = _SPACES.sub(" ", s)  # what a browser shows: runs of spaces and newlines are one space
        (self.cell if self.cell is not None else self.line).append(s)

    def open(self, tag: str, node) -> None:
        in_data = bool(self.tables) and self.tables[-1]
        if tag == "table":
            self.break_line()
            self.tables.append(node.mem_id not in self.layout)
        elif tag == "tr" and in_data:
            self.end_row()
            self.cells = []
        elif tag in ("td", "th") and in_data:
            self.end_cell()
            if self.cells is None:
                self.cells = []
            self.cell = []
        elif tag in _BLOCK_TAGS or tag in ("br", "tr", "td", "th"):
            self.break_line()
        if tag == "pre":
            self.pre += 1

    def close(self, tag: str) -> None:
        in_data = bool(self.tables) and self.tables[-1]
        if tag == "table":
            self.end_row()
            self.break_line()
            if self.tables:
                self.tables.pop()
        elif tag in ("td", "th") and in_data:
            self.end_cell()
        elif tag == "tr" and in_data:
            self.end_row()
        elif tag in _BLOCK_TAGS or tag in ("tr", "td", "th"):
            self.break_line()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def break_line(self) -> None:
        if self.cell is not None:
            self.cell.append(" ")  # a row stays one line: blocks inside a cell are spaces
            return
        line = "".join(self.line).strip(" ")
        if line:
            self.lines.append(line)
        self.line = []

    def end_cell(self) -> None:
        if self.cell is not None and self.cells is not None:
            self.cells.append(_SPACES.sub(" ", "".join(self.cell)).strip())
        self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self.cells and any(self.cells):
            self.break_line()
            self.lines.append(" | ".join(self.cells))
        self.cells = None


# --------------------------------------------------------------------------- PDF

# Fewer non-space characters than this per page on average means the pages are
# images: at most page numbers or a stamp came out.
_MIN_CHARS_PER_PAGE = 16


@contextmanager
def _quiet(logger_name: str):
    """Silence a library's warnings about repairable damage; real failures still raise."""
    import logging

    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes, source: str) -> Document:
    pages = [_reflow(page) for page in _pdf_pages(data, source)]
    if not pages:
        raise DocumentError(source, "PDF without pages")
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    text = "\n".join(pages)
    if len("".join(text.split())) < _MIN_CHARS_PER_PAGE * len(pages):
        raise DocumentError(source, "no text layer (scanned PDF?); run OCR first")
    return Document(source, text, None, "pdf", starts)


# A line that ends with one of these (or one and a closing quote) ends its paragraph, whatever its length.
_PARAGRAPH_END = tuple(mark + quote for mark in "。！？；：!?;:" for quote in ("", "”"))
_FULL_LINE = 0.8  # a line this share of the page's usual width or longer was wrapped by the layout
_ASCII_PARENS = str.maketrans("（）", "()")  # the heading markers are written for folded text
# A table row, whose lines are as long as they are and never wrapped: cells apart, or two figures at the end.
_TABLE_ROW = re.compile(r"[|\t]|\S {2,}\S|(?:\s+[\d.,%＞>≥≤<—-]+){2,}\s*$")


def _reflow(page: str) -> str:
    """Joins the lines a PDF's layout wrapped, so that a sentence is one line again, as in a web
    page or a .txt: a full line that does not end a sentence goes on in the next line, unless that
    one opens a heading or a list item. Short lines (titles, signatures, page numbers) stay."""
    lines = page.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return page
    usual = lengths[int(len(lengths) * 0.8)]  # the width of a full line, robust to a long title
    out: list[str] = []
    wraps = False  # whether the last line read was wrapped into the next
    for line in lines:
        stripped, row = line.strip(), bool(_TABLE_ROW.search(line))
        if wraps and stripped and not row and not _item_opening().match(line.translate(_ASCII_PARENS)):
            last = out[-1].rstrip()
            glue = " " if last[-1:].isascii() and stripped[:1].isascii() and last[-1:] != "-" else ""
            out[-1] = last + glue + stripped
        else:
            out.append(line)
        wraps = len(stripped) >= _FULL_LINE * usual and not stripped.endswith(_PARAGRAPH_END) and not row
    return "\n".join(out)


@lru_cache(maxsize=1)
def _item_opening() -> re.Pattern:
    from .lexicon import HEADING_MARKERS

    return re.compile(r"\s*(?:" + "|".join(p for _, p in HEADING_MARKERS) + r"|第[一二三四五六七八九十百\d]+条|[•·●▪\-–—])")


def _pdf_pages(data: bytes, source: str) -> list[str]:
    from pypdf import PdfReader

    # pypdf fails on damaged files with many kinds of exception (KeyError,
    # ValueError, struct errors...), so anything it raises means "corrupt PDF".
    try:
        with _quiet("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            _unlock(reader, source)
            return [_newlines(page.extract_text() or "") for page in reader.pages]
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - see above
        raise DocumentError(source, f"corrupt PDF ({_brief(exc)})") from None


def _unlock(reader, source: str) -> None:
    """Open an encrypted PDF with the empty password, as viewers do; fail clearly otherwise."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # noqa: BLE001 - e.g. AES without the cryptography package
        raise DocumentError(source, f"encrypted PDF that cannot be opened ({_brief(exc)})") from None
    if not opened:
        raise DocumentError(source, "encrypted PDF: a password is needed to open it")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _brief(exc: Exception) -> str:
    words = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {words[:200]}" if words else type(exc).__name__


# --------------------------------------------------------------------------- DOCX


def _read_docx(data: bytes, source: str) -> Document:
    import docx

    # python-docx (zipfile, lxml) raises many kinds of exception on damaged files.
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document.element.body, document))
    except Exception as exc:  # noqa: BLE001 - see above
        raise DocumentError(source, f"corrupt DOCX ({_brief(exc)})") from None
    text = "\n".join(lines)
    if not text.strip():
        raise DocumentError(source, "empty file (DOCX without any text)")
    return Document(source, _newlines(text), None, "docx")


def _docx_lines(container, parent) -> Iterator[str]:
    """Paragraphs and table rows in body order; content controls (w:sdt) are looked into."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "p":
            yield Paragraph(child, parent).text
        elif tag == "tbl":
            yield from _docx_rows(Table(child, parent))
        elif tag == "sdt":
            content = next((c for c in child.iterchildren() if str(c.tag).endswith("}sdtContent")), None)
            if content is not None:
                yield from _docx_lines(content, parent)


def _docx_rows(table) -> Iterator[str]:
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:  # a merged cell is listed once per grid column it spans
                continue
            last = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            yield " | ".join(cells)
