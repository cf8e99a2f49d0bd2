"""Drive the demo server in memory through a real client session."""

import json
from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    CallToolResult,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    TextContent,
    TextResourceContents,
)
from toolguard.demo import build_demo
from toolguard.server import GuardedFastMCP

READER = {"client_id": "alice", "scopes": "billing:read"}
WRITER = {"client_id": "bob", "scopes": "billing:read billing:write"}


def _text(result: CallToolResult) -> str:
    return "\n".join(b.text for b in result.content if isinstance(b, TextContent))


async def _accept_refund(
    context: RequestContext[ClientSession, Any], params: ElicitRequestParams
) -> ElicitResult | ErrorData:
    return ElicitResult(action="accept", content={"confirm": True, "reason": "duplicate charge"})


def test_whoami_reads_meta_identity() -> None:
    async def main() -> None:
        server = build_demo()
        async with create_connected_server_and_client_session(server) as session:
            result = await session.call_tool("whoami", {}, meta=READER)
            assert not result.isError
            assert result.structuredContent is not None
            assert result.structuredContent["client_id"] == "alice"
            assert result.structuredContent["scopes"] == ["billing:read"]
            anon = await session.call_tool("whoami", {})
            assert anon.structuredContent and anon.structuredContent["client_id"] == "anonymous"

    anyio.run(main)


def test_missing_scope_is_reported_as_tool_error() -> None:
    async def main() -> None:
        server = build_demo()
        logs: list[str] = []

        async def on_log(params: Any) -> None:
            logs.append(str(params.data))

        async with create_connected_server_and_client_session(server, logging_callback=on_log) as session:
            result = await session.call_tool("invoice_total", {"customer": "acme"})
            assert result.isError
            assert "billing:read" in _text(result)
        assert any("denied invoice_total" in line for line in logs)

    anyio.run(main)


def test_read_tool_is_cached_per_caller() -> None:
    async def main() -> None:
        server = build_demo()
        async with create_connected_server_and_client_session(server) as session:
            first = await session.call_tool("invoice_total", {"customer": "acme"}, meta=READER)
            second = await session.call_tool("invoice_total", {"customer": "acme"}, meta=READER)
            assert first.structuredContent == second.structuredContent
            assert first.structuredContent == {"customer": "acme", "count": 3, "total": 242.75}
            assert server.cache.stats.hits == 1
            unknown = await session.call_tool("invoice_total", {"customer": "nobody"}, meta=READER)
            assert unknown.isError and "unknown customer" in _text(unknown)

    anyio.run(main)


def test_refund_is_rate_limited_after_two_calls() -> None:
    async def main() -> None:
        server = build_demo()
        async with create_connected_server_and_client_session(
            server, elicitation_callback=_accept_refund
        ) as session:
            for _ in range(2):
                ok = await session.call_tool("refund", {"customer": "initech", "amount": 5}, meta=WRITER)
                assert not ok.isError, _text(ok)
                assert "duplicate charge" in _text(ok)
            blocked = await session.call_tool("refund", {"customer": "initech", "amount": 5}, meta=WRITER)
            assert blocked.isError
            assert "rate limit exceeded" in _text(blocked)

    anyio.run(main)


def test_audit_resource_and_tool_annotations() -> None:
    async def main() -> None:
        server = build_demo()
        async with create_connected_server_and_client_session(server) as session:
            await session.call_tool("whoami", {}, meta=READER)
            await session.call_tool("health", {})
            read = await session.read_resource(AnyUrl("guard://audit/whoami"))
            contents = read.contents[0]
            assert isinstance(contents, TextResourceContents)
            assert contents.mimeType == "application/json"
            rows = json.loads(contents.text)
            assert rows[0]["caller"] == "alice" and rows[0]["ok"] is True

            tools = {t.name: t for t in (await session.list_tools()).tools}
            invoice = tools["invoice_total"]
            assert invoice.annotations is not None and invoice.annotations.readOnlyHint is True
            assert invoice.title == "Invoice total"
            assert "customer" in invoice.inputSchema["properties"]
            assert "ctx" not in invoice.inputSchema["properties"]
            assert invoice.outputSchema is not None

            templates = await session.list_resource_templates()
            assert [t.uriTemplate for t in templates.resourceTemplates] == ["guard://audit/{tool}"]

    anyio.run(main)


def test_recompute_reports_progress_for_admin() -> None:
    async def main() -> None:
        server = build_demo()
        seen: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            seen.append((progress, total, message))

        async with create_connected_server_and_client_session(server) as session:
            result = await session.call_tool(
                "recompute", {}, progress_callback=on_progress, meta={"client_id": "ops", "scopes": "billing:*"}
            )
            assert not result.isError
            assert result.structuredContent is not None and "acme" in result.structuredContent
        assert [p for p, _, _ in seen] == [1, 2, 3]
        assert seen[-1][1] == 3

    anyio.run(main)


def test_direct_call_records_internal_caller() -> None:
    async def main() -> None:
        server = build_demo()
        fake_ctx = mock.MagicMock()
        fake_ctx.client_id = "batch-job"
        fake_ctx.request_context.meta = None
        with mock.patch.object(GuardedFastMCP, "get_context", return_value=fake_ctx):
            out = await server.call_tool("health", {})
        # unstructured blocks plus {"result": "ok"} for a str return
        assert "text='ok'" in repr(out)
        assert server.audit[-1].caller == "batch-job"

        table = await server.policy_table()
        refund_row = next(r for r in table if r["name"] == "refund")
        assert refund_row["rate_limited"] and not refund_row["read_only"]
        assert refund_row["params"] == ["amount", "customer"]

    anyio.run(main)
