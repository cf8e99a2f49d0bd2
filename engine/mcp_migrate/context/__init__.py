"""The rule context: everything a rule's `check(ctx)` may ask or do (docs/ENGINE-RULES.md).

`Context` (base.py) serves every file kind; `PythonContext` (python.py) adds the questions about
Python code, one module per job: tree.py (navigation), names.py (name resolution and imports),
sdk_objects.py (which expressions hold SDK objects), timeouts.py (timedeltas as float seconds), lowlevel.py (the lowlevel-`Server` handler
plan), editing.py (edits). Dependency files get `deps.context.DepsContext`.
"""

from .base import Context, Span
from .python import PythonContext

__all__ = ["Context", "PythonContext", "Span"]
