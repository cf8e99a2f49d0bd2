from __future__ import annotations

import base64
import json
import os
import sys
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.exceptions import McpError  # noqa: E402
from mcp.shared.memory import create_client_server_memory_streams, create_connected_server_and_client_session  # noqa: E402
from mcp.shared.session import RequestResponder  # noqa: E402
from harness import connect  # noqa: E402
from pydantic import AnyUrl  # noqa: E402

from kvstore import server as kv  # noqa: E402


async def test_resources_paginate_and_read() -> None:
    async with create_connected_server_and_client_session(kv.server) as session:
        first = await session.list_resources()
        assert [r.name for r in first.resources] == ["blobs", "config"]
        assert first.nextCursor == "config"
        second = await session.list_resources(cursor=first.nextCursor)
        assert [str(r.uri) for r in second.resources] == ["kv://users/"] and second.nextCursor is None
        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["kv://{namespace}/{key}"]

        index = (await session.read_resource(AnyUrl("kv://users/"))).contents[0]
        assert isinstance(index, types.TextResourceContents) and index.mimeType == "application/json"
        assert json.loads(index.text)["alice"] == {"version": 1, "binary": False}
        value = (await session.read_resource(AnyUrl("kv://config/retries"))).contents[0]
        assert isinstance(value, types.TextResourceContents) and value.text == "3"
        blob = (await session.read_resource(AnyUrl("kv://blobs/favicon"))).contents[0]
        assert isinstance(blob, types.BlobResourceContents)
        assert base64.b64decode(blob.blob) == b"\x00\x01\x02\x03ICO"
        assert blob.mimeType == "application/octet-stream"

        try:
            await session.read_resource(AnyUrl("kv://config/missing"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert exc.error.data == {"uri": "kv://config/missing"}
        else:
            raise AssertionError("missing key was readable")
        try:
            await session.read_resource(AnyUrl("https://example.com/x"))
        except McpError as exc:
            assert exc.error.code == 0 and "unsupported resource URI" in exc.error.message
        else:
            raise AssertionError("foreign URI was readable")


async def test_subscriptions_receive_updates() -> None:
    events: list[tuple[str, str | None]] = []

    async def handler(
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, types.ServerNotification):
            root = message.root
            uri = str(root.params.uri) if isinstance(root, types.ResourceUpdatedNotification) else None
            events.append((root.method, uri))

    async with connect(message_handler=handler) as (session, _):
        await session.subscribe_resource(AnyUrl("kv://users/alice"))
        await session.call_tool("set", {"namespace": "users", "key": "alice", "value": '{"name": "Al"}'})
        await session.call_tool("set", {"namespace": "users", "key": "bob", "value": "{}"})
        await session.call_tool("set", {"namespace": "queues", "key": "jobs", "value": "[]"})
        stats = await session.call_tool("stats", {})
        await session.unsubscribe_resource(AnyUrl("kv://users/alice"))
        await session.call_tool("incr", {"namespace": "users", "key": "logins"})
        await session.call_tool("delete", {"namespace": "users", "key": "alice"})
    assert stats.structuredContent is not None and stats.structuredContent["subscriptions"] == ["kv://users/alice"]
    assert events == [
        ("notifications/resources/updated", "kv://users/alice"),
        ("notifications/resources/list_changed", None),
    ]


async def test_prompts_and_completions() -> None:
    async with create_connected_server_and_client_session(kv.server) as session:
        prompts = (await session.list_prompts()).prompts
        assert [p.name for p in prompts] == ["explain_key", "namespace_report"]
        explained = await session.get_prompt("explain_key", {"namespace": "config", "key": "feature.dark_mode"})
        embedded = explained.messages[1].content
        assert isinstance(embedded, types.EmbeddedResource)
        assert isinstance(embedded.resource, types.TextResourceContents)
        assert embedded.resource.text == "on" and str(embedded.resource.uri) == "kv://config/feature.dark_mode"
        report = await session.get_prompt("namespace_report", {"namespace": "users"})
        text = report.messages[0].content
        assert isinstance(text, types.TextContent) and "alice, amir, bob" in text.text
        try:
            await session.get_prompt("explain_key", {"namespace": "blobs", "key": "favicon"})
        except McpError as exc:
            assert "missing or binary" in exc.error.message
        else:
            raise AssertionError("binary value explained")

        template = types.ResourceTemplateReference(type="ref/resource", uri=kv.ENTRY_TEMPLATE)
        namespaces = await session.complete(template, {"name": "namespace", "value": "c"})
        assert namespaces.completion.values == ["config"]
        keys = await session.complete(template, {"name": "key", "value": "a"}, {"namespace": "users"})
        assert keys.completion.values == ["alice", "amir"] and keys.completion.total == 2
        prompt_ref = types.PromptReference(type="ref/prompt", name="explain_key")
        assert (await session.complete(prompt_ref, {"name": "namespace", "value": "b"})).completion.values == ["blobs"]
        other = types.ResourceTemplateReference(type="ref/resource", uri="file:///{path}")
        assert (await session.complete(other, {"name": "path", "value": ""})).completion.values == []


async def test_client_progress_notifications_are_tracked() -> None:
    async with create_connected_server_and_client_session(kv.server) as session:
        await session.send_progress_notification("upload-7", 3, total=8, message="chunk 3")
        with anyio.fail_after(2):
            while "upload-7" not in kv.CLIENT_UPLOADS:
                await anyio.sleep(0.01)
        status = await session.call_tool("import_status", {"token": "upload-7"})
        unknown = await session.call_tool("import_status", {"token": "upload-0"})
    assert status.structuredContent == {"done": 3.0, "total": 8.0, "message": "chunk 3"}
    assert status.content[0].type == "text"
    assert unknown.isError


async def test_serve_runs_over_stdio_with_custom_options() -> None:
    calls: list[dict[str, Any]] = []
    init: types.InitializeResult | None = None
    pong: types.EmptyResult | None = None
    async with create_client_server_memory_streams() as (client_streams, server_streams):

        class FakeStdio:
            async def __aenter__(self) -> Any:
                return server_streams

            async def __aexit__(self, *exc: object) -> None:
                return None

        original_run = kv.server.run

        async def recording_run(*args: Any, **kwargs: Any) -> None:
            calls.append(kwargs)
            await original_run(*args, **kwargs)

        with mock.patch.object(kv, "stdio_server", FakeStdio), mock.patch.object(kv.server, "run", recording_run):
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: kv.serve(stateless=True))
                async with ClientSession(*client_streams) as session:
                    init = await session.initialize()
                    pong = await session.send_ping()
                tg.cancel_scope.cancel()
    assert isinstance(pong, types.EmptyResult)
    assert init is not None
    assert init.instructions is not None and init.instructions.startswith("Namespaced key-value store")
    assert init.capabilities.experimental is not None and "kvstore/ttl" in init.capabilities.experimental
    assert calls == [{"stateless": True}]
