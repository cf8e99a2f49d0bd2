"""The in-process FastMCP server the eval tests run against."""

from __future__ import annotations

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

from evalharness.cases import CaseSuite, case

PNG_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000105a8a3c80000000049454e44ae426082"
)


def build_target_server() -> FastMCP:
    mcp = FastMCP("eval-target", "Arithmetic, text and media helpers.", port=8765, log_level="WARNING")

    @mcp.tool()
    def add(a: int, b: int) -> int:
        return a + b

    @mcp.tool()
    def divide(a: float, b: float) -> float:
        return a / b

    @mcp.tool()
    async def staged(steps: int, ctx: Context[ServerSession, None]) -> str:
        for i in range(steps):
            await ctx.info(f"step {i + 1}")
            await ctx.report_progress(i + 1, steps)
        return f"completed {steps} steps"

    @mcp.tool()
    async def slow_echo(text: str, delay: float) -> str:
        await anyio.sleep(delay)
        return text

    @mcp.tool()
    def badge(label: str) -> Image:
        return Image(data=PNG_PIXEL, format="png")

    @mcp.tool()
    def fixture_link(name: str) -> types.ResourceLink:
        uri = AnyUrl(f"fixtures://{name}")
        return types.ResourceLink(type="resource_link", uri=uri, name=name, mimeType="text/plain")

    @mcp.tool()
    def strict_lookup(key: str) -> str:
        if key != "alpha":
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown key {key!r}"))
        return "first"

    @mcp.tool()
    async def case_meta(ctx: Context[ServerSession, None]) -> dict[str, str | None]:
        meta = ctx.request_context.meta
        return {"caseId": getattr(meta, "evalCaseId", None), "tags": getattr(meta, "evalTags", None)}

    @mcp.tool()
    async def summarize(text: str, ctx: Context[ServerSession, None]) -> str:
        prompt = types.SamplingMessage(role="user", content=types.TextContent(type="text", text=f"Summarize: {text}"))
        result = await ctx.session.create_message([prompt], max_tokens=8, system_prompt="One line only.")
        assert isinstance(result.content, types.TextContent)
        return f"{result.content.text} ({result.model}, {result.stopReason})"

    @mcp.resource("fixtures://{name}", mime_type="text/plain")
    def fixture(name: str) -> str:
        return f"fixture body for {name}"

    return mcp


TARGET_SUITE = CaseSuite.model_validate(
    [
        case("add", "add", {"a": 2, "b": 40}, structuredContent={"result": 42}),
        case("div0", "divide", {"a": 1, "b": 0}, isError=True, containsText=["division by zero"]),
        case("badge", "badge", {"label": "ok"}, contentTypes=["image"], mimeType="image/png"),
        case("link", "fixture_link", {"name": "g"}, contentTypes=["resource_link"]),
        case("strict", "strict_lookup", {"key": "beta"}, isError=True, containsText=["unknown key 'beta'"]),
        case("missing", "nope", isError=True, containsText=["Unknown tool"]),
        {**case("staged", "staged", {"steps": 4}, minProgressEvents=4), "trackProgress": True},
    ]
)
