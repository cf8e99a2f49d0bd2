import io
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from servers import build_catalog_server, build_notes_server, running

from shellpilot.cli import amain, build_parser, execute
from shellpilot.hub import ServerHub

HERE = Path(__file__).parent


async def test_execute_subcommands_against_live_servers() -> None:
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server()) as (r2, w2):
        async with ServerHub() as hub:
            await hub.attach("notes", r1, w1)
            await hub.attach("catalog", r2, w2)
            parser = build_parser()

            async def run(*argv: str) -> tuple[int, str]:
                out = io.StringIO()
                code = await execute(hub, parser.parse_args(list(argv)), out)
                return code, out.getvalue()

            code, text = await run("tools")
            assert code == 0 and "notes__search_notes(query)  [ro]" in text
            assert "catalog__lookup_book(id)" in text

            code, text = await run("call", "catalog__lookup_album", '{"id": 3}')
            assert code == 0 and text.splitlines()[-1] == '{"id": 3, "kind": "album"}'
            code, text = await run("call", "strict_divide", '{"a": 1, "b": 0}')
            assert code == 1 and "division by zero" in text

            code, text = await run("-s", "notes", "read", "notes://groceries")
            assert text == "oat milk\ncoffee\n"
            code, text = await run("-s", "notes", "prompt", "review", "topic=mcp")
            assert text.strip() == "user> Review the notes about mcp in a neutral tone."
            code, text = await run("-s", "notes", "complete", "review", "tone", "")
            assert text.split() == ["neutral", "friendly", "terse", "formal"]
            code, text = await run("-s", "catalog", "resources")
            assert "catalog://cover/{id}" in text and "shelf-2" in text
            code, text = await run("ask", "count_notes", "topic=mcp")
            assert code == 0 and text.strip() == "2"
            code, text = await run("ping")
            assert text.startswith("notes: ")


async def test_amain_with_config_file() -> None:
    config = {
        "mcpServers": {
            "notes": {
                "command": sys.executable,
                "args": [str(HERE / "stdio_notes.py")],
                "env": {"PYTHONPATH": os.environ.get("PYTHONPATH", "")},
            },
            "off": {"type": "sse", "url": "http://nowhere.invalid/sse", "disabled": True},
        },
        "assistant": {"defaultServer": "notes"},
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "servers.json"
        path.write_text(json.dumps(config))

        out = io.StringIO()
        assert await amain(["--config", str(path), "check-config"], out) == 0
        assert out.getvalue().splitlines() == ["notes: stdio", "off: sse (disabled)"]

        out = io.StringIO()
        assert await amain(["--config", str(path), "read", "notes://mcp"], out) == 0
        assert out.getvalue().startswith("sessions are initialized first")

        out = io.StringIO()
        assert await amain(["--config", str(path), "call", "no_such_tool"], out) == 1

        path.write_text('{"mcpServers": {"x": {"type": "ftp", "url": "ftp://x"}}}')
        assert await amain(["--config", str(path), "tools"], io.StringIO()) == 2
