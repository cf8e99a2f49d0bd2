"""Builders for the content blocks returned by tools and prompts."""

from __future__ import annotations

import base64

from mcp import types

from .sandbox import ResolvedPath, guess_mime, is_textual
from .uris import path_to_uri


def text(value: str) -> types.TextContent:
    return types.TextContent(type="text", text=value)


def embedded_file(resolved: ResolvedPath, data: bytes, mime: str | None = None) -> types.EmbeddedResource:
    mime = mime or guess_mime(resolved.path)
    uri = path_to_uri(resolved.path)
    resource: types.TextResourceContents | types.BlobResourceContents
    if is_textual(mime):
        resource = types.TextResourceContents(uri=uri, mimeType=mime, text=data.decode("utf-8"))
    else:
        resource = types.BlobResourceContents(uri=uri, mimeType=mime, blob=base64.b64encode(data).decode("ascii"))
    return types.EmbeddedResource(type="resource", resource=resource)


def media(resolved: ResolvedPath, data: bytes) -> types.Content:
    mime = guess_mime(resolved.path)
    encoded = base64.b64encode(data).decode("ascii")
    if mime.startswith("image/"):
        return types.ImageContent(type="image", data=encoded, mimeType=mime)
    if mime.startswith("audio/"):
        return types.AudioContent(type="audio", data=encoded, mimeType=mime)
    return embedded_file(resolved, data, mime)


def link(resolved: ResolvedPath, *, size: int | None = None) -> types.ResourceLink:
    return types.ResourceLink(
        type="resource_link",
        uri=path_to_uri(resolved.path),
        name=resolved.relative or resolved.root.name,
        mimeType=guess_mime(resolved.path),
        size=size,
    )
