"""In-memory document storage with opaque pagination cursors (no protocol code here)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_WORD_RE = re.compile(r"[a-z0-9]+")


class StorageError(ValueError):
    pass


class DocumentNotFound(StorageError):
    pass


class InvalidCursor(StorageError):
    pass


class DocumentTooLarge(StorageError):
    pass


@dataclass
class Document:
    collection: str
    doc_id: str
    title: str
    body: str | bytes
    mime_type: str = "text/markdown"
    tags: list[str] = field(default_factory=list[str])
    revision: int = 1

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.doc_id}"

    @property
    def raw(self) -> bytes:
        return self.body if isinstance(self.body, bytes) else self.body.encode("utf-8")

    @property
    def etag(self) -> str:
        return hashlib.sha1(self.raw + str(self.revision).encode()).hexdigest()[:12]

    def words(self) -> set[str]:
        text = self.title if isinstance(self.body, bytes) else f"{self.title}\n{self.body}"
        return set(_WORD_RE.findall(text.lower())) | {t.lower() for t in self.tags}

    def summary(self) -> dict[str, Any]:
        return {
            "uri": f"docs://{self.key}",
            "name": self.doc_id,
            "title": self.title,
            "mimeType": self.mime_type,
            "size": len(self.raw),
            "revision": self.revision,
        }


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"items": self.items}
        if self.next_cursor is not None:
            payload["nextCursor"] = self.next_cursor
        return payload


def paginate(items: list[T], cursor: str | None, page_size: int, scope: str) -> Page[T]:
    start = 0
    if cursor:
        try:
            data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        except (binascii.Error, ValueError) as exc:
            raise InvalidCursor(f"malformed cursor {cursor!r}") from exc
        if not isinstance(data, dict) or data.get("s") != scope or not isinstance(data.get("o"), int):
            raise InvalidCursor(f"cursor {cursor!r} does not belong to {scope!r}")
        start = max(0, int(data["o"]))
    end = start + page_size
    if end >= len(items):
        return Page(items[start:])
    token = json.dumps({"o": end, "s": scope}, separators=(",", ":")).encode()
    return Page(items[start:end], base64.urlsafe_b64encode(token).decode().rstrip("="))


class DocumentStore:
    """Collections of documents.  ``root`` is the virtual path used in exported manifests."""

    def __init__(self, *, max_document_bytes: int = 1_048_576, root: str = "/srv/docstore"):
        self.root = PurePosixPath(root)
        self.max_document_bytes = max_document_bytes
        self._collections: dict[str, dict[str, Document]] = {}

    def collection_names(self) -> list[str]:
        return sorted(self._collections)

    def documents(self, collection: str | None = None) -> list[Document]:
        names = [collection] if collection else self.collection_names()
        return [doc for name in names for _, doc in sorted(self._collections.get(name, {}).items())]

    def get(self, collection: str, doc_id: str) -> Document:
        try:
            return self._collections[collection][doc_id]
        except KeyError:
            raise DocumentNotFound(f"no document {doc_id!r} in collection {collection!r}") from None

    def put(
        self,
        collection: str,
        doc_id: str,
        body: str | bytes,
        *,
        title: str | None = None,
        mime_type: str | None = None,
        tags: list[str] | None = None,
    ) -> tuple[Document, bool]:
        """Insert or replace a document; returns ``(document, created)``."""
        if not (_NAME_RE.match(collection) and _NAME_RE.match(doc_id)):
            raise StorageError(f"invalid name {collection}/{doc_id}")
        size = len(body) if isinstance(body, bytes) else len(body.encode("utf-8"))
        if size > self.max_document_bytes:
            raise DocumentTooLarge(f"{collection}/{doc_id} is {size} bytes (limit {self.max_document_bytes})")
        docs = self._collections.setdefault(collection, {})
        old = docs.get(doc_id)
        default_mime = "application/octet-stream" if isinstance(body, bytes) else "text/plain"
        docs[doc_id] = doc = Document(
            collection=collection,
            doc_id=doc_id,
            title=title or (old.title if old else doc_id),
            body=body,
            mime_type=mime_type or (old.mime_type if old else mimetypes.guess_type(doc_id)[0] or default_mime),
            tags=sorted(set(tags)) if tags else (old.tags if old else []),
            revision=old.revision + 1 if old else 1,
        )
        return doc, old is None

    def delete(self, collection: str, doc_id: str) -> Document:
        doc = self.get(collection, doc_id)
        del self._collections[collection][doc_id]
        return doc

    def search(self, query: str, *, collection: str | None = None, limit: int = 10) -> list[tuple[Document, float]]:
        terms = set(_WORD_RE.findall(query.lower()))
        hits: list[tuple[Document, float]] = []
        for doc in self.documents(collection):
            matched = terms & doc.words()
            if matched:
                bonus = 0.5 if terms & set(_WORD_RE.findall(doc.title.lower())) else 0.0
                hits.append((doc, round(len(matched) / len(terms) + bonus, 3)))
        hits.sort(key=lambda hit: (-hit[1], hit[0].key))
        return hits[:limit]

    def stats(self) -> dict[str, Any]:
        per_collection = {name: len(docs) for name, docs in sorted(self._collections.items())}
        return {"documents": sum(per_collection.values()), "byCollection": per_collection}

    def export_manifest(self) -> dict[str, Any]:
        entries = [{"path": str(self.root / d.key), **d.summary(), "etag": d.etag} for d in self.documents()]
        return {"root": str(self.root), "entries": entries, "isError": False}
