"""Just enough PEP 440 / Poetry constraint logic to ask "does this pin allow version X?"."""

import re
from typing import List, Optional, Tuple

_REL = re.compile(r"^\s*(===|==|!=|~=|<=|>=|<|>|\^|~(?!=))?\s*([0-9][0-9A-Za-z.*+!-]*|\*)\s*$")


def parse_version(v: str) -> Tuple[int, ...]:
    """Release tuple only; pre/post/dev tags are ignored (good enough for major-version pins)."""
    v = v.split("!", 1)[-1].split("+", 1)[0]
    nums = []
    for part in v.split("."):
        m = re.match(r"\d+", part)
        if not m:
            break
        nums.append(int(m.group()))
    return tuple(nums) or (0,)


def _cmp(a: Tuple[int, ...], b: Tuple[int, ...]) -> int:
    n = max(len(a), len(b))
    a = a + (0,) * (n - len(a))
    b = b + (0,) * (n - len(b))
    return (a > b) - (a < b)


def _bump(v: Tuple[int, ...], index: int) -> Tuple[int, ...]:
    v = list(v) + [0] * max(0, index + 1 - len(v))
    return tuple(v[:index] + [v[index] + 1])


def clause_allows(op: str, ver: str, candidate: Tuple[int, ...]) -> Optional[bool]:
    if ver == "*":
        return True
    if ver.endswith(".*"):
        prefix = parse_version(ver[:-2])
        same = candidate[: len(prefix)] + (0,) * max(0, len(prefix) - len(candidate)) == prefix
        return same if op in ("==", "") else (not same) if op == "!=" else None
    v = parse_version(ver)
    c = _cmp(candidate, v)
    if op in ("==", "==="):
        return c == 0
    if op == "!=":
        return c != 0
    if op == "<":
        return c < 0
    if op == "<=":
        return c <= 0
    if op == ">":
        return c > 0
    if op == ">=":
        return c >= 0
    if op == "~=":
        return c >= 0 and _cmp(candidate, _bump(v[:-1], len(v) - 2) if len(v) > 1 else (v[0] + 1,)) < 0
    if op == "^":  # Poetry caret: bump the first non-zero component
        first = next((i for i, x in enumerate(v) if x != 0), len(v) - 1)
        return c >= 0 and _cmp(candidate, _bump(v, first)) < 0
    if op == "~":  # Poetry tilde: ~1.2 -> >=1.2,<1.3 ; ~1 -> >=1,<2
        return c >= 0 and _cmp(candidate, _bump(v, 1 if len(v) > 1 else 0)) < 0
    if op == "":  # Poetry bare version means exact
        return c == 0
    return None


def split_clauses(spec: str) -> List[Tuple[str, str]]:
    spec = re.sub(r"(===|==|!=|~=|<=|>=|<|>|\^|~)\s+", r"\1", spec.strip())
    if spec.startswith("(") and spec.endswith(")"):
        spec = spec[1:-1]
    out = []
    for part in re.split(r"[,\s]+(?=[<>=!~^*0-9])|,", spec):
        if not part.strip():
            continue
        m = _REL.match(part)
        if not m:
            return []
        out.append((m.group(1) or "", m.group(2)))
    return out


def allows(spec: str, version: str) -> Optional[bool]:
    """True/False if every clause could be evaluated; None if the spec is not understood.

    Poetry `||` alternatives are supported; PEP 440 clauses are ANDed.
    """
    candidate = parse_version(version)
    alternatives = [s for s in spec.split("||")]
    any_true = False
    for alt in alternatives:
        clauses = split_clauses(alt)
        if not clauses:
            if alt.strip() in ("", "*"):
                return True
            return None
        results = [clause_allows(op, v, candidate) for op, v in clauses]
        if any(r is None for r in results):
            return None
        if all(results):
            any_true = True
    return any_true


def allows_any(spec: str, versions: List[str]) -> Optional[bool]:
    seen = [allows(spec, v) for v in versions]
    if any(s is None for s in seen):
        return None
    return any(seen)


def allows_major(spec: str, major: int) -> Optional[bool]:
    """Does the spec allow some release of `major` (`mcp==2.1.4` and `mcp>=2.2` allow 2.x)? Tried on
    the major's first and a far release, and on each release the spec names in that major and
    just after it."""
    candidates = ["%d.0.0" % major, "%d.999.999" % major]
    for alt in spec.split("||"):
        for _, ver in split_clauses(alt):
            v = parse_version(ver.rstrip(".*"))
            if v[0] == major:
                candidates += [".".join(map(str, v)), ".".join(map(str, v + (0, 1)))]
    return allows_any(spec, candidates)
