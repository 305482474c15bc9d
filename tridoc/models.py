"""Validated records: what tridoc reads out of a document and what it prints.

These models are the output contract (see ../shared/eval/GUIDE.md); the JSON
Schema printed by `tridoc schema` is generated from them.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Unit = Literal["percent", "percentage_points", "Mbps", "CNY", "USD", "count"]
Comparator = Literal["ge", "gt", "le", "lt", "approx", "eq"]
Kind = Literal["target", "baseline"]
Scope = Literal[
    "urban", "rural", "town", "enterprise", "some_cities",
    "new_buildings", "county", "prefecture", "public",
]
Language = Literal["zh-Hans", "zh-Hant", "en"]

UNITS: tuple[str, ...] = Unit.__args__  # type: ignore[attr-defined]
COMPARATOR_SIGNS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈", "eq": "="}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Threshold(_Model):
    """A figure that only qualifies the target (the 100 Mbps in 80%以上家庭具备100Mbps)."""

    value: float
    unit: Unit


class Target(_Model):
    value: float = Field(description="The figure in its canonical unit (45% -> 45, 6000亿元 -> 6e11).")
    unit: Unit
    year: int | None = Field(description="Deadline year (or the year a baseline was measured).")
    comparator: Comparator
    indicator: str = Field(description="Key from the indicator catalogue, or 'other'.")
    scope: Scope | None = None
    kind: Kind = "target"
    subject: str | None = Field(None, description="The document's own words for what is measured.")
    threshold: Threshold | None = None
    figure: str = Field(description="The figure as written in the source, e.g. '8000万户'.")
    text: str = Field(description="Evidence: the sentence (or table row) the figure came from.")
    span: tuple[int, int] = Field(description="Character offsets [start, end) of the figure in the decoded text.")
    line: int = Field(ge=1, description="Line number of the figure in the decoded text.")
    page: int | None = Field(None, ge=1, description="PDF page of the figure, when known.")


class DocumentInfo(_Model):
    title: str | None = None
    region: str | None = Field(None, description="Region in English: 'Hunan', 'Guangzhou', 'China'.")
    region_zh: str | None = None
    region_level: Literal["country", "province", "city", "district"] | None = None
    issuer: str | None = None
    date: dt.date | None = Field(None, description="Issue (signature) date, else publication date.")
    issued: dt.date | None = None
    published: dt.date | None = None
    doc_number: str | None = None
    language: Language | None = None
    encoding: str | None = None
    format: Literal["text", "html", "pdf", "docx"] | None = None
    pages: int | None = None
    chars: int = 0


class ErrorRecord(_Model):
    file: str
    cause: str


class Extraction(_Model):
    schema_version: str = SCHEMA_VERSION
    source: str
    document: DocumentInfo | None
    targets: list[Target] = []
    errors: list[ErrorRecord] = []
