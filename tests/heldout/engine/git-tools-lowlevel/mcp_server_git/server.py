"""Low-level MCP server exposing a handful of git operations."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from pydantic import AnyUrl, BaseModel

from . import gitcmd

logger = logging.getLogger(__name__)


class GitStatus(BaseModel):
    repo_path: str


class GitDiff(BaseModel):
    repo_path: str
    target: str | None = None
    staged: bool = False


class GitLog(BaseModel):
    repo_path: str
    max_count: int = 10


class GitCommit(BaseModel):
    repo_path: str
    message: str


class GitTools(str, Enum):
    STATUS = "git_status"
    DIFF = "git_diff"
    LOG = "git_log"
    COMMIT = "git_commit"


server = Server("mcp-git")
REPOSITORIES: dict[str, Path] = {}


def register_repository(path: Path) -> None:
    REPOSITORIES[path.name] = path.resolve()


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name=GitTools.STATUS, description="Shows the working tree status", inputSchema=GitStatus.model_json_schema()),
        types.Tool(name=GitTools.DIFF, description="Shows changes in the working tree", inputSchema=GitDiff.model_json_schema()),
        types.Tool(name=GitTools.LOG, description="Shows the commit logs", inputSchema=GitLog.model_json_schema()),
        types.Tool(
            name=GitTools.COMMIT,
            description="Records changes to the repository",
            inputSchema=GitCommit.model_json_schema(),
            annotations=types.ToolAnnotations(destructiveHint=False, idempotentHint=False),
        ),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
    ctx = server.request_context
    repo_path = Path(arguments["repo_path"])
    if not gitcmd.is_repo(repo_path):
        raise ValueError(f"{repo_path} is not a git repository")

    token = ctx.meta.progressToken if ctx.meta else None
    if token is not None:
        await ctx.session.send_progress_notification(token, 0, 1, message=f"running {name}")

    match name:
        case GitTools.STATUS:
            text = f"Repository status:\n{gitcmd.status(repo_path)}"
        case GitTools.DIFF:
            args = GitDiff(**arguments)
            text = gitcmd.diff(repo_path, args.target, args.staged) or "No changes"
        case GitTools.LOG:
            args = GitLog(**arguments)
            text = "\n".join(c.short() for c in gitcmd.log(repo_path, args.max_count))
        case GitTools.COMMIT:
            args = GitCommit(**arguments)
            text = gitcmd.commit(repo_path, args.message)
            await ctx.session.send_log_message(level="notice", data=f"committed in {repo_path.name}", logger="git")
        case _:
            raise ValueError(f"Unknown tool: {name}")

    if token is not None:
        await ctx.session.send_progress_notification(token, 1, 1)
    return [types.TextContent(type="text", text=text)]


@server.list_resources()
async def list_resources() -> list[types.Resource]:
    return [
        types.Resource(
            uri=AnyUrl(f"git://{name}/log"),
            name=f"{name} history",
            description=f"Last 20 commits of {path}",
            mimeType="text/plain",
        )
        for name, path in REPOSITORIES.items()
    ]


@server.read_resource()
async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
    if uri.scheme != "git" or uri.host not in REPOSITORIES:
        raise ValueError(f"Unknown resource: {uri}")
    repo = REPOSITORIES[uri.host]
    if uri.path == "/log":
        body = "\n".join(c.short() for c in gitcmd.log(repo, 20))
        return [ReadResourceContents(content=body, mime_type="text/plain")]
    raise ValueError(f"Unsupported path {uri.path!r}")


@server.list_prompts()
async def list_prompts() -> list[types.Prompt]:
    return [
        types.Prompt(
            name="commit-message",
            description="Draft a commit message for the staged changes",
            arguments=[types.PromptArgument(name="repo_path", description="Path to the repository", required=True)],
        )
    ]


@server.get_prompt()
async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    if name != "commit-message":
        raise ValueError(f"Unknown prompt: {name}")
    repo_path = Path((arguments or {}).get("repo_path", "."))
    staged = gitcmd.diff(repo_path, staged=True)
    return types.GetPromptResult(
        description="Commit message for staged changes",
        messages=[
            types.PromptMessage(
                role="user",
                content=types.TextContent(
                    type="text",
                    text=f"Write a conventional commit message for this diff:\n\n{staged}",
                ),
            )
        ],
    )
