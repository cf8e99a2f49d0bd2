"""Timeouts: v1 took `timedelta`s where v2 takes float seconds (CLT004's session timeouts, TRN001's
`httpx2.Timeout`). What a timedelta-valued expression is in seconds, as source text."""

import ast
from typing import Optional

from ..inference import TIMEDELTA

UNITS = {
    "days": 86400,
    "seconds": 1,
    "microseconds": 1e-6,
    "milliseconds": 1e-3,
    "minutes": 60,
    "hours": 3600,
    "weeks": 604800,
}
POSITIONAL = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")


class TimeoutQuestions:
    """Mixed into `PythonContext`."""

    def timedelta_kind(self, value: ast.AST) -> Optional[str]:
        """ "always" when the value is a `timedelta`, "maybe" when it is one or None (`timeout:
        timedelta | None`, a field defaulting to None) and cheap to read twice, else None (the file
        does not show it)."""
        if isinstance(value, ast.Call) and self.is_ref(value.func, TIMEDELTA):
            return "always"
        kinds = self.possible_classes(value)
        if kinds == {TIMEDELTA}:
            return "always"
        if kinds == {TIMEDELTA, "None"} and self.dotted(value) is not None:
            return "maybe"
        return None

    def seconds_text(self, value: ast.AST) -> Optional[str]:
        """The float seconds of a timedelta-valued expression, as source: `timedelta(minutes=2)` ->
        `120`, `timedelta(seconds=n)` -> `float(n)`, `cfg.timeout` -> `cfg.timeout.total_seconds()`,
        one that may be None -> `(t.total_seconds() if t is not None else None)`; None when the file
        does not show a timedelta."""
        kind = self.timedelta_kind(value)
        src = self.source(value)
        if kind == "always" and isinstance(value, ast.Call):
            return _literal_seconds(value) or _unit_seconds(self, value) or src + ".total_seconds()"
        if kind == "always":
            atomic = isinstance(value, (ast.Name, ast.Attribute, ast.Subscript))
            return (src if atomic else "(%s)" % src) + ".total_seconds()"  # `(timeout or DEFAULT)`
        if kind == "maybe":
            return "(%s.total_seconds() if %s is not None else None)" % (src, src)
        return None


def _unit_seconds(ctx, call):
    """`timedelta(seconds=x)` -> `float(x)`, `timedelta(minutes=x)` -> `float(x) * 60` (one unit, any expression)."""
    if len(call.args) + len(call.keywords) != 1:
        return None
    unit, node = (POSITIONAL[0], call.args[0]) if call.args else (call.keywords[0].arg, call.keywords[0].value)
    if unit not in UNITS or isinstance(node, ast.Starred):
        return None
    src = ctx.source(node)
    if "\n" in src:
        return None
    # float(): the value is seconds to the reader (and to CLT004 on the next run)
    return "float(%s)" % src if UNITS[unit] == 1 else "float(%s) * %s" % (src, UNITS[unit])


def _literal_seconds(call):
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    pairs = list(zip(POSITIONAL, call.args)) + [(k.arg, k.value) for k in call.keywords]
    total = 0
    for unit, node in pairs:
        if (
            unit not in UNITS
            or not isinstance(node, ast.Constant)
            or isinstance(node.value, bool)
            or not isinstance(node.value, (int, float))
        ):
            return None
        total += node.value * UNITS[unit]
    total = round(total, 6)
    return str(int(total)) if float(total).is_integer() else repr(float(total))
