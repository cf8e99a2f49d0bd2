"""`PythonContext`: the context a Python file's rules get. Its questions live one job per module
(see the package docstring); this module assembles them and holds the per-file indexes."""

import ast

from ..inference import Inference
from ..resolver import Resolver
from .base import Context
from .editing import EditHelpers
from .lowlevel import LowlevelPlan
from .names import NameQuestions
from .sdk_objects import SdkQuestions
from .timeouts import TimeoutQuestions
from .tree import TreeQuestions


class PythonContext(TreeQuestions, NameQuestions, SdkQuestions, TimeoutQuestions, LowlevelPlan, EditHelpers, Context):
    def __init__(self, text: str, filename: str, tree: ast.Module, project=None):
        super().__init__(text, filename, "python")
        self.tree = tree
        view = project.seen_from(filename) if project is not None and filename else None
        reexport = (lambda level, module, name: view.sdk_reexport(filename, level, module, name)) if view else None
        self.resolver = Resolver(tree, self.index.node_span, reexport)
        self.types = Inference(self.resolver, project, filename)
        # Indexes built on first use, shared by every rule that asks (see tree.py, names.py).
        self._walk_cache = {}
        self._by_type = None
        self._refs = None
        self._calls = None
        self._subclasses = None
        self._calls_by_attr = None
        self._attrs_by_name = None
        self._names_by_id = None
        self._call_order = None
        self._attr_order = None
        self._star_imports = None
        self._identifiers = None
        self._patch_targets = None
