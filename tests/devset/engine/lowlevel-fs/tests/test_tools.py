from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import Any

from mcp import types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext

from sandboxfs.client import result_text, snapshot, tool_row
from tests.support import connected, failure, make_tree, ok, structured, tiny_png


async def test_tool_catalogue_schemas_and_hints() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp))) as h:
            listed = await h.session.list_tools()
            assert listed.nextCursor is None
            by_name = {t.name: t for t in listed.tools}
            assert by_name["read_text_file"].inputSchema["required"] == ["path"]
            execution = by_name["search_files"].execution
            assert execution is not None and execution.taskSupport == types.TASK_FORBIDDEN
            rows = {t.name: tool_row(t) for t in listed.tools}
            assert rows["write_file"]["destructive"] and not rows["write_file"]["readOnly"]
            assert rows["get_file_info"]["readOnly"] and rows["get_file_info"]["structured"]


async def test_read_text_file_head_and_tail() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        async with connected(root) as h:
            assert ok(await h.session.call_tool("read_text_file", {"path": "src/util.py", "head": 2})) == "line 1\nline 2\n"
            tail = await h.session.call_tool("read_text_file", {"path": str(root / "src" / "util.py"), "tail": 1})
            assert ok(tail) == "line 20\n"
            both = await h.session.call_tool("read_text_file", {"path": "src/util.py", "head": 1, "tail": 1})
            assert "both head and tail" in failure(both)


async def test_write_then_edit_with_dry_run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        async with connected(root) as h:
            written = await h.session.call_tool("write_file", {"path": "notes/todo.txt", "content": "buy milk\ncall bob\n"})
            assert ok(written).startswith("Successfully wrote to project:notes/todo.txt")
            link = written.content[1]
            assert isinstance(link, types.ResourceLink)
            assert link.uri.scheme == "file" and str(link.uri).endswith("/notes/todo.txt")
            assert link.mimeType == "text/plain" and link.size == 18

            edits = [{"oldText": "call bob", "newText": "call alice"}]
            preview = ok(await h.session.call_tool("edit_file", {"path": "notes/todo.txt", "edits": edits, "dryRun": True}))
            assert "-call bob" in preview and "+call alice" in preview
            assert (root / "notes" / "todo.txt").read_text() == "buy milk\ncall bob\n"
            ok(await h.session.call_tool("edit_file", {"path": "notes/todo.txt", "edits": edits}))
            assert (root / "notes" / "todo.txt").read_text() == "buy milk\ncall alice\n"
            # the file was new, so the server announced a resource list change
            assert h.log.of_type(types.ResourceListChangedNotification)


async def test_paths_outside_roots_and_read_only_roots() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        (Path(tmp) / "secret.txt").write_text("nope")
        vendor = Path(tmp) / "vendor"
        vendor.mkdir()
        (vendor / "lib.txt").write_text("pinned\n")
        async with connected(root, read_only=[vendor]) as h:
            for path in (str(Path(tmp) / "secret.txt"), "../secret.txt", "src/../../secret.txt"):
                result = await h.session.call_tool("read_text_file", {"path": path})
                assert "outside the allowed directories" in failure(result), path
            listing = ok(await h.session.call_tool("list_allowed_directories", {}))
            assert f"{vendor.resolve()} (read-only)" in listing
            assert ok(await h.session.call_tool("read_text_file", {"path": str(vendor / "lib.txt")})) == "pinned\n"
            write = await h.session.call_tool("write_file", {"path": str(vendor / "lib.txt"), "content": "x"})
            assert "read-only" in failure(write)


async def test_unknown_tool_and_schema_violations() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp))) as h:
            assert failure(await h.session.call_tool("delete_everything", {})) == "Unknown tool: delete_everything"
            missing = await h.session.call_tool("write_file", {"path": "x.txt"})
            assert failure(missing).startswith("Input validation error:")
            extra = await h.session.call_tool("get_file_info", {"path": "README.md", "verbose": True})
            assert "Additional properties" in failure(extra)


async def test_structured_outputs_and_paging() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp)), page_size=5) as h:
            info = structured(await h.session.call_tool("get_file_info", {"path": "data/config.json"}))
            assert info["isFile"] and info["mimeType"] == "application/json" and info["root"] == "project"

            first = await h.session.call_tool("list_directory", {"path": "logs"})
            listing = structured(first)
            assert len(listing["entries"]) == 5 and listing["nextCursor"]
            seen = [e["name"] for e in listing["entries"]]
            cursor = listing["nextCursor"]
            while cursor:
                page = structured(await h.session.call_tool("list_directory", {"path": "logs", "cursor": cursor}))
                seen += [e["name"] for e in page["entries"]]
                cursor = page["nextCursor"]
            assert seen == [f"run_{i:02d}.log" for i in range(12)]
            assert set(snapshot(first)) == {"content", "structuredContent", "isError"}


async def test_media_files() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp))) as h:
            image = (await h.session.call_tool("read_media_file", {"path": "data/logo.png"})).content[0]
            assert isinstance(image, types.ImageContent) and image.mimeType == "image/png"
            assert base64.b64decode(image.data) == tiny_png()
            doc = (await h.session.call_tool("read_media_file", {"path": "data/config.json"})).content[0]
            assert isinstance(doc, types.EmbeddedResource) and isinstance(doc.resource, types.TextResourceContents)
            assert doc.resource.mimeType == "application/json" and str(doc.resource.uri).endswith("/config.json")


class Confirmer:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    async def __call__(
        self, context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        assert params.requestedSchema["required"] == ["confirm"]
        self.questions.append(params.message)
        return types.ElicitResult(action="accept", content={"confirm": self.answer})


async def test_delete_asks_for_confirmation() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        refuse = Confirmer(False)
        async with connected(root, elicitation=refuse) as h:
            assert ok(await h.session.call_tool("delete_file", {"path": "src/app.py"})) == "Kept project:src/app.py (not confirmed)"
            assert refuse.questions == ["Delete project:src/app.py?"] and (root / "src" / "app.py").exists()
            assert "is a directory" in failure(await h.session.call_tool("delete_file", {"path": "src"}))
            assert "allowed directory" in failure(await h.session.call_tool("delete_file", {"path": "."}))

        async with connected(root, elicitation=Confirmer(True)) as h:
            assert ok(await h.session.call_tool("delete_file", {"path": "logs", "recursive": True})) == "Deleted project:logs"
            assert not (root / "logs").exists() and h.log.of_type(types.ResourceListChangedNotification)

        async with connected(root) as h:  # no elicitation capability: trusted client
            assert result_text(await h.session.call_tool("delete_file", {"path": "data/logo.png"})).startswith("Deleted")
