"""Find dependency entries (with exact spans) in requirements / pyproject / setup.cfg / setup.py text.

Text scanning, not a TOML/INI parser: edits must preserve formatting, and Python 3.10 has no
tomllib. Each entry records where its name, extras and version constraint are, so rules can edit
one part and leave the user's spelling, extras and markers alone.
"""

import ast
import re
from typing import List, NamedTuple, Optional, Tuple

Span = Tuple[int, int]

_PEP508 = re.compile(
    r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)"
    r"[ \t]*(?:\[(?P<extras>[^\]]*)\])?"
    r"[ \t]*(?P<spec>\(?[ \t]*(?:===|==|!=|~=|<=|>=|<|>)[^;@#\"']*?\)?)?"
    r"[ \t]*(?P<rest>(?:[;@].*)?)$",
    re.S,
)


class Requirement(NamedTuple):
    name: str  # normalised (lowercase, - for _ and .)
    raw_name: str
    name_span: Span
    extras: Tuple[str, ...]
    extras_span: Optional[Span]  # inside the brackets (PEP 508) / the extras array (Poetry)
    spec: str  # version constraint text ("" if none)
    spec_span: Span  # where the constraint is (empty span = insertion point)
    marker: str
    line: int  # 1-based line where the entry starts (marker comments go above it)
    span: Span  # the whole entry
    style: str  # "pep508" | "poetry"
    hashed: bool = False  # requirements.txt: the entry carries `--hash=` options (a lock file)


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pep508_at(text: str, start: int, end: int, line: int) -> Optional[Requirement]:
    """Parse text[start:end] as one PEP 508 requirement."""
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    seg_stripped = seg.rstrip()
    m = _PEP508.match(seg_stripped, lead)
    if not m:
        return None
    base = start
    extras = tuple(e.strip() for e in (m.group("extras") or "").split(",") if e.strip())
    extras_span = (base + m.start("extras"), base + m.end("extras")) if m.group("extras") is not None else None
    if m.group("spec"):
        s, e = m.start("spec"), m.end("spec")
        spec = m.group("spec").rstrip()
        e = s + len(spec)
        if spec.startswith("(") and spec.endswith(")"):
            inner = spec[1:-1]
            s, e = s + 1 + (len(inner) - len(inner.lstrip())), e - 1 - (len(inner) - len(inner.rstrip()))
            spec = inner.strip()
        spec_span = (base + s, base + e)
    else:
        spec = ""
        after = m.end("extras") + 1 if m.group("extras") is not None else m.end("name")
        spec_span = (base + after, base + after)
    rest = m.group("rest") or ""
    marker = rest[1:].strip() if rest.startswith(";") else ""
    return Requirement(
        normalize(m.group("name")),
        m.group("name"),
        (base + m.start("name"), base + m.end("name")),
        extras,
        extras_span,
        spec,
        spec_span,
        marker,
        line,
        (base + lead, base + len(seg_stripped)),
        "pep508",
    )


# ---- requirements.txt -----------------------------------------------------------------------
def requirements_txt(text: str, index) -> List[Requirement]:
    out = []
    for line in range(1, index.line_count + 1):
        s, e = index.line_start(line), index.line_end(line)
        raw = text[s:e]
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", "-")) or "://" in stripped.split("#")[0]:
            continue
        # An inline comment starts at " #"; pip options (--hash ...) follow the requirement.
        cut = len(raw)
        m = re.search(r"[ \t]#|[ \t]--?[A-Za-z]", raw)
        if m:
            cut = m.start()
        if raw.rstrip().endswith("\\"):
            cut = min(cut, raw.rstrip().rfind("\\"))
        req = pep508_at(text, s, s + cut, line)
        if req:
            if "--hash" in _logical_line(index, line):
                req = req._replace(hashed=True)
            out.append(req)
    return out


def _logical_line(index, line: int) -> str:
    """The line plus its backslash continuation lines."""
    parts = []
    while line <= index.line_count:
        t = index.line_text(line)
        parts.append(t)
        if not t.rstrip().endswith("\\"):
            break
        line += 1
    return "\n".join(parts)


# ---- TOML -----------------------------------------------------------------------------------
_STRING = re.compile(r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\r\n]|\\.)*"|\'[^\'\r\n]*\'', re.S)
_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_KEY = re.compile(r'[ \t]*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_.-]+)[ \t]*=')

DEP_TABLES = (
    "project",
    "project.optional-dependencies",
    "dependency-groups",
    "tool.uv",
    "tool.pdm.dev-dependencies",
    "build-system",
)
POETRY_TABLE = re.compile(r"^tool\.poetry(\.group\.[^.]+)?\.(dev-)?dependencies$")


def _toml_tokens(text: str):
    """Yield (kind, start, end) for strings, comments, brackets, newlines; skips string contents."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = i
            while j < n and text[j] not in "\r\n":
                j += 1
            i = j
            continue
        if c in "\"'":
            m = _STRING.match(text, i)
            if m:
                yield ("str", m.start(), m.end())
                i = m.end()
                continue
        if c in "[]{}":
            yield (c, i, i + 1)
        elif c == "\n":
            yield ("nl", i, i + 1)
        i += 1


def _string_value(text: str, start: int, end: int) -> Tuple[int, int]:
    tok = text[start:end]
    q = 3 if tok[:3] in ('"""', "'''") else 1
    return start + q, end - q


def pyproject(text: str, index) -> List[Requirement]:
    out = []
    table = ""
    depth = 0  # bracket depth inside a value
    key = None
    key_line_start = None
    tokens = list(_toml_tokens(text))
    pos_line = index.line_of
    for kind, s, e in tokens:
        if depth == 0 and kind in ("[",):
            line = pos_line(s)
            ls = index.line_start(line)
            if text[ls:s].strip() == "":
                m = _HEADER.match(index.line_text(line))
                if m:
                    table = re.sub(r"[ \t]*\.[ \t]*", ".", m.group(1)).replace('"', "").replace("'", "")
                    key = None
                    continue
        if depth == 0 and kind in ("str", "[", "{"):
            line = pos_line(s)
            km = _KEY.match(text, index.line_start(line))
            if km and km.end() <= s:
                key = km.group(1).strip("\"'")
                key_line_start = line
        if kind in ("[", "{"):
            depth += 1
            continue
        if kind in ("]", "}"):
            depth = max(0, depth - 1)
            continue
        if kind != "str":
            continue
        vs, ve = _string_value(text, s, e)
        in_dep_array = depth > 0 and (
            # A pasted snippet without its `[project]` header still means PEP 621 dependencies.
            (table in ("project", "") and key == "dependencies")
            or table in ("project.optional-dependencies", "dependency-groups")
            or (table == "tool.uv" and key in ("dev-dependencies", "constraint-dependencies", "override-dependencies"))
            or table == "tool.pdm.dev-dependencies"
            or (table == "build-system" and key == "requires")
        )
        if in_dep_array:
            req = pep508_at(text, vs, ve, pos_line(s))
            if req:
                out.append(req)
        elif POETRY_TABLE.match(table) and key:
            out.extend(_poetry_entry(text, index, key, s, e, vs, ve, depth, key_line_start))
    return out


def _poetry_entry(text, index, key, s, e, vs, ve, depth, key_line):
    # `mcp = "^1.2"` (depth 0) or `mcp = {version = "^1.2", extras = ["cli"]}` (the "version" string).
    line_start = index.line_start(key_line)
    extras, extras_span = (), None
    if depth == 1:
        if not re.search(r"\bversion[ \t]*=[ \t]*$", text[line_start:s]):
            return []
        em = re.search(r"\bextras[ \t]*=[ \t]*\[([^\]]*)\]", index.line_text(key_line))
        if em:
            extras = tuple(x.strip().strip("\"'") for x in em.group(1).split(",") if x.strip())
            extras_span = (line_start + em.start(1), line_start + em.end(1))
    elif depth != 0:
        return []
    return [
        Requirement(
            normalize(key),
            key,
            _key_span(text, line_start, key),
            extras,
            extras_span,
            text[vs:ve],
            (vs, ve),
            "",
            key_line,
            (line_start, e),
            "poetry",
        )
    ]


def _key_span(text: str, line_start: int, key: str) -> Span:
    i = text.find(key, line_start)
    return (i, i + len(key))


def poetry_extras_only(text: str, index) -> List[Requirement]:
    """Poetry `mcp = {extras = ["ws"], ...}` entries without a version string still matter for PKG004."""
    out = []
    table = ""
    for line in range(1, index.line_count + 1):
        lt = index.line_text(line)
        m = _HEADER.match(lt)
        if m:
            table = m.group(1).replace(" ", "")
            continue
        if not POETRY_TABLE.match(table):
            continue
        km = _KEY.match(lt)
        em = re.search(r"\bextras[ \t]*=[ \t]*\[([^\]]*)\]", lt)
        if km and em and not re.search(r"\bversion[ \t]*=", lt):
            key = km.group(1).strip("\"'")
            ls = index.line_start(line)
            extras = tuple(x.strip().strip("\"'") for x in em.group(1).split(",") if x.strip())
            out.append(
                Requirement(
                    normalize(key),
                    key,
                    _key_span(text, ls, key),
                    extras,
                    (ls + em.start(1), ls + em.end(1)),
                    "",
                    (ls, ls),
                    "",
                    line,
                    (ls, ls + len(lt)),
                    "poetry",
                )
            )
    return out


# ---- setup.cfg ------------------------------------------------------------------------------
SETUP_KEYS = ("install_requires", "setup_requires", "tests_require")


def setup_cfg(text: str, index) -> List[Requirement]:
    out = []
    section = ""
    collecting = False
    for line in range(1, index.line_count + 1):
        lt = index.line_text(line)
        ls = index.line_start(line)
        st = lt.strip()
        m = re.match(r"^\[([^\]]+)\]", st)
        if m and not lt[:1].isspace():
            section = m.group(1).strip()
            collecting = False
            continue
        if not st or st.startswith(("#", ";")):
            continue
        is_cont = lt[:1].isspace()
        value_start = None
        if not is_cont:
            km = re.match(r"^([A-Za-z0-9_.-]+)[ \t]*[=:]", lt)
            collecting = False
            if km and ((section == "options" and km.group(1) in SETUP_KEYS) or section == "options.extras_require"):
                collecting = True
                value_start = ls + km.end()
        elif collecting:
            value_start = ls
        if value_start is None:
            continue
        seg_end = ls + len(lt)
        cm = re.search(r"[ \t]#", text[value_start:seg_end])
        if cm:
            seg_end = value_start + cm.start()
        if text[value_start:seg_end].strip():
            req = pep508_at(text, value_start, seg_end, line)
            if req:
                out.append(req)
    return out


# ---- setup.py -------------------------------------------------------------------------------
SETUP_PY_KEYS = SETUP_KEYS + ("extras_require",)


def setup_py(text: str, index) -> List[Requirement]:
    """The string literals of `setup(install_requires=[...], extras_require={...: [...]})`, also when
    the keyword names a module-level list (`install_requires=REQUIRES`). Unparsable files have none."""
    from ..inputs import parse_python

    tree, err = parse_python(text)
    if err:
        return []
    lists = {
        t.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    out = []
    for call in ast.walk(tree):
        f = getattr(call, "func", None)
        if not (
            isinstance(call, ast.Call) and (getattr(f, "id", None) == "setup" or getattr(f, "attr", None) == "setup")
        ):
            continue
        for kw in call.keywords:
            if kw.arg not in SETUP_PY_KEYS:
                continue
            value = lists.get(kw.value.id, kw.value) if isinstance(kw.value, ast.Name) else kw.value
            groups = value.values if isinstance(value, ast.Dict) else [value]
            for group in groups:
                group = lists.get(group.id, group) if isinstance(group, ast.Name) else group
                for item in getattr(group, "elts", []):
                    req = _string_requirement(text, index, item)
                    if req:
                        out.append(req)
    return out


def _string_requirement(text: str, index, node) -> Optional[Requirement]:
    """A one-line plain string literal holding a PEP 508 requirement."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or node.lineno != node.end_lineno:
        return None
    s, e = index.node_span(node)
    quote = text[s : s + 1]
    if quote not in ("'", '"') or text[e - 1 : e] != quote or text[s : s + 3] == quote * 3 or e - s < 2:
        return None
    return pep508_at(text, s + 1, e - 1, node.lineno)
