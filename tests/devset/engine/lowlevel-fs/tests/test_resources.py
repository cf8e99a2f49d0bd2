from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path

from pydantic import AnyUrl

from mcp import types
from mcp.shared.exceptions import McpError

from sandboxfs.server import RESOURCE_NOT_FOUND
from sandboxfs.uris import FILE_TEMPLATE, path_to_uri, uri_to_path
from tests.support import connected, make_tree, tiny_png, wrap


async def test_resources_are_paginated_file_uris() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        async with connected(root, page_size=4) as h:
            first = await h.session.list_resources()
            assert len(first.resources) == 4 and first.nextCursor is not None
            everything = await wrap(h.session).resources()
            assert len(everything) == 17
            logo = next(r for r in everything if r.name == "data/logo.png")
            assert logo.uri.scheme == "file" and logo.uri.host in (None, "")
            assert uri_to_path(logo.uri) == (root / "data" / "logo.png").resolve()
            assert logo.mimeType == "image/png" and logo.size == len(tiny_png())
            try:
                await h.session.list_resources(cursor="%%%")
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS and "invalid cursor" in exc.error.message
            else:
                raise AssertionError("expected McpError")


async def test_read_resources_and_errors() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        async with connected(root) as h:
            (text,) = (await h.session.read_resource(path_to_uri(root / "data" / "config.json"))).contents
            assert isinstance(text, types.TextResourceContents) and text.mimeType == "application/json"
            assert json.loads(text.text) == {"name": "demo", "debug": False}

            (image,) = (await h.session.read_resource(AnyUrl((root / "data" / "logo.png").as_uri()))).contents
            assert isinstance(image, types.BlobResourceContents) and base64.b64decode(image.blob) == tiny_png()

            folder = await h.session.read_resource(AnyUrl(f"file://localhost{(root / 'logs').resolve()}"))
            assert len(json.loads(folder.contents[0].model_dump()["text"])) == 12

            missing = path_to_uri(root / "nope.txt")
            for uri, code in ((missing, RESOURCE_NOT_FOUND), (AnyUrl("https://example.com/x"), types.INVALID_PARAMS)):
                try:
                    await h.session.read_resource(uri)
                except McpError as exc:
                    assert exc.error.code == code and exc.error.data == {"uri": str(uri)}
                else:
                    raise AssertionError(f"{uri} should fail")


async def test_subscriptions_receive_updates_after_writes() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_tree(Path(tmp))
        async with connected(root) as h:
            caps = h.session.get_server_capabilities()
            assert caps is not None and caps.resources is not None and caps.resources.subscribe is True
            readme = path_to_uri(root / "README.md")
            await h.session.subscribe_resource(readme)
            await h.session.call_tool("write_file", {"path": "README.md", "content": "# Renamed\n"})
            await h.session.call_tool("write_file", {"path": "src/app.py", "content": "pass\n"})
            (update,) = h.log.of_type(types.ResourceUpdatedNotification)
            assert update.params.uri == readme and update.params.uri.path == str((root / "README.md").resolve())

            await h.session.unsubscribe_resource(readme)
            await h.session.call_tool("write_file", {"path": "README.md", "content": "# Again\n"})
            assert len(h.log.of_type(types.ResourceUpdatedNotification)) == 1
            assert not h.log.of_type(types.ResourceListChangedNotification)


async def test_templates_and_path_completion() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with connected(make_tree(Path(tmp))) as h:
            templates = await h.session.list_resource_templates()
            assert [t.uriTemplate for t in templates.resourceTemplates] == [FILE_TEMPLATE]

            ref = types.ResourceTemplateReference(type="ref/resource", uri=FILE_TEMPLATE)
            files = await h.session.complete(ref, {"name": "path", "value": "src/a"})
            assert files.completion.values == ["src/app.py"] and files.completion.hasMore is False
            context = {"kind": "directory"}
            dirs = await h.session.complete(ref, {"name": "path", "value": ""}, context_arguments=context)
            assert dirs.completion.values == ["data", "logs", "src"]
            other = await h.session.complete(types.PromptReference(type="ref/prompt", name="x"), {"name": "a", "value": ""})
            assert other.completion.values == [] and other.completion.total is None
