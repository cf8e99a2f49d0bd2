"""The context dependency-file rules receive."""

from typing import List, Optional

from ..context import Context
from . import parse


class DepsContext(Context):
    def __init__(self, text: str, filename: str, kind: str):
        super().__init__(text, filename, kind)
        self._reqs: Optional[List[parse.Requirement]] = None

    def requirements(self) -> List[parse.Requirement]:
        """Every dependency entry in the file, in source order."""
        if self._reqs is None:
            if self.kind == "requirements":
                reqs = parse.requirements_txt(self.text, self.index)
            elif self.kind == "pyproject":
                reqs = parse.pyproject(self.text, self.index) + parse.poetry_extras_only(self.text, self.index)
            elif self.kind == "setup_py":
                reqs = parse.setup_py(self.text, self.index)
            else:
                reqs = parse.setup_cfg(self.text, self.index)
            self._reqs = sorted(reqs, key=lambda r: r.span)
        return self._reqs

    def depends_on(self, name: str) -> bool:
        return any(r.name == parse.normalize(name) for r in self.requirements())

    def marker_line_for(self, target) -> Optional[int]:
        if isinstance(target, parse.Requirement):
            return target.line
        return super().marker_line_for(target)

    def span(self, target):
        if isinstance(target, parse.Requirement):
            return target.span
        return super().span(target)
