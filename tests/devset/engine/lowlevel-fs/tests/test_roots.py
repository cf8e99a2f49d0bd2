from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pydantic import FileUrl

from mcp import types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session

from sandboxfs import SandboxSettings, build_server
from sandboxfs.client import RootsProvider
from sandboxfs.sandbox import RootEntry
from sandboxfs.uris import root_for, roots_from_result
from tests.support import connected, failure, make_tree, ok


async def test_client_roots_replace_command_line_roots() -> None:
    with tempfile.TemporaryDirectory() as cli_dir, tempfile.TemporaryDirectory() as client_dir:
        client_root = make_tree(Path(client_dir))
        provider = RootsProvider([client_root])
        async with connected(Path(cli_dir), roots=provider) as h:
            text = ok(await h.session.call_tool("list_allowed_directories", {}))
            assert str(client_root.resolve()) in text and str(Path(cli_dir).resolve()) not in text
            assert "from client mcp" in text
            assert ok(await h.session.call_tool("read_text_file", {"path": "README.md"})).startswith("# Demo project")
            # listChanged is advertised, so the answer is cached until the client says otherwise
            assert provider.requests == 1
            events = [log.data for log in h.log.logs if isinstance(log.data, dict) and log.data.get("event") == "roots"]
            assert events == [{"event": "roots", "roots": [str(client_root.resolve())]}]


async def test_roots_list_changed_triggers_refetch() -> None:
    with tempfile.TemporaryDirectory() as first_dir, tempfile.TemporaryDirectory() as second_dir:
        first, second = make_tree(Path(first_dir)), Path(second_dir)
        (second / "only-here.txt").write_text("second root\n")
        provider = RootsProvider([first])
        async with connected(None, roots=provider) as h:
            assert "No such file" in failure(await h.session.call_tool("read_text_file", {"path": "only-here.txt"}))
            await provider.update(h.session, [second, first])
            assert ok(await h.session.call_tool("read_text_file", {"path": "only-here.txt"})) == "second root\n"
            assert provider.requests == 2
            synced = ok(await h.session.call_tool("sync_roots", {}))
            assert synced.startswith("Roots updated from client.") and provider.requests == 3


async def test_remote_client_roots_are_ignored() -> None:
    calls: list[Any] = []

    async def remote_only(context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        calls.append(context.request_id)
        return types.ListRootsResult(roots=[types.Root(uri=FileUrl("file://fileserver/share"), name="share")])

    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        server = build_server(SandboxSettings(allowed_roots=[root]))
        async with create_connected_server_and_client_session(server, list_roots_callback=remote_only) as session:
            for _ in range(2):
                listing = ok(await session.call_tool("list_allowed_directories", {}))
                assert str(root.resolve()) in listing and "command line" in listing
            assert len(calls) == 1

    entry = RootEntry(path=root, name="project")
    assert root_for(entry).uri.scheme == "file"
    assert roots_from_result(types.ListRootsResult(roots=[root_for(entry)])) == [entry]
