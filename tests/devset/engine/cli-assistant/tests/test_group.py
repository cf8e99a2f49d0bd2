import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from servers import build_catalog_server, build_notes_server, running

import mcp.types as types
from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from shellpilot.group import OneShot, qualified_name


async def test_oneshot_group_over_in_memory_sessions() -> None:
    shot = OneShot(timeout=5)
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server()) as (r2, w2):
        async with ClientSession(r1, w1) as notes, ClientSession(r2, w2) as catalog:
            async with shot.group:
                init = await shot.adopt(notes)
                assert init.serverInfo.name == "notes"
                await shot.adopt(catalog)

                names = shot.tool_names()
                assert "notes.search_notes" in names and "catalog.lookup_book" in names
                assert "catalog.lookup_game" not in names  # only the first page is aggregated
                assert shot.group.tools["notes.count_notes"].name == "count_notes"

                result = await shot.run("search_notes", {"query": "schemas"})
                assert result.structuredContent == {"mcp": ["tools have input schemas"]}
                result = await shot.run("catalog.lookup_book", {"id": 5})
                assert result.structuredContent == {"id": 5, "kind": "book"}

                try:
                    shot.find("lookup_podcast")
                except McpError as exc:
                    assert exc.error.code == types.INVALID_PARAMS
                    assert exc.error.data == {"candidates": []}
                else:
                    raise AssertionError("expected McpError")

                await shot.drop(catalog)
                assert all(not n.startswith("catalog.") for n in shot.tool_names())

    assert qualified_name("x", types.Implementation(name="srv", version="1")) == "srv.x"


async def test_group_rejects_duplicate_servers() -> None:
    shot = OneShot()
    async with (
        create_connected_server_and_client_session(build_notes_server()._mcp_server) as first,
        create_connected_server_and_client_session(build_notes_server()._mcp_server) as second,
    ):
        async with shot.group:
            await shot.adopt(first)
            try:
                await shot.adopt(second)
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
                assert "already exist in group" in exc.error.message
            else:
                raise AssertionError("expected McpError")
