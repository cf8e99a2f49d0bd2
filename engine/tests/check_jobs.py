"""The worker pool of `jobs.py`: a result that cannot come back from a worker (an engine bug that puts
an object of its own in a result) becomes that file's error instead of leaving the run waiting forever.

Usage (from engine/): python3 tests/check_jobs.py   -> prints a JSON list of failures; exit 1 if any.
"""

import json
import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate import jobs  # noqa: E402


class Unloadable(str):
    """Pickles, but fails to load (as a `str` subclass whose `__new__` takes more arguments does)."""

    def __new__(cls, text, extra):
        return super().__new__(cls, text)


def _result(i: int):
    return {"path": jobs._state["items"][i][0], "odd": Unloadable("x", None) if i == 3 else "x"}


def _run(queue) -> None:
    items = [("f%d.py" % i, "x = 1\n" * 50) for i in range(16)]
    queue.put(jobs._map(_result, {"items": items}, 2))


def main() -> int:
    failures = []
    queue = multiprocessing.get_context("fork").Queue()
    runner = multiprocessing.get_context("fork").Process(target=_run, args=(queue,))
    runner.start()
    runner.join(60)
    if runner.is_alive():
        runner.kill()
        failures.append("the pool hung on a result that does not load")
    else:
        out = queue.get(timeout=5)
        broken = [i for i, r in enumerate(out) if "internal" in r]
        if 3 not in broken or any(r.get("odd") != "x" for i, r in enumerate(out) if i not in broken):
            failures.append("unexpected results: %r" % out)
    print(json.dumps(failures, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
