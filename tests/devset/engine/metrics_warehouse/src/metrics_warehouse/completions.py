"""Argument completion for resource templates and prompts."""

from __future__ import annotations

from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)

from . import db
from .server import mcp

MAX_VALUES = 100
TEAMS = ["finance", "growth", "sre"]


def _filter(values: list[str], prefix: str) -> Completion:
    matches = [v for v in values if v.startswith(prefix)]
    return Completion(values=matches[:MAX_VALUES], total=len(matches), hasMore=len(matches) > MAX_VALUES)


@mcp.completion()
async def complete_argument(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    if isinstance(ref, PromptReference):
        if ref.name == "weekly_review" and argument.name == "owner":
            return _filter(TEAMS, argument.value)
        return None

    state = mcp.get_context().request_context.lifespan_context
    if argument.name == "metric":
        return _filter(db.metric_names(state.conn), argument.value)
    if argument.name == "table":
        return _filter(db.table_names(state.conn), argument.value)
    if argument.name == "day" and ref.uri.startswith("warehouse://metrics/"):
        resolved = (context.arguments or {}) if context else {}
        metric = resolved.get("metric")
        if not metric:
            return Completion(values=[])
        # most recent first: that's what people usually ask about
        return _filter(list(reversed(db.days_for(state.conn, metric))), argument.value)
    return None
