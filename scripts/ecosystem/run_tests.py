"""Run one project's plain tests and print their outcomes as JSON (for scripts/ecosystem/runtime.mjs).

usage: python run_tests.py PROJECT_DIR

Every `tests/test*.py` module is imported and every `test_*` function without parameters is called;
a coroutine it returns is run with anyio. Pytest fixtures are not provided, so tests that take
parameters are not run. The SDK comes from PYTHONPATH, so the same tests run against v1 and v2.
"""

import builtins
import importlib
import inspect
import json
import os
import pkgutil
import sys
import traceback


def where(exc, root):
    """The last frame of the project's own code in the traceback: where the failure shows."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.abspath(f.filename).startswith(root)]
    return "%s:%d" % (os.path.relpath(frames[-1].filename, root), frames[-1].lineno) if frames else None


# Exception groups exist from Python 3.11; the venv's Python may be 3.10.
GROUPS = getattr(builtins, "BaseExceptionGroup", ())


def leaf(exc):
    """The first exception inside (nested) exception groups: what actually went wrong."""
    while isinstance(exc, GROUPS) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def describe(exc, root):
    inner = leaf(exc)
    text = str(inner).strip().split("\n")[0][:200]
    return {
        "error": "%s: %s" % (type(inner).__name__, text) if text else type(inner).__name__,
        "at": where(inner, root),
    }


def run(root):
    sys.path[:0] = [root, os.path.join(root, "src")]
    outcomes = {}
    tests = os.path.join(root, "tests")
    for info in sorted(pkgutil.iter_modules([tests]), key=lambda i: i.name):
        if not info.name.startswith("test"):
            continue
        try:
            module = importlib.import_module("tests." + info.name)
        except BaseException as exc:  # an import that fails takes the whole module's tests with it
            outcomes[info.name] = dict(describe(exc, root), status="import")
            continue
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("test_") or fn.__module__ != module.__name__ or inspect.signature(fn).parameters:
                continue
            key = "%s.%s" % (info.name, name)
            try:
                result = fn()
                if inspect.iscoroutine(result):
                    import anyio

                    async def main(coro=result):
                        return await coro

                    anyio.run(main)
            except BaseException as exc:
                outcomes[key] = dict(describe(exc, root), status="fail")
            else:
                outcomes[key] = {"status": "pass"}
    return outcomes


if __name__ == "__main__":
    print(json.dumps(run(os.path.abspath(sys.argv[1]))))
