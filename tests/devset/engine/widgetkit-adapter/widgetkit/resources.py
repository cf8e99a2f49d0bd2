"""Pages and app state as MCP resources: ``widget://pages/<slug>`` and ``widget://state/<key>``."""

from __future__ import annotations

import json
from typing import Any

import mcp.types as types
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from widgetkit.app import PAGE_MIME, WidgetApp

SCHEME = "widget"
STATE_MIME = "application/json"


def page_uri(slug: str) -> AnyUrl:
    return AnyUrl(f"{SCHEME}://pages/{slug}")


def state_uri(key: str) -> AnyUrl:
    return AnyUrl(f"{SCHEME}://state/{key}")


def resource_not_found(uri: AnyUrl, *, reason: str = "no such resource") -> McpError:
    message = f"Resource not found: {uri} ({reason})"
    return McpError(types.ErrorData(code=types.INVALID_PARAMS, message=message, data={"uri": str(uri)}))


def split_uri(uri: AnyUrl) -> tuple[str, str]:
    """Return ``(collection, name)`` for a widget URI, e.g. ``("pages", "sales")``."""
    if uri.scheme != SCHEME:
        raise resource_not_found(uri, reason=f"unsupported scheme {uri.scheme!r}")
    collection, name = uri.host or "", (uri.path or "").strip("/")
    if not collection or not name:
        raise resource_not_found(uri, reason="incomplete widget uri")
    return collection, name


def list_resources(app: WidgetApp, *, include_state: bool) -> list[types.Resource]:
    out = [
        types.Resource(uri=page_uri(slug), name=slug, title=page.title, mimeType=PAGE_MIME,
                       description=page.description or None)
        for slug, page in sorted(app.pages.items())
    ]
    if include_state:
        out += [types.Resource(uri=state_uri(k), name=f"state:{k}", mimeType=STATE_MIME) for k in sorted(app.state)]
    return out


def resource_templates() -> list[types.ResourceTemplate]:
    return [
        types.ResourceTemplate(uriTemplate=f"{SCHEME}://pages/{{slug}}", name="page", mimeType=PAGE_MIME,
                               description="A page of the app rendered as a widget tree"),
        types.ResourceTemplate(uriTemplate=f"{SCHEME}://state/{{key}}", name="state", mimeType=STATE_MIME),
    ]


def read_widget_resource(app: WidgetApp, uri: AnyUrl) -> list[ReadResourceContents]:
    collection, name = split_uri(uri)
    if collection == "pages" and name in app.pages:
        page = app.pages[name]
        body = {"page": page.describe(), "tree": page.root.to_dict()}
        return [ReadResourceContents(content=json.dumps(body), mime_type=PAGE_MIME)]
    if collection == "state" and name in app.state:
        value: Any = app.state[name]
        if isinstance(value, bytes):
            return [ReadResourceContents(content=value, mime_type="application/octet-stream")]
        return [ReadResourceContents(content=json.dumps(value), mime_type=STATE_MIME)]
    raise resource_not_found(uri)


def embedded_page(app: WidgetApp, slug: str) -> types.EmbeddedResource:
    tree = app.pages[slug].root.to_dict()
    contents = types.TextResourceContents(uri=page_uri(slug), mimeType=PAGE_MIME, text=json.dumps(tree))
    return types.EmbeddedResource(type="resource", resource=contents)


def describe_contents(contents: types.TextResourceContents | types.BlobResourceContents) -> dict[str, Any]:
    """Small summary used in debug logs."""
    uri = contents.uri
    return {"scheme": uri.scheme, "collection": uri.host, "name": (uri.path or "").lstrip("/"), "mimeType": contents.mimeType}
