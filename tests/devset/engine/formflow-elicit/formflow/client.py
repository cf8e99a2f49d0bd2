"""A thin convenience layer over ``ClientSession`` for driving a formflow server."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio
import httpx
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    Content,
    Cursor,
    ImageContent,
    InitializeResult,
    PromptReference,
    ResourceTemplateReference,
    TextContent,
    TextResourceContents,
    Tool,
)
from pydantic import AnyUrl

from formflow.autofill import ScriptedResponder

logger = logging.getLogger("formflow.client")
logging.getLogger("httpx").setLevel(logging.WARNING)

DEFAULT_TIMEOUT = timedelta(seconds=30)


class FormflowToolError(RuntimeError):
    pass


def text_of(blocks: list[Content]) -> str:
    return "\n".join(block.text for block in blocks if isinstance(block, TextContent))


def snapshot(result: CallToolResult) -> dict[str, Any]:
    """Serialisable view of a tool result for golden files and audit logs."""
    data = result.model_dump(exclude_none=True)
    data.pop("_meta", None)
    return data


class FormflowClient:
    def __init__(self, session: ClientSession, init: InitializeResult | None = None) -> None:
        self.session = session
        self.init = init
        self._tools: dict[str, Tool] = {}

    @property
    def server_name(self) -> str | None:
        return self.init.serverInfo.name if self.init else None

    async def tools(self) -> dict[str, Tool]:
        if not self._tools:
            cursor: Cursor | None = None
            while True:
                page = await self.session.list_tools(cursor=cursor)
                self._tools.update({tool.name: tool for tool in page.tools})
                cursor = page.nextCursor
                if cursor is None:
                    break
        return self._tools

    async def input_fields(self, tool_name: str) -> list[str]:
        tool = (await self.tools())[tool_name]
        return sorted(tool.inputSchema.get("properties", {}))

    async def output_schema(self, tool_name: str) -> dict[str, Any] | None:
        return (await self.tools())[tool_name].outputSchema

    async def call(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: timedelta | None = DEFAULT_TIMEOUT,
        on_progress: ProgressFnT | None = None,
        client_id: str | None = None,
        retries: int = 1,
    ) -> CallToolResult:
        meta = {"client_id": client_id} if client_id else None
        for attempt in range(retries + 1):
            try:
                return await self.session.call_tool(
                    name, arguments or {}, read_timeout_seconds=timeout, progress_callback=on_progress, meta=meta
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < retries:
                    logger.warning("%s timed out, retrying (%d/%d)", name, attempt + 1, retries)
                    await anyio.sleep(0.05 * (attempt + 1))
                    continue
                raise
        raise AssertionError("unreachable")

    async def call_structured(self, name: str, arguments: dict[str, Any] | None = None, **kw: Any) -> Any:
        result = await self.call(name, arguments, **kw)
        if result.isError:
            raise FormflowToolError(f"{name}: {text_of(result.content)}")
        if result.structuredContent is not None:
            return result.structuredContent
        return json.loads(text_of(result.content))

    async def image(self, name: str, arguments: dict[str, Any]) -> tuple[str, str]:
        result = await self.call(name, arguments)
        for block in result.content:
            if isinstance(block, ImageContent):
                return block.mimeType, block.data
        raise FormflowToolError(f"{name}: no image in result")

    async def read(self, uri: str) -> list[tuple[str, str | bytes]]:
        result = await self.session.read_resource(AnyUrl(uri))
        out: list[tuple[str, str | bytes]] = []
        for item in result.contents:
            mime = item.mimeType or "text/plain"
            if isinstance(item, TextResourceContents):
                out.append((mime, item.text))
            elif isinstance(item, BlobResourceContents):
                out.append((mime, item.blob.encode()))
        return out

    async def read_json(self, uri: str) -> Any:
        [(_, body)] = await self.read(uri)
        assert isinstance(body, str)
        return json.loads(body)

    async def resource_uris(self) -> list[str]:
        listing = await self.session.list_resources()
        return sorted(str(r.uri) for r in listing.resources)

    async def resource_hosts(self) -> set[str]:
        listing = await self.session.list_resources()
        return {r.uri.host for r in listing.resources if r.uri.host}

    async def templates(self) -> list[str]:
        listing = await self.session.list_resource_templates()
        return sorted(t.uriTemplate for t in listing.resourceTemplates)

    async def complete_prompt(self, prompt: str, argument: str, value: str, **context: str) -> list[str]:
        result = await self.session.complete(
            PromptReference(type="ref/prompt", name=prompt),
            {"name": argument, "value": value},
            context_arguments=context or None,
        )
        return result.completion.values

    async def complete_template(self, uri_template: str, argument: str, value: str) -> tuple[list[str], bool]:
        result = await self.session.complete(
            ResourceTemplateReference(type="ref/resource", uri=uri_template),
            {"name": argument, "value": value},
        )
        return result.completion.values, bool(result.completion.hasMore)


def _http_client(
    headers: dict[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
    auth: httpx.Auth | None = None,
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={"user-agent": "formflow-fill/0.6", **(headers or {})},
        timeout=timeout or httpx.Timeout(30.0, read=300.0),
        auth=auth,
        follow_redirects=True,
    )


@asynccontextmanager
async def connect_http(
    url: str,
    responder: ScriptedResponder,
    *,
    token: str | None = None,
) -> AsyncIterator[tuple[FormflowClient, str | None]]:
    """Connect to a remote formflow server over streamable HTTP."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    async with streamablehttp_client(
        url,
        headers=headers,
        timeout=timedelta(seconds=30),
        sse_read_timeout=timedelta(minutes=5),
        httpx_client_factory=_http_client,
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream,
            write_stream,
            read_timeout_seconds=timedelta(seconds=60),
            sampling_callback=responder.on_sample,
            elicitation_callback=responder.on_elicit,
            list_roots_callback=responder.on_list_roots,
            logging_callback=responder.on_log,
            message_handler=responder.on_message,
        ) as session:
            init = await session.initialize()
            yield FormflowClient(session, init), get_session_id()
