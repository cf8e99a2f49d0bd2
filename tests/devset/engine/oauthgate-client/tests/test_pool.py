from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(__file__))

import anyio
import httpx
from servers import PagedState, build_catalog_server, build_paged_server, memory_transport

from mcp import McpError, types
from mcp.types import ErrorData

from oauthgate.inventory import ToolOutcome
from oauthgate.pool import SESSION_TERMINATED, SessionPool, describe_error, should_reconnect


async def test_pool_connects_and_reads_profile():
    catalog = build_catalog_server()
    paged = build_paged_server(PagedState())
    async with SessionPool() as pool:
        pool.register("catalog", lambda: memory_transport(catalog))
        pool.register("paged", lambda: memory_transport(paged, tools_changed=True))

        profile = await pool.profile("catalog")
        assert profile.name == "catalog" and profile.display_name == "catalog"
        assert profile.instructions == "Search the catalog before fetching individual items."
        assert profile.protocol_supported and profile.protocol_version == types.LATEST_PROTOCOL_VERSION
        assert profile.has_resources and profile.has_prompts and not profile.tools_list_changed

        paged_profile = await pool.profile("paged")
        assert (paged_profile.name, paged_profile.version) == ("paged", "2.1.0")
        assert paged_profile.tools_list_changed
        assert paged_profile.instructions and "paginated" in paged_profile.instructions

        session = await pool.session("catalog")
        caps = session.get_server_capabilities()
        assert caps is not None and caps.tools is not None and caps.tools.listChanged is False
        assert pool.handle("catalog").connects == 1
        assert await pool.session("catalog") is session


async def test_pool_pagination_and_tool_cache_invalidation():
    state = PagedState(tool_count=7, page_size=3)
    async with SessionPool() as pool:
        pool.register("paged", lambda: memory_transport(build_paged_server(state), tools_changed=True))
        tools = await pool.tools("paged")
        assert [t.name for t in tools][:3] == ["op_00", "op_01", "op_02"]
        assert len(tools) == 9 and state.list_requests == 3

        await pool.tools("paged")
        assert state.list_requests == 3  # served from cache

        result = await pool.call_tool("paged", "enable_admin")
        assert not result.isError and ToolOutcome.from_result(result).text == "admin enabled"
        tools = await pool.tools("paged")
        assert "admin_reset" in {t.name for t in tools}
        assert state.list_requests == 7

        doubled = await pool.call_tool("paged", "op_03", {"x": 21})
        assert doubled.structuredContent == {"op": "op_03", "x": 42}
        assert ToolOutcome.from_result(doubled).data == {"op": "op_03", "x": 42}

        unknown = await pool.call_tool("paged", "nope")
        assert unknown.isError and "unknown tool nope" in ToolOutcome.from_result(unknown).text


async def test_pool_reconnects_after_timeout():
    state = PagedState()
    with anyio.fail_after(10):
        async with SessionPool(read_timeout=timedelta(seconds=0.3), max_reconnects=1) as pool:
            pool.register("paged", lambda: memory_transport(build_paged_server(state)))
            first_session = await pool.session("paged")
            result = await pool.call_tool("paged", "flaky")
            assert result.structuredContent == {"attempt": 2}
            assert pool.handle("paged").connects == 2
            assert await pool.session("paged") is not first_session

            state.flaky_calls = 0
            pool.max_reconnects = 0
            try:
                await pool.call_tool("paged", "flaky")
            except McpError as exc:
                assert exc.error.code == httpx.codes.REQUEST_TIMEOUT
                assert describe_error(exc).startswith("request timed out")
            else:
                raise AssertionError("expected a timeout")


async def test_pool_ping_roots_and_logging():
    catalog = build_catalog_server()
    async with SessionPool() as pool:
        pool.register("catalog", lambda: memory_transport(catalog), roots=["file:///home/dev/shop", "file:///srv/data"])
        assert await pool.ping_all() == {"catalog": None}
        rtt = await pool.ping("catalog")
        assert rtt >= 0 and pool.handle("catalog").last_rtt == rtt
        pings = await pool.ping_all()
        assert pings["catalog"] is not None

        roots = await pool.call_tool("catalog", "workspace_roots")
        assert roots.structuredContent == {"result": ["file:///home/dev/shop", "file:///srv/data"]}

        purged = await pool.call_tool("catalog", "purge", {"sku": "A-1"})
        assert ToolOutcome.from_result(purged).text == "purged A-1"
        records = pool.handle("catalog").log_records
        assert [(r.level, r.data) for r in records] == [("info", "purging A-1")]

        await pool.disconnect("catalog")
        assert not pool.handle("catalog").connected
        await pool.ping("catalog")
        assert pool.handle("catalog").connects == 2


def test_should_reconnect_codes():
    def err(code: int) -> McpError:
        return McpError(ErrorData(code=code, message=f"code {code}"))

    assert should_reconnect(err(types.CONNECTION_CLOSED))
    assert should_reconnect(err(httpx.codes.REQUEST_TIMEOUT))
    assert should_reconnect(err(SESSION_TERMINATED))
    assert not should_reconnect(err(types.INVALID_PARAMS))
    assert should_reconnect(anyio.ClosedResourceError())
    assert not should_reconnect(ValueError("x"))
    assert describe_error(err(SESSION_TERMINATED)) == "server session expired"
    assert describe_error(err(types.METHOD_NOT_FOUND)) == "method not supported: code -32601"
    assert describe_error(err(types.CONNECTION_CLOSED)) == "connection closed by server"
