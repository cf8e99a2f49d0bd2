"""In-memory document storage with opaque pagination cursors.

This module is deliberately independent of the protocol layer: it deals in
plain dataclasses and dicts so it can be reused by the CLI exporter.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9\-]{0,62}$")


class StorageError(Exception):
    """Base class for storage failures."""


class DocumentNotFound(StorageError):
    def __init__(self, collection: str, slug: str) -> None:
        super().__init__(f"no document {collection}/{slug}")
        self.collection = collection
        self.slug = slug


class InvalidCursor(StorageError):
    pass


@dataclass
class Document:
    collection: str
    slug: str
    title: str
    body: str
    mimeType: str = "text/markdown"
    tags: list[str] = field(default_factory=list)
    revision: int = 1
    updated_at: float = field(default_factory=time.time)
    attachment: bytes | None = None

    @property
    def key(self) -> str:
        return f"{self.collection}/{self.slug}"

    @property
    def uri(self) -> str:
        return f"doc://{self.collection}/{self.slug}"

    @property
    def etag(self) -> str:
        digest = hashlib.sha1(f"{self.key}:{self.revision}:{self.body}".encode()).hexdigest()
        return digest[:12]

    def to_dict(self) -> dict[str, Any]:
        return {
            "uri": self.uri,
            "title": self.title,
            "mimeType": self.mimeType,
            "tags": list(self.tags),
            "revision": self.revision,
            "etag": self.etag,
            "size": len(self.body.encode()),
        }


@dataclass
class TreeNode:
    name: str
    children: dict[str, TreeNode] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)


@dataclass
class DocTree:
    """Collection/slug hierarchy used by the ``docstore tree`` command."""

    root: TreeNode = field(default_factory=lambda: TreeNode(name=""))

    def add(self, doc: Document) -> None:
        node = self.root.children.setdefault(doc.collection, TreeNode(name=doc.collection))
        node.documents.append(doc.slug)

    def walk(self) -> Iterator[tuple[str, list[str]]]:
        for name, child in sorted(self.root.children.items()):
            yield name, sorted(child.documents)


def encode_cursor(offset: int, fingerprint: str) -> str:
    raw = json.dumps({"o": offset, "f": fingerprint}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, str]:
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return int(payload["o"]), str(payload["f"])
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise InvalidCursor(f"malformed cursor {cursor!r}") from exc


@dataclass
class Page:
    items: list[Document]
    nextCursor: str | None

    def as_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"items": [doc.to_dict() for doc in self.items]}
        if self.nextCursor is not None:
            body["nextCursor"] = self.nextCursor
        return body


class DocumentStore:
    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._docs: dict[str, Document] = {}
        self.generation = 0
        for doc in documents:
            self._docs[doc.key] = doc

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, key: object) -> bool:
        return key in self._docs

    @property
    def fingerprint(self) -> str:
        return hashlib.sha1(",".join(sorted(self._docs)).encode()).hexdigest()[:8]

    def collections(self) -> list[str]:
        return sorted({doc.collection for doc in self._docs.values()})

    def slugs(self, collection: str) -> list[str]:
        return sorted(doc.slug for doc in self._docs.values() if doc.collection == collection)

    def get(self, collection: str, slug: str) -> Document:
        try:
            return self._docs[f"{collection}/{slug}"]
        except KeyError:
            raise DocumentNotFound(collection, slug) from None

    def put(
        self,
        collection: str,
        slug: str,
        *,
        title: str,
        body: str,
        tags: Iterable[str] = (),
        mime_type: str = "text/markdown",
    ) -> tuple[Document, bool]:
        """Insert or update a document. Returns ``(document, created)``."""
        if not SLUG_RE.match(slug) or not SLUG_RE.match(collection):
            raise StorageError(f"invalid key {collection}/{slug}")
        key = f"{collection}/{slug}"
        existing = self._docs.get(key)
        if existing is None:
            doc = Document(collection, slug, title, body, mimeType=mime_type, tags=sorted(set(tags)))
            self._docs[key] = doc
            self.generation += 1
            return doc, True
        existing.title = title
        existing.body = body
        existing.tags = sorted(set(tags)) or existing.tags
        existing.mimeType = mime_type
        existing.revision += 1
        existing.updated_at = time.time()
        return existing, False

    def delete(self, collection: str, slug: str) -> Document:
        doc = self.get(collection, slug)
        del self._docs[doc.key]
        self.generation += 1
        return doc

    def page(self, cursor: str | None, limit: int) -> Page:
        ordered = sorted(self._docs.values(), key=lambda d: d.key)
        offset = 0
        if cursor:
            offset, fingerprint = decode_cursor(cursor)
            if fingerprint != self.fingerprint or offset > len(ordered):
                raise InvalidCursor("cursor is stale; restart the listing")
        items = ordered[offset : offset + limit]
        end = offset + len(items)
        next_cursor = encode_cursor(end, self.fingerprint) if end < len(ordered) else None
        return Page(items=items, nextCursor=next_cursor)

    def search(self, query: str, *, limit: int = 10, tags: Iterable[str] = ()) -> list[tuple[Document, float]]:
        terms = [t for t in re.split(r"\W+", query.lower()) if t]
        wanted = set(tags)
        scored: list[tuple[Document, float]] = []
        for doc in self._docs.values():
            if wanted and not wanted.issubset(doc.tags):
                continue
            haystack = f"{doc.title} {doc.body}".lower()
            hits = sum(haystack.count(term) for term in terms)
            if hits:
                title_bonus = sum(2 for term in terms if term in doc.title.lower())
                scored.append((doc, float(hits + title_bonus)))
        scored.sort(key=lambda pair: (-pair[1], pair[0].key))
        return scored[:limit]

    def tree(self) -> DocTree:
        tree = DocTree()
        for doc in self._docs.values():
            tree.add(doc)
        return tree

    def stats(self) -> dict[str, Any]:
        sizes = [len(doc.body.encode()) for doc in self._docs.values()]
        return {
            "documents": len(self._docs),
            "collections": len(self.collections()),
            "totalBytes": sum(sizes),
            "largestBytes": max(sizes, default=0),
            "generation": self.generation,
        }


def seed_documents() -> list[Document]:
    """A handful of documents used for demos and tests."""
    return [
        Document("guides", "getting-started", "Getting started", "Install the package and run docstore."),
        Document("guides", "subscriptions", "Subscriptions", "Subscribe to a document to get update notices."),
        Document("notes", "meeting-2024-05", "May meeting", "Agreed to ship pagination and progress."),
        Document(
            "assets",
            "logo",
            "Logo",
            "Binary logo attachment.",
            mimeType="image/png",
            attachment=b"\x89PNG\r\n\x1a\nfake-logo",
        ),
    ]
