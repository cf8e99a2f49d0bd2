"""Text rendering of rooms and the map."""

from __future__ import annotations

from dungeon_mcp.world import Room, World


def describe(world: World, room: Room, viewer: str | None = None) -> str:
    lines = [f"# {room.title}", "", room.description]
    if room.items:
        lines.append("You see: " + ", ".join(room.items) + ".")
    others = [p for p in world.occupants(room.id) if p != viewer]
    if others:
        lines.append("Also here: " + ", ".join(others) + ".")
    exits = ", ".join(sorted(room.exits)) or "none"
    lines.append(f"Exits: {exits}.")
    return "\n".join(lines)


def ascii_map(world: World) -> str:
    rows = []
    for room in world.rooms.values():
        who = world.occupants(room.id)
        marker = f" <- {', '.join(who)}" if who else ""
        links = " ".join(f"{d[0].upper()}:{t}" for d, t in sorted(room.exits.items()))
        rows.append(f"[{room.id:<8}] {links}{marker}")
    return "\n".join(rows)
