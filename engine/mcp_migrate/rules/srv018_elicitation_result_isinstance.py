import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ALIAS = sdk.ELICITATION + ".ElicitationResult"
MEMBERS = ("AcceptedElicitation", "DeclinedElicitation", "CancelledElicitation")
MODULE = sdk.ELICITATION


@rule(
    code="SRV018",
    title="`isinstance()` checks against `ElicitationResult` raise `TypeError`",
    anchor="isinstance-checks-against-elicitationresult-raise-typeerror",
    fix_class="safe",
    summary="""
        In `isinstance()` / `issubclass()`, replaces `ElicitationResult` with the tuple of its member classes
        `(AcceptedElicitation, DeclinedElicitation, CancelledElicitation)`, importing them from
        `mcp.server.elicitation` when needed.
    """,
    why="""
        v2 made `ElicitationResult` a `TypeAliasType`, so `isinstance(result, ElicitationResult)` raises
        `TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union`.
    """,
    example="""
         from mcp.server.elicitation import ElicitationResult
        +from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation, CancelledElicitation


         def answered(result) -> bool:
        -    return isinstance(result, ElicitationResult)
        +    return isinstance(result, (AcceptedElicitation, DeclinedElicitation, CancelledElicitation))
    """,
    v1_names=[ALIAS] + [MODULE + "." + m for m in MEMBERS],
    v2_names=[ALIAS] + [MODULE + "." + m for m in MEMBERS],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        f = call.func
        if not (
            isinstance(f, ast.Name)
            and f.id in ("isinstance", "issubclass")
            and len(call.args) == 2
            and ctx.binding(f) is None
        ):
            continue
        second = call.args[1]
        refs = second.elts if isinstance(second, ast.Tuple) else [second]
        for ref in refs:
            if isinstance(ref, (ast.Name, ast.Attribute)) and ctx.is_ref(ref, ALIAS):
                _replace(ctx, ref, isinstance(second, ast.Tuple))


def _replace(ctx, ref, in_tuple):
    msg = "`ElicitationResult` is a type alias in v2 and `isinstance()` raises `TypeError`; check its members"
    missing = []
    if isinstance(ref, ast.Attribute):  # `elicitation.ElicitationResult`: keep the module prefix
        prefix = ctx.source(ref.value) + "."
        names = [prefix + m for m in MEMBERS]
    else:
        names = []
        for m in MEMBERS:
            local = _local_name(ctx, m)
            if local is False:
                ctx.manual(ref, msg)
                return
            if local is None:
                missing.append(m)
                local = m
            names.append(local)
    text = ", ".join(names) if in_tuple else "(%s)" % ", ".join(names)
    edits = [ctx.replace(ref, text)]
    if missing:  # one import line, so several findings add the identical edit once
        edits.append(ctx.add_import(MODULE, ", ".join(missing)))
    ctx.fix(ref, msg, [e for e in edits if e is not None])


def _local_name(ctx, member):
    """The module-level name bound to the SDK class; None when unbound; False when the name is taken."""
    for a in ctx.import_aliases(MODULE + "." + member, top_level=True):
        return a.asname or a.name
    return False if ctx.module_binding(member) is not None else None
