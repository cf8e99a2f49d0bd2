"""Public names for upstream components.

Tools and prompts become ``<prefix><sep><name>``.  Resource URIs keep their
shape but gain the prefix in the scheme (``memo://a/b`` -> ``notes+memo://a/b``)
so they stay valid URLs.
"""

from __future__ import annotations

from urllib.parse import quote, unquote


def qualify(prefix: str, name: str, separator: str = ".") -> str:
    return f"{prefix}{separator}{name}"


def namespace_uri(prefix: str, uri: str) -> str:
    scheme, sep, rest = uri.partition(":")
    if not sep:
        raise ValueError(f"{uri!r} has no scheme")
    return f"{prefix}+{scheme}:{rest}"


def passthrough_uri(upstream: str, uri: str) -> str:
    return f"upstream://{upstream}/{quote(uri, safe='')}"


def decode_passthrough(path: str) -> str:
    return unquote(path)
