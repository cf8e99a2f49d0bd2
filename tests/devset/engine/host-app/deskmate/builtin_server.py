"""Built-in helper server shipped with the desktop app.

It is launched like any other stdio server (``python -m deskmate.builtin_server``)
so it goes through exactly the same approval and logging paths.
"""

from __future__ import annotations

import argparse
import os
import platform
from pathlib import Path

from pydantic import Field

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.session import ServerSession
from mcp.types import ToolAnnotations

from deskmate import __version__

builtins = FastMCP(
    "deskmate-builtins",
    "Helpers provided by the Deskmate desktop app: scratch notes, environment info and a shared clipboard.",
    port=6275,
)

_scratch: dict[str, str] = {}
_clipboard: list[str] = []


@builtins.tool(annotations=ToolAnnotations(readOnlyHint=True, title="Where am I"))
def whoami() -> dict[str, str]:
    """Report the working directory and profile of the helper process."""
    ctx = builtins.get_context()
    return {
        "cwd": str(Path.cwd()),
        "profile": os.environ.get("DESKMATE_PROFILE", "default"),
        "python": platform.python_version(),
        "request": ctx.request_id,
    }


@builtins.tool(annotations=ToolAnnotations(destructiveHint=False))
async def scratch_write(
    slot: str, text: str, ctx: Context[ServerSession, None], append: bool = Field(default=False)
) -> str:
    """Store text in a named scratch slot."""
    previous = _scratch.get(slot, "")
    _scratch[slot] = previous + text if append else text
    await ctx.info(f"scratch slot {slot} now has {len(_scratch[slot])} characters")
    return _scratch[slot]


@builtins.tool(annotations=ToolAnnotations(destructiveHint=True))
async def scratch_clear(ctx: Context[ServerSession, None]) -> int:
    """Remove every scratch slot."""
    count = len(_scratch)
    for index, slot in enumerate(sorted(_scratch)):
        await ctx.report_progress(index + 1, count, message=f"clearing {slot}")
        del _scratch[slot]
    await ctx.log(level="warning", message=f"cleared {count} scratch slots", logger_name="scratch")
    return count


@builtins.tool()
async def clipboard_push(text: str, ctx: Context[ServerSession, None]) -> int:
    _clipboard.append(text)
    await ctx.debug(f"clipboard depth {len(_clipboard)} for client {ctx.client_id}")
    return len(_clipboard)


@builtins.resource("deskmate://about", mime_type="application/json")
def about() -> dict[str, str]:
    return {"app": "deskmate", "version": __version__, "platform": platform.system()}


@builtins.resource("scratch://{slot}")
def scratch_slot(slot: str) -> str:
    return _scratch.get(slot, "")


@builtins.prompt(title="Explain a scratch note")
def explain_scratch(slot: str) -> list[Message]:
    return [
        UserMessage(f"Explain what the note in slot '{slot}' is about:\n\n{_scratch.get(slot, '(empty)')}"),
        AssistantMessage("Sure — here is a short explanation."),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="deskmate-builtins")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=builtins.settings.port)
    args = parser.parse_args(argv)
    if args.transport != "stdio":
        builtins.settings.host = args.host
        builtins.settings.port = args.port
        builtins.settings.json_response = True
    builtins.run(transport=args.transport, mount_path="/builtins" if args.transport == "sse" else None)


if __name__ == "__main__":
    main()
