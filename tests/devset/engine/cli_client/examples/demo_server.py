"""Demo server exercising the client features of mcpcli."""

from mcp.server.fastmcp import Context, FastMCP
from mcp.types import LoggingLevel, SamplingMessage, TextContent
from pydantic import AnyUrl

mcp = FastMCP("demo")


@mcp.tool()
def add(a: int, b: int) -> int:
    return a + b


@mcp.tool()
async def summarize(text: str, ctx: Context) -> str:
    result = await ctx.session.create_message(
        messages=[SamplingMessage(role="user", content=TextContent(type="text", text=f"Summarize: {text}"))],
        max_tokens=50,
    )
    return result.content.text if isinstance(result.content, TextContent) else "?"


@mcp.tool()
async def workspace(ctx: Context) -> list[str]:
    roots = await ctx.session.list_roots()
    return [str(r.uri) for r in roots.roots]


@mcp.resource("demo://greeting", mime_type="text/plain")
def greeting() -> str:
    return "hello"


@mcp.resource("demo://users/{user_id}")
def user(user_id: str) -> str:
    return f"user {user_id}"


@mcp.prompt()
def review(language: str, code: str) -> str:
    return f"Review this {language} code:\n{code}"


@mcp.completion()
async def complete(ref, argument, context):
    from mcp.types import Completion

    if argument.name == "language":
        options = ["python", "rust", "go", "typescript"]
        return Completion(values=[o for o in options if o.startswith(argument.value)])
    return None


@mcp._mcp_server.set_logging_level()  # pyright: ignore[reportPrivateUsage]
async def set_level(level: LoggingLevel) -> None:
    mcp.settings.log_level = "DEBUG" if level == "debug" else "INFO"


@mcp._mcp_server.subscribe_resource()  # pyright: ignore[reportPrivateUsage]
async def subscribe(uri: AnyUrl) -> None:
    ctx = mcp.get_context()
    await ctx.session.send_resource_updated(uri)


if __name__ == "__main__":
    mcp.run()
