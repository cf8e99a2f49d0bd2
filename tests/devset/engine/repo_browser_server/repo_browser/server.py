"""The repo-browser MCP server definition."""

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from pydantic import AnyUrl, BaseModel, Field

from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.fastmcp.resources import FileResource
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.progress import progress
from mcp.types import (
    INVALID_PARAMS,
    CallToolResult,
    Completion,
    CompletionArgument,
    CompletionContext,
    EmbeddedResource,
    ErrorData,
    PromptReference,
    ResourceLink,
    ResourceTemplateReference,
    TextContent,
    TextResourceContents,
    ToolAnnotations,
)

from repo_browser.config import load_config
from repo_browser.git import GitRepo

logger = logging.getLogger(__name__)


@dataclass
class AppState:
    repo: GitRepo
    read_only: bool
    subscriptions: set[str] = field(default_factory=set)


@asynccontextmanager
async def lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
    config = load_config()
    yield AppState(repo=GitRepo(config.root), read_only=config.read_only)


mcp: FastMCP[AppState] = FastMCP(
    "repo-browser",
    "Browse a local git repository. Read repo:// resources for branches, commits and files; "
    "use search_code before reading files you are unsure about.",
    lifespan=lifespan,
)

RepoContext = Context[ServerSession, AppState]


def _repo() -> GitRepo:
    return mcp.get_context().request_context.lifespan_context.repo


@mcp.resource("repo://info", mime_type="application/json")
def repo_info() -> str:
    repo = _repo()
    return json.dumps({"root": str(repo.root), "branches": repo.branches()})


@mcp.resource("repo://branches", mime_type="application/json")
async def list_branches() -> str:
    ctx = mcp.get_context()
    await ctx.debug("listing branches")
    return json.dumps(ctx.request_context.lifespan_context.repo.branches())


@mcp.resource("repo://commit/{sha}", mime_type="text/x-diff")
def show_commit(sha: str) -> str:
    return _repo().show(sha)


@mcp.resource("repo://log/{branch}", mime_type="application/json")
async def branch_log(branch: str, ctx: Context) -> str:
    await ctx.info(f"reading log of {branch}")
    return json.dumps([c.__dict__ for c in ctx.request_context.lifespan_context.repo.log(branch, limit=30)])


@mcp.resource("repo://files/{path}")
async def read_file(path: str, ctx: RepoContext) -> str:
    """Contents of a tracked file at HEAD. Nested paths are URL-encoded (`src%2Fapp.py`)."""
    return ctx.request_context.lifespan_context.repo.read_file(unquote(path))


def register_static_resources(root: Path) -> None:
    readme = root / "README.md"
    if readme.exists():
        resource = FileResource(uri=AnyUrl("repo://readme"), path=readme.resolve(), mime_type="text/markdown", is_binary=False)
        mcp.add_resource(resource)


@mcp._mcp_server.subscribe_resource()
async def subscribe(uri: AnyUrl) -> None:
    mcp.get_context().request_context.lifespan_context.subscriptions.add(str(uri))


@mcp.completion()
async def complete(
    ref: PromptReference | ResourceTemplateReference, argument: CompletionArgument, context: CompletionContext | None
) -> Completion | None:
    repo = _repo()
    if argument.name == "branch":
        candidates = repo.branches()
    elif argument.name == "path":
        candidates = repo.ls_files()
    elif argument.name == "sha" and (isinstance(ref, ResourceTemplateReference) or ref.name == "review_commit"):
        candidates = [c.sha[:12] for c in repo.log(limit=20)]
    else:
        return None
    matches = [c for c in candidates if c.startswith(argument.value)]
    return Completion(values=matches[:100], total=len(matches), hasMore=len(matches) > 100)


@mcp.prompt(title="Review a commit")
def review_commit(sha: str) -> list[Message]:
    patch = TextResourceContents(uri=AnyUrl(f"repo://commit/{sha}"), mimeType="text/x-diff", text=_repo().show(sha))
    return [
        UserMessage(f"Please review commit {sha}. Point out bugs, risky changes and missing tests."),
        UserMessage(EmbeddedResource(type="resource", resource=patch)),
        AssistantMessage("I'll go through the diff file by file."),
    ]


class SearchHit(BaseModel):
    path: str
    line: int
    text: str


class HistorySummary(BaseModel):
    branch: str
    commits: int
    authors: dict[str, int]


class CheckoutConfirmation(BaseModel):
    confirm: bool = Field(description="Switch the working tree to the new branch?")
    stash_changes: bool = Field(default=False, description="Stash uncommitted changes first")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
async def search_code(pattern: str, ctx: RepoContext, max_results: int = 50) -> list[SearchHit]:
    """Search tracked files with `git grep`."""
    await ctx.info(f"searching for {pattern!r}")
    hits = ctx.request_context.lifespan_context.repo.grep(pattern, max_count=max_results)
    return [SearchHit(path=p, line=n, text=t.strip()) for p, n, t in hits]


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def summarize_history(branch: str, ctx: RepoContext, limit: int = 200) -> HistorySummary:
    commits = ctx.request_context.lifespan_context.repo.log(branch, limit=limit)
    authors: dict[str, int] = {}
    for index, commit in enumerate(commits, start=1):
        authors[commit.author] = authors.get(commit.author, 0) + 1
        if index % 25 == 0 or index == len(commits):
            await ctx.report_progress(index, len(commits), message=f"{index}/{len(commits)} commits")
    await ctx.log(level="info", message=f"summarized {len(commits)} commits on {branch}", logger_name="history")
    return HistorySummary(branch=branch, commits=len(commits), authors=authors)


@mcp.tool()
async def reindex(ctx: RepoContext, batch_size: int = 100) -> str:
    files = ctx.request_context.lifespan_context.repo.ls_files()
    meta = ctx.request_context.meta
    if meta is not None and meta.progressToken is not None:
        with progress(ctx.request_context, total=len(files)) as p:  # type: ignore[arg-type]
            for start in range(0, len(files), batch_size):
                await p.progress(len(files[start : start + batch_size]))
    return f"indexed {len(files)} files"


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False))
async def checkout_branch(branch: str, ctx: RepoContext) -> str:
    state = ctx.request_context.lifespan_context
    if state.read_only:
        raise McpError(ErrorData(code=INVALID_PARAMS, message="repo-browser is running read-only"))
    answer = await ctx.elicit(message=f"Check out {branch}?", schema=CheckoutConfirmation)
    match answer:
        case AcceptedElicitation(data=data) if data.confirm:
            state.repo.checkout(branch, stash=data.stash_changes)
            await ctx.session.send_resource_updated(AnyUrl("repo://info"))
            return f"Checked out {branch}"
        case DeclinedElicitation():
            return "Checkout declined"
        case _:
            return "Checkout cancelled"


@mcp.tool(annotations=ToolAnnotations(destructiveHint=True))
async def delete_branch(branch: str, ctx: RepoContext) -> CallToolResult:
    logger.info("delete_branch requested by client %s", ctx.client_id or "unknown")
    answer = await ctx.session.elicit_form(
        message=f"Type the branch name to permanently delete {branch}",
        requestedSchema={"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
        related_request_id=ctx.request_id,
    )
    if answer.action != "accept" or (answer.content or {}).get("name") != branch:
        return CallToolResult(content=[TextContent(type="text", text="Deletion not confirmed")], isError=True)
    ctx.request_context.lifespan_context.repo.delete_branch(branch)
    await ctx.session.send_resource_list_changed()
    return CallToolResult(
        content=[
            TextContent(type="text", text=f"Deleted {branch}"),
            ResourceLink(type="resource_link", name="branches", uri=AnyUrl("repo://branches")),
        ],
        structuredContent={"deleted": branch},
    )

