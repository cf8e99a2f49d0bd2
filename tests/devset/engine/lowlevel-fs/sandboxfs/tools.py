"""Static tool catalogue advertised by the server."""

from __future__ import annotations

from typing import Any

from mcp import types


def _hints(*, read_only: bool, destructive: bool = False, idempotent: bool = False) -> types.ToolAnnotations:
    if read_only:
        return types.ToolAnnotations(readOnlyHint=True, openWorldHint=False)
    return types.ToolAnnotations(
        readOnlyHint=False, destructiveHint=destructive, idempotentHint=idempotent, openWorldHint=False
    )


READ_ONLY = _hints(read_only=True)
ADDITIVE = _hints(read_only=False, idempotent=True)
DESTRUCTIVE = _hints(read_only=False, destructive=True)


def _obj(properties: dict[str, Any], *required: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def _tool(
    name: str,
    description: str,
    input_schema: dict[str, Any],
    annotations: types.ToolAnnotations,
    *,
    output_schema: dict[str, Any] | None = None,
    execution: types.ToolExecution | None = None,
) -> types.Tool:
    return types.Tool(
        name=name,
        title=name.replace("_", " ").capitalize(),
        description=description,
        inputSchema=input_schema,
        outputSchema=output_schema,
        annotations=annotations,
        execution=execution,
    )


PATH = {"type": "string", "description": "Absolute path, or relative to the first allowed directory"}
EDIT = _obj({"oldText": {"type": "string"}, "newText": {"type": "string"}}, "oldText", "newText")

STRING, BOOL = {"type": "string"}, {"type": "boolean"}
INFO_SCHEMA = {
    "type": "object",
    "properties": {"path": STRING, "size": {"type": "integer"}, "isDirectory": BOOL, "isFile": BOOL, "mimeType": {"type": ["string", "null"]}},
    "required": ["path", "size", "isDirectory", "isFile"],
}
LISTING_SCHEMA = _obj({"entries": {"type": "array"}, "nextCursor": {"type": ["string", "null"]}}, "entries")

TOOLS: list[types.Tool] = [
    _tool("list_allowed_directories", "Show the directories this server may read and write.", _obj({}), READ_ONLY),
    _tool(
        "read_text_file",
        "Read a UTF-8 text file. Use head/tail to read only the first or last N lines.",
        _obj({"path": PATH, "head": {"type": "integer", "minimum": 0}, "tail": {"type": "integer", "minimum": 0}}, "path"),
        READ_ONLY,
    ),
    _tool("read_media_file", "Read an image or audio file, base64-encoded.", _obj({"path": PATH}, "path"), READ_ONLY),
    _tool("write_file", "Create or overwrite a file.", _obj({"path": PATH, "content": {"type": "string"}}, "path", "content"), DESTRUCTIVE),
    _tool(
        "edit_file",
        "Replace exact text spans in a file and return a unified diff. Set dryRun to preview.",
        _obj({"path": PATH, "edits": {"type": "array", "items": EDIT}, "dryRun": {"type": "boolean"}}, "path", "edits"),
        DESTRUCTIVE,
    ),
    _tool(
        "delete_file",
        "Delete a file, or a directory when recursive is true. Asks the user to confirm when possible.",
        _obj({"path": PATH, "recursive": {"type": "boolean"}}, "path"),
        DESTRUCTIVE,
    ),
    _tool(
        "list_directory",
        "List a directory; entries are paged with an opaque cursor.",
        _obj({"path": PATH, "cursor": {"type": "string"}}, "path"),
        READ_ONLY,
        output_schema=LISTING_SCHEMA,
    ),
    _tool(
        "search_files",
        "Recursively find files and directories whose name matches a glob pattern.",
        _obj({"path": PATH, "pattern": {"type": "string"}, "excludePatterns": {"type": "array", "items": {"type": "string"}}}, "path", "pattern"),
        READ_ONLY,
        execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
    ),
    _tool("get_file_info", "Size, timestamps, permissions and MIME type.", _obj({"path": PATH}, "path"), READ_ONLY, output_schema=INFO_SCHEMA),
    _tool("sync_roots", "Re-read the client's roots and use them as the allowed directories.", _obj({}), ADDITIVE),
]
