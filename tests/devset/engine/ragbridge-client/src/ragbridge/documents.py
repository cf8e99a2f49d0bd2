"""Document model and vendor-API helpers. No MCP imports here.

The vector-store vendor API we mirror uses camelCase JSON (``mimeType``,
``nextCursor``, ``isError``); those names are ours, not the MCP SDK's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    uri: str
    text: str
    mimeType: str = "text/plain"
    metadata: dict[str, Any] = field(default_factory=dict)
    score: float | None = None

    def short(self, n: int = 60) -> str:
        return self.text if len(self.text) <= n else self.text[: n - 1] + "…"


@dataclass
class VendorPage:
    documents: list[Document]
    nextCursor: str | None
    isError: bool = False


def parse_vendor_page(payload: dict[str, Any]) -> VendorPage:
    """Parse one page of the upstream vector store's /query endpoint."""
    if payload.get("isError"):
        return VendorPage(documents=[], nextCursor=None, isError=True)
    docs = [
        Document(
            uri=item["uri"],
            text=item.get("text", ""),
            mimeType=item.get("mimeType", "text/plain"),
            score=item.get("score"),
        )
        for item in payload.get("hits", [])
    ]
    return VendorPage(documents=docs, nextCursor=payload.get("nextCursor"))


def rerank(docs: list[Document], query: str) -> list[Document]:
    """Cheap lexical re-ranking used when the server returns no scores."""
    terms = {t for t in query.lower().split() if t}
    for d in docs:
        if d.score is None:
            words = d.text.lower().split()
            d.score = sum(1 for w in words if w in terms) / (len(words) or 1)
    return sorted(docs, key=lambda d: d.score or 0.0, reverse=True)
