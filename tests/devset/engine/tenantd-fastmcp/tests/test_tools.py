from __future__ import annotations

import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import anyio  # noqa: E402
import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from support import bearer, make_settings  # noqa: E402

from tenantd.server import create_server  # noqa: E402


def text_of(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def test_whoami_uses_the_bearer_token_or_dev_meta() -> None:
    mcp = create_server(make_settings())
    async with bearer("tok-globex"):
        async with create_connected_server_and_client_session(mcp._mcp_server) as session:
            result = await session.call_tool("whoami", {})
            assert result.structuredContent is not None
            assert result.structuredContent["tenant_id"] == "globex"
            assert result.structuredContent["plan"] == "starter"
            assert result.structuredContent["server"] == "tenantd"
    async with create_connected_server_and_client_session(mcp) as session:
        dev = await session.call_tool("whoami", {}, meta={"client_id": "initech"})
        assert dev.structuredContent is not None and dev.structuredContent["name"] == "Initech"
        anonymous = await session.call_tool("whoami", {})
        assert anonymous.isError
        assert "no tenant is bound" in text_of(anonymous)


async def test_change_seats_asks_for_confirmation_and_logs() -> None:
    answers = iter([{"confirm": True, "reason": "hiring"}, None, None])
    asked: list[str] = []
    logs: list[types.LoggingMessageNotificationParams] = []

    async def elicit(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        asked.append(params.message)
        assert params.requestedSchema["properties"]["confirm"]["type"] == "boolean"
        content = next(answers)
        if content is None:
            return types.ElicitResult(action="decline")
        return types.ElicitResult(action="accept", content=content)

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    mcp = create_server(make_settings(default_tenant="acme"))
    async with create_connected_server_and_client_session(
        mcp, elicitation_callback=elicit, logging_callback=on_log
    ) as session:
        applied = await session.call_tool("change_seats", {"seats": 10})
        assert text_of(applied) == "Acme Corp now has 10 seats"
        declined = await session.call_tool("change_seats", {"seats": 12})
        assert text_of(declined).startswith("Seat change declined")
        await session.set_logging_level("warning")
        quiet = await session.call_tool("change_seats", {"seats": 11})
        assert text_of(quiet).startswith("Seat change declined")
        usage = await session.call_tool("usage_report", {})
        assert usage.structuredContent is not None and usage.structuredContent["seats"] == 10
    assert asked == [
        "Change Acme Corp from 3 to 10 seats?",
        "Change Acme Corp from 10 to 12 seats?",
        "Change Acme Corp from 10 to 11 seats?",
    ]
    assert [(entry.logger, entry.data) for entry in logs] == [
        ("tenantd.seats", "acme now has 10 seats"),
        ("tenantd.seats", "seat change declined"),
    ]


async def test_draft_status_update_samples_the_client_model() -> None:
    seen: list[types.CreateMessageRequestParams] = []

    async def sample(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        seen.append(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text="  We are investigating elevated error rates.  "),
            model="fake-writer-1",
            stopReason="maxTokens",
        )

    mcp = create_server(make_settings())
    async with bearer("tok-acme"):
        async with create_connected_server_and_client_session(mcp, sampling_callback=sample) as session:
            result = await session.call_tool("draft_status_update", {"incident": "API 500s", "audience": "internal"})
    assert text_of(result) == "We are investigating elevated error rates. [maxTokens]"
    (params,) = seen
    assert params.maxTokens == 400 and params.temperature == 0.2
    assert params.systemPrompt == "You write calm, factual status updates for internal."
    message = params.messages[0].content
    assert isinstance(message, types.TextContent) and message.text == "Incident affecting Acme Corp: API 500s"


async def test_bulk_invite_reports_progress_and_stops_at_the_seat_limit() -> None:
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    mcp = create_server(make_settings())
    async with bearer("tok-acme"):
        async with create_connected_server_and_client_session(mcp) as session:
            ok = await session.call_tool(
                "bulk_invite", {"emails": ["ada@acme.test", "cy@acme.test"]}, progress_callback=on_progress
            )
            assert ok.structuredContent == {
                "invited": ["cy@acme.test"],
                "already_members": ["ada@acme.test"],
                "seats_left": 0,
            }
            full = await session.call_tool("bulk_invite", {"emails": ["dee@acme.test"]})
    assert updates == [(1.0, 2.0, "ada@acme.test"), (2.0, 2.0, "cy@acme.test")]
    assert full.isError
    assert "seat limit of 3" in text_of(full)


async def test_rotate_api_key_needs_the_admin_scope() -> None:
    mcp = create_server(make_settings())
    async with bearer("tok-acme"):
        async with create_connected_server_and_client_session(mcp) as session:
            denied = await session.call_tool("rotate_api_key", {})
    assert denied.isError and "admin scope required" in text_of(denied)
    async with bearer("tok-acme-admin"):
        async with create_connected_server_and_client_session(mcp) as session:
            rotated = await session.call_tool("rotate_api_key", {})
    assert not rotated.isError
    assert text_of(rotated).startswith("key v2: tnd_acme_")


async def test_export_scheduling_and_tool_metadata() -> None:
    mcp = create_server(make_settings())
    async with bearer("tok-globex"):
        async with create_connected_server_and_client_session(mcp) as session:
            job = text_of(await session.call_tool("schedule_export", {"fmt": "json"}))
            assert job.startswith("globex-json-")
            await anyio.sleep(0)
            queued = await session.call_tool("list_exports", {})
            assert queued.structuredContent == {"result": [job]}
            tools = {t.name: t for t in (await session.list_tools()).tools}
    assert tools["whoami"].title == "Who am I"
    usage = tools["usage_report"]
    assert usage.annotations is not None and usage.annotations.readOnlyHint
    assert usage.outputSchema is not None and "remaining" in usage.outputSchema["properties"]
    assert usage.icons and usage.icons[0].mimeType == "image/svg+xml"
    rotate = tools["rotate_api_key"].annotations
    assert rotate is not None and rotate.destructiveHint and rotate.idempotentHint is False
    assert tools["draft_status_update"].inputSchema["required"] == ["incident"]
