import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

F = sdk.FASTMCP_MODULE
# (class, method) -> (the parameters before `context`, in order; those v2 made required)
CALLS = {
    (F + ".tools.tool_manager.ToolManager", "call_tool"): (("name", "arguments"), ()),
    (F + ".tools.base.Tool", "run"): (("arguments",), ()),
    (F + ".prompts.base.Prompt", "render"): (("arguments",), ("arguments",)),
    (F + ".prompts.manager.PromptManager", "render_prompt"): (("name", "arguments"), ("arguments",)),
    (F + ".resources.resource_manager.ResourceManager", "get_resource"): (("uri",), ()),
    (F + ".resources.templates.ResourceTemplate", "create_resource"): (("uri", "params"), ()),
}
ANCHOR = "mcpservercall_tool-read_resource-get_prompt-now-accept-a-context-parameter"
# MCPServer methods its own request handlers now call with the context (`self.call_tool(name, args,
# context)`): how many of v1's parameters an override takes before it (fewest, most).
OVERRIDES = {"call_tool": (2, 2), "read_resource": (1, 1), "get_prompt": (1, 2)}
# Methods whose v2 result may also be an `InputRequiredResult` (a multi-round-trip request, which no
# v1 function returns): a call given its context is narrowed the guide's way, or left marked.
UNION_RESULTS = {"render", "render_prompt", "get_resource", "create_resource"}


@rule(
    code="SRV030",
    title="`MCPServer.call_tool()`, `read_resource()`, `get_prompt()` now accept a `context` parameter",
    anchor=ANCHOR,
    fix_class="review",
    summary="""
        Calls of MCPServer's internal layers that left out the context (`ToolManager.call_tool(name,
        args)`, `Tool.run(args)`, `Prompt.render(args)`, `PromptManager.render_prompt(name, args)`,
        `ResourceManager.get_resource(uri)`, `ResourceTemplate.create_resource(uri, params)`, on
        objects the file shows come from the SDK, such as `mcp._tool_manager`): inside a handler
        with a `Context` parameter, passes it as `context=` (and `arguments=None` where v2 made
        `arguments` required); elsewhere (tests, scripts) passes `context=Context()`, the context
        with no request the public `MCPServer` methods build when given none (review). Where v2
        widened the result to `... | InputRequiredResult` (`render`, `render_prompt`,
        `get_resource`, `create_resource`), the fix also adds the guide's `assert not
        isinstance(x, InputRequiredResult)` after `x = await ...`; a result used another way is marked.
        A FastMCP subclass overriding `call_tool()` / `read_resource()` / `get_prompt()` gets the
        `context: Context | None = None` parameter v2's handlers pass, handed on to `super()`.
    """,
    why="""
        v2 requires the context: `TypeError: ToolManager.call_tool() missing 1 required positional
        argument: 'context'`. The public `MCPServer.call_tool()` / `read_resource()` /
        `get_prompt()` still build one when it is left out.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("demo")


         @mcp.tool()
         async def twice(x: int, ctx: Context) -> list:
        -    first = await mcp._tool_manager.call_tool("double", {"x": x})
        +    first = await mcp._tool_manager.call_tool("double", {"x": x}, context=ctx)
             return [first, first]
    """,
    v1_names=["%s.%s" % key for key in CALLS],
    v2_names=[
        "mcp.server.mcpserver.tools.tool_manager.ToolManager.call_tool(context)",
        "mcp.server.mcpserver.prompts.base.Prompt.render(context)",
        "mcp.types.InputRequiredResult",
    ],
)
def check(ctx: PythonContext):
    for fn in ctx.async_overrides(sdk.FASTMCP, *OVERRIDES):
        _override(ctx, fn)
    methods = {m for _, m in CALLS}
    for call in ctx.attr_calls(*methods):
        recv = call.func.value
        found = next(((cls, m) for cls, m in CALLS if m == call.func.attr and ctx.is_instance(recv, cls)), None)
        if found is None:
            continue
        before, required = CALLS[found]
        if ctx.has_star(call) or ctx.keyword(call, "context") is not None or len(call.args) > len(before):
            continue
        what = "`%s.%s()`" % (found[0].rpartition(".")[2], found[1])
        given = {k.arg for k in call.keywords} | set(before[: len(call.args)])
        extra = ["%s=None" % name for name in required if name not in given]
        narrowing = ctx.narrow_input_required(call) if found[1] in UNION_RESULTS else []
        param = _context_parameter(ctx, call)
        if param is not None:
            edit = ctx.add_kwargs(call, ", ".join(extra + ["context=%s" % param]))
            if edit is None or narrowing is None:
                ctx.manual(call, "%s requires a `context` in v2: pass `context=%s`" % (what, param))
            else:
                msg = "%s requires a `context` in v2: the handler's `%s` is passed" % (what, param)
                ctx.fix(call, msg, [edit] + narrowing)
            continue
        # No handler context here (a test, a script): v1 passed None; a `Context()` with no request is
        # what the public MCPServer methods build in that case.
        name, imp = ctx.context_name()
        edit = ctx.add_kwargs(call, ", ".join(extra + ["context=%s()" % name])) if name else None
        if edit is None or narrowing is None:
            ctx.manual(
                call,
                "%s requires a `context` in v2: pass the handler's `Context`, or call the "
                "public `MCPServer` method, which builds one" % what,
            )
            continue
        msg = (
            "%s requires a `context` in v2: pass the handler's `Context` where there is one; elsewhere "
            "`Context()` stands in for v1's missing one, as the public `MCPServer` methods do (a function "
            "that uses its `ctx` raises without a request, as it did with v1's `None`)" % what
        )
        ctx.fix(call, msg, [edit] + ([imp] if imp else []) + narrowing, fix_class="review")


def _override(ctx, fn):
    """`async def call_tool(self, name, arguments)` in a FastMCP subclass: v2's handlers call it with
    the context as a third argument, so every tool call would raise `TypeError`. It takes
    `context: Context | None = None` and hands it to the `super()` call(s) it makes."""
    a = fn.args
    names = [x.arg for x in a.posonlyargs + a.args]
    if a.vararg or "context" in names + [x.arg for x in a.kwonlyargs]:
        return  # `*args` takes the context already; a `context` of its own is the user's
    what = "MCPServer calls `%s()` with the request's context in v2" % fn.name
    fewest, most = OVERRIDES[fn.name]
    if a.kwonlyargs or not fewest <= len(names) - 1 <= most:  # v2 passes them by position, then the context
        ctx.manual(fn, what + ": take `context: Context | None = None` after v1's parameters and pass it on")
        return
    name, imp = ctx.context_name()
    last = (a.posonlyargs + a.args)[-1]
    end = max(ctx.span(last)[1], ctx.span(a.defaults[-1])[1] if a.defaults else 0)
    param = "context: %s | None = None" % name if name else "context=None"
    edits = [ctx.insert(end, ", " + param)] + ([imp] if imp else [])
    for call in ast.walk(fn):
        if isinstance(call, ast.Call) and ctx.is_super_method(call, fn.name):
            passed = ctx.add_kwargs(call, "context=context") if not ctx.has_star(call) else None
            if passed is None or ctx.keyword(call, "context") is not None:
                ctx.manual(fn, what + ": pass `context` on to `super().%s()`" % fn.name)
                return
            edits.append(passed)
    ctx.fix(fn, what + ": the override takes it and hands it on", edits, fix_class="safe")


def _context_parameter(ctx, call):
    """The name of the enclosing def's `Context` parameter, if it has one."""
    fn = ctx.enclosing(call, ast.FunctionDef, ast.AsyncFunctionDef)
    if fn is None:
        return None
    names = ctx.context_params(fn)
    return names[0] if names else None
