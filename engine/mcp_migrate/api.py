"""Public API (contract in docs/ARCHITECTURE.md, "Engine API")."""

from typing import List, Optional, Sequence, Union

from .framework import ordered_rules
from .runner import migrate


def migrate_text(source: str, filename: str = "main.py", *, select: Optional[List[str]] = None,
                 ignore: Optional[List[str]] = None,
                 apply_review: Union[bool, Sequence[str]] = False) -> dict:
    return migrate(source, filename, select=select, ignore=ignore, apply_review=apply_review)


def list_rules() -> List[dict]:
    from . import rules  # noqa: F401  (registers)

    return [r.public() for r in ordered_rules()]
