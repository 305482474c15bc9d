"""Reading files into text: encodings, HTML, PDF, DOCX. (placeholder: plain UTF-8 only; being written)"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class DocumentError(Exception):
    def __init__(self, source: str, cause: str):
        super().__init__(f"{source}: {cause}")
        self.source, self.cause = source, cause


@dataclass
class Document:
    source: str
    text: str
    encoding: str | None = "utf-8"
    format: str = "text"
    page_starts: list[int] = field(default_factory=list)


def read_document(path, encoding: str | None = None, max_bytes: int = 50_000_000) -> Document:
    p = Path(path)
    try:
        return Document(str(path), p.read_text(encoding=encoding or "utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(str(path), str(exc)) from exc
