"""Files plugin: bundled assets served as resources."""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.server.session import ServerSession
from mcp.types import Annotations, ToolAnnotations
from pydantic import AnyUrl

from pluginhost import ctxutil
from pluginhost.app import HostState
from pluginhost.plugins import Plugin

# 1x1 transparent PNG
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

ASSETS: dict[str, tuple[str, str]] = {
    "logo": ("logo.png", "image/png"),
    "manifest": ("manifest.json", "application/json"),
    "changelog": ("CHANGELOG.txt", "text/plain"),
}


def seed_assets(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "logo.png").write_bytes(PIXEL_PNG)
    (directory / "manifest.json").write_text(json.dumps({"name": "pluginhost", "assets": sorted(ASSETS)}))
    (directory / "CHANGELOG.txt").write_text("0.6.2 - plugin catalog paging\n0.6.1 - files plugin\n")


class FilesPlugin(Plugin):
    name = "files"
    version = "0.4.0"

    def __init__(self, config: Any) -> None:
        super().__init__(config)
        if config.data_dir:
            self.root = Path(config.data_dir)
        else:
            self.root = Path(tempfile.mkdtemp(prefix="pluginhost-assets-"))
        if not (self.root / "manifest.json").exists():
            seed_assets(self.root)

    def asset_uri(self, key: str) -> AnyUrl:
        filename, _ = ASSETS[key]
        return AnyUrl((self.root / filename).resolve().as_uri())

    def register(self, mcp: FastMCP) -> None:
        plugin = self
        for key, (filename, mime) in ASSETS.items():
            path = (self.root / filename).resolve()
            mcp.add_resource(
                FileResource(
                    uri=self.asset_uri(key),
                    path=path,
                    name=key,
                    mime_type=mime,
                    is_binary=mime.startswith("image/"),
                    annotations=Annotations(audience=["user"], priority=0.3),
                )
            )

        mcp.add_resource(
            TextResource(
                uri=AnyUrl("assets://readme"),
                name="readme",
                text="Assets bundled with the plugin host. Use asset_checksum to verify them.",
            )
        )

        @mcp.resource("assets://{key}/meta", mime_type="application/json")
        def asset_meta(key: str) -> dict[str, Any]:
            if key not in ASSETS:
                raise ValueError(f"unknown asset {key}")
            filename, mime = ASSETS[key]
            path = plugin.root / filename
            return {"key": key, "file": filename, "mimeType": mime, "size": path.stat().st_size}

        @mcp.tool(title="Checksum an asset", annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
        async def asset_checksum(key: str, ctx: Context[ServerSession, HostState]) -> dict[str, Any]:
            """Read an asset through the resource layer and hash it."""
            if key not in ASSETS:
                raise ValueError(f"unknown asset {key!r}")
            uri = plugin.asset_uri(key)
            data = await ctxutil.read_bytes(ctx, uri)
            await ctx.info(f"hashed {len(data)} bytes from {uri.path}")
            return {"uri": str(uri), "scheme": uri.scheme, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

        @mcp.tool(title="Logo thumbnail")
        def logo_thumbnail() -> Image:
            return Image(path=plugin.root / "logo.png")
