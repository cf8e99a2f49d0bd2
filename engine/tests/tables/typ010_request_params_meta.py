"""TYP010: `RequestParams.Meta` replaced with `RequestParamsMeta` TypedDict

Rule: engine/mcp_migrate/rules/typ010_request_params_meta.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # `Meta(**d)`: the TypedDict's constructor copies the same keys (request meta); a notification's
    # `Meta(**d)` and a splat beside keywords stay marked
    case(
        " from mcp.types import NotificationParams, RequestParams\n"
        "+from mcp.types import RequestParamsMeta\n"
        " \n"
        " def build(extra: dict, token: str):\n"
        "-    request_meta = RequestParams.Meta(**extra)\n"
        "+    request_meta = RequestParamsMeta(**extra)\n"
        "+    # mcp-migrate: TYP010 `Meta(...)` models are gone: pass a dict (`{\"progress_token\": ...}`) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestparamsmeta-replaced-with-requestparamsmeta-typeddict\n"
        "     mixed = RequestParams.Meta(progressToken=token, **extra)\n"
        "+    # mcp-migrate: TYP010 `Meta(...)` models are gone: pass a dict (`{\"progress_token\": ...}`) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestparamsmeta-replaced-with-requestparamsmeta-typeddict\n"
        "     note_meta = NotificationParams.Meta(**extra)\n"
        "     return request_meta, mixed, note_meta\n",
        findings=["TYP010:4 review", "TYP010:5 manual", "TYP010:6 manual"],
    ),
    # `call_tool(meta=...)` given what v1's `dict[str, Any]` parameter took: marked; a literal passes
    case(
        " from typing import Any\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def call(session: ClientSession, meta: dict[str, Any] | None = None):\n"
        "+    # mcp-migrate: TYP010 `call_tool(meta=...)` takes a `RequestParamsMeta` TypedDict in v2: a `dict[str, ...]` "
        "still works at runtime but type checkers reject it; annotate the value `RequestParamsMeta` (`from mcp.types "
        "import RequestParamsMeta`) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestparamsmeta-replaced-with-requestparamsmeta-typeddict\n"
        "     await session.call_tool(\"a\", {}, meta=meta)\n"
        "     await session.call_tool(\"c\", {}, meta={\"trace\": \"2\"})\n",
        findings=["TYP010:5 manual"],
    ),
    # a dict the file builds only to pass as `meta=`: annotated with the TypedDict (`| None` for a
    # conditional one); one it also uses otherwise is marked
    case(
        " from mcp import ClientSession\n"
        "+from mcp.types import RequestParamsMeta\n"
        " \n"
        '-READER = {"client_id": "alice"}\n'
        '+READER: RequestParamsMeta = {"client_id": "alice"}\n'
        " \n"
        " async def call(session: ClientSession, run_id: str | None):\n"
        "     await session.call_tool(\"a\", {}, meta=READER)\n"
        "     await session.call_tool(\"b\", {}, meta=READER)\n"
        '-    meta = {"run": run_id} if run_id else None\n'
        '+    meta: RequestParamsMeta | None = {"run": run_id} if run_id else None\n'
        "     await session.call_tool(\"c\", {}, meta=meta)\n"
        '     merged = {"trace": "1"}\n'
        "+    # mcp-migrate: TYP010 `call_tool(meta=...)` takes a `RequestParamsMeta` TypedDict in v2: a `dict[str, ...]` "
        "still works at runtime but type checkers reject it; annotate the value `RequestParamsMeta` (`from mcp.types "
        "import RequestParamsMeta`) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestparamsmeta-replaced-with-requestparamsmeta-typeddict\n"
        "     await session.call_tool(\"d\", {}, meta=merged)\n"
        '     print(merged["trace"])\n',
        findings=["TYP010:3 safe", "TYP010:8 safe", "TYP010:11 manual"],
    ),
    case(
        " from mcp import types\n"
        " \n"
        "-params = types.CallToolRequestParams(name='t', _meta=types.RequestParams.Meta(progressToken=tok))\n"
        '+params = types.CallToolRequestParams(name=\'t\', _meta={"progress_token": tok})\n',
        findings=["TYP010:3 review"],
    ),
    # built before it is passed: the TypedDict's own constructor, which `_meta=` accepts
    case(
        " from mcp import types\n"
        " from mcp.types import RequestParams\n"
        "+from mcp.types import RequestParamsMeta\n"
        " \n"
        "-meta = types.RequestParams.Meta(progressToken=7, traceparent=tp)\n"
        "-other = RequestParams.Meta(progressToken=8)\n"
        "+meta = types.RequestParamsMeta(progress_token=7, traceparent=tp)\n"
        "+other = RequestParamsMeta(progress_token=8)\n"
        " params = types.CallToolRequestParams(name='t', _meta=meta)\n",
        findings=["TYP010:4 review", "TYP010:5 review"],
    ),
    case(
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " server = Server('s')\n"
        " \n"
        " async def handle(name, arguments):\n"
        "     ctx = server.request_context\n"
        "-    if ctx.meta and ctx.meta.progressToken:\n"
        "-        await ctx.session.send_progress_notification(ctx.meta.progressToken, 0.5, 100)\n"
        '+    if ctx.meta and "progress_token" in ctx.meta:\n'
        '+        await ctx.session.send_progress_notification(ctx.meta["progress_token"], 0.5, 100)\n',
        findings=["TYP010:7 safe"],
    ),
    # `is not None` guards the same way; a test under `not`, or a body that binds the name again, reads with `.get`
    case(
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " server = Server('s')\n"
        " \n"
        " async def handle(name, arguments):\n"
        "     ctx = server.request_context\n"
        "-    if ctx.meta is not None and ctx.meta.progressToken is not None:\n"
        "-        token = ctx.meta.progressToken\n"
        "-    if not ctx.meta.progressToken:\n"
        '+    if ctx.meta is not None and "progress_token" in ctx.meta:\n'
        '+        token = ctx.meta["progress_token"]\n'
        '+    if not ctx.meta.get("progress_token"):\n'
        "         return\n"
        "-    if ctx.meta.progressToken:\n"
        "-        ctx = None\n"
        '+    if ctx.meta.get("progress_token"):\n'
        "+        ctx = None\n",
        findings=["TYP010:7 safe", "TYP010:9 safe", "TYP010:11 safe"],
    ),
    case(
        " from mcp.types import RequestParams\n"
        " \n"
        "+# mcp-migrate: TYP010 `RequestParams.Meta` is the `RequestParamsMeta` TypedDict in v2 (`from mcp.types import RequestParamsMeta`); use dict access https://py.sdk.modelcontextprotocol.io/v2/migration/#requestparamsmeta-replaced-with-requestparamsmeta-typeddict\n"
        " def f(meta: RequestParams.Meta):\n"
        "     pass\n",
        findings=["TYP010:3 manual"],
    ),
    # a value the SDK's types say is a request's Meta
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " def echo(ctx: Context):\n"
        "     meta = ctx.request_context.meta\n"
        "-    token = meta.progressToken\n"
        "+    token = meta.get(\"progress_token\")\n"
        "+    # mcp-migrate: TYP010 `meta` is a dict in v2 (`RequestParamsMeta`, a TypedDict, for requests): it has no "
        "`.model_dump`; use dict access (`dict(meta)` for a copy) "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#requestparamsmeta-replaced-with-requestparamsmeta-typeddict\n"
        "     return token, meta.model_dump(mode=\"json\"), meta.get('x')\n",
        findings=["TYP010:5 safe", "TYP010:6 manual"],
    ),
    # `model_dump()` leaving out fields (v1 names) or None values: the same keys of v2's dict
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " def forward(ctx: Context):\n"
        "     meta = ctx.request_context.meta\n"
        '-    return meta.model_dump(exclude={"progressToken"}, exclude_none=True), meta.model_dump()\n'
        '+    return {k: v for k, v in meta.items() if k != "progress_token" and v is not None}, dict(meta)\n',
        findings=["TYP010:5 review", "TYP010:5 review"],
    ),
    # v1's extra keys of a request's Meta: v2's dict without the field v1 declared
    case(
        " from mcp.server.fastmcp import Context\n"
        " \n"
        " def extras(ctx: Context):\n"
        "-    return dict(ctx.request_context.meta.model_extra or {})\n"
        '+    return dict({k: v for k, v in ctx.request_context.meta.items() if k != "progress_token"} or {})\n',
        findings=["TYP010:4 review"],
    ),
    # `.meta.progressToken` on a value the file cannot type: the same fix, for review
    case(
        " from mcp import types\n"
        " \n"
        " def token(request):\n"
        "-    return request.meta.progressToken\n"
        '+    return request.meta.get("progress_token")\n',
        findings=["TYP010:4 review"],
    ),
    # `request.params.meta` of a typed request, held in a name: v1's `RequestParams.Meta`
    case(
        ' from mcp import types\n'
        ' \n'
        ' \n'
        ' def check(request: types.CallToolRequest) -> None:\n'
        '     meta = request.params.meta\n'
        '-    assert meta is not None and meta.progressToken == "p-1" and meta.model_extra == {"tenant": "acme"}\n'
        '-    print(request.params.meta.progressToken)\n'
        '+    assert meta is not None and meta.get("progress_token") == "p-1" and {k: v for k, v in meta.items() if k != "progress_token"} == {"tenant": "acme"}\n'
        '+    print(request.params.meta.get("progress_token"))\n',
        findings=['TYP010:6 safe', 'TYP010:6 review', 'TYP010:7 safe'],
    ),
]

NOOP = [
    "def f(ctx):\n    return ctx.meta.progressToken\n",
    "from mcp.types import RequestParamsMeta\n\nm: RequestParamsMeta = {'progress_token': 1}\n",
    "class RequestParams:\n    class Meta:\n        pass\n\nRequestParams.Meta()\n",
]
