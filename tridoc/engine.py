"""Document -> Extraction: normalise, read facts, tables and sentences, merge. (work in progress)"""
from __future__ import annotations

from .models import DocumentInfo, Extraction


def extract(text: str, source: str = "<text>", catalogue=None, info: DocumentInfo | None = None) -> Extraction:
    return Extraction(source=source, document=info or DocumentInfo(chars=len(text)), targets=[])


def extract_document(doc, catalogue=None) -> Extraction:
    info = DocumentInfo(encoding=doc.encoding, format=doc.format, pages=len(doc.page_starts) or None, chars=len(doc.text))
    return extract(doc.text, source=doc.source, catalogue=catalogue, info=info)
