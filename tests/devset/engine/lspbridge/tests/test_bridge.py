"""Bridge tests over in-memory sessions."""

from __future__ import annotations

import json
from typing import Any

import anyio
from pydantic import AnyUrl

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    EmbeddedResource,
    ListResourcesRequest,
    ResourceListChangedNotification,
    ResourceTemplateReference,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    TextContent,
    TextResourceContents,
)

from lspbridge.editor import EditorChannel
from lspbridge.server import BridgeServer
from lspbridge.workspace import Workspace

APP = "import os\n\n\ndef main():\n    print(os.getcwd())  # TODO: args\n\n\nclass Runner:\n    pass\n"


def _setup() -> tuple[BridgeServer, EditorChannel]:
    ws = Workspace("/ws")
    ws.open("/ws/app.py", APP)
    ws.open("/ws/README.md", "# demo\n")
    bridge = BridgeServer(ws)
    return bridge, EditorChannel(ws, bridge.hub)


class Inbox:
    def __init__(self) -> None:
        self.notifications: list[Any] = []

    async def __call__(
        self, message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception
    ) -> None:
        if isinstance(message, ServerNotification):
            self.notifications.append(message.root)

    async def wait_for(self, kind: type, timeout: float = 2.0) -> Any:
        with anyio.fail_after(timeout):
            while True:
                for n in self.notifications:
                    if isinstance(n, kind):
                        return n
                await anyio.sleep(0.01)


def test_workspace_symbols_and_diagnostics() -> None:
    ws = Workspace("/ws")
    doc = ws.open("/ws/app.py", APP)
    assert [(s.kind, s.name) for s in doc.symbols()] == [("def", "main"), ("class", "Runner")]
    assert any(d.severity == "info" and "TODO" in d.message for d in doc.diagnostics())
    assert [s.name for s in ws.find_symbol("run")] == ["Runner"]


def test_list_and_read_resources() -> None:
    bridge, _ = _setup()

    async def main() -> None:
        async with create_connected_server_and_client_session(bridge.server) as session:
            listed = await session.list_resources()
            uris = sorted(str(r.uri) for r in listed.resources)
            assert uris == ["file:///ws/README.md", "file:///ws/app.py"]
            assert {r.mimeType for r in listed.resources} == {"text/x-python", "text/markdown"}
            read = await session.read_resource(AnyUrl("file:///ws/app.py"))
            content = read.contents[0]
            assert isinstance(content, TextResourceContents)
            assert content.text == APP and content.mimeType == "text/x-python"
            symbols = await session.read_resource(AnyUrl("symbols:///ws/app.py"))
            first = symbols.contents[0]
            assert isinstance(first, TextResourceContents)
            assert json.loads(first.text)[0]["name"] == "main"
            templates = await session.list_resource_templates()
            assert templates.resourceTemplates[0].uriTemplate == "symbols://{path}"

    anyio.run(main)


def test_tools() -> None:
    bridge, _ = _setup()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async def main() -> None:
        async with create_connected_server_and_client_session(bridge.server) as session:
            tools = await session.list_tools()
            assert all(t.annotations and t.annotations.readOnlyHint for t in tools.tools)
            diag = await session.call_tool("diagnostics", {}, progress_callback=on_progress)
            assert not diag.isError
            assert diag.structuredContent is not None and diag.structuredContent["count"] >= 1
            found = await session.call_tool("find_symbol", {"query": "ma"})
            assert isinstance(found.content[0], TextContent)
            assert found.content[0].text == "def main  /ws/app.py:4"
            bad = await session.call_tool("nope", {})
            assert bad.isError

    anyio.run(main)
    assert [u[0] for u in updates] == [1, 2]


def test_subscription_gets_updates() -> None:
    bridge, channel = _setup()
    inbox = Inbox()

    async def main() -> None:
        async with create_connected_server_and_client_session(bridge.server, message_handler=inbox) as session:
            await session.subscribe_resource(AnyUrl("file:///ws/app.py"))
            assert bridge.hub.subscriber_count("file:///ws/app.py") == 1
            change = {"event": "didChange", "path": "/ws/app.py", "text": APP + "x = 1\n", "version": 2}
            assert await channel.handle_line(json.dumps(change))
            updated = await inbox.wait_for(ResourceUpdatedNotification)
            assert str(updated.params.uri) == "file:///ws/app.py"
            await channel.handle_line(json.dumps({"event": "didOpen", "path": "/ws/new.ts", "text": "class A {}"}))
            await inbox.wait_for(ResourceListChangedNotification)
            await session.unsubscribe_resource(AnyUrl("file:///ws/app.py"))
            assert bridge.hub.subscriber_count("file:///ws/app.py") == 0

    anyio.run(main)
    assert channel.stats.applied == 2


def test_stale_and_malformed_events() -> None:
    _, channel = _setup()

    async def main() -> None:
        assert not await channel.handle_line("{not json")
        stale = {"event": "didChange", "path": "/ws/app.py", "text": "", "version": 1}
        assert not await channel.handle_line(json.dumps(stale))

    anyio.run(main)
    assert channel.stats.rejected == 2


def test_completion_and_prompt() -> None:
    bridge, _ = _setup()

    async def main() -> None:
        async with create_connected_server_and_client_session(bridge.server) as session:
            caps = session.get_server_capabilities()
            assert caps is not None and caps.completions is not None
            assert caps.resources is not None and caps.resources.subscribe is False
            result = await session.complete(
                ResourceTemplateReference(type="ref/resource", uri="symbols://{path}"),
                {"name": "path", "value": "/ws/a"},
            )
            assert result.completion.values == ["/ws/app.py"]
            assert result.completion.hasMore is False
            prompt = await session.get_prompt("review_file", {"path": "/ws/app.py"})
            embedded = prompt.messages[0].content
            assert isinstance(embedded, EmbeddedResource)
            assert str(embedded.resource.uri) == "file:///ws/app.py"

    anyio.run(main)


def test_handlers_registered() -> None:
    bridge, _ = _setup()
    assert ListResourcesRequest in bridge.server.request_handlers
    opts = bridge.initialization_options()
    assert opts.server_name == "lspbridge"
    assert opts.capabilities.resources is not None and opts.capabilities.resources.listChanged
