"""Research agent: tools that lean on the request context."""

from __future__ import annotations

import os
from collections import Counter

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Audio, Context, FastMCP, Image
from mcp.server.fastmcp.prompts import base
from mcp.server.session import ServerSession
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    ModelHint,
    ModelPreferences,
    PromptReference,
    ResourceTemplateReference,
    SamplingMessage,
    TextContent,
    ToolAnnotations,
)

from .media import bar_chart_png, chime_wav
from .models import Confirmation, IndexReport, Summary, TripPreferences, WordStats
from .state import AppState, app_lifespan

AgentContext = Context[ServerSession, AppState]

mcp = FastMCP(
    "research-agent",
    instructions="Summarize and search a small document corpus.",
    lifespan=app_lifespan,
    host=os.environ.get("AGENT_HOST", "127.0.0.1"),
    port=int(os.environ.get("AGENT_PORT", "8931")),
    debug=os.environ.get("AGENT_DEBUG") == "1",
)


def _state(ctx: AgentContext) -> AppState:
    return ctx.request_context.lifespan_context


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def summarize(doc_id: str, ctx: AgentContext, max_words: int = 40) -> Summary:
    """Summarize a document with the client's model."""
    state = _state(ctx)
    text = state.kb.docs[doc_id]
    await ctx.debug(f"sampling summary for {doc_id}")
    result = await ctx.session.create_message(
        messages=[
            SamplingMessage(role="user", content=TextContent(type="text", text=f"Summarize in {max_words} words:\n{text}"))
        ],
        max_tokens=200,
        system_prompt="You write terse technical summaries.",
        model_preferences=ModelPreferences(hints=[ModelHint(name=state.default_model_hint)], speedPriority=0.8),
        related_request_id=ctx.request_id,
    )
    summary = result.content.text if isinstance(result.content, TextContent) else ""
    return Summary(doc_id=doc_id, summary=summary.strip(), model=result.model, words=len(state.kb.words(doc_id)))


@mcp.tool()
async def plan_trip(destination: str, ctx: Context) -> str:
    """Plan a trip, asking the user for details we do not have."""
    answer = await ctx.elicit(message=f"Tell me about your trip to {destination}", schema=TripPreferences)
    match answer:
        case AcceptedElicitation(data=prefs):
            await ctx.info(f"planning {prefs.nights} nights in {destination}")
            pets = " with pets" if prefs.pets else ""
            return f"{prefs.nights} nights in {destination} on a {prefs.budget} budget{pets}"
        case DeclinedElicitation():
            return "Trip planning declined."
        case CancelledElicitation():
            return "Trip planning cancelled."
    return "unreachable"


@mcp.tool(annotations=ToolAnnotations(destructiveHint=True))
async def delete_doc(doc_id: str, ctx: AgentContext) -> str:
    """Delete a document after explicit confirmation."""
    confirmation = await ctx.session.elicit(
        message=f"Delete {doc_id}?",
        requestedSchema=Confirmation.model_json_schema(),
        related_request_id=ctx.request_id,
    )
    if confirmation.action != "accept" or not (confirmation.content or {}).get("confirm"):
        return f"kept {doc_id}"
    state = _state(ctx)
    state.kb.docs.pop(doc_id, None)
    state.deleted.append(doc_id)
    await ctx.log(level="warning", message=f"deleted {doc_id}", logger_name="agent.audit")
    return f"deleted {doc_id}"


@mcp.tool()
async def index_corpus(ctx: AgentContext) -> IndexReport:
    """(Re)build the keyword index, reporting progress per document."""
    kb = _state(ctx).kb
    doc_ids = sorted(kb.docs)
    skipped: list[str] = []
    for done, doc_id in enumerate(doc_ids, start=1):
        if not kb.docs[doc_id].strip():
            skipped.append(doc_id)
        else:
            kb.add_to_index(doc_id)
        await ctx.report_progress(done, len(doc_ids), message=f"indexed {doc_id}")
    await _audit(f"indexed {len(doc_ids) - len(skipped)} documents")
    return IndexReport(indexed=len(doc_ids) - len(skipped), skipped=skipped)


async def _audit(message):
    # Helper used from several tools; fetches the ambient context.
    ctx = mcp.get_context()
    await ctx.info(message)


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def word_stats(doc_id: str, ctx: AgentContext) -> WordStats:
    """Word statistics for a document."""
    words = _state(ctx).kb.words(doc_id)
    counts = Counter(words)
    return WordStats(doc_id=doc_id, words=len(words), unique=len(counts), top=[w for w, _ in counts.most_common(3)])


@mcp.tool()
def search(word: str, ctx: AgentContext) -> list[str]:
    return _state(ctx).kb.search(word)


@mcp.tool()
def chart(values: list[float]) -> Image:
    """Bar chart of the given values."""
    return Image(data=bar_chart_png(values), format="png")


@mcp.tool()
def chime() -> Audio:
    """A short notification sound."""
    return Audio(data=chime_wav(), format="wav")


@mcp.resource("docs://index", mime_type="application/json")
def doc_index() -> list[str]:
    ctx = mcp.get_context()
    return sorted(ctx.request_context.lifespan_context.kb.docs)


@mcp.resource("docs://{doc_id}", mime_type="text/plain")
def read_doc(doc_id: str) -> str:
    ctx = mcp.get_context()
    return ctx.request_context.lifespan_context.kb.docs[doc_id]


@mcp.prompt(title="Research brief")
def research_brief(topic: str, depth: str = "overview") -> list[base.Message]:
    return [
        base.UserMessage(f"I need a {depth} of {topic}."),
        base.AssistantMessage("Which documents should I rely on?"),
        base.UserMessage(TextContent(type="text", text="Use docs://index to choose.")),
    ]


DEPTHS = ["overview", "deep-dive", "cheat-sheet"]


@mcp.completion()
async def complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    if isinstance(ref, ResourceTemplateReference) and ref.uri == "docs://{doc_id}" and argument.name == "doc_id":
        ctx = mcp.get_context()
        docs = sorted(ctx.request_context.lifespan_context.kb.docs)
        matches = [d for d in docs if d.startswith(argument.value)]
        return Completion(values=matches[:10], total=len(matches), hasMore=len(matches) > 10)
    if isinstance(ref, PromptReference) and ref.name == "research_brief" and argument.name == "depth":
        return Completion(values=[d for d in DEPTHS if d.startswith(argument.value)])
    return None
