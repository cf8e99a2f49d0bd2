"""Reusable Python edits: imports, references, keyword arguments, patch-target strings.

Every helper produces the smallest edit that does the job (a module path, one identifier, one
argument), so fixes from different rules on the same statement do not overlap.
"""

import ast
import io
import re
import tokenize
from typing import List, Optional, Sequence, Tuple

from .edits import Edit
from .resolver import canonical, dotted

Span = Tuple[int, int]
_DOTTED = re.compile(r"[^\W\d]\w*(?:[ \t]*\.[ \t]*[^\W\d]\w*)*")
_FROM = re.compile(r"from[ \t]+")


# ---- spans ----------------------------------------------------------------------------------
def name_span(ctx, node: ast.AST) -> Optional[Span]:
    """Span of the identifier a Name / alias / keyword / Attribute introduces or uses."""
    if isinstance(node, ast.Attribute):
        return attr_span(ctx, node)
    if isinstance(node, ast.Name):
        s, e = ctx.span(node)
        return (s, e) if ctx.text[s:e] == node.id else None  # NFKC-normalised identifiers differ
    if isinstance(node, ast.alias):
        s, e = ctx.span(node)
        m = _DOTTED.match(ctx.text, s, e)
        if m and re.sub(r"\s", "", m.group()) == node.name:
            return (s, m.end())
        return None
    if isinstance(node, ast.keyword) and node.arg:
        s, _ = ctx.span(node)
        e = s + len(node.arg)
        return (s, e) if ctx.text[s:e] == node.arg else None
    return None


def attr_span(ctx, node: ast.Attribute) -> Optional[Span]:
    _, e = ctx.span(node)
    s = e - len(node.attr)
    return (s, e) if ctx.text[s:e] == node.attr else None


def from_module_span(ctx, node: ast.ImportFrom) -> Optional[Span]:
    if node.level or not node.module:
        return None
    s, e = ctx.span(node)
    m = _FROM.match(ctx.text, s, e)
    if not m:
        return None
    d = _DOTTED.match(ctx.text, m.end(), e)
    if d and re.sub(r"\s", "", d.group()) == node.module:
        return (m.end(), d.end())
    return None


def string_content_span(ctx, node: ast.Constant) -> Optional[Span]:
    """Span of a plain string literal's characters (None for escapes / concatenation)."""
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
        return None
    s, e = ctx.span(node)
    src = ctx.text[s:e]
    m = re.match(r"[rRuU]{0,2}('''|\"\"\"|'|\")", src)
    if not m:
        return None
    q = m.group(1)
    inner = (s + m.end(), e - len(q))
    if not src.endswith(q) or inner[0] > inner[1] or ctx.text[inner[0] : inner[1]] != node.value:
        return None
    return inner


# ---- references ---------------------------------------------------------------------------
def bound_names(ctx, alias: ast.alias) -> List[ast.Name]:
    """Name nodes whose binding is this import alias."""
    out = []
    local = alias.asname or alias.name.split(".")[0]
    for n in ctx.names_with_id(local):
        if ctx.bound_by(n, alias):
            out.append(n)
    return out


def _default_message(old: str, new: str) -> str:
    return "`%s` is now `%s`" % (old, new)


def rename_module(ctx, old: str, new: str, message: Optional[str] = None) -> int:
    """Move every reference to module `old` (and its submodules) to `new`."""
    msg = message or _default_message(old, new)
    count = 0
    old_parent, _, old_last = old.rpartition(".")
    new_parent, _, new_last = new.rpartition(".")

    def moved(path: str) -> Optional[str]:
        if path == old or path.startswith(old + "."):
            return new + path[len(old) :]
        return None

    for node in ctx.imports():
        if isinstance(node, ast.ImportFrom):
            target = moved(node.module or "") if node.level == 0 else None
            if target:
                span = from_module_span(ctx, node)
                if span:
                    ctx.fix(span, msg, [Edit(span[0], span[1], target)])
                else:
                    ctx.manual(node, "change the import path `%s` to `%s`" % (node.module, target))
                count += 1
                continue
            if node.level == 0 and node.module == old_parent and old_parent == new_parent:
                for a in node.names:
                    if a.name != old_last:
                        continue
                    edits = []
                    span = name_span(ctx, a)
                    if span is None:
                        ctx.manual(node, msg)
                        continue
                    edits.append(Edit(span[0], span[1], new_last))
                    if not a.asname:
                        for n in bound_names(ctx, a):
                            ns = name_span(ctx, n)
                            if ns:
                                edits.append(Edit(ns[0], ns[1], new_last))
                    ctx.fix(a, msg, edits)
                    count += 1
        else:
            for a in node.names:
                target = moved(a.name)
                if not target:
                    continue
                span = name_span(ctx, a)
                if span:
                    ctx.fix(a, msg, [Edit(span[0], span[1], target)])
                else:
                    ctx.manual(node, msg)
                count += 1

    # `import mcp` + `mcp.server.fastmcp.X`: the module path is spelled out in the expression.
    for n in ctx.walk(ast.Attribute):
        if ctx.resolver.qualname(n) != old:
            continue
        written = dotted(n)
        if written is None:
            continue
        head = written.split(".")[0]
        b = ctx.resolver._lookup(head, ctx.resolver.scope_of.get(id(n), ctx.tree), ctx.span(n)[0])
        if b is None or b.kind != "import" or not old.startswith(b.target + "."):
            continue
        replacement = head + new[len(b.target) :]
        s, e = ctx.span(n)
        if ctx.text[s:e] == written:
            ctx.fix(n, msg, [Edit(s, e, replacement)])
        else:
            ctx.manual(n, msg)
        count += 1

    for const, target in patch_targets(ctx):
        t = moved(target)
        if t:
            count += _replace_in_string(ctx, const, target, t, msg)
    return count


def rename_symbol(ctx, old: str, new_name: str, message: Optional[str] = None) -> int:
    """Rename the SDK name `old` (any import spelling) to `new_name` in its module."""
    want = canonical(old)
    old_name = old.rpartition(".")[2]
    msg = message or _default_message(old_name, new_name)
    count = 0
    alias_nodes = set()
    project = ctx.types.project
    for node in ctx.walk(ast.ImportFrom):
        for a in node.names:
            # the SDK's module, or one of the project's that imports the name as it is and is renamed
            # with it (`from .compat import FastMCP`, `compat` importing it from the SDK)
            q = project.sdk_reexport(ctx.types.path, node.level, node.module, a.name) if project else None
            if q is None and not node.level and node.module:
                q = node.module + "." + a.name
            if canonical(q) != want or a.name == new_name:
                continue  # (already the new name: `from mcp.server.fastmcp import MCPServer` needs a module fix only)
            span = name_span(ctx, a)
            if span is None:
                ctx.manual(node, msg)
                continue
            # `from m import new, old`: the new name is imported already, so the old one just goes
            kept = ctx.module_binding(new_name) if not a.asname and ctx.parent(node) is ctx.tree else None
            drop = (
                ctx.drop_import_alias(a) if kept is not None and kept.target == node.module + "." + new_name else None
            )
            edits = [drop if drop is not None else Edit(span[0], span[1], new_name)]
            if not a.asname:
                alias_nodes.add(id(a))
                for n in bound_names(ctx, a):
                    ns = name_span(ctx, n)
                    if ns:
                        edits.append(Edit(ns[0], ns[1], new_name))
            ctx.fix(a, msg, edits)
            count += 1
    for n in ctx.attributes_named(old_name):
        if ctx.resolve(n) == want:
            span = attr_span(ctx, n)
            if span:
                ctx.fix(n, msg, [Edit(span[0], span[1], new_name)])
            else:
                ctx.manual(n, msg)
            count += 1
    count += _rename_in_string_annotations(ctx, want, old_name, new_name, msg, alias_nodes)
    for const, target in patch_targets(ctx):
        parts = target.split(".")
        for cut in range(2, len(parts) + 1):
            if parts[cut - 1] != old_name:
                continue
            # the SDK's own module, or one of the project's that imports the name as it is (its
            # import is renamed with it): `patch("app.client.streamablehttp_client")`
            sdk_name = canonical(".".join(parts[:cut]))
            imported = project.imported_as_is(".".join(parts[: cut - 1]), old_name) if project else None
            if want in (sdk_name, canonical(imported or "")):
                new_target = ".".join(parts[: cut - 1] + [new_name] + parts[cut:])
                count += _replace_in_string(ctx, const, target, new_target, msg)
                break
    return count


def _rename_in_string_annotations(ctx, want: str, old_name: str, new_name: str, msg: str, renamed) -> int:
    """`server: "FastMCP"`: the name inside a string annotation, where its import (an alias in
    `renamed`) or an imported module it is read from (`"types.Content"`) says it is the SDK name."""
    count = 0
    for const, expr in string_annotations(ctx):
        start = string_content_span(ctx, const)[0]
        scope = ctx.resolver.scope_of.get(id(const), ctx.tree)
        pos = ctx.resolver.offset_of(const)
        edits = []
        for n in ast.walk(expr):
            if isinstance(n, ast.Name) and n.id == old_name:
                b = ctx.resolver._lookup(n.id, scope, pos)
                if b is not None and id(b.node) in renamed:
                    edits.append(Edit(start + n.col_offset, start + n.end_col_offset, new_name))
            elif isinstance(n, ast.Attribute) and n.attr == old_name:
                if canonical(ctx.resolver._qualname_in(n, scope, const)) == want:
                    edits.append(Edit(start + n.end_col_offset - len(old_name), start + n.end_col_offset, new_name))
        if edits:
            ctx.fix(const, msg, edits)
            count += 1
    return count


def string_annotations(ctx) -> List[Tuple[ast.Constant, ast.expr]]:
    """(literal, its parsed expression) for each plain one-line string in an annotation
    (`def f(s: "FastMCP")`, `list["Tool"]`): what type checkers and `get_type_hints()` evaluate."""
    found = ctx.scratch.get("string.annotations")
    if found is not None:
        return found
    found = []
    roots = [a.annotation for a in ctx.walk(ast.arg)] + [
        f.returns for f in ctx.walk(ast.FunctionDef, ast.AsyncFunctionDef)
    ]
    roots += [a.annotation for a in ctx.walk(ast.AnnAssign)]
    for root in roots:
        for const in ast.walk(root) if root is not None else ():
            if not (isinstance(const, ast.Constant) and isinstance(const.value, str)) or "\n" in const.value:
                continue
            if string_content_span(ctx, const) is None:
                continue
            try:
                found.append((const, ast.parse(const.value, mode="eval").body))
            except (SyntaxError, ValueError):
                continue
    ctx.scratch["string.annotations"] = found
    return found


def _replace_in_string(ctx, const: ast.Constant, old: str, new: str, msg: str) -> int:
    span = string_content_span(ctx, const)
    if span is None:
        ctx.manual(const, "%s (patch target `%s` -> `%s`)" % (msg, old, new))
        return 1
    # Edit only the dotted segments that differ, so a module move and a class rename in the
    # same target string stay separate, non-overlapping edits.
    a, b = old.split("."), new.split(".")
    lead = 0
    while lead < min(len(a), len(b)) and a[lead] == b[lead]:
        lead += 1
    trail = 0
    while trail < min(len(a), len(b)) - lead and a[-1 - trail] == b[-1 - trail]:
        trail += 1
    start = span[0] + sum(len(p) + 1 for p in a[:lead])
    end = span[1] - sum(len(p) + 1 for p in a[len(a) - trail :]) if trail else span[1]
    ctx.fix(const, msg, [Edit(start, end, ".".join(b[lead : len(b) - trail]))])
    return 1


# ---- patch targets ------------------------------------------------------------------------
def patch_targets(ctx) -> List[Tuple[ast.Constant, str]]:
    """String targets of `patch(...)`, `mock.patch(...)`, `mocker.patch(...)`, `monkeypatch.setattr("a.b", v)`."""
    cached = ctx._patch_targets  # the tree never changes: one scan per file
    if cached is not None:
        return list(cached)
    out = []
    for call in ctx.walk(ast.Call):
        f = call.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
        if name != "patch" and name != "setattr":
            continue
        receiver = dotted(f.value) if isinstance(f, ast.Attribute) else None
        # patch.object / patch.dict take an object or a dict path, never an SDK name: not matched.
        is_patch = name == "patch"
        is_setattr = name == "setattr" and receiver is not None and receiver.split(".")[-1] == "monkeypatch"
        if not (is_patch or is_setattr):
            continue
        arg = call.args[0] if call.args else None
        if arg is None:
            kw = next((k for k in call.keywords if k.arg in ("target", "name")), None)
            arg = kw.value if kw is not None else None
        if isinstance(arg, ast.Name):  # `TARGET = "mcp.server.fastmcp.FastMCP.call_tool"` then `patch(TARGET)`
            b = ctx.binding(arg)
            one = b is not None and isinstance(b.node, ast.Assign) and len(b.node.targets) == 1
            arg = b.node.value if one else None
        if (
            isinstance(arg, ast.Constant)
            and isinstance(arg.value, str)
            and "." in arg.value
            and all(c is not arg for c, _ in out)
        ):
            out.append((arg, arg.value))
    ctx._patch_targets = out
    return list(out)


# ---- call arguments -----------------------------------------------------------------------
def _items(call: ast.Call) -> List[ast.AST]:
    return sorted(list(call.args) + list(call.keywords), key=lambda n: (n.lineno, n.col_offset))


def _parens(ctx, call: ast.Call) -> Optional[Span]:
    """Offsets of a call's `(` and `)`."""
    _, fe = ctx.span(call.func)
    s, e = ctx.span(call)
    if ctx.text[e - 1 : e] != ")":
        return None
    i = fe
    while i < e:
        c = ctx.text[i]
        if c == "(":
            return (i, e - 1)
        if c == "#":  # a comment between callee and paren: skip to line end
            while i < e and ctx.text[i] not in "\r\n":
                i += 1
            continue
        if not c.isspace() and c not in "\\)":
            return None
        i += 1
    return None


def rename_kwarg(ctx, call: ast.Call, old: str, new: str) -> Optional[Edit]:
    kw = ctx.keyword(call, old)
    if kw is None:
        return None
    span = name_span(ctx, kw)
    return Edit(span[0], span[1], new) if span else None


def remove_arg(ctx, call: ast.Call, arg: ast.AST) -> Optional[Edit]:
    edits = remove_args(ctx, call, [arg])
    return edits[0] if edits and len(edits) == 1 else None


def remove_args(ctx, call: ast.Call, remove: Sequence[ast.AST]) -> Optional[List[Edit]]:
    """Edits deleting `remove` (args/keywords of `call`) with their commas; None if unsure."""
    items = _items(call)
    drop = {id(x) for x in remove}
    if not drop:
        return []
    kept = [x for x in items if id(x) not in drop]
    if not kept:
        parens = _parens(ctx, call)
        if parens is None:
            return None
        return [Edit(parens[0] + 1, parens[1], "")]
    edits = []
    i = 0
    while i < len(items):
        if id(items[i]) not in drop:
            i += 1
            continue
        j = i
        while j + 1 < len(items) and id(items[j + 1]) in drop:
            j += 1
        if j + 1 < len(items):  # a kept item follows: delete up to its start
            edits.append(Edit(ctx.span(items[i])[0], ctx.span(items[j + 1])[0], ""))
        else:  # trailing group: delete from the previous kept item's end
            edits.append(Edit(ctx.span(items[i - 1])[1], ctx.span(items[j])[1], ""))
        i = j + 1
    return edits


def add_args(ctx, call: ast.Call, text: str) -> Optional[Edit]:
    """Append `text` (e.g. "port=8000") as further arguments of `call`."""
    items = _items(call)
    if items:
        return Edit(ctx.span(items[-1])[1], ctx.span(items[-1])[1], ", " + text)
    parens = _parens(ctx, call)
    if parens is None:
        return None
    return Edit(parens[1], parens[1], text)


def move_kwargs(ctx, src: ast.Call, dst: ast.Call, names: Sequence[str]) -> Optional[List[Edit]]:
    """Edits moving keyword args `names` from `src` to the end of `dst`; None if impossible."""
    kws = [k for k in src.keywords if k.arg in names]
    if not kws:
        return []
    removal = remove_args(ctx, src, kws)
    addition = add_args(ctx, dst, ", ".join(ctx.source(k) for k in kws))
    if removal is None or addition is None:
        return None
    return removal + [addition]


# ---- imports ------------------------------------------------------------------------------
def add_import(ctx, module: str, name: Optional[str] = None) -> Optional[Edit]:
    """Edit adding `from module import name` (or `import module`) after the top-level imports.

    Returns None when the file already imports it. Identical additions from several findings are
    the same Edit, which the runner applies once.
    """
    for node in ctx.tree.body:
        if name and isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == module:
            if any(a.name == name and not a.asname for a in node.names):
                return None
        if not name and isinstance(node, ast.Import):
            if any(a.name == module and not a.asname for a in node.names):
                return None
    return after_imports(ctx, "from %s import %s" % (module, name) if name else "import %s" % module)


def after_imports(ctx, line: str) -> Edit:
    """Edit inserting `line` (one or more lines, no final newline) after the top-level imports."""
    nl = ctx.index.newline()
    last = None
    for node in ctx.tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            last = node
        elif not _is_docstring(ctx.tree, node):
            break
    if last is None:
        first = ctx.tree.body[0] if ctx.tree.body else None
        if first is not None and _is_docstring(ctx.tree, first):
            end_line = first.end_lineno
            return _insert_after_line(ctx, end_line, line, nl)
        # Before the first statement, after shebang / encoding / leading comments.
        offset = ctx.index.line_start(first.lineno) if first is not None else len(ctx.text)
        if first is None and ctx.text and not ctx.text.endswith(("\n", "\r")):
            return Edit(offset, offset, nl + line + nl)
        return Edit(offset, offset, line + nl)
    return _insert_after_line(ctx, last.end_lineno, line, nl)


def _is_docstring(tree: ast.Module, node: ast.AST) -> bool:
    return (
        bool(tree.body)
        and node is tree.body[0]
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _insert_after_line(ctx, line: int, text: str, nl: str) -> Edit:
    if line < ctx.index.line_count:
        offset = ctx.index.line_start(line + 1)
        return Edit(offset, offset, text + nl)
    return Edit(len(ctx.text), len(ctx.text), nl + text + nl if not ctx.text.endswith(("\n", "\r")) else text + nl)


# ---- f-strings: before Python 3.12 (PEP 701) an f-string's expressions may not use its own quote ----
# the replacement for each literal: the same characters in the other quote
_QUOTED_OTHERWISE = {'"': r"'\1'", "'": r'"\1"'}
_LITERAL = {'"': re.compile(r'"([^"\'\\\n]*)"'), "'": re.compile(r"'([^\"'\\\n]*)'")}


def fstring_quote_safe(ctx, edits: List[Edit]) -> Optional[List[Edit]]:
    """`edits` with each string literal written inside an f-string's expression in the quote that
    f-string does not use (`f"{meta.get('k')}"`), so the code still parses on Python 3.10 and 3.11;
    None when one cannot be written that way."""
    pieces = _fstring_pieces(ctx)
    if not pieces:
        return edits
    out = []
    for e in edits:
        quote = next((q for s, end, q in pieces if s < e.start and e.end < end), None)
        if quote is None or quote not in e.text:
            out.append(e)
            continue
        text = _LITERAL[quote].sub(_QUOTED_OTHERWISE[quote], e.text)
        if quote in text:
            return None
        out.append(Edit(e.start, e.end, text))
    return out


def _fstring_pieces(ctx) -> List[Tuple[int, int, str]]:
    """(start, end, quote character) of each f-string literal in the file (once per file)."""
    cached = ctx.scratch.get("fstring_pieces")
    if cached is not None:
        return cached
    pieces = []
    for node in ctx.walk(ast.JoinedStr):
        start, end = ctx.span(node)
        if any(s <= start and end <= e for s, e, _ in pieces):
            continue  # nested in one already listed
        pieces.extend(_pieces_of(ctx.text[start:end], start))
    ctx.scratch["fstring_pieces"] = pieces
    return pieces


def _pieces_of(source: str, base: int) -> List[Tuple[int, int, str]]:
    """The f-string tokens of an implicitly concatenated string expression, as absolute spans."""
    fstart, fend = getattr(tokenize, "FSTRING_START", None), getattr(tokenize, "FSTRING_END", None)
    lines = [0]
    for line in source.splitlines(keepends=True):
        lines.append(lines[-1] + len(line))

    def offset(pos):
        return base + lines[pos[0] - 1] + pos[1]

    out, depth, opened = [], 0, None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == fstart:
                depth += 1
                if depth == 1:
                    opened = tok
            elif tok.type == fend:
                depth -= 1
                if depth == 0 and opened is not None:
                    out.append((offset(opened.start), offset(tok.end), opened.string.lstrip("rRfFbBuU")[:1]))
            elif tok.type == tokenize.STRING and depth == 0 and "f" in tok.string[:3].lower():
                out.append((offset(tok.start), offset(tok.end), tok.string.lstrip("rRfFbBuU")[:1]))
    except (tokenize.TokenError, SyntaxError):
        return []
    return out
