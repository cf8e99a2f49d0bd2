"""Engine throughput, measured the same way under CPython and Pyodide (bench/engine.mjs runs both).

Prints one JSON object: for a generated v1 file and for the runtime's own standard library, the
engine's time, bare `ast.parse` time on the same texts, lines, and the derived lines/s and ratio.
"""

import ast
import json
import os
import sys
import sysconfig
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate.api import migrate_text  # noqa: E402

V1_BLOCK = '''
@mcp.tool()
async def tool_{i}(city: str, ctx: Context) -> str:
    """Look something up for {i}."""
    await ctx.info(f"looking up {{city}}")
    result = await session.list_tools(cursor="page-{i}")
    if result.nextCursor:
        tool = result.tools[0]
        schema = tool.inputSchema
    try:
        await session.call_tool("x", {{"n": {i}}}, read_timeout_seconds=timedelta(seconds=30))
    except McpError as e:
        if e.error.code == 408:
            raise
    return str(types.TextContent(type="text", text=city))
'''

V1_HEADER = '''from datetime import timedelta

import mcp.types as types
from mcp import ClientSession, McpError
from mcp.server.fastmcp import Context, FastMCP

mcp = FastMCP("bench", "Instructions for the bench server", host="0.0.0.0", port=8000)
session: ClientSession
'''


def generated_v1_file(lines):
    parts = [V1_HEADER]
    i = 0
    while sum(p.count("\n") for p in parts) < lines:
        parts.append(V1_BLOCK.format(i=i))
        i += 1
    parts.append('\nif __name__ == "__main__":\n    mcp.run(transport="streamable-http")\n')
    return "".join(parts)


def stdlib_texts(limit=None):
    # Pyodide ships its standard library as a zip on sys.path rather than as a directory.
    for entry in sys.path:
        if entry.endswith(".zip") and os.path.isfile(entry):
            return zipped_texts(entry, limit)
    root = sysconfig.get_paths()["stdlib"]
    texts = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "test", "tests", "idlelib"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                try:
                    with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                        texts.append((name, f.read()))
                except (UnicodeDecodeError, OSError):
                    continue
                if limit and len(texts) >= limit:
                    return texts
    return texts


def zipped_texts(path, limit=None):
    import zipfile

    texts = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".py") and not any(p in name.split("/") for p in ("test", "tests", "idlelib")):
                try:
                    texts.append((name.rsplit("/", 1)[-1], zf.read(name).decode("utf-8")))
                except UnicodeDecodeError:
                    continue
                if limit and len(texts) >= limit:
                    break
    return texts


def measure(texts, repeat=1):
    lines = sum(t.count("\n") + 1 for _, t in texts)
    best_engine = best_parse = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for name, text in texts:
            migrate_text(text, name)
        best_engine = min(best_engine, time.perf_counter() - start)
        start = time.perf_counter()
        for _, text in texts:
            try:
                ast.parse(text)
            except SyntaxError:
                pass
        best_parse = min(best_parse, time.perf_counter() - start)
    return {
        "files": len(texts),
        "lines": lines,
        "engine_ms": round(best_engine * 1000, 1),
        "parse_ms": round(best_parse * 1000, 1),
        "lines_per_s": int(lines / best_engine) if best_engine else None,
        "ratio": round(best_engine / best_parse, 2) if best_parse else None,
    }


def run(stdlib_limit=None):
    migrate_text(generated_v1_file(50), "warmup.py")
    small = generated_v1_file(1000)
    large = generated_v1_file(10000)
    return {
        "runtime": "%s %s" % (sys.implementation.name, sys.version.split()[0]),
        "v1_1k_lines": measure([("bench.py", small)], repeat=5),
        "v1_10k_lines": measure([("bench.py", large)], repeat=2),
        "stdlib": measure(stdlib_texts(stdlib_limit)),
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else None)))
