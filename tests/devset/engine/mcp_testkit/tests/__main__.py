"""Run every ``test_*`` function in this package: ``python -m tests``."""

import importlib
import pkgutil
import sys
import traceback

import tests


def main() -> int:
    failures = 0
    ran = 0
    for info in pkgutil.iter_modules(tests.__path__):
        if not info.name.startswith("test_"):
            continue
        module = importlib.import_module(f"tests.{info.name}")
        for name in sorted(dir(module)):
            func = getattr(module, name)
            if not (name.startswith("test_") and callable(func)):
                continue
            ran += 1
            try:
                func()
            except Exception:
                failures += 1
                print(f"FAIL {info.name}.{name}")
                traceback.print_exc()
            else:
                print(f"ok   {info.name}.{name}")
    print(f"{ran - failures}/{ran} passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
