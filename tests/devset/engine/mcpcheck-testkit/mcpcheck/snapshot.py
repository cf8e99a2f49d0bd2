"""Serialise a server's listings and compare them with a stored JSON snapshot.

The snapshot is the plain ``model_dump()`` of every listed Tool/Resource/
ResourceTemplate/Prompt, so the stored files read exactly like the MCP wire
objects a client receives.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcp.client.session import ClientSession
from pydantic import BaseModel

from mcpcheck.assertions import collect_prompts, collect_resources, collect_templates, collect_tools

VOLATILE_KEYS = frozenset({"meta", "_meta"})


def dump_model(model: BaseModel, *, drop: frozenset[str] = VOLATILE_KEYS) -> dict[str, Any]:
    data = model.model_dump(mode="json", exclude_none=True)
    return {k: v for k, v in data.items() if k not in drop}


async def capture_listing(session: ClientSession, *, include_prompts: bool = True) -> dict[str, list[dict[str, Any]]]:
    tools = sorted(await collect_tools(session), key=lambda t: t.name)
    resources = sorted(await collect_resources(session), key=lambda r: str(r.uri))
    templates = sorted(await collect_templates(session), key=lambda t: t.uriTemplate)
    snapshot: dict[str, list[dict[str, Any]]] = {
        "tools": [dump_model(t) for t in tools],
        "resources": [dump_model(r) for r in resources],
        "resourceTemplates": [dump_model(t) for t in templates],
    }
    if include_prompts:
        prompts = sorted(await collect_prompts(session), key=lambda p: p.name)
        snapshot["prompts"] = [dump_model(p) for p in prompts]
    return snapshot


def render(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, indent=2, sort_keys=True) + "\n"


@dataclass
class SnapshotResult:
    name: str
    created: bool
    diff: list[str]

    @property
    def matches(self) -> bool:
        return not self.diff


class SnapshotStore:
    """Keeps ``<name>.json`` files in one directory."""

    def __init__(self, directory: str | Path, *, update: bool = False) -> None:
        self.directory = Path(directory)
        self.update = update

    def path_for(self, name: str) -> Path:
        return self.directory / f"{name}.json"

    def check(self, name: str, snapshot: dict[str, Any]) -> SnapshotResult:
        path = self.path_for(name)
        rendered = render(snapshot)
        if self.update or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rendered, encoding="utf-8")
            return SnapshotResult(name, created=True, diff=[])
        stored = path.read_text(encoding="utf-8")
        diff = list(
            difflib.unified_diff(
                stored.splitlines(),
                rendered.splitlines(),
                fromfile=f"{name} (stored)",
                tofile=f"{name} (live)",
                lineterm="",
            )
        )
        return SnapshotResult(name, created=False, diff=diff)

    def assert_matches(self, name: str, snapshot: dict[str, Any]) -> None:
        result = self.check(name, snapshot)
        if not result.matches:
            raise AssertionError("snapshot mismatch:\n" + "\n".join(result.diff))


def tool_names_with_field(snapshot: dict[str, Any], field: str) -> list[str]:
    """Names of the tools whose snapshot entry carries ``field`` (e.g. ``outputSchema``)."""
    return [t["name"] for t in snapshot.get("tools", []) if field in t]
