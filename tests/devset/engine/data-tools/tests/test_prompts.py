from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import connect  # noqa: E402

from mcp.types import (  # noqa: E402
    EmbeddedResource,
    PromptReference,
    ResourceTemplateReference,
    TextContent,
    TextResourceContents,
)


async def test_prompt_listing_and_rendering() -> None:
    async with connect() as conn:
        prompts = await conn.session.list_prompts()
        args = {p.name: [(a.name, a.required) for a in p.arguments or []] for p in prompts.prompts}
        assert args == {
            "explore_dataset": [("dataset", True), ("goal", False)],
            "compare_columns": [("dataset", True), ("x", True), ("y", True)],
            "cleaning_plan": [("dataset", True)],
        }

        explore = await conn.session.get_prompt("explore_dataset", {"dataset": "penguins"})
        assert [m.role for m in explore.messages] == ["user", "user", "assistant"]
        intro = explore.messages[0].content
        assert isinstance(intro, TextContent) and "10 rows" in intro.text
        attached = explore.messages[1].content
        assert isinstance(attached, EmbeddedResource)
        assert isinstance(attached.resource, TextResourceContents)
        assert attached.resource.mimeType == "text/csv"
        assert len(attached.resource.text.splitlines()) == 6

        compare = await conn.session.get_prompt(
            "compare_columns", {"dataset": "penguins", "x": "flipper_length_mm", "y": "body_mass_g"}
        )
        second = compare.messages[1].content
        assert isinstance(second, TextContent)
        assert "Pearson correlation computed by the server: 0.9" in second.text

        plan = await conn.session.get_prompt("cleaning_plan", {"dataset": "sales"})
        only = plan.messages[0].content
        assert isinstance(only, TextContent)
        assert "returned" not in only.text and "no missing values" in only.text


async def test_argument_completions() -> None:
    async with connect() as conn:
        names = await conn.session.complete(
            ResourceTemplateReference(type="ref/resource", uri="dataset://{name}/csv"),
            {"name": "name", "value": "p"},
        )
        assert names.completion.values == ["penguins"]
        assert names.completion.total == 1 and names.completion.hasMore is False

        columns = await conn.session.complete(
            PromptReference(type="ref/prompt", name="compare_columns"),
            {"name": "x", "value": "bill"},
            context_arguments={"dataset": "penguins"},
        )
        assert columns.completion.values == ["bill_length_mm", "bill_depth_mm"]

        from_uri = await conn.session.complete(
            ResourceTemplateReference(type="ref/resource", uri="chart://sales/{column}"),
            {"name": "column", "value": "re"},
        )
        assert from_uri.completion.values == ["region", "revenue", "returned"]

        nothing = await conn.session.complete(
            PromptReference(type="ref/prompt", name="explore_dataset"),
            {"name": "goal", "value": ""},
        )
        assert nothing.completion.values == []
        assert nothing.completion.hasMore is None
