"""The MCP worker: blocking, synchronous tools served over streamable HTTP.

    python -m task_runner.worker_server
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from mcp.server.fastmcp import FastMCP

from . import settings

mcp = FastMCP(
    "task-worker",
    "Batch worker: report rendering and CRM lookups. Calls may block for minutes.",
    host=settings.WORKER_HOST,
    port=settings.WORKER_PORT,
    streamable_http_path="/mcp",
    stateless_http=True,
    json_response=True,
)

# One connection, created at import time, used by every tool call.
db = sqlite3.connect(settings.WORKER_DB_PATH)
db.execute("CREATE TABLE IF NOT EXISTS renders (report_id INTEGER, fmt TEXT, path TEXT, took REAL)")


class RenderResult(BaseModel):
    report_id: int
    path: str
    bytes: int
    seconds: float


@mcp.tool()
def render_report(report_id: int, fmt: Literal["pdf", "csv"] = "csv") -> RenderResult:
    """Render a report to a file (slow)."""
    started = time.perf_counter()
    out_dir = Path(tempfile.gettempdir()) / "reports"
    out_dir.mkdir(exist_ok=True)
    path = out_dir / f"report-{report_id}.{fmt}"
    rows = [f"{report_id},{i},{i * i}" for i in range(100)]
    time.sleep(0.01)  # stand-in for the real renderer
    path.write_text("id,n,square\n" + "\n".join(rows))
    took = time.perf_counter() - started
    db.execute("INSERT INTO renders VALUES (?, ?, ?, ?)", (report_id, fmt, str(path), took))
    db.commit()
    return RenderResult(report_id=report_id, path=str(path), bytes=path.stat().st_size, seconds=took)


@mcp.tool()
def lookup_contact(email: str) -> dict[str, str]:
    """Look a contact up in the CRM (blocking HTTP)."""
    url = f"https://crm.internal.example.com/api/contacts?email={email}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        data = json.load(resp)
    return {"email": email, "name": data.get("name", ""), "company": data.get("company", "")}


@mcp.tool()
def schedule_cleanup(path: str, delay_seconds: float = 60.0) -> str:
    """Delete a rendered artefact later without blocking the caller."""
    loop = asyncio.get_running_loop()
    loop.call_later(delay_seconds, shutil.rmtree, path, True)
    return f"cleanup of {path} scheduled in {delay_seconds:.0f}s"


@mcp.resource("worker://renders")
def recent_renders() -> str:
    rows = db.execute("SELECT report_id, fmt, path, took FROM renders ORDER BY rowid DESC LIMIT 20").fetchall()
    return json.dumps([{"report_id": r[0], "fmt": r[1], "path": r[2], "took": r[3]} for r in rows])


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
