"""Resources: every page as a file:// resource, plus a section template and subscriptions."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

import mcp.types as types
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from .app import DocsState, server

SECTION_TEMPLATE = "fsdocs://section/{page}/{heading}"


def _rel_from_uri(state: DocsState, uri: AnyUrl) -> str:
    if uri.scheme == "file":
        path = unquote(uri.path or "")
        root = state.root.as_posix()
        if not path.startswith(root + "/"):
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"{uri} is outside the docs root"))
        return path[len(root) + 1 :]
    raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unsupported scheme {uri.scheme}"))


@server.list_resources()
async def list_resources() -> list[types.Resource]:
    state = server.request_context.lifespan_context
    return [
        types.Resource(
            uri=AnyUrl(page.path.as_uri()),
            name=page.rel,
            title=page.title,
            mimeType="text/markdown",
            size=page.path.stat().st_size,
        )
        for page in state.pages.values()
    ]


@server.list_resource_templates()
async def list_resource_templates() -> list[types.ResourceTemplate]:
    return [
        types.ResourceTemplate(
            uriTemplate=SECTION_TEMPLATE,
            name="section",
            description="One section of a page, from a heading to the next heading of the same level.",
            mimeType="text/markdown",
        )
    ]


def _section(text: str, heading: str) -> str | None:
    lines = text.splitlines()
    start = level = None
    for i, line in enumerate(lines):
        stripped = line.lstrip("#")
        hashes = len(line) - len(stripped)
        if start is None and hashes and stripped.strip().lower() == heading.lower():
            start, level = i, hashes
        elif start is not None and hashes and level is not None and hashes <= level:
            return "\n".join(lines[start:i])
    return "\n".join(lines[start:]) if start is not None else None


@server.read_resource()
async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
    state = server.request_context.lifespan_context
    if uri.scheme == "fsdocs" and uri.host == "section":
        _, page_rel, heading = unquote(uri.path or "").split("/", 2)
        page = state.pages.get(page_rel)
        body = _section(page.path.read_text(encoding="utf-8"), heading) if page else None
        if body is None:
            raise ValueError(f"no section {heading!r} in {page_rel}")
        return [ReadResourceContents(content=body, mime_type="text/markdown")]

    rel = _rel_from_uri(state, uri)
    page = state.pages.get(rel)
    if page is None:
        raise ValueError(f"unknown page {rel}")
    data = page.path.read_bytes()
    try:
        return [ReadResourceContents(content=data.decode("utf-8"), mime_type="text/markdown", meta={"title": page.title})]
    except UnicodeDecodeError:
        return [ReadResourceContents(content=data, mime_type="application/octet-stream")]


@server.subscribe_resource()
async def subscribe(uri: AnyUrl) -> None:
    state = server.request_context.lifespan_context
    state.subscriptions.add(_rel_from_uri(state, uri))


@server.unsubscribe_resource()
async def unsubscribe(uri: AnyUrl) -> None:
    state = server.request_context.lifespan_context
    state.subscriptions.discard(_rel_from_uri(state, uri))


@server.completion()
async def complete(
    ref: types.PromptReference | types.ResourceTemplateReference,
    argument: types.CompletionArgument,
    context: types.CompletionContext | None,
) -> types.Completion | None:
    state = server.request_context.lifespan_context
    if isinstance(ref, types.ResourceTemplateReference) and ref.uri == SECTION_TEMPLATE:
        if argument.name == "page":
            options = [rel for rel in state.pages if rel.startswith(argument.value)]
        elif argument.name == "heading" and context and context.arguments:
            page = state.pages.get(context.arguments.get("page", ""))
            options = [h for h in (page.headings if page else []) if h.lower().startswith(argument.value.lower())]
        else:
            return None
    elif isinstance(ref, types.PromptReference) and argument.name == "page":
        options = [rel for rel in state.pages if argument.value in rel]
    else:
        return None
    return types.Completion(values=options[:100], total=len(options), hasMore=len(options) > 100)
