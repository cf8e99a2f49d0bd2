"""Load MCP resources as framework blobs / content parts."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession, McpError

from .framework import ContentPart
from .results import describe_uri, resource_contents_to_part


@dataclass
class Blob:
    """A loaded resource, independent of where it came from."""

    uri: str
    mime_type: str
    data: bytes | str
    metadata: dict[str, Any]

    @property
    def is_text(self) -> bool:
        return isinstance(self.data, str)

    def as_text(self) -> str:
        if isinstance(self.data, str):
            return self.data
        return self.data.decode("utf-8", errors="replace")

    def as_part(self) -> ContentPart:
        if isinstance(self.data, str):
            return ContentPart(type="text", text=self.data, mimeType=self.mime_type, uri=self.uri)
        encoded = base64.b64encode(self.data).decode()
        kind = "image" if self.mime_type.startswith("image/") else "file"
        return ContentPart(type=kind, data=encoded, mimeType=self.mime_type, uri=self.uri)


def contents_to_blob(contents: types.TextResourceContents | types.BlobResourceContents) -> Blob:
    metadata = describe_uri(contents.uri)
    if contents.meta:
        metadata["meta"] = dict(contents.meta)
    if isinstance(contents, types.TextResourceContents):
        return Blob(
            uri=str(contents.uri),
            mime_type=contents.mimeType or "text/plain",
            data=contents.text,
            metadata=metadata,
        )
    return Blob(
        uri=str(contents.uri),
        mime_type=contents.mimeType or "application/octet-stream",
        data=base64.b64decode(contents.blob),
        metadata=metadata,
    )


async def list_resources(session: ClientSession) -> list[types.Resource]:
    found: list[types.Resource] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_resources(cursor=cursor)
        found.extend(page.resources)
        cursor = page.nextCursor
        if cursor is None:
            return found


async def list_resource_templates(session: ClientSession) -> list[types.ResourceTemplate]:
    found: list[types.ResourceTemplate] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_resource_templates(cursor=cursor)
        found.extend(page.resourceTemplates)
        cursor = page.nextCursor
        if cursor is None:
            return found


async def get_mcp_resource(session: ClientSession, uri: str | AnyUrl) -> list[Blob]:
    target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
    result = await session.read_resource(target)
    return [contents_to_blob(c) for c in result.contents]


async def load_mcp_resources(
    session: ClientSession,
    *,
    uris: list[str] | None = None,
    skip_errors: bool = True,
) -> list[Blob]:
    """Read the given URIs, or every listed resource when ``uris`` is None."""
    targets: list[AnyUrl]
    if uris is None:
        targets = [r.uri for r in await list_resources(session)]
    else:
        targets = [AnyUrl(u) for u in uris]
    blobs: list[Blob] = []
    for uri in targets:
        try:
            blobs.extend(await get_mcp_resource(session, uri))
        except McpError:
            if not skip_errors:
                raise
    return blobs


_TEMPLATE_VAR = re.compile(r"\{([^}]+)\}")


def expand_template(template: types.ResourceTemplate, values: dict[str, Any]) -> str:
    """Tiny RFC 6570 level-1 expansion, good enough for path-style templates."""

    pattern = template.uriTemplate

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise KeyError(f"missing value for {key!r} in {pattern}")
        return str(values[key])

    return _TEMPLATE_VAR.sub(replace, pattern)


async def read_template(
    session: ClientSession,
    template_name: str,
    values: dict[str, Any],
) -> list[ContentPart]:
    templates = {t.name: t for t in await list_resource_templates(session)}
    if template_name not in templates:
        raise KeyError(template_name)
    uri = expand_template(templates[template_name], values)
    result = await session.read_resource(AnyUrl(uri))
    return [resource_contents_to_part(c) for c in result.contents]


async def watch_resource(session: ClientSession, uri: str) -> None:
    await session.subscribe_resource(AnyUrl(uri))

