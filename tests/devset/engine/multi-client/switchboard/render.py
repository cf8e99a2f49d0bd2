"""Plain-text rendering of catalog snapshots and tool outcomes.

Works on the JSON-shaped dicts produced by :meth:`switchboard.hub.Hub.snapshot`, so
snapshots saved to disk render the same way as live ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def _table(rows: Iterable[tuple[str, ...]], headers: tuple[str, ...]) -> str:
    body = [headers, *rows]
    widths = [max(len(row[i]) for row in body) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in body]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _signature(tool: dict[str, Any]) -> str:
    schema = tool.get("inputSchema") or {}
    required = set(schema.get("required", []))
    params = []
    for pname, spec in (schema.get("properties") or {}).items():
        kind = spec.get("type", "any")
        params.append(f"{pname}: {kind}" if pname in required else f"{pname}?: {kind}")
    return "(" + ", ".join(params) + ")"


def _flags(tool: dict[str, Any]) -> str:
    hints = tool.get("annotations") or {}
    flags = []
    if hints.get("readOnlyHint"):
        flags.append("ro")
    if hints.get("destructiveHint"):
        flags.append("destructive")
    if tool.get("outputSchema"):
        flags.append("structured")
    return ",".join(flags)


def render_tools(snapshot: dict[str, Any]) -> str:
    rows = []
    for server, info in sorted(snapshot.items()):
        for tool in info.get("tools", []):
            rows.append((f"{server}.{tool['name']}", _signature(tool), _flags(tool)))
    return _table(rows, ("TOOL", "ARGS", "FLAGS"))


def render_resources(snapshot: dict[str, Any]) -> str:
    rows = []
    for server, info in sorted(snapshot.items()):
        for res in info.get("resources", []):
            rows.append((server, str(res["uri"]), res.get("mimeType") or "-"))
        for tpl in info.get("resourceTemplates", []):
            rows.append((server, tpl["uriTemplate"], tpl.get("mimeType") or "(template)"))
    return _table(rows, ("SERVER", "URI", "TYPE"))


def render_servers(snapshot: dict[str, Any]) -> str:
    rows = []
    for server, info in sorted(snapshot.items()):
        impl = info.get("serverInfo") or {}
        rows.append(
            (
                server,
                f"{impl.get('name', '?')} {impl.get('version', '')}".strip(),
                info.get("protocolVersion", "?"),
                str(len(info.get("tools", []))),
            )
        )
    return _table(rows, ("SERVER", "IMPLEMENTATION", "PROTOCOL", "TOOLS"))


def render_outcome(outcome: dict[str, Any]) -> str:
    head = "ERROR" if outcome.get("isError") else "OK"
    parts = [f"[{head}] {outcome.get('tool', '')}".rstrip()]
    parts.extend(block["text"] for block in outcome.get("content", []) if block.get("type") == "text")
    structured = outcome.get("structuredContent")
    if structured is not None:
        parts.append(json.dumps(structured, sort_keys=True))
    return "\n".join(parts)
