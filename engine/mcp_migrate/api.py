"""Public API (contract in docs/ARCHITECTURE.md, "Engine API")."""

from typing import List, Optional, Sequence, Union

from .framework import ordered_rules
from .project import ProjectIndex, file_facts  # noqa: F401  (re-exported: the two-pass project API)
from .runner import migrate


def migrate_text(
    source: str,
    filename: str = "main.py",
    *,
    select: Optional[List[str]] = None,
    ignore: Optional[List[str]] = None,
    apply_review: Union[bool, Sequence[str]] = False,
    project: Optional[ProjectIndex] = None,
) -> dict:
    """Migrate one file. `project` (built from every file's `file_facts`) lets names imported from the
    user's other modules (`from .app import mcp`) resolve."""
    return migrate(source, filename, select=select, ignore=ignore, apply_review=apply_review, project=project)


def list_rules() -> List[dict]:
    from . import rules  # noqa: F401  (registers)

    return [r.public() for r in ordered_rules()]
