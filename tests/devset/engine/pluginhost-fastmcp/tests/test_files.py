from __future__ import annotations

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from pydantic import AnyUrl  # noqa: E402
from support import connect, fresh_app, structured  # noqa: E402

from pluginhost.app import get_plugins  # noqa: E402
from pluginhost.plugins.files import PIXEL_PNG, FilesPlugin  # noqa: E402


def _files_plugin() -> FilesPlugin:
    plugin = next(p for p in get_plugins() if isinstance(p, FilesPlugin))
    return plugin


async def test_file_resources_are_blobs() -> None:
    app = fresh_app("files")
    plugin = _files_plugin()
    async with connect(app) as session:
        listed = await session.list_resources()
        by_name = {r.name: r for r in listed.resources}
        assert by_name["logo"].mimeType == "image/png"
        assert by_name["logo"].uri.scheme == "file"
        logo = await session.read_resource(plugin.asset_uri("logo"))
        blob = logo.contents[0]
        assert isinstance(blob, types.BlobResourceContents)
        assert blob.mimeType == "image/png"
        manifest = await session.read_resource(plugin.asset_uri("manifest"))
        assert isinstance(manifest.contents[0], types.BlobResourceContents)
        changelog = await session.read_resource(plugin.asset_uri("changelog"))
        text = changelog.contents[0]
        assert isinstance(text, types.TextResourceContents) and text.text.startswith("0.6.2")
        readme = await session.read_resource(AnyUrl("assets://readme"))
        assert isinstance(readme.contents[0], types.TextResourceContents)


async def test_checksum_reads_other_resource() -> None:
    app = fresh_app("files")
    async with connect(app) as session:
        result = await session.call_tool("asset_checksum", {"key": "logo"})
        data = structured(result)
        assert data["sha256"] == hashlib.sha256(PIXEL_PNG).hexdigest()
        assert data["scheme"] == "file"
        meta = await session.read_resource(AnyUrl("assets://logo/meta"))
        first = meta.contents[0]
        assert isinstance(first, types.TextResourceContents)
        assert '"mimeType": "image/png"' in first.text
        bad = await session.call_tool("asset_checksum", {"key": "nope"})
        assert bad.isError


async def test_thumbnail_returns_image_content() -> None:
    app = fresh_app("files")
    async with connect(app) as session:
        result = await session.call_tool("logo_thumbnail", {})
        image = result.content[0]
        assert isinstance(image, types.ImageContent)
        assert image.mimeType == "image/png"
        assert result.structuredContent is None
