from __future__ import annotations

import base64
import os
import sys

from pydantic import AnyUrl

sys.path.insert(0, os.path.dirname(__file__))

from support import FILES, PNG_BYTES, config_tree, open_gateway  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.shared.exceptions import McpError  # noqa: E402


async def test_list_and_read_resources() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            first = await h.session.list_resources()
            assert len(first.resources) == 3 and first.nextCursor is not None
            second = await h.session.list_resources(cursor=first.nextCursor)
            assert second.resources[0].name == "envs/prod/app.json"

            everything = {r.name: r for r in await h.client.all_resources()}
            assert sorted(everything) == sorted(FILES)
            app = everything["app.json"]
            assert (app.uri.scheme, app.uri.host, app.uri.path) == ("config", "files", "/app.json")
            assert app.mimeType == "application/json"
            assert everything["assets/logo.png"].size == len(PNG_BYTES)

            result = await h.session.read_resource(AnyUrl("config://files/database.toml"))
            text = result.contents[0]
            assert isinstance(text, types.TextResourceContents)
            assert text.mimeType == "application/toml" and "db.internal" in text.text
            blob = (await h.session.read_resource(everything["assets/logo.png"].uri)).contents[0]
            assert isinstance(blob, types.BlobResourceContents)
            assert blob.mimeType == "image/png" and base64.b64decode(blob.blob) == PNG_BYTES


async def test_templates_and_environment_views() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            templates = {t.name: t for t in (await h.session.list_resource_templates()).resourceTemplates}
            assert templates["env-file"].uriTemplate == "config://env/{env}/{name}"
            assert templates["merged-env"].mimeType == "application/json"

            assert (await h.client.read_json("config://env/prod/app.json"))["service"]["port"] == 443
            assert "size = 5" in str(await h.client.read("config://env/staging/database.toml"))
            merged = await h.client.read_json(AnyUrl("config://merged/prod"))
            assert merged["app"]["service"] == {"name": "billing", "port": 443}
            assert merged["database"]["pool"]["size"] == 50
            assert merged["logging"]["root"]["level"] == "INFO"


async def test_read_errors_carry_uri() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            cases = [
                ("config://files/missing.json", "Resource not found"),
                ("https://example.com/app.json", "Unsupported URI scheme"),
                ("config://secrets/app.json", "Unknown config area"),
                ("config://merged/qa", "Resource not found"),
            ]
            for uri, message in cases:
                try:
                    await h.session.read_resource(AnyUrl(uri))
                except McpError as exc:
                    assert exc.error.code == types.INVALID_PARAMS
                    assert exc.error.message.startswith(message), exc.error.message
                    assert exc.error.data == {"uri": uri}
                else:
                    raise AssertionError(f"{uri} was readable")
