"""Edits for Python files. Each returns `Edit`s (or None when it cannot be sure: report
`ctx.manual(...)` then) and keeps every edit as small as possible so that fixes of different
rules on one statement do not overlap. The text-level work lives in pyedits.py."""

import ast
import io
import re
import tokenize
from typing import Dict, List, Optional, Sequence, Tuple

from .. import pyedits
from ..edits import Edit

Span = Tuple[int, int]
_EMPTY_DEF = re.compile(r"(?:async\s+)?def\s+\w+\s*\(\s*\)")


class EditHelpers:
    """Mixed into `PythonContext`."""

    def fix(self, target, message: str, edits: Sequence[Edit], fix_class=None, subsumable: bool = False):
        """Context.fix, with the string literals an edit writes inside an f-string's expression
        quoted the way Python 3.10 and 3.11 accept; a marker when they cannot be."""
        fitted = pyedits.fstring_quote_safe(self, list(edits))
        if fitted is None:
            return self.manual(target, message)
        return super().fix(target, message, fitted, fix_class, subsumable)

    # ---- spans ----------------------------------------------------------------------------------
    def name_span(self, node: ast.AST) -> Optional[Span]:
        """Span of the identifier of a `Name`, `alias` (dotted name part), `keyword` (arg name), `Attribute`."""
        return pyedits.name_span(self, node)

    def attr_span(self, node: ast.Attribute) -> Optional[Span]:
        """Span of `.attr`'s identifier."""
        return pyedits.attr_span(self, node)

    def from_module_span(self, node: ast.ImportFrom) -> Optional[Span]:
        """Span of the module path in `from <module> import ...`."""
        return pyedits.from_module_span(self, node)

    def paren_span(self, fn) -> Optional[Span]:
        """Offsets of a def's parameter-list `(` and `)`."""
        start = self.span(fn)[0]
        body_start = self.span(fn.body[0])[0]
        header = self.text[start:body_start]
        depth = 0
        open_at = None
        try:
            for tok in tokenize.generate_tokens(io.StringIO(header).readline):
                if tok.type == tokenize.OP and tok.string in "([{":
                    if depth == 0 and tok.string == "(" and open_at is None:
                        open_at = _offset(header, tok.start)
                    depth += 1
                elif tok.type == tokenize.OP and tok.string in ")]}":
                    depth -= 1
                    if depth == 0 and open_at is not None:
                        return (start + open_at, start + _offset(header, tok.start))
        except (tokenize.TokenError, IndentationError, SyntaxError):
            return None
        return None

    def whole_lines(self, node) -> Optional[Span]:
        """(start, end) covering the node's full lines, when nothing else shares them."""
        s, e = self.span(node)
        ls = self.index.line_start(node.lineno)
        if self.text[ls:s].strip():
            return None
        le = self.index.line_end(node.end_lineno)
        rest = self.text[e:le].strip()
        if rest and not rest.startswith("#"):
            return None
        return (ls, self._line_after(node.end_lineno))

    def marker_in_place_of(self, stmt: ast.stmt, message: str, giving_way=lambda s: False) -> Optional[Edit]:
        """The edit replacing a statement (whole lines of its own) with this rule's marker saying
        `message`, and `pass` when it is the last statement of its block and the others give way
        to markers too (`giving_way`): for a statement that raises in v2 and has nowhere to go,
        whose marker keeps what it said. None when it shares its lines."""
        lines = self.line_span(stmt)
        if lines is None:
            return None
        indent = self.index.indentation(stmt.lineno)
        nl = self.index.newline()
        text = "%s%s%s" % (indent, self.marker_comment(message), nl)
        block = self.block_of(stmt) or [stmt]
        if block[-1] is stmt and all(s is stmt or giving_way(s) for s in block):
            text += "%spass%s" % (indent, nl)
        return self.replace(lines, text)

    def lift_body(self, stmt: ast.stmt) -> Optional[List[Edit]]:
        """Edits deleting compound statement `stmt`'s header (`with x as y:`) and dedenting its body into
        its place; None when the body shares the header's line, a string spans lines (dedenting would
        change it), or a body line is indented less than the body."""
        body = stmt.body
        start = self.index.line_start(stmt.lineno)
        first = self.index.line_start(body[0].lineno)
        outer = self.span(stmt)[0] - start
        inner = self.span(body[0])[0] - first
        if body[0].lineno == stmt.lineno or self.text[start : start + outer].strip() or inner <= outer:
            return None
        if any(isinstance(n, (ast.Constant, ast.JoinedStr)) and n.lineno != n.end_lineno for n in ast.walk(stmt)):
            return None
        dedent = self.dedent_lines(body[0].lineno, stmt.end_lineno, inner - outer)
        return None if dedent is None else [Edit(start, first, "")] + dedent

    def dedent_lines(self, first: int, last: int, delta: int) -> Optional[List[Edit]]:
        """Edits removing `delta` columns of indentation from lines `first`..`last` (blank lines aside);
        None when one of them is indented less. The caller makes sure no string spans these lines."""
        edits = []
        for line in range(first, last + 1):
            ls = self.index.line_start(line)
            seg = self.text[ls : self.index.line_end(line)]
            if not seg.strip():
                continue
            if len(seg) < delta or seg[:delta].strip():
                return None
            edits.append(Edit(ls, ls + delta, ""))
        return edits

    def _line_after(self, line: int) -> int:
        return self.index.line_start(line + 1) if line < self.index.line_count else len(self.text)

    @staticmethod
    def apply_local(text: str, base: int, edits: List[Edit]) -> str:
        """`edits` applied to `text`, a slice of the file starting at offset `base`."""
        for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            text = text[: e.start - base] + e.text + text[e.end - base :]
        return text

    # ---- whole jobs (they report findings themselves) -------------------------------------------
    def rename_module(self, old: str, new: str, message: Optional[str] = None) -> int:
        return pyedits.rename_module(self, old, new, message)

    def rename_symbol(self, old: str, new_name: str, message: Optional[str] = None) -> int:
        return pyedits.rename_symbol(self, old, new_name, message)

    def inline_names(self, items: Sequence[Tuple[str, str, str, Sequence[Edit]]]) -> None:
        """For each `(qualname, text, message, extra)`: replace every reference to the SDK name with
        `text` and drop its imports, one finding each (also carrying `extra`, such as the imports `text`
        needs). Names going from one import statement are removed together, so that their findings
        all apply in one run (the statement goes whole when no name is left)."""
        found = [(q, t, m, x, self.references(q), self.import_aliases(q)) for q, t, m, x in items]
        removals = self.joint_removals([a for *_, aliases in found for a in aliases])
        for _, text, message, extra, refs, aliases in found:
            if not refs and not aliases:
                continue
            dropped = [removals.get(id(a)) for a in aliases]
            if None in dropped:
                self.manual(aliases[dropped.index(None)], message)
                continue
            edits = [self.replace(r, text) for r in refs] + list(extra) + dropped
            self.fix(self.statement_of(self.import_of(aliases[0])) if aliases else refs[0], message, edits)

    # ---- call arguments and signatures ----------------------------------------------------------
    def rename_kwarg(self, call: ast.Call, old: str, new: str) -> Optional[Edit]:
        return pyedits.rename_kwarg(self, call, old, new)

    def remove_kwarg(self, call: ast.Call, name: str) -> Optional[Edit]:
        """Deletes `name=value` with its comma (first/middle/last/only, multi-line, trailing commas)."""
        kw = self.keyword(call, name)
        return pyedits.remove_arg(self, call, kw) if kw is not None else None

    def remove_args(self, call: ast.Call, nodes: Sequence[ast.AST]) -> Optional[List[Edit]]:
        """Edits deleting `nodes` (args/keywords of `call`) with their commas; None if unsure."""
        return pyedits.remove_args(self, call, nodes)

    def add_kwargs(self, call: ast.Call, text: str) -> Optional[Edit]:
        """Appends `text` ("a=1, b=2") as further arguments of `call`."""
        return pyedits.add_args(self, call, text)

    def move_kwargs(self, src: ast.Call, dst: ast.Call, names: Sequence[str]) -> Optional[List[Edit]]:
        return pyedits.move_kwargs(self, src, dst, names)

    def insert_first_arg(self, call: ast.Call, text: str) -> Optional[Edit]:
        """Edit inserting `text` as the call's first argument."""
        items = sorted(list(call.args) + list(call.keywords), key=lambda n: (n.lineno, n.col_offset))
        if items:
            s = self.span(items[0])[0]
            return Edit(s, s, text + ", ")
        s, e = self.span(call)
        if self.text[e - 1 : e] != ")":
            return None
        return Edit(e - 1, e - 1, text)

    def unwrap(self, outer: ast.AST, inner: ast.AST) -> List[Edit]:
        """Edits turning `outer` into its part `inner` (`ServerResult(CallToolResult(...))` ->
        `CallToolResult(...)`) by deleting what surrounds it, so fixes inside `inner` (another rule
        renaming a field there) still apply in the same run."""
        (s, e), (i, j) = self.span(outer), self.span(inner)
        return [self.delete((s, i)), self.delete((j, e))]

    def add_param(self, fn, text: str) -> Optional[Edit]:
        """Edit adding parameter `text` (no default) to `fn`: appended to a plain signature, else made
        keyword-only (`def f(a=1)` -> `def f(a=1, *, ctx: Context)`), which callers by keyword and
        MCPServer's injection (by name) both accept."""
        a = fn.args
        end_of = lambda arg, default: max(self.span(arg)[1], self.span(default)[1] if default else 0)  # noqa: E731
        if a.kwonlyargs:
            return self.insert(end_of(a.kwonlyargs[-1], a.kw_defaults[-1]), ", " + text)
        if a.vararg:
            return self.insert(self.span(a.vararg)[1], ", " + text)
        positional = a.posonlyargs + a.args
        if positional:
            last_default = a.defaults[-1] if a.defaults else None
            keyword_only = bool(a.defaults) or bool(a.kwarg)
            sep = ", *, " if keyword_only else ", "
            if a.posonlyargs and not a.args:
                return None  # `def f(a, /)`: rare; a marker is clearer than a guess
            return self.insert(end_of(positional[-1], last_default), sep + text)
        if a.kwarg:
            star = self.text.rfind("**", self.span(fn)[0], self.span(a.kwarg)[0])
            return self.insert(star, "*, " + text + ", ") if star >= 0 else None
        s, e = self.span(fn)
        m = _EMPTY_DEF.match(self.text, s, e)
        if not m:
            return None
        return self.insert(m.end() - 1, text)

    def narrow_input_required(self, call: ast.Call, hoist: bool = False) -> Optional[List[Edit]]:
        """For `x = await obj.method(...)` on a line of its own, where v2 widened the result to
        `... | InputRequiredResult` (a multi-round-trip request, which no v1 function returns): the
        edits adding the guide's `assert not isinstance(x, InputRequiredResult)` after it. [] when
        the result is dropped; None when it is used another way (or the name is the user's).
        With `hoist`, a result used in place (`for c in await ...`, `list(await ...)`) where nothing
        in its statement runs before it is first bound to a fresh name and narrowed."""
        awaited = self.parent(call)
        stmt = self.parent(awaited)
        if isinstance(awaited, ast.Await) and isinstance(stmt, ast.Expr):
            return []
        if not (
            isinstance(awaited, ast.Await)
            and isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            return self._hoisted_narrowing(awaited, call) if hoist and isinstance(awaited, ast.Await) else None
        name = stmt.targets[0].id
        if _narrowed_next(self, stmt, name):
            return []
        line = self.index.line_start(stmt.lineno)
        indent = self.text[line : self.span(stmt)[0]]
        if indent.strip() or stmt.end_lineno >= self.index.line_count:
            return None  # `a = 1; x = await ...`, or the file's last line
        imp = self._input_required_import()
        if imp is False:
            return None
        after = self.index.line_start(stmt.end_lineno + 1)
        nl = self.index.newline()
        assertion = "%sassert not isinstance(%s, InputRequiredResult)%s" % (indent, name, nl)
        return [self.insert(after, assertion)] + ([imp] if imp else [])

    def _input_required_import(self):
        """The edit importing `InputRequiredResult` (None when it is there); False when the file binds
        that name to something else."""
        imp = self.add_import("mcp.types", "InputRequiredResult")
        return False if imp is not None and self.module_binding("InputRequiredResult") is not None else imp

    def _hoisted_narrowing(self, awaited: ast.Await, call: ast.Call) -> Optional[List[Edit]]:
        node, stmt = awaited, self.parent(awaited)
        while not isinstance(stmt, ast.stmt):
            if not _evaluated_first(self, node, stmt):
                return None
            node, stmt = stmt, self.parent(stmt)
        first = (isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Return, ast.Expr)) and stmt.value is node) or (
            isinstance(stmt, (ast.For, ast.AsyncFor)) and stmt.iter is node
        )
        line = self.index.line_start(stmt.lineno)
        indent = self.text[line : self.span(stmt)[0]]
        if not first or indent.strip():
            return None
        method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
        name = self.fresh_name(
            *{"read_resource": ("contents", "resource_contents")}.get(method, ("result", "mcp_result"))
        )
        imp = self._input_required_import()
        if name is None or imp is False:
            return None
        start, end = self.span(awaited)
        wrapped = isinstance(self.parent(awaited), (ast.Attribute, ast.Subscript))
        if wrapped and self.text[start - 1 : start] == "(" and self.text[end : end + 1] == ")":
            start, end = start - 1, end + 1  # `(await mcp.get_prompt(...)).messages` -> `result.messages`
        nl = self.index.newline()
        bound = "%s%s = %s%s%sassert not isinstance(%s, InputRequiredResult)%s" % (
            indent,
            name,
            self.source(awaited),
            nl,
            indent,
            name,
            nl,
        )
        return [self.insert(line, bound), self.replace((start, end), name)] + ([imp] if imp else [])

    # ---- imports --------------------------------------------------------------------------------
    def add_import(self, module: str, name: Optional[str] = None) -> Optional[Edit]:
        """Inserts `from module import name` after the top-level imports (None if already imported)."""
        return pyedits.add_import(self, module, name)

    def imports_for(self, needs: Dict[str, Sequence[str]]) -> Optional[List[Edit]]:
        """The import edits for the names inserted text uses ({name: modules that may bind it, the first
        one to import from}); None when the file binds one of them to something else."""
        edits = []
        for name, modules in needs.items():
            b = self.module_binding(name)
            if b is None:
                edit = self.add_import(modules[0], name)
                edits += [edit] if edit else []
            elif b.target not in {"%s.%s" % (m, name) for m in modules}:
                return None
        return edits

    def after_imports(self, lines: str) -> Edit:
        """Inserts `lines` (module-level statements, after a blank line) below the top-level imports:
        before the code that follows them past a blank line, so that the imports any fix adds (at the
        end of the imports) stay above; right below the imports, between blank lines, when no blank line
        separates them (the runner puts imports inserted at that point first)."""
        last = max((n.end_lineno for n in self.tree.body if isinstance(n, (ast.Import, ast.ImportFrom))), default=0)
        line = last + 1
        while last and line <= self.index.line_count and not self.index.line_text(line).strip():
            line += 1
        nl = self.index.newline()
        if last and line > last + 1 and line <= self.index.line_count:
            offset = self.index.line_start(line)
            # PEP 8's two blank lines around a definition; the file's own blank lines are above it
            pad = nl * max(0, 2 - (line - last - 1)) if _defines(lines) else ""
            return Edit(offset, offset, pad + lines.lstrip("\r\n") + nl + nl)
        if last and line <= self.index.line_count:  # code right below the imports: blank lines around
            return pyedits.after_imports(self, nl + lines.strip("\r\n") + nl)
        return pyedits.after_imports(self, lines)

    def shared_import(self, module: str, names) -> Optional[Edit]:
        """One `from module import a, b` edit for all `names` a rule needs, carried by every finding of
        the rule (duplicates are applied once). The runner also merges separate `add_import` insertions
        at one point, so a single name needs no helper: use `ctx.add_import(module, name)`."""
        missing = []
        for name in dict.fromkeys(names):
            if self.add_import(module, name) is not None:
                missing.append(name)
        return self.add_import(module, ", ".join(missing)) if missing else None

    def alias_removals(self, node: ast.ImportFrom, aliases: Sequence[ast.alias]) -> Optional[Dict[int, Edit]]:
        """{id(alias): edit} deleting `aliases` from `node`'s list, edits that never overlap, so that
        fixes removing different names of one import all apply in one run: a name takes the separator
        after it, and a name after the last one kept the separator before it. When every name goes,
        each edit deletes the whole statement (the same edit, which the fixes share); None when that
        statement shares its lines."""
        names = node.names
        gone = {id(a) for a in aliases}
        kept = [i for i, a in enumerate(names) if id(a) not in gone]
        if not kept:
            whole = self._statement_removal(node)
            return None if whole is None else {id(a): whole for a in names}
        out = {}
        for i, a in enumerate(names):
            if id(a) not in gone:
                continue
            if i < kept[-1]:
                out[id(a)] = Edit(self.span(a)[0], self.span(names[i + 1])[0], "")
            else:
                out[id(a)] = Edit(self.span(names[i - 1])[1], self.span(a)[1], "")
        return out

    def joint_removals(self, aliases: Sequence[ast.alias]) -> Dict[int, Optional[Edit]]:
        """{id(alias): edit} deleting all `aliases` from their `from` imports (`alias_removals` per
        statement), so that the fixes removing them apply in one run; None for the names of a statement
        that cannot lose them."""
        going: Dict[int, Tuple[ast.AST, List[ast.alias]]] = {}
        for a in aliases:
            node = self.import_of(a)
            going.setdefault(id(node), (node, []))[1].append(a)
        out: Dict[int, Optional[Edit]] = {}
        for node, names in going.values():
            joint = self.alias_removals(node, names) if isinstance(node, ast.ImportFrom) else None
            out.update({id(a): (joint or {}).get(id(a)) for a in names})
        return out

    def drop_import_alias(self, alias: ast.alias) -> Optional[Edit]:
        """Delete a name from its import; the whole line when it is the statement's only name."""
        node = self.import_of(alias)
        removals = self.alias_removals(node, [alias]) if node is not None else None
        return removals[id(alias)] if removals else None

    def _statement_removal(self, node: ast.stmt) -> Optional[Edit]:
        """The lines of a statement that shares them with nothing else (a trailing comment, such as
        `# noqa: E402`, is the statement's own and goes with it): at module level, or in a block (`if
        TYPE_CHECKING:`, a function) that keeps a statement no fix removes, one that is not an SDK import."""
        if self.parent(node) is not self.tree and not any(
            not (isinstance(st, (ast.Import, ast.ImportFrom)) and _imports_sdk(st)) for st in self.block_of(node) or ()
        ):
            return None
        start = self.index.line_start(node.lineno)
        s, e = self.span(node)
        if self.text[start:s].strip():
            return None
        end = self._line_after(node.end_lineno)
        rest = self.text[e:end].strip()
        if rest and not rest.startswith("#"):
            return None
        return Edit(start, end, "")

    def move_import_alias(self, alias: ast.alias, module: str, new_name: Optional[str] = None) -> Optional[List[Edit]]:
        """Edits moving `from old import name [as x]` to `from module import new_name [as x]`:
        rewrite the module path when the name is alone, else drop it and add a new import line."""
        node = self.import_of(alias)
        if node is None:
            return None
        name = new_name or alias.name
        if len(node.names) == 1:
            span = self.from_module_span(node)
            if span is None:
                return None
            edits = [Edit(span[0], span[1], module)]
            if name != alias.name:
                nspan = self.name_span(alias)
                if nspan is None:
                    return None
                edits.append(Edit(nspan[0], nspan[1], name))
            return edits
        if alias.asname:
            return None  # add_import cannot write `as` clauses
        removal = self.drop_import_alias(alias)
        addition = self.add_import(module, name)
        if removal is None:
            return None
        return [removal] + ([addition] if addition else [])


def _narrowed_next(ctx, stmt: ast.stmt, name: str) -> bool:
    """The statement after `stmt` is `assert not isinstance(name, ...InputRequiredResult)`."""
    block = next(
        (b for b in (getattr(ctx.parent(stmt), f, None) for f in ("body", "orelse", "finalbody")) if b and stmt in b),
        None,
    )
    nxt = block[block.index(stmt) + 1] if block and block.index(stmt) + 1 < len(block) else None
    test = nxt.test if isinstance(nxt, ast.Assert) else None
    call = test.operand if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) else None
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "isinstance"
        and len(call.args) == 2
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id == name
        and (getattr(call.args[1], "id", None) or getattr(call.args[1], "attr", None)) == "InputRequiredResult"
    )


def _offset(text: str, pos: Tuple[int, int]) -> int:
    line, col = pos
    off = 0
    for _ in range(line - 1):
        off = text.index("\n", off) + 1
    return off + col


def _evaluated_first(ctx, node: ast.AST, parent: ast.AST) -> bool:
    """`node` is what `parent` evaluates before anything else: `list(node)`, `node.attr`, `node[i]`,
    `node + x`, the outer iterable of a comprehension (evaluated where the comprehension stands)."""
    if isinstance(parent, ast.Call):
        return parent.args[:1] == [node] and ctx.dotted(parent.func) is not None
    if isinstance(parent, (ast.Attribute, ast.Subscript)):
        return parent.value is node
    if isinstance(parent, (ast.BinOp, ast.Compare)):
        return parent.left is node
    if isinstance(parent, ast.comprehension):
        outer = ctx.parent(parent)
        return parent.iter is node and outer.generators[0] is parent
    return isinstance(parent, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)) and any(
        g is node for g in parent.generators[:1]
    )


def _imports_sdk(node) -> bool:
    if isinstance(node, ast.ImportFrom):
        return not node.level and (node.module or "").split(".")[0] == "mcp"
    return any(a.name.split(".")[0] == "mcp" for a in node.names)


def _defines(lines: str) -> bool:
    """The text starts with a top-level def or class (or its decorator)."""
    return lines.lstrip("\r\n").startswith(("@", "def ", "async def ", "class "))
