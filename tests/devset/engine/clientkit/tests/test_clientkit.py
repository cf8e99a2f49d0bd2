"""clientkit tests. Plain functions; run with pytest or ``python -m tests.test_clientkit``."""

from __future__ import annotations

from contextlib import AsyncExitStack
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, patch

import anyio
import httpx
from mcp import ClientSession
from mcp.client.session_group import ClientSessionGroup
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    ElicitRequestParams,
    ElicitResult,
    ErrorData,
    Implementation,
    TextContent,
    TextResourceContents,
)
from pydantic import AnyUrl

from clientkit import RootsProvider, ScriptedSampler, ToolInvoker, collect_notifications
from tests.support import build_calc_server, build_memo_server, raw_session


def test_invoke_returns_structured_content() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_memo_server()) as session:
            invoker = ToolInvoker(session)
            outcome = await invoker.invoke("add_memo", {"title": "groceries", "body": "eggs, milk"})
            assert outcome.ok
            assert outcome.data == {"id": "m1", "title": "groceries"}
            assert outcome.raw is not None
            assert outcome.raw.structuredContent == outcome.data
            assert outcome.raw.isError is False
            assert '"id": "m1"' in outcome.text

    anyio.run(main)


def test_tool_exception_becomes_error_result() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_memo_server()) as session:
            outcome = await ToolInvoker(session).invoke("explode")
            assert not outcome.ok
            assert outcome.raw is not None and outcome.raw.isError
            assert "kaboom" in outcome.text

    anyio.run(main)


def test_timeout_is_reported_as_408() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(
            build_memo_server(), read_timeout_seconds=timedelta(seconds=5)
        ) as session:
            outcome = await ToolInvoker(session).invoke("slow", {"seconds": 2}, timeout=0.2)
            assert not outcome.ok
            assert outcome.error_code == httpx.codes.REQUEST_TIMEOUT
            assert "Timed out while waiting for response" in outcome.text

    anyio.run(main)


def test_missing_arguments_rejected_before_sending() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_memo_server()) as session:
            invoker = ToolInvoker(session)
            try:
                await invoker.check_arguments("add_memo", {"title": "x"})
            except McpError as exc:
                assert exc.error.code == INVALID_PARAMS
                assert "body" in exc.error.message
            else:
                raise AssertionError("expected McpError")

    anyio.run(main)


def test_resources_and_uri_equality() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(build_memo_server()) as session:
            invoker = ToolInvoker(session)
            await invoker.invoke("add_memo", {"title": "t", "body": "hello"})
            listing = await session.list_resources()
            assert [r.uri for r in listing.resources] == [AnyUrl("memo://index")]
            assert listing.resources[0].mimeType == "application/json"
            assert await invoker.fetch_text("memo://m1") == "hello"
            read = await session.read_resource(AnyUrl("memo://m1"))
            part = read.contents[0]
            assert isinstance(part, TextResourceContents)
            assert part.uri == AnyUrl("memo://m1")
            assert part.uri.host == "m1"
            templates = await session.list_resource_templates()
            assert templates.resourceTemplates[0].uriTemplate == "memo://{memo_id}"

    anyio.run(main)


def test_sampling_callback_receives_camel_case_params() -> None:
    sampler = ScriptedSampler(lambda text: f"summary of {len(text)} chars")

    async def main() -> None:
        async with create_connected_server_and_client_session(
            build_memo_server(), sampling_callback=sampler
        ) as session:
            invoker = ToolInvoker(session)
            await invoker.invoke("add_memo", {"title": "t", "body": "a" * 40})
            outcome = await invoker.invoke("summarize", {"memo_id": "m1"})
            assert outcome.text == "summary of 40 chars"

    anyio.run(main)
    params = sampler.requests[0]
    assert params.maxTokens == 64
    assert params.systemPrompt == "Summarise in one line."
    assert params.modelPreferences is None


def test_roots_callback() -> None:
    async def main() -> None:
        async with create_connected_server_and_client_session(
            build_memo_server(), list_roots_callback=RootsProvider(Path("/srv/project"))
        ) as session:
            outcome = await ToolInvoker(session).invoke("workspace")
            assert outcome.data == {"result": ["file:///srv/project"]}

    anyio.run(main)


def test_elicitation_accept() -> None:
    seen: list[str] = []

    async def on_elicit(context: RequestContext[ClientSession, Any], params: ElicitRequestParams) -> ElicitResult | ErrorData:
        seen.append(params.message)
        return ElicitResult(action="accept", content={"confirm": True})

    async def main() -> None:
        async with create_connected_server_and_client_session(
            build_memo_server(), elicitation_callback=on_elicit
        ) as session:
            invoker = ToolInvoker(session)
            await invoker.invoke("add_memo", {"title": "t", "body": "b"})
            assert (await invoker.invoke("delete_memo", {"memo_id": "m1"})).text == "deleted"

    anyio.run(main)
    assert seen == ["Delete m1?"]


def test_notifications_are_collected() -> None:
    sink: list[str] = []

    async def main() -> None:
        async with create_connected_server_and_client_session(
            build_memo_server(), message_handler=collect_notifications(sink)
        ) as session:
            await ToolInvoker(session).invoke("chatty")

    anyio.run(main)
    assert sink.count("notifications/message") == 2


def test_invoke_with_patched_call_tool() -> None:
    canned = CallToolResult(
        content=[TextContent(type="text", text="42")],
        structuredContent={"value": 42},
        isError=False,
    )

    async def main() -> None:
        async with create_connected_server_and_client_session(build_memo_server()) as session:
            with patch("mcp.client.session.ClientSession.call_tool", new=AsyncMock(return_value=canned)) as fake:
                outcome = await ToolInvoker(session, default_timeout=3).invoke("get_memo", {"memo_id": "m9"})
            assert outcome.data == {"value": 42}
            fake.assert_awaited_once_with("get_memo", {"memo_id": "m9"}, read_timeout_seconds=timedelta(seconds=3))

    anyio.run(main)


def test_capabilities_are_read_from_initialize() -> None:
    async def main() -> None:
        async with raw_session(build_calc_server()) as (session, init):
            assert init.serverInfo.name == "calc"
            assert init.serverInfo.version == "2.0"
            invoker = ToolInvoker(session)
            caps = invoker.capabilities()
            assert caps.tools is not None
            assert invoker.supports_tool_list_changes() is False
            assert caps.resources is None

    anyio.run(main)


def test_session_group_namespaces_tools() -> None:
    def namer(name: str, info: Implementation) -> str:
        return f"{info.name}.{name}"

    async def main() -> None:
        async with AsyncExitStack() as stack:
            calc, calc_init = await stack.enter_async_context(raw_session(build_calc_server()))
            memo, memo_init = await stack.enter_async_context(raw_session(build_memo_server()._mcp_server))
            group = ClientSessionGroup(component_name_hook=namer)
            await group.connect_with_session(calc_init.serverInfo, calc)
            await group.connect_with_session(memo_init.serverInfo, memo)
            assert {"calc.add", "calc.div", "memo.add_memo"} <= set(group.tools)
            assert group.tools["calc.add"].inputSchema["required"] == ["a", "b"]

            result = await group.call_tool("calc.add", {"a": 1, "b": 2}, read_timeout_seconds=timedelta(seconds=5))
            assert result.structuredContent == {"value": 3.0}

            bad = await group.call_tool("calc.div", {"a": 1, "b": 0})
            assert bad.isError
            assert isinstance(bad.content[0], TextContent)
            assert "division by zero" in bad.content[0].text

            missing = await group.call_tool("calc.add", {"a": 1})
            assert missing.isError and "Input validation error" in missing.content[0].model_dump()["text"]

    anyio.run(main)


if __name__ == "__main__":
    for _name, _fn in sorted(globals().items()):
        if _name.startswith("test_") and callable(_fn):
            _fn()
            print("ok", _name)
