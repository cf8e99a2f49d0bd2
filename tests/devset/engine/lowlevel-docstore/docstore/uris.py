"""URI scheme: ``docs://{collection}/{doc_id}``, ``collections://{collection}`` and ``docstore://stats``."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from pydantic import AnyUrl

DOC_TEMPLATE = "docs://{collection}/{doc_id}"
COLLECTION_TEMPLATE = "collections://{collection}"


@dataclass(frozen=True)
class DocRef:
    collection: str
    doc_id: str


@dataclass(frozen=True)
class CollectionRef:
    collection: str

    @property
    def uri(self) -> AnyUrl:
        return AnyUrl(f"collections://{self.collection}")


@dataclass(frozen=True)
class StatsRef:
    pass


class UnknownUri(ValueError):
    def __init__(self, uri: AnyUrl | str, reason: str):
        super().__init__(f"{uri}: {reason}")
        self.reason = reason


def doc_uri(collection: str, doc_id: str) -> AnyUrl:
    return AnyUrl(f"docs://{collection}/{doc_id}")


def parse_uri(uri: AnyUrl) -> DocRef | CollectionRef | StatsRef:
    """Classify a resource URI; raises :class:`UnknownUri` for anything else."""
    host = uri.host or ""
    path = unquote(uri.path or "").strip("/")
    if uri.scheme == "docs" and host and path and "/" not in path:
        return DocRef(host, path)
    if uri.scheme == "collections" and host and not path:
        return CollectionRef(host)
    if uri.scheme == "docstore" and host == "stats":
        return StatsRef()
    raise UnknownUri(uri, f"unsupported scheme {uri.scheme!r}" if uri.scheme not in ("docs", "collections") else "bad path")
