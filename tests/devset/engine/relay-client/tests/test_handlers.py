import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types
from harness import upstream_for
from pydantic import AnyUrl
from servers import build_paged_server, build_workspace_server

from relay.connection import RelayClient
from relay.content import resource_text
from relay.handlers import ElicitationPolicy, EchoModel, ProgressTracker, RootsProvider, SamplingBridge
from relay.subscriptions import ResourceWatcher


def first_text(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def test_sampling_bridge_answers_server_requests():
    bridge = SamplingBridge(EchoModel())
    async with RelayClient(sampling=bridge) as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            result = await ws.call("summarize", {"text": "keep this STOP drop that"})
    assert first_text(result) == "tiny-summarizer|stopSequence|[terse] keep this "
    request = bridge.history[0]
    assert request.maxTokens == 120 and request.systemPrompt == "terse"
    assert request.stopSequences == ["STOP"]


async def test_elicitation_accept_and_decline():
    answers: list[dict[str, Any] | None] = [{"name": "relay-ng", "notify_team": True}, None]

    async def prompter(message: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        assert "name" in schema["properties"] and schema["required"] == ["name"]
        return answers.pop(0)

    async with RelayClient(elicitation=ElicitationPolicy(prompter)) as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            accepted = await ws.call("rename_project", {"current": "relay"})
            declined = await ws.call("rename_project", {"current": "relay"})
    assert first_text(accepted) == "relay -> relay-ng (notify=True)"
    assert first_text(declined) == "kept relay (decline)"


async def test_roots_progress_and_logging():
    root_dir = Path(tempfile.mkdtemp(prefix="relay-roots-"))
    tracker = ProgressTracker()
    async with RelayClient(roots=RootsProvider([root_dir])) as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            roots = await ws.call("workspace_roots")
            indexed = await ws.call("index_files", {"count": 4}, progress=tracker.callback("index"))
            assert ws.logs.messages("info") == ["indexing 4 files"]
            assert ws.logs.messages("warning") == ["index done"]
    assert roots.structuredContent == {"result": [root_dir.resolve().as_uri()]}
    assert indexed.structuredContent == {"indexed": 4, "skipped": 0}
    assert [p for p, _, _ in tracker.updates["index"]] == [1, 2, 3, 4]
    assert tracker.updates["index"][-1][2] == "file 4"


async def test_watch_refetches_on_update():
    seen: list[tuple[str, str]] = []

    async def on_change(uri: AnyUrl, fresh: types.ReadResourceResult) -> None:
        seen.append((f"{uri.host}{uri.path}", resource_text(fresh)))

    async with RelayClient() as relay:
        async with upstream_for(relay, "paged", build_paged_server()) as paged:
            async with ResourceWatcher(paged.session, paged.router) as watcher:
                assert await watcher.watch("docs://pages/1", on_change)
                await paged.call("touch", {"uri": "docs://pages/1"})
                await watcher.wait_for_update()
                assert seen == [("pages/1", "page 1 body (edited)")]

                await watcher.unwatch("docs://pages/1")
                await paged.call("touch", {"uri": "docs://pages/1"})
                assert watcher.updates["docs://pages/1"] == 1 and len(seen) == 1

            first = await paged.ensure_catalog()
            await paged.router(types.ServerNotification(types.ToolListChangedNotification()))
            assert paged.router.stale == {"tools"}
            assert await paged.ensure_catalog() is not first and not paged.router.stale
