import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import anyio
from pydantic import AnyUrl

from mcp.client.session import ClientSession
from mcp.server.fastmcp import FastMCP
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import ElicitRequestParams, ElicitResult, PromptReference, ResourceTemplateReference
from mcp.types import TextContent, TextResourceContents

from repo_browser.config import ServerConfig, apply_settings, load_config
from repo_browser.server import mcp


def make_repo(root: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "dev@example.com")
    git("config", "user.name", "Dev")
    (root / "app.py").write_text("def hello():\n    return 'hello world'\n")
    git("add", ".")
    git("commit", "-q", "-m", "initial import")
    git("branch", "feature-login")
    (root / "app.py").write_text("def hello():\n    return 'hello MCP'\n")
    git("commit", "-q", "-am", "greet MCP")


def run_with_repo(scenario: Any, read_only: bool = True, **session_kwargs: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        make_repo(Path(tmp))
        env = {"REPO_BROWSER_ROOT": tmp, "REPO_BROWSER_READ_ONLY": "1" if read_only else "0"}
        with mock.patch.dict(os.environ, env):

            async def main() -> None:
                async with create_connected_server_and_client_session(mcp._mcp_server, **session_kwargs) as client:
                    await scenario(client)

            anyio.run(main)


def test_resources_templates_and_completions() -> None:
    async def scenario(client: ClientSession) -> None:
        templates = await client.list_resource_templates()
        assert "repo://log/{branch}" in [t.uriTemplate for t in templates.resourceTemplates]
        info = (await client.read_resource(AnyUrl("repo://info"))).contents[0]
        assert isinstance(info, TextResourceContents) and info.mimeType == "application/json"
        assert json.loads(info.text)["branches"] == ["feature-login", "main"]
        log = (await client.read_resource(AnyUrl("repo://log/feature-login"))).contents[0]
        assert isinstance(log, TextResourceContents)
        assert json.loads(log.text)[0]["subject"] == "initial import"

        ref = ResourceTemplateReference(type="ref/resource", uri="repo://log/{branch}")
        branches = await client.complete(ref, {"name": "branch", "value": "fea"})
        assert branches.completion.values == ["feature-login"] and branches.completion.hasMore is False
        shas = await client.complete(PromptReference(type="ref/prompt", name="review_commit"), {"name": "sha", "value": ""})
        assert len(shas.completion.values) == 2
        embedded = (await client.get_prompt("review_commit", {"sha": "HEAD"})).messages[1].content
        assert embedded.type == "resource" and embedded.resource.mimeType == "text/x-diff"
        assert "greet MCP" in getattr(embedded.resource, "text", "")

    run_with_repo(scenario)


def test_structured_tools_and_progress() -> None:
    updates: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append(progress)

    async def scenario(client: ClientSession) -> None:
        hits = await client.call_tool("search_code", {"pattern": "hello"})
        assert hits.isError is False and hits.structuredContent is not None
        assert hits.structuredContent["result"][0]["path"] == "app.py"
        summary = await client.call_tool("summarize_history", {"branch": "main"}, progress_callback=on_progress)
        assert summary.structuredContent == {"branch": "main", "commits": 2, "authors": {"Dev": 2}}
        reindexed = await client.call_tool("reindex", {"batch_size": 1}, progress_callback=on_progress)
        assert reindexed.content == [TextContent(type="text", text="indexed 1 files")]

    run_with_repo(scenario)
    assert updates == [2, 1]


def test_checkout_uses_elicitation() -> None:
    async def accept(context: RequestContext[ClientSession, Any], params: ElicitRequestParams) -> ElicitResult:
        return ElicitResult(action="accept", content={"confirm": True, "stash_changes": False})

    async def scenario(client: ClientSession) -> None:
        result = await client.call_tool("checkout_branch", {"branch": "feature-login"})
        assert not result.isError
        assert result.content == [TextContent(type="text", text="Checked out feature-login")]

    run_with_repo(scenario, read_only=False, elicitation_callback=accept)


def test_apply_settings_from_environment() -> None:
    config = load_config({"REPO_BROWSER_TRANSPORT": "streamable-http", "REPO_BROWSER_PORT": "9100", "REPO_BROWSER_STATELESS": "1"})
    server = FastMCP("settings-test")
    apply_settings(server, config)
    assert (server.settings.port, server.settings.stateless_http, server.settings.streamable_http_path) == (9100, True, "/mcp")
    apply_settings(server, ServerConfig(root=Path("."), allowed_hosts=["repo.internal"]))
    assert server.settings.transport_security is not None
    assert server.settings.transport_security.allowed_hosts == ["repo.internal"]
