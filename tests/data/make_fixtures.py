"""Regenerate the small binary fixtures in this folder (they are committed; CI never runs this).

    .venv/bin/pip install reportlab && .venv/bin/python tests/data/make_fixtures.py

policy_2pages.pdf: two pages of Chinese policy text in reportlab's built-in
CID font STSong-Light (no font file needed), with a real text layer.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# The lines each page holds; tests/test_documents.py checks them.
PAGES = [
    [
        "湖南省人民政府关于推进“宽带中国”战略促进信息消费的实施意见",
        "到2015年，城市家庭宽带接入能力基本达到20Mbps，",
        "固定宽带家庭普及率达到45%。",
    ],
    [
        "第二页：农村家庭宽带接入能力达到4Mbps，",
        "行政村通宽带比例达到95%。",
    ],
]


def make_pdf(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    # invariant=1 keeps dates and ids out, so regenerating gives the same bytes.
    pdf = canvas.Canvas(str(path), invariant=1, pageCompression=1)
    for lines in PAGES:
        pdf.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            pdf.drawString(72, 720 - 20 * i, line)
        pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    make_pdf(HERE / "policy_2pages.pdf")
    print("wrote", HERE / "policy_2pages.pdf")
