import io
import json
import os
import sys
import tempfile
from pathlib import Path

from switchboard.cli import main
from switchboard.config import load_config
from switchboard.group import quick_call

HERE = os.path.dirname(os.path.abspath(__file__))


def _write_config() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="switchboard-cfg-"))
    config = {
        "defaults": {"readTimeoutSeconds": 20},
        "mcpServers": {
            "clock": {
                "command": sys.executable,
                "args": [os.path.join(HERE, "stdio_clock_server.py")],
                "env": {"PYTHONPATH": "${PYTHONPATH:-}"},
            },
            "legacy": {"type": "sse", "port": 9, "disabled": True},
        },
    }
    path = folder / "servers.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def test_cli_against_stdio_server():
    config = str(_write_config())
    out = io.StringIO()
    assert main(["--config", config, "tools"], out=out) == 0
    assert "clock.add" in out.getvalue() and "(a: integer, b: integer)" in out.getvalue()

    out = io.StringIO()
    assert main(["--config", config, "call", "clock.add", "--arg", "a=2", "--arg", "b=40"], out=out) == 0
    assert out.getvalue().splitlines() == ["[OK] clock.add", "42", '{"result": 42}']

    out = io.StringIO()
    assert main(["--config", config, "read", "clock://zones"], out=out) == 0
    assert out.getvalue().strip() == "UTC\nEurope/Paris"


async def test_session_group_routes_prefixed_names():
    tree = load_config(_write_config())
    names, result = await quick_call([tree.servers["clock"]], "clock/add", {"a": 1, "b": 2})
    assert names == ["clock/add", "clock/now"]
    assert not result.isError
    assert result.structuredContent == {"result": 3}
