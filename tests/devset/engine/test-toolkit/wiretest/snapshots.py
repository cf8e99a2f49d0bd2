"""JSON snapshots of tool, resource and prompt results (binary payloads reduced to their size)."""

from __future__ import annotations

import base64
import difflib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    Content,
    EmbeddedResource,
    GetPromptResult,
    ImageContent,
    ListToolsResult,
    ReadResourceResult,
    ResourceLink,
    TextContent,
    TextResourceContents,
    Tool,
)

from wiretest.config import ToolkitSettings
from wiretest.redaction import redact, sort_listings, strip_meta


class SnapshotMismatch(AssertionError):
    def __init__(self, name: str, diff: str) -> None:
        super().__init__(f"snapshot {name!r} does not match:\n{diff}")
        self.name = name
        self.diff = diff


def _contents_snapshot(contents: TextResourceContents | BlobResourceContents) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "uri": str(contents.uri),
        "scheme": contents.uri.scheme,
        "host": contents.uri.host,
        "mimeType": contents.mimeType,
    }
    if isinstance(contents, TextResourceContents):
        entry["text"] = contents.text
    else:
        entry["blobBytes"] = len(base64.b64decode(contents.blob))
    return entry


def content_snapshot(block: Content) -> dict[str, Any]:
    if isinstance(block, TextContent):
        return {"type": "text", "text": block.text}
    if isinstance(block, ImageContent):
        return {"type": "image", "mimeType": block.mimeType, "bytes": len(base64.b64decode(block.data))}
    if isinstance(block, ResourceLink):
        return {"type": "resource_link", "name": block.name, "uri": str(block.uri), "mimeType": block.mimeType}
    if isinstance(block, EmbeddedResource):
        return {"type": "resource", "resource": _contents_snapshot(block.resource)}
    return {"type": block.type, "mimeType": block.mimeType, "bytes": len(base64.b64decode(block.data))}


def tool_result_snapshot(result: CallToolResult) -> dict[str, Any]:
    return {
        "isError": result.isError,
        "content": [content_snapshot(block) for block in result.content],
        "structuredContent": result.structuredContent,
    }


def tool_listing_snapshot(tools: ListToolsResult | Sequence[Tool]) -> dict[str, Any]:
    items = tools.tools if isinstance(tools, ListToolsResult) else list(tools)
    listing = {"tools": [strip_meta(tool.model_dump(exclude_none=True)) for tool in items]}
    return sort_listings(listing)


def resource_snapshot(result: ReadResourceResult) -> list[dict[str, Any]]:
    return [_contents_snapshot(contents) for contents in result.contents]


def prompt_snapshot(result: GetPromptResult) -> dict[str, Any]:
    return {
        "description": result.description,
        "messages": [{"role": m.role, "content": content_snapshot(m.content)} for m in result.messages],
    }


class SnapshotStore:
    def __init__(self, directory: Path | None = None, *, update: bool | None = None) -> None:
        settings = ToolkitSettings.from_env()
        self.directory = directory if directory is not None else settings.snapshot_dir
        self.update = settings.update_snapshots if update is None else update
        self.redact_keys = settings.redact_keys
        self.written: list[str] = []

    def path_for(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def serialize(self, data: Any) -> str:
        return json.dumps(redact(data, self.redact_keys), indent=2, sort_keys=True, default=str) + "\n"

    def assert_match(self, name: str, data: Any) -> None:
        path = self.path_for(name)
        rendered = self.serialize(data)
        if self.update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rendered, encoding="utf-8")
            self.written.append(name)
            return
        stored = path.read_text(encoding="utf-8")
        if stored != rendered:
            diff = "".join(
                difflib.unified_diff(
                    stored.splitlines(keepends=True),
                    rendered.splitlines(keepends=True),
                    fromfile=f"{name} (stored)",
                    tofile=f"{name} (actual)",
                )
            )
            raise SnapshotMismatch(name, diff)

    def load(self, name: str) -> Any:
        return json.loads(self.path_for(name).read_text(encoding="utf-8"))
