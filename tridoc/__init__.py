"""tridoc: quantitative targets out of Chinese policy documents.

    >>> from tridoc import extract_text
    >>> extract_text("到2015年,固定宽带家庭普及率达到45%。").targets[0].value
    45.0
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .models import Extraction

__all__ = ["extract_text", "extract_file"]


def extract_text(text: str, source: str = "<text>", catalogue_path: "str | Path | None" = None) -> "Extraction":
    """Targets of one document given as text."""
    from .catalogue import load_catalogue
    from .engine import extract

    return extract(text, source=source, catalogue=load_catalogue(catalogue_path))


def extract_file(path: "str | Path", encoding: str | None = None, catalogue_path: "str | Path | None" = None) -> "Extraction":
    """Targets of one file (text, HTML, PDF or DOCX); raises DocumentError when it cannot be read."""
    from .catalogue import load_catalogue
    from .documents import read_document
    from .engine import extract_document

    return extract_document(read_document(path, encoding=encoding), catalogue=load_catalogue(catalogue_path))
