"""tridoc.documents: real files of every supported kind, and every kind of bad input."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from tridoc import documents
from tridoc.documents import (
    DEFAULT_MAX_BYTES,
    Document,
    DocumentError,
    _reflow,
    iter_inputs,
    page_of,
    read_bytes,
    read_document,
)
from tridoc.engine import extract_document

DATA = Path(__file__).parent / "data"

SIMPLIFIED = "到2015年，城市家庭宽带接入能力基本达到20Mbps，固定宽带家庭普及率达到45%。"
TRADITIONAL = "到2015年底，固定寬帶家庭普及率達到85%。"

# About 200 characters from Hunan's "Broadband China" implementation opinions
# (samples/003), and the same in traditional script (OpenCC s2tw).
POLICY_SIMPLIFIED = (
    "坚持政府引导与市场调节相结合。积极发挥政府战略引领作用，充分发挥市场配置资源的决定性作用，在竞争性领域实行"
    "市场化运作，在社会管理和公共服务领域积极引入市场机制，增强信息消费发展的内生动力。坚持创新驱动与融合带动相"
    "结合。加快关键核心信息技术和产品研发，鼓励业务模式创新，通过供给创新，挖掘和释放消费潜力。推动软件与硬件融"
    "合、网络与应用融合、虚拟消费与实体消费融合，促进传统消费升级。\n"
)
POLICY_TRADITIONAL = (
    "堅持政府引導與市場調節相結合。積極發揮政府戰略引領作用，充分發揮市場配置資源的決定性作用，在競爭性領域實行"
    "市場化運作，在社會管理和公共服務領域積極引入市場機制，增強信息消費發展的內生動力。堅持創新驅動與融合帶動相"
    "結合。加快關鍵核心信息技術和產品研發，鼓勵業務模式創新，通過供給創新，挖掘和釋放消費潛力。推動軟件與硬件融"
    "合、網絡與應用融合、虛擬消費與實體消費融合，促進傳統消費升級。\n"
)


NAMES = {SIMPLIFIED: "simplified", TRADITIONAL: "traditional", POLICY_SIMPLIFIED: "policy-simplified",
         POLICY_TRADITIONAL: "policy-traditional"}


def short_id(value):
    """Readable test ids for parameters that are bytes or Chinese text."""
    if isinstance(value, str) and value in NAMES:
        return NAMES[value]
    if isinstance(value, bytes) or (isinstance(value, str) and not value.isascii()):
        return f"{len(value)}{'b' if isinstance(value, bytes) else 'ch'}"
    return None


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error_of(path, **kwargs) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_document(path, **kwargs)
    return info.value


# --------------------------------------------------------------------------- encodings

ROUND_TRIPS = [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "utf-16", "utf-16"),  # Python writes a BOM
    (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM: found by where the NULs are
    (SIMPLIFIED, "utf-16-be", "utf-16-be"),
    (SIMPLIFIED, "utf-32", "utf-32"),
    (TRADITIONAL, "utf-8", "utf-8"),
    (TRADITIONAL, "utf-8-sig", "utf-8-sig"),
    (TRADITIONAL, "gb18030", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    (TRADITIONAL, "utf-16", "utf-16"),
    (POLICY_SIMPLIFIED, "gb18030", "gb18030"),
    (POLICY_SIMPLIFIED, "gbk", "gb18030"),
    (POLICY_TRADITIONAL, "big5", "big5"),
    (POLICY_TRADITIONAL, "gb18030", "gb18030"),
    (POLICY_TRADITIONAL, "utf-16", "utf-16"),
]


@pytest.mark.parametrize("text, codec, reported", ROUND_TRIPS, ids=short_id)
def test_every_encoding_reads_back_the_same_text(tmp_path, text, codec, reported):
    doc = read_document(write(tmp_path, "policy.txt", text.encode(codec)))
    assert doc.text == text
    assert doc.encoding == reported
    assert (doc.format, doc.page_starts) == ("text", [])


def test_gb_bytes_that_also_decode_as_big5_are_read_as_gb18030(tmp_path):
    # Both codecs accept these bytes; only the GB reading gives common characters.
    text = "坚持政府引导与市场调节相结合"
    raw = text.encode("gb18030")
    raw.decode("big5")  # the test is only meaningful while this holds
    doc = read_document(write(tmp_path, "a.txt", raw))
    assert (doc.text, doc.encoding) == (text, "gb18030")


def test_big5_bytes_that_also_decode_as_gb18030_are_read_as_big5(tmp_path):
    raw = POLICY_TRADITIONAL.encode("big5")
    raw.decode("gb18030")
    assert read_document(write(tmp_path, "a.txt", raw)).encoding == "big5"


ENGLISH = "The State Council’s “Broadband China” strategy • 2013 © gov.cn\nFixed broadband household penetration: 45%.\n"


@pytest.mark.parametrize("codec", ["gb18030", "cp1252"])
def test_english_with_a_few_signs(tmp_path, codec):
    # Nothing but signs outside ASCII: no characters to score, still the same text.
    assert read_document(write(tmp_path, "en.txt", ENGLISH.encode(codec))).text == ENGLISH


def test_chinese_score_prefers_the_right_codec():
    raw = POLICY_SIMPLIFIED.encode("gb18030")
    right = documents._chinese_score(raw.decode("gb18030"))
    wrong = documents._chinese_score(raw.decode("big5", errors="replace"))
    assert right > 0.5 > wrong


def test_large_chinese_file_beyond_the_detection_sample(tmp_path):
    # The codec is chosen on the first 64 KiB; the rest must still decode, once.
    text = POLICY_SIMPLIFIED * 2000
    doc = read_document(write(tmp_path, "big.txt", text.encode("gb18030")))
    assert doc.text == text and doc.encoding == "gb18030"


def test_decoding_a_file_costs_about_two_copies(tmp_path):
    text = POLICY_SIMPLIFIED * 10_000  # ~4 MB in GB18030
    path = write(tmp_path, "big.txt", text.encode("gb18030"))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        doc = read_document(path, max_bytes=10 * size)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.text == text
    # bytes + decoded text + the codec's working buffer; a read sized by the
    # limit rather than the file, or a second decode, would break this.
    assert peak < 4.5 * size


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        ("  缩进\t保留 \r\n\u3000\u3000全角空格\r\n".encode("gb18030"), "  缩进\t保留 \n\u3000\u3000全角空格\n"),
        ("第一行\r\n第二行".encode("utf-16"), "第一行\n第二行"),
        ("ｆｕｌｌ　ｗｉｄｔｈ　４５％".encode(), "ｆｕｌｌ　ｗｉｄｔｈ　４５％"),  # no NFKC
    ],
    ids=short_id,
)
def test_only_line_endings_change(tmp_path, raw, expected):
    assert read_document(write(tmp_path, "a.txt", raw)).text == expected


@pytest.mark.parametrize(
    "raw, forced, text, reported",
    [
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "GBK", SIMPLIFIED, "gbk"),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL, "big5"),
        (SIMPLIFIED.encode("utf-8-sig"), "utf-8", SIMPLIFIED, "utf-8-sig"),  # no stray BOM at offset 0
    ],
    ids=short_id,
)
def test_forced_encoding(tmp_path, raw, forced, text, reported):
    doc = read_document(write(tmp_path, "a.txt", raw), encoding=forced)
    assert (doc.text, doc.encoding) == (text, reported)


@pytest.mark.parametrize(
    "raw, forced, cause",
    [
        (SIMPLIFIED.encode("gb18030"), "utf-8", "cannot decode as utf-8"),
        (SIMPLIFIED.encode("gb18030"), "big5", "cannot decode as big5 (invalid bytes at offset"),
        (SIMPLIFIED.encode(), "no-such-codec", "unknown encoding 'no-such-codec'"),
        (SIMPLIFIED.encode(), "rot13", "'rot13' is not a text encoding"),
    ],
    ids=short_id,
)
def test_forced_encoding_that_does_not_fit(tmp_path, raw, forced, cause):
    path = write(tmp_path, "a.txt", raw)
    err = error_of(path, encoding=forced)
    assert str(err).startswith(f"{path}: ") and cause in err.cause


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>宽带中国</title>
<style>p {{ color: red }}</style><script>var menu = "首页";</script></head>
<body>
<div class="top-nav"><a href="/">网站首页</a> <a href="/zc">政策文件</a></div>
<nav><ul><li>导航一</li><li>导航二</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政策</div>
<div id="content">
<h1>关于推进“宽带中国”战略的实施意见</h1>
<p>到2015年，固定宽带家庭普及率达到45%。<br>城市家庭宽带接入能力基本达到20Mbps。</p>
<table>
<tr><th>指标</th><th>单位</th><th>2013年</th><th>2015年</th></tr>
<tr><td>固定宽带家庭普及率</td><td>%</td><td>40</td><td><p>45</p></td></tr>
<tr><td>3G/LTE用户普及率</td><td>%</td><td>25</td><td>32.5</td></tr>
</table>
<p>各地&nbsp;要
  认真贯彻执行。</p>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a.htm">石家庄开通首批5G基站 下载速率超1Gbps</a> 2019-09-18</li></ul></div>
<div class="share-bar">分享到：微信 微博</div>
<noscript>请启用脚本</noscript>
<footer>版权所有 网站地图</footer>
</body></html>
"""

PAGE_TEXT = (
    "关于推进“宽带中国”战略的实施意见\n"
    "到2015年，固定宽带家庭普及率达到45%。\n"
    "城市家庭宽带接入能力基本达到20Mbps。\n"
    "指标 | 单位 | 2013年 | 2015年\n"
    "固定宽带家庭普及率 | % | 40 | 45\n"
    "3G/LTE用户普及率 | % | 25 | 32.5\n"
    "各地 要 认真贯彻执行。"
)


@pytest.mark.parametrize(
    "charset, codec, reported",
    [
        ("utf-8", "utf-8", "utf-8"),
        ("gb2312", "gb18030", "gb18030"),  # GB2312 pages are GBK/GB18030 in practice
        ("gbk", "utf-8", "utf-8"),  # a lying declaration: the bytes decide
        ("big5", "utf-16", "utf-16"),  # a BOM beats the declaration
        ("iso-8859-1", "gb18030", "gb18030"),  # a template default that would decode GBK into garbage
    ],
)
def test_html_article_text(tmp_path, charset, codec, reported):
    doc = read_document(write(tmp_path, "page.html", PAGE.format(charset=charset).encode(codec)))
    assert doc.text == PAGE_TEXT
    assert (doc.format, doc.encoding, doc.page_starts) == ("html", reported, [])
    for dropped in ("var menu", "color", "网站首页", "导航一", "当前位置", "请启用脚本", "版权所有", "相关新闻", "分享到"):
        assert dropped not in doc.text


def test_html_layout_table_is_read_as_the_page_it_lays_out(tmp_path):
    # Government sites wrap the article in a layout table; the data table inside
    # must still come out as rows, the article as lines.
    long = "到2015年，固定宽带家庭普及率达到45%。" * 8
    page = f"""<html><body>
<table><tr><td>网站标题</td><td>2014-04-29</td></tr></table>
<table width="1000"><tr><td><p>实施意见</p><p>{long}</p>
<table border="1"><tr><td>指标</td><td>2015年</td></tr><tr><td>普及率</td><td>45%</td></tr></table>
<p>第二段</p></td><td>右栏</td></tr></table>
<pre>保留  空格
  缩进</pre></body></html>"""
    text = read_document(write(tmp_path, "p.html", page.encode())).text
    assert text.split("\n") == [
        "网站标题 | 2014-04-29", "实施意见", long, "指标 | 2015年", "普及率 | 45%", "第二段", "右栏", "保留  空格", "  缩进",
    ]


def test_html_big5_page_by_its_meta_charset(tmp_path):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>{TRADITIONAL}</p></body></html>'
    doc = read_document(write(tmp_path, "p.htm", page.encode("big5")))
    assert (doc.text, doc.encoding, doc.format) == (TRADITIONAL, "big5", "html")


@pytest.mark.parametrize(
    "name, raw",
    [
        ("saved.txt", PAGE.format(charset="utf-8").encode()),  # doctype wins over the suffix
        ("download", b"<div><p>a</p><p>b</p><p>c</p><br><p>d</p></div>"),  # tag density
        ("fragment.htm", b"<p>a</p>b"),  # the suffix alone
    ],
    ids=short_id,
)
def test_html_is_recognised(tmp_path, name, raw):
    assert read_document(write(tmp_path, name, raw)).format == "html"


def test_text_that_mentions_a_tag_stays_text(tmp_path):
    raw = "网页中用<br>换行。\n到2015年，固定宽带家庭普及率达到45%。\n".encode()
    doc = read_document(write(tmp_path, "note.txt", raw))
    assert (doc.format, doc.text) == ("text", raw.decode())


def test_article_misnamed_as_a_menu_is_kept(tmp_path):
    # "has-menu" on the container of the whole article must not empty the page.
    page = f'<html><body><div class="has-menu"><p>{SIMPLIFIED}</p></div><div class="menu">首页</div></body></html>'
    assert read_document(write(tmp_path, "p.html", page.encode())).text == SIMPLIFIED


@pytest.mark.parametrize(
    "names, dropped",
    [
        ('class="top-nav"', True),
        ('id="mainNav"', True),
        ('class="pageNav clearfix"', True),
        ('class="leftmenu"', True),
        ('id="site_footer"', True),
        ('class="breadcrumbs"', True),
        ('class="unavailable"', False),
        ('class="canvas-box"', False),
        ('id="footnote"', False),
    ],
)
def test_furniture_by_class_or_id(tmp_path, names, dropped):
    page = f"<html><body><div {names}>栏目</div><p>{SIMPLIFIED}</p></body></html>"
    text = read_document(write(tmp_path, "p.html", page.encode())).text
    assert text == SIMPLIFIED if dropped else text == f"栏目\n{SIMPLIFIED}"


def test_page_wrapped_in_a_form_keeps_its_article(tmp_path):
    # ASP.NET pages put everything in one <form>; the search form is still dropped.
    page = (
        f'<html><body><form id="form1"><div class="nav">首页</div><p>{SIMPLIFIED}</p>'
        f'<p>{TRADITIONAL}</p></form><form action="/search"><input name="q">搜索</form></body></html>'
    )
    assert read_document(write(tmp_path, "p.aspx", page.encode())).text == f"{SIMPLIFIED}\n{TRADITIONAL}"


def test_html_without_text(tmp_path):
    err = error_of(write(tmp_path, "p.html", b"<html><body><script>x()</script></body></html>"))
    assert "empty" in err.cause


# --------------------------------------------------------------------------- PDF

PDF = DATA / "policy_2pages.pdf"


def test_pdf_pages():
    doc = read_document(PDF)
    assert (doc.format, doc.encoding) == ("pdf", None)
    assert len(doc.page_starts) == 2 and doc.page_starts[0] == 0
    second = doc.text.index("第二页")
    assert doc.page_starts[1] == second  # page 2's text begins where page 2 starts
    assert "固定宽带家庭普及率达到45%。" in doc.text[: doc.page_starts[1]]
    assert "行政村通宽带比例达到95%。" in doc.text[doc.page_starts[1]:]
    assert [page_of(doc, i) for i in (0, doc.text.index("45%"), second - 1, second, len(doc.text))] == [1, 1, 1, 2, 2]
    assert page_of(doc, -1) is None and page_of(doc, len(doc.text) + 1) is None


WRAPPED_PAGE = """湖南省关于推进宽带建设的通知
各市州人民政府，省政府各厅委、各直属机构：
到2015年，全省城市家庭宽带接入能力基本达
到20Mbps，农村家庭宽带接入能力达到4Mbps，固定
宽带家庭普及率达到45%，行政村通宽带比例达到95%。
（一）加快光纤网络建设，新增光纤到户覆盖家庭
200万户，新建4G基站一万个，建成光网城市
（二）推进三网融合。
指标名称 单位 2013年 2015年 2020年
固定宽带家庭普及率 % 52 65 85
光纤到户覆盖家庭 万户 120 200 350
- 3 -"""


@pytest.mark.parametrize("line", [
    "到2015年，全省城市家庭宽带接入能力基本达到20Mbps，农村家庭宽带接入能力达到4Mbps，固定宽带家庭普及率达到45%，"
    "行政村通宽带比例达到95%。",  # a sentence wrapped over three lines is one line again
    "（一）加快光纤网络建设，新增光纤到户覆盖家庭200万户，新建4G基站一万个，建成光网城市",
    "（二）推进三网融合。",  # a full line that ends no sentence still stops before a heading
    "湖南省关于推进宽带建设的通知", "各市州人民政府，省政府各厅委、各直属机构：", "- 3 -",  # short lines stay
    "指标名称 单位 2013年 2015年 2020年", "固定宽带家庭普及率 % 52 65 85",  # a table's rows stay rows
])
def test_a_pdf_page_is_reflowed_into_its_sentences(line):
    assert line in _reflow(WRAPPED_PAGE).split("\n")


def test_english_lines_are_joined_with_a_space():
    page = "By 2020, the access capability of urban\nhouseholds will reach 50 Mbps, the plan\nsays.\nEnd."
    assert _reflow(page).split("\n")[0] == "By 2020, the access capability of urban households will reach 50 Mbps, the plan says."


def test_a_wrapped_pdf_gives_the_targets_of_its_sentences(monkeypatch):
    monkeypatch.setattr(documents, "_pdf_pages", lambda data, source: [WRAPPED_PAGE])
    got = {(t.value, t.indicator) for t in extract_document(read_document(PDF)).targets}
    assert {(20, "broadband.access_speed"), (45, "broadband.household_penetration"),
            (2e6, "fiber.coverage")} <= got


def test_pdf_with_junk_before_the_header(tmp_path):
    doc = read_document(write(tmp_path, "junk.pdf", b"\r\n\r\n" + PDF.read_bytes()))
    assert doc.format == "pdf" and "第二页" in doc.text


def test_page_of_without_pages():
    assert page_of(Document("a.txt", "文本", "utf-8", "text", []), 0) is None


def test_pdf_found_by_content_without_suffix():
    doc = read_bytes(PDF.read_bytes(), "<stdin>")
    assert doc.format == "pdf" and "宽带" in doc.text


def _pdf_bytes(writer) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_without_text_layer(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    path = write(tmp_path, "scan.pdf", _pdf_bytes(writer))
    err = error_of(path)
    assert "text layer" in err.cause and "OCR" in err.cause and str(err).startswith(str(path))


@pytest.mark.parametrize("user_password, readable", [("", True), ("secret", False)])
def test_encrypted_pdf(tmp_path, user_password, readable):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PDF)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    path = write(tmp_path, "locked.pdf", _pdf_bytes(writer))
    if readable:  # an empty user password is what viewers open silently
        assert "第二页" in read_document(path).text
    else:
        assert "password" in error_of(path).cause


@pytest.mark.parametrize(
    "raw, cause",
    [
        (PDF.read_bytes()[:1500], "corrupt PDF"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n", "corrupt PDF"),
        (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "HTML page"),
        (SIMPLIFIED.encode(), "not a PDF"),
    ],
    ids=short_id,
)
def test_bad_pdf(tmp_path, raw, cause):
    path = write(tmp_path, "bad.pdf", raw)
    err = error_of(path)
    assert cause in err.cause and str(err).startswith(f"{path}: ")


# --------------------------------------------------------------------------- DOCX


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("宽带中国实施方案", level=1)
    document.add_paragraph("一、主要目标")
    table = document.add_table(rows=3, cols=4)
    rows = [["指标", "单位", "2013年", "2015年"], ["固定宽带家庭普及率", "%", "40", "45"], ["备注", "", "", ""]]
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(2, 0).merge(table.cell(2, 3))  # one merged cell is one cell, not four
    document.add_paragraph("到2015年，城市家庭宽带接入能力基本达到20Mbps。")
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_in_body_order(tmp_path):
    doc = read_document(_docx(tmp_path / "plan.docx"))
    assert (doc.format, doc.encoding, doc.page_starts) == ("docx", None, [])
    assert doc.text.split("\n") == [
        "宽带中国实施方案",
        "一、主要目标",
        "指标 | 单位 | 2013年 | 2015年",
        "固定宽带家庭普及率 | % | 40 | 45",
        "备注",
        "到2015年，城市家庭宽带接入能力基本达到20Mbps。",
    ]


def test_docx_found_by_content_without_suffix(tmp_path):
    raw = _docx(tmp_path / "plan.docx").read_bytes()
    assert read_bytes(raw, "<stdin>").format == "docx"


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, raw, cause",
    [
        ("bad.docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}), "corrupt DOCX"),
        ("bad.docx", _zip({"hello.txt": b"hi"}), "corrupt DOCX"),
        ("bad.docx", SIMPLIFIED.encode(), "not a DOCX"),
        ("archive.zip", _zip({"hello.txt": b"hi"}), "binary file"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "legacy .doc"),
    ],
    ids=short_id,
)
def test_bad_docx_and_other_containers(tmp_path, name, raw, cause):
    path = write(tmp_path, name, raw)
    err = error_of(path)
    assert cause in err.cause and str(err).startswith(f"{path}: ")


# --------------------------------------------------------------------------- bad input

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    "raw, cause",
    [
        (b"", "empty file"),
        (b" \n\t\r\n  ", "empty file"),
        (b"\xff\xfe", "empty file"),  # a UTF-16 BOM and nothing else
        (" \n".encode("utf-16"), "empty file"),
        (PNG, "binary file, not a text document"),
        (bytes(b % 32 for b in range(1, 3000) if b % 32 not in (0, 9, 10, 13)), "binary file, not a text document"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "binary file, not a text document"),
    ],
    ids=short_id,
)
def test_bad_content(tmp_path, raw, cause):
    path = write(tmp_path, "input.txt", raw)
    err = error_of(path)
    assert err.cause == cause and str(err) == f"{path}: {cause}" and err.source == str(path)


def test_missing_file(tmp_path):
    path = tmp_path / "nope.txt"
    err = error_of(path)
    assert str(err) == f"{path}: no such file or directory"


def test_directory(tmp_path):
    assert str(error_of(tmp_path)) == f"{tmp_path}: is a directory"


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", SIMPLIFIED.encode())

    def refuse(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(file))

    # root reads anything, so chmod cannot show this where tests run as root
    monkeypatch.setattr("tridoc.documents.open", refuse, raising=False)
    assert str(error_of(path)) == f"{path}: permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file modes")
def test_permission_denied_for_real(tmp_path):
    path = write(tmp_path, "secret.txt", SIMPLIFIED.encode())
    path.chmod(0)
    assert error_of(path).cause == "permission denied"


def test_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", SIMPLIFIED.encode() * 10)
    monkeypatch.setattr("tridoc.documents.open", lambda *a, **k: pytest.fail("opened a file over the limit"),
                        raising=False)
    err = error_of(path, max_bytes=100)
    assert str(err) == f"{path}: larger than the limit of 100 bytes (--max-bytes)"


def test_size_limit_allows_exactly_the_limit(tmp_path):
    raw = SIMPLIFIED.encode()
    assert read_document(write(tmp_path, "a.txt", raw), max_bytes=len(raw)).text == SIMPLIFIED


def test_default_limit():
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


class _Stdin:
    """sys.stdin stand-in that records how much was asked of it."""

    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)
        self.asked = 0
        read = self.buffer.read

        def counting_read(size=-1):
            assert size is not None and size >= 0, "stdin must be read with a bound"
            chunk = read(size)
            self.asked += len(chunk)
            return chunk

        self.buffer.read = counting_read


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(SIMPLIFIED.encode("gb18030")))
    doc = read_document("-")
    assert (doc.source, doc.text, doc.encoding) == ("<stdin>", SIMPLIFIED, "gb18030")


def test_stdin_over_the_limit_reads_one_byte_more_at_most(monkeypatch):
    stdin = _Stdin(b"x" * 10_000)
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(DocumentError) as info:
        read_document("-", max_bytes=1000)
    assert str(info.value) == "<stdin>: larger than the limit of 1000 bytes (--max-bytes)"
    assert stdin.asked == 1001


def test_document_error_is_one_line():
    err = DocumentError("a.pdf", "corrupt PDF (bad\nthing)")
    assert str(err) == "a.pdf: corrupt PDF (bad thing)" and (err.source, err.cause) == ("a.pdf", "corrupt PDF (bad thing)")


def test_document_error_pickles():
    import pickle

    err = pickle.loads(pickle.dumps(DocumentError("a.pdf", "corrupt PDF")))
    assert (str(err), err.source, err.cause) == ("a.pdf: corrupt PDF", "a.pdf", "corrupt PDF")


# --------------------------------------------------------------------------- inputs


def test_iter_inputs(tmp_path):
    root = tmp_path / "docs"
    for name in ("b.txt", "a/z.html", "a/sub/c.pdf", ".hidden.txt", ".git/config", "a/.cache/x.txt", "C.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    (root / "a" / "sub" / "loop").symlink_to(root / "a")  # a symlink back up: must not hang
    (root / "a" / "self").symlink_to(root)
    missing = str(tmp_path / "missing.txt")
    found = list(iter_inputs([str(root), "-", missing]))
    assert found == [
        str(root / "C.txt"),
        str(root / "a" / "sub" / "c.pdf"),
        str(root / "a" / "z.html"),
        str(root / "b.txt"),
        "-",
        missing,
    ]


def test_iter_inputs_keeps_files_as_given(tmp_path):
    path = write(tmp_path, ".explicit.txt", b"x")
    assert list(iter_inputs([str(path), "relative/missing.txt"])) == [str(path), "relative/missing.txt"]


def test_iter_inputs_yields_broken_symlinks_for_reporting(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert list(iter_inputs([str(tmp_path)])) == [str(tmp_path / "gone.txt")]
    assert "no such file" in error_of(tmp_path / "gone.txt").cause


# --------------------------------------------------------------------------- cold start


def test_heavy_libraries_are_imported_only_when_needed(tmp_path):
    path = write(tmp_path, "a.txt", SIMPLIFIED.encode())
    code = (
        "import sys; from tridoc.documents import read_document; "
        f"assert read_document({str(path)!r}).text; "
        "print(sorted(m for m in ('selectolax', 'pypdf', 'docx', 'charset_normalizer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
