"""Tool and resource declarations."""

from __future__ import annotations

import mcp.types as types

RUN_PYTHON = types.Tool(
    name="run_python",
    title="Run Python",
    description=(
        "Execute a Python 3 snippet in an isolated interpreter and return its exit code and output. "
        "Each stdout line is streamed as progress while the snippet runs."
    ),
    inputSchema={
        "type": "object",
        "properties": {
            "code": {"type": "string", "description": "Python source to execute"},
            "timeout_seconds": {"type": "number", "minimum": 0.1, "maximum": 120},
            "stdin": {"type": "string", "description": "Text piped to the snippet's stdin"},
        },
        "required": ["code"],
        "additionalProperties": False,
    },
    outputSchema={
        "type": "object",
        "properties": {
            "run_id": {"type": "string"},
            "exit_code": {"type": "integer"},
            "stdout": {"type": "string"},
            "stderr": {"type": "string"},
            "duration_ms": {"type": "integer"},
            "truncated": {"type": "boolean"},
        },
        "required": ["run_id", "exit_code", "stdout", "stderr"],
    },
    annotations=types.ToolAnnotations(destructiveHint=False, openWorldHint=False),
)

LIST_RUNS = types.Tool(
    name="list_runs",
    description="Most recent runs, newest first.",
    inputSchema={
        "type": "object",
        "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": 100}},
    },
    outputSchema={
        "type": "object",
        "properties": {"runs": {"type": "array", "items": {"type": "object"}}},
        "required": ["runs"],
    },
    annotations=types.ToolAnnotations(readOnlyHint=True),
)

TOOLS = [RUN_PYTHON, LIST_RUNS]

RUN_OUTPUT_TEMPLATE = types.ResourceTemplate(
    uriTemplate="sandbox://runs/{run_id}/output",
    name="run-output",
    title="Output of a sandbox run",
    mimeType="text/plain",
)
