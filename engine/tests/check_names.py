"""Check every rule's v1_names / v2_names against the SDK API JSON (data/sdk-api/).

Entry forms: `module`, `module.Name`, `module.Class.member`, `module.func(param)`,
`module.Class.method(param)`. In v2, `mcp.types[.x]` mirrors `mcp_types[.x]` (the guide).
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def exists(api: dict, entry: str, v2: bool) -> bool:
    modules = api["modules"]
    m = re.match(r"^([\w.]+?)(?:\((\w+)\))?$", entry)
    if not m:
        return False
    path, param = m.group(1), m.group(2)
    if v2 and (path == "mcp.types" or path.startswith("mcp.types.")):
        alt = "mcp_types" + path[len("mcp.types") :]
        if exists(api, alt + ("(%s)" % param if param else ""), v2):
            return True
    if path in modules and not param:
        return True
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        mod = ".".join(parts[:cut])
        if mod not in modules:
            continue
        rest = parts[cut:]
        info = modules[mod]
        entry_ = info["names"].get(rest[0])
        if entry_ is None:
            if mod + "." + rest[0] in modules and len(rest) == 1 and not param:
                return True
            return False
        if entry_.get("kind") == "import" and "from" in entry_:
            src = entry_["from"]
            if src.startswith("."):
                base = mod.split(".") if info["path"].endswith("__init__.py") else mod.split(".")[:-1]
                dots = len(src) - len(src.lstrip("."))
                base = base[: len(base) - (dots - 1)]
                src = ".".join(base + ([src[dots:]] if src[dots:] else []))
            if src.split(".")[0] != "mcp":
                return len(rest) == 1 and not param  # a library's name the module imports (`mcp.types.AnyUrl`)
            target = ".".join([src, entry_["name"]] + rest[1:])
            return exists(api, target + ("(%s)" % param if param else ""), v2)
        if len(rest) == 1:
            if not param:
                return True
            return any(p["name"] == param for p in entry_.get("params", []))
        if len(rest) == 2 and entry_.get("kind") == "class":
            meth = entry_.get("methods", {}).get(rest[1])
            if param:
                return meth is not None and any(p["name"] == param for p in meth.get("params", []))
            return meth is not None or rest[1] in entry_.get("fields", [])
        return False
    return False


def check(v1: dict, v2: dict) -> list:
    from mcp_migrate.framework import REGISTRY
    import mcp_migrate.rules  # noqa: F401

    problems = []
    for r in REGISTRY:
        for n in r.v1_names:
            if not exists(v1, n, False) and n != "mcp":
                problems.append("%s: v1 name %s not in mcp-v1.28.1.json" % (r.code, n))
        for n in r.v2_names:
            if not exists(v2, n, True) and n != "mcp":
                problems.append("%s: v2 name %s not in mcp-v2.0.0.json" % (r.code, n))
    return problems


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    v1 = json.load(open(os.path.join(root, "data", "sdk-api", "mcp-v1.28.1.json")))
    v2 = json.load(open(os.path.join(root, "data", "sdk-api", "mcp-v2.0.0.json")))
    probs = check(v1, v2)
    print("\n".join(probs) or "ok")
    sys.exit(1 if probs else 0)
