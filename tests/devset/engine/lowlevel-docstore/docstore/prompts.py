"""Prompt catalogue and argument completion."""

from __future__ import annotations

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError

from docstore.context import DocstoreState
from docstore.storage import Document
from docstore.uris import COLLECTION_TEMPLATE, DOC_TEMPLATE, DocRef, UnknownUri, doc_uri, parse_uri

STYLES = ["abstract", "bullets", "executive", "tldr"]

PROMPTS: list[types.Prompt] = [
    types.Prompt(
        name="summarize_document",
        title="Summarize a document",
        arguments=[
            types.PromptArgument(name="uri", description="docs:// URI of the document", required=True),
            types.PromptArgument(name="style", description=f"One of: {', '.join(STYLES)}", required=False),
        ],
    ),
    types.Prompt(
        name="draft_from_collection",
        title="Draft using a collection",
        description="Write a new document on a topic, citing an existing collection.",
        arguments=[
            types.PromptArgument(name="collection", required=True),
            types.PromptArgument(name="topic", required=True),
        ],
    ),
]


def _invalid(message: str, **data: str) -> McpError:
    return McpError(types.ErrorData(code=types.INVALID_PARAMS, message=message, data=data or None))


def _load_text(state: DocstoreState, raw_uri: str) -> tuple[Document, str]:
    try:
        target = parse_uri(AnyUrl(raw_uri))
        if not isinstance(target, DocRef):
            raise UnknownUri(raw_uri, "prompt arguments must reference a single document")
        doc = state.store.get(target.collection, target.doc_id)
    except ValueError as exc:
        raise _invalid(str(exc), uri=raw_uri) from exc
    if isinstance(doc.body, bytes):
        raise _invalid("binary documents cannot be embedded in prompts", uri=raw_uri)
    return doc, doc.body


def render_prompt(state: DocstoreState, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    prompt = next((p for p in PROMPTS if p.name == name), None)
    if prompt is None:
        raise _invalid(f"unknown prompt {name!r}", prompt=name)
    args = arguments or {}
    missing = [a.name for a in prompt.arguments or [] if a.required and not args.get(a.name)]
    if missing:
        raise _invalid(f"missing required argument(s): {', '.join(missing)}", prompt=name)

    if name == "summarize_document":
        doc, text = _load_text(state, args["uri"])
        style = args.get("style") or "abstract"
        if style not in STYLES:
            raise _invalid(f"unknown style {style!r}", style=style)
        embedded = types.EmbeddedResource(
            type="resource",
            resource=types.TextResourceContents(uri=doc_uri(doc.collection, doc.doc_id), mimeType=doc.mime_type, text=text),
        )
        instruction = types.TextContent(type="text", text=f"Summarize the document above as: {style}.")
        return types.GetPromptResult(
            description=f"Summarize {doc.title}",
            messages=[types.PromptMessage(role="user", content=embedded), types.PromptMessage(role="user", content=instruction)],
        )

    docs = state.store.documents(args["collection"])
    if not docs:
        raise _invalid(f"unknown collection {args['collection']!r}", collection=args["collection"])
    sources = "\n".join(f"- {d.title} ({doc_uri(d.collection, d.doc_id)})" for d in docs)
    request = f"Write a new document about {args['topic']}. Cite these sources:\n{sources}"
    return types.GetPromptResult(
        description=f"Draft about {args['topic']}",
        messages=[
            types.PromptMessage(role="user", content=types.TextContent(type="text", text=request)),
            types.PromptMessage(role="assistant", content=types.TextContent(type="text", text="I will cite by URI.")),
        ],
    )


def _rank(candidates: list[str], prefix: str) -> types.Completion:
    matches = sorted(c for c in candidates if c.startswith(prefix))
    return types.Completion(values=matches[:100], total=len(matches), hasMore=len(matches) > 100)


def complete_argument(
    state: DocstoreState,
    ref: types.PromptReference | types.ResourceTemplateReference,
    argument: types.CompletionArgument,
    context: types.CompletionContext | None,
) -> types.Completion | None:
    store = state.store
    if argument.name == "collection":
        return _rank(store.collection_names(), argument.value)
    if isinstance(ref, types.PromptReference):
        if argument.name == "uri":
            return _rank([str(doc_uri(d.collection, d.doc_id)) for d in store.documents()], argument.value)
        return _rank(STYLES, argument.value) if argument.name == "style" else None
    if ref.uri not in (DOC_TEMPLATE, COLLECTION_TEMPLATE) or argument.name != "doc_id":
        return None
    resolved = (context.arguments if context else None) or {}
    return _rank([d.doc_id for d in store.documents(resolved.get("collection"))], argument.value)
