"""Expose a folder of attachments as static MCP resources."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.resources import DirectoryResource, FileResource, TextResource
from pydantic import AnyUrl

TEXT_LIKE = ("text/", "application/json", "application/xml")


def _is_text(mime: str) -> bool:
    return any(mime.startswith(prefix) for prefix in TEXT_LIKE)


def register_attachments(server: FastMCP, folder: Path) -> int:
    """Register every file in `folder` as a resource; returns how many were added."""
    folder = folder.resolve()
    count = 0
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        server.add_resource(
            FileResource(
                uri=AnyUrl(path.as_uri()),
                path=path,
                name=path.name,
                description=f"Attachment {path.name}",
                mime_type=mime,
                is_binary=not _is_text(mime),
            )
        )
        count += 1

    server.add_resource(
        DirectoryResource(
            uri=AnyUrl(f"attachments://{folder.name}"),
            path=folder,
            name="attachments",
            recursive=False,
        )
    )
    server.add_resource(
        TextResource(
            uri=AnyUrl("attachments://readme"),
            name="attachments-readme",
            text=f"{count} attachment(s) served from {folder}",
            mime_type="text/markdown",
        )
    )
    return count
