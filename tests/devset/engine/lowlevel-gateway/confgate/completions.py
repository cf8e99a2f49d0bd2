"""completion/complete handler for prompt arguments and resource template variables."""

from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.server.lowlevel import Server

from .catalog import PARSEABLE, CatalogError, flatten
from .handlers import current_state
from .state import GatewayState

MAX_VALUES = 100


def _completion(candidates: list[str], prefix: str) -> types.Completion:
    hits = [c for c in candidates if c.startswith(prefix)]
    return types.Completion(values=hits[:MAX_VALUES], total=len(hits), hasMore=len(hits) > MAX_VALUES)


def register_completion_handler(server: Server[GatewayState, Any]) -> None:
    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        catalog = current_state().catalog
        resolved = context.arguments or {} if context else {}
        target = ref.uri if isinstance(ref, types.ResourceTemplateReference) else ref.name
        match target, argument.name:
            case "config://files/{path}", "path":
                return _completion(catalog.complete_path(argument.value), argument.value)
            case "config://env/{env}/{name}" | "config://merged/{env}", "env":
                return _completion(catalog.environments(), argument.value)
            case "config://env/{env}/{name}", "name":
                names = [e.relpath for e in catalog.snapshot.sorted() if "/" not in e.relpath]
                if env := resolved.get("env"):
                    names = sorted(set(names) | set(catalog.env_files(env)))
                return _completion(names, argument.value)
            case "explain-key", "path":
                paths = [p for p in catalog.complete_path(argument.value) if p.endswith(PARSEABLE)]
                return _completion(paths, argument.value)
            case "explain-key", "key" if resolved.get("path"):
                try:
                    return _completion(sorted(flatten(catalog.load(resolved["path"]))), argument.value)
                except (CatalogError, ValueError):
                    return None
            case _:
                return None
