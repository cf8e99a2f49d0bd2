"""On-disk mirror of crawled pages."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import AnyUrl

from mcp.types import Cursor, Resource

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

_EXTENSIONS = {
    "text/markdown": ".md",
    "text/plain": ".txt",
    "text/html": ".html",
    "application/json": ".json",
    "image/png": ".png",
    "image/svg+xml": ".svg",
}


@dataclass
class CrawledPage:
    uri: str
    title: str
    mime_type: str | None
    text: str | None = None
    blob: bytes | None = None
    summary: str | None = None


class PageStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.saved: dict[str, Path] = {}

    def path_for(self, uri: AnyUrl, mime_type: str | None) -> Path:
        parts = [uri.scheme, uri.host or ""] + [p for p in (uri.path or "").split("/") if p]
        safe = [_UNSAFE.sub("_", p) for p in parts if p]
        path = self.root.joinpath(*safe)
        suffix = _EXTENSIONS.get((mime_type or "").split(";")[0], "")
        return path.with_suffix(suffix) if suffix and not path.suffix else path

    def save(self, resource: Resource, page: CrawledPage) -> Path:
        path = self.path_for(resource.uri, page.mime_type)
        path.parent.mkdir(parents=True, exist_ok=True)
        if page.blob is not None:
            path.write_bytes(page.blob)
        else:
            header = f"<!-- source: {page.uri} -->\n"
            if page.summary:
                header += f"<!-- summary: {page.summary} -->\n"
            path.write_text(header + (page.text or ""), encoding="utf-8")
        self.saved[page.uri] = path
        return path

    def write_manifest(self, server: str, resources: list[Resource], resume_cursor: Cursor | None = None) -> Path:
        manifest = {
            "server": server,
            "resume_cursor": resume_cursor,
            "resources": [
                {
                    **resource.model_dump(mode="json", exclude_none=True),
                    "file": str(self.saved[str(resource.uri)].relative_to(self.root))
                    if str(resource.uri) in self.saved
                    else None,
                }
                for resource in resources
            ],
        }
        path = self.root / "manifest.json"
        self.root.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        return path
