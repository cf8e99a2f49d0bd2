"""Sample plugins shared by the tests."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.session import ServerSession

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from toolforge import ForgeState, Plugin, ServerForge, audited, default_icon, guarded, progress  # noqa: E402

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


class Stats(BaseModel):
    count: int
    mean: float
    spread: float


def math_plugin() -> Plugin:
    plugin = Plugin("mathkit", prefix="math", middlewares=[audited], icon=default_icon())

    @plugin.tool(read_only=True, title="Add two integers")
    def add(a: int, b: int) -> int:
        """Add two integers."""
        return a + b

    @plugin.tool(read_only=True, middlewares=[guarded(ZeroDivisionError)])
    def divide(a: float, b: float) -> float:
        """Divide a by b."""
        return a / b

    @plugin.tool(read_only=True)
    def stats(values: list[float]) -> Stats:
        """Basic statistics over a list of numbers."""
        spread = max(values) - min(values) if values else 0.0
        return Stats(count=len(values), mean=statistics.fmean(values) if values else 0.0, spread=spread)

    @plugin.tool(middlewares=[progress(3, "summing")])
    async def slow_sum(values: list[int], ctx: Context[ServerSession, ForgeState]) -> int:
        """Sum numbers, narrating progress."""
        total = 0
        for i, value in enumerate(values, start=1):
            total += value
            if i == len(values) // 2:
                await ctx.report_progress(1.5, 3, message="halfway")
        await ctx.info(f"summed {len(values)} values")
        return total

    @plugin.tool(destructive=True, middlewares=[guarded(ValueError)], structured_output=False)
    def explode(reason: str = "boom") -> str:
        """Always fails; used to check error reporting."""
        raise RuntimeError(reason)

    return plugin


def notes_plugin(workdir: Path | None = None) -> Plugin:
    base = workdir or Path(tempfile.mkdtemp(prefix="toolforge-notes-"))
    notes = {"n1": "Buy milk", "n2": "Write the release notes", "n3": "Fix flaky test"}
    plugin = Plugin("notes", scheme="notes")

    plugin.text("readme", "Notes plugin: read notes://by-id/{id}")

    @plugin.resource("index", mime_type="application/json", description="All note ids")
    def index() -> dict[str, Any]:
        return {"ids": sorted(notes), "count": len(notes)}

    @plugin.template("by-id/{note_id}", name="note")
    def note(note_id: str) -> str:
        if note_id not in notes:
            raise KeyError(note_id)
        return notes[note_id]

    @plugin.template("summary/{topic}", name="summary")
    async def summary(topic: str, ctx: Context) -> str:
        return f"{topic} on {ctx.fastmcp.name}: {len(notes)} notes"

    logo = base / "logo.png"
    logo.write_bytes(PNG_BYTES)
    plugin.file("logo", logo, binary=True, mime_type="image/png")
    todo = base / "todo.txt"
    todo.write_text("- ship 0.6\n- tag release\n")
    plugin.file("todo", todo)

    @plugin.prompt(title="Review a note")
    def review(note_id: str, tone: str = "neutral") -> list[Message]:
        """Ask for a review of one note."""
        return [
            UserMessage(f"Review note {note_id} ({notes.get(note_id, '?')}) in a {tone} tone."),
            AssistantMessage("Sure - what should I focus on?"),
        ]

    @plugin.prompt()
    def brief(topic: str, ctx: Context) -> str:
        """One-line briefing about a topic."""
        return f"Brief me on {topic} using {ctx.fastmcp.name}."

    return plugin


def extras_plugin() -> Plugin:
    plugin = Plugin("extras", prefix="extra")

    @plugin.tool(read_only=True)
    def shout(text: str) -> str:
        return text.upper()

    return plugin


def build(
    *,
    state: ForgeState | None = None,
    debug: bool = False,
    with_extras_deferred: bool = False,
    **transport: Any,
) -> tuple[ServerForge, FastMCP[ForgeState]]:
    forge = ServerForge(
        "forge-test",
        "Tools for arithmetic and note keeping. Prefer math_* tools for numbers.",
        dependencies=["toolforge", "pydantic>=2"],
        debug=debug,
        log_level="WARNING",
        state=state,
    )
    forge.use(math_plugin(), notes_plugin())
    forge.complete("tone", "neutral", "nice", "nitpicky", "blunt")
    if with_extras_deferred:
        forge.defer(extras_plugin())
    return forge, forge.build(**transport)
