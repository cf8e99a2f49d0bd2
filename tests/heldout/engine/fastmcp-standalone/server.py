"""Dice server built with the standalone `fastmcp` package (not the MCP SDK's FastMCP)."""

import random

from fastmcp import Context, FastMCP

mcp = FastMCP(name="dice", instructions="Roll dice for tabletop games.")


@mcp.tool
def roll(sides: int = 6, count: int = 1) -> list[int]:
    """Roll `count` dice with `sides` sides."""
    return [random.randint(1, sides) for _ in range(count)]


@mcp.tool
async def roll_stats(ctx: Context) -> dict[str, int]:
    """Roll D&D ability scores (4d6, drop lowest)."""
    scores: dict[str, int] = {}
    for i, ability in enumerate(["str", "dex", "con", "int", "wis", "cha"]):
        dice = sorted(random.randint(1, 6) for _ in range(4))
        scores[ability] = sum(dice[1:])
        await ctx.report_progress(progress=i + 1, total=6)
    await ctx.info(f"rolled {scores}")
    return scores


@mcp.resource("dice://rules")
def rules() -> str:
    return "Standard polyhedral dice: d4, d6, d8, d10, d12, d20, d100."


if __name__ == "__main__":
    mcp.run(transport="http", host="127.0.0.1", port=8765)
