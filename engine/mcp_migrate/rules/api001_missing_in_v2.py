import ast

from ..context import PythonContext
from ..framework import rule
from ..sdk import V2_MISSING_MEMBERS as MEMBERS
from ..sdk import V2_MISSING_MODULES as MODULES
from ..sdk import V2_MISSING_NAMES as NAMES
from ..sdk import V2_MISSING_PARAMS as PARAMS

MEMBER_NAMES = {m for ms in MEMBERS.values() for m in ms}
PARAM_NAMES = {p for ps in PARAMS.values() for p in ps}


@rule(
    code="API001",
    title="v1 API that v2 no longer has",
    anchor="changes-almost-every-project-hits",
    fix_class="manual",
    summary="""
        The safety net after every other rule: marks each use of a v1 module, class, function, type
        alias (`StructuredContent`), class member or keyword parameter that has no counterpart in v2
        (read from both releases' source),
        where no rule already reported it: an import, `session._receive_request_type`, `server._mcp_server`,
        `ClientSession.list_tools(cursor=...)`. The object's class comes from the file's own evidence
        (constructors, annotations, SDK return types, `isinstance`), so code that never names a class is
        covered too. Each marker links to the section that explains the change.
    """,
    why="""
        Whatever no rule rewrites must not pass silently: v2 raises `ImportError`, `AttributeError` or
        `TypeError: ... got an unexpected keyword argument` there, and a type checker reports it.
    """,
    example="""
         from mcp import ClientSession


         async def main(read, write):
             async with ClientSession(read, write) as session:
        +        # mcp-migrate: API001 `session._receive_request_type` does not exist in v2 (`ClientSession` has no `_receive_request_type`) https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed
                 session._receive_request_type = dict
    """,
    v1_names=["mcp.client.session.ClientSession"],
    v2_names=["mcp.client.session.ClientSession"],
)
def check(ctx: PythonContext):
    if not ctx.imports_from("mcp"):
        return
    for node, message, anchor in _imports(ctx) + _members(ctx) + _keywords(ctx):
        if not ctx.already_reported(node):  # a rule of its own covers this spot
            f = ctx.manual(node, message)
            f.anchor = anchor
            f.subsumable = True  # a marker about this text only: none once a fix rewrites the text


def _imports(ctx):
    out = []
    for node in ctx.imports():
        for a in node.names:
            if isinstance(node, ast.ImportFrom):
                if node.level or not node.module or a.name == "*":
                    continue
                qual = ctx.canonical(node.module + "." + a.name)
                module = ctx.canonical(node.module)
            else:
                qual = module = ctx.canonical(a.name)
            if module in MODULES:
                out.append((a, "`%s` does not exist in v2" % module, MODULES[module]))
            elif qual in NAMES:
                out.append((a, "`%s` does not exist in v2" % qual.rpartition(".")[2], NAMES[qual]))
    return out


def _members(ctx):
    out = []
    for name in MEMBER_NAMES:
        for node in ctx.attributes_named(name):
            classes = ctx.types.member_owners(node.value)
            gaps = [(c, MEMBERS[c][name]) for c in classes if name in MEMBERS.get(c, ())]
            if gaps and len(gaps) == len(classes):  # every class the value may be lost it
                cls = gaps[0][0].rpartition(".")[2]
                out.append(
                    (node, "`%s` does not exist in v2 (`%s` has no `%s`)" % (ctx.source(node), cls, name), gaps[0][1])
                )
    return out


def _keywords(ctx):
    out = []
    for call in ctx.walk(ast.Call):
        if not any(k.arg in PARAM_NAMES for k in call.keywords):
            continue
        for key in _callables(ctx, call):
            gone = PARAMS.get(key, {})
            for k in call.keywords:
                if k.arg in gone:
                    out.append(
                        (
                            k,
                            "`%s()` takes no `%s=` in v2"
                            % (key.rpartition(".")[2] if not key.endswith("__init__") else key.split(".")[-2], k.arg),
                            gone[k.arg],
                        )
                    )
            if gone:
                break
    return out


def _callables(ctx, call):
    """The v1 function, `Class.__init__` or `Class.method` keys a call may be."""
    q = ctx.resolve(call.func) or ctx.types.sdk_constructor(call)
    if q:
        return [q, q + ".__init__"]
    if isinstance(call.func, ast.Attribute):
        return [c + "." + call.func.attr for c in ctx.types.classes_of(call.func.value)]
    return []
