"""Conversions between sandbox paths and ``file://`` URIs / MCP roots."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from pydantic import AnyUrl, FileUrl

from mcp import types

from .sandbox import RootEntry

FILE_TEMPLATE = "file:///{path}"
LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1"}


class UnsupportedUri(ValueError):
    pass


def path_to_uri(path: Path) -> AnyUrl:
    return AnyUrl(path.resolve().as_uri())


def uri_to_path(uri: AnyUrl) -> Path:
    if uri.scheme != "file":
        raise UnsupportedUri(f"only file:// URIs are served, got {uri.scheme}://")
    if uri.host not in LOCAL_HOSTS:
        raise UnsupportedUri(f"remote file URIs are not supported (host {uri.host!r})")
    if not uri.path:
        raise UnsupportedUri(f"URI has no path: {uri}")
    return Path(unquote(uri.path))


def same_file(a: AnyUrl, b: AnyUrl) -> bool:
    try:
        return uri_to_path(a) == uri_to_path(b)
    except UnsupportedUri:
        return str(a) == str(b)


def root_for(entry: RootEntry) -> types.Root:
    return types.Root(uri=FileUrl(entry.path.as_uri()), name=entry.name)


def roots_from_result(result: types.ListRootsResult) -> list[RootEntry]:
    """Turn a client's roots/list answer into sandbox roots, skipping non-local ones."""
    entries: list[RootEntry] = []
    for root in result.roots:
        if root.uri.host not in LOCAL_HOSTS or not root.uri.path:
            continue
        path = Path(unquote(root.uri.path))
        entries.append(RootEntry(path=path, name=root.name or path.name or str(path)))
    return entries
