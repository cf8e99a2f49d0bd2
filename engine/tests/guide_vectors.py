"""The guide's own "Before (v1)" / "After (v2)" code pairs as engine test vectors.

For each section with such a pair, running the engine on the before code must yield the after code,
or a finding that names that section. Run from anywhere:

    python3 engine/tests/guide_vectors.py [--area SLUG] [--json]

Exit status 1 when a vector fails. `--json` prints every vector's outcome (used by the Vitest suite,
which also accepts failures only for sections whose page gives a `notInCode` reason).
"""

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "engine"))

from mcp_migrate.api import migrate_text  # noqa: E402

FILENAMES = {"python": "example.py", "py": "example.py", "toml": "pyproject.toml", "text": "requirements.txt"}


def slugify(heading):
    """MkDocs' toc slugify, applied to the heading's rendered text (code spans and links unwrapped)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    text = unicodedata.normalize("NFKD", text)
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def sections(markdown):
    """Yield (area_slug, anchor, body) for every ### section."""
    area = None
    for block in re.split(r"(?m)^(?=#{2,3} )", markdown):
        heading, _, body = block.partition("\n")
        if heading.startswith("## "):
            area = slugify(heading[3:])
        elif heading.startswith("### "):
            yield area, slugify(heading[4:]), body


FENCE = re.compile(r"```(\w*)[^\n]*\n(.*?)\n```", re.S)


def pairs(body):
    """Each **Before (v1):** code block with the first **After ...** block that follows it."""
    for before in re.finditer(r"\*\*Before \(v1\):?\*\*:?", body):
        rest = body[before.end() :]
        code = FENCE.search(rest)
        after_label = re.search(r"\*\*After[^*]*\*\*", rest)
        if not code or not after_label:
            continue
        after = FENCE.search(rest, after_label.end())
        if after:
            yield code.group(1) or "python", code.group(2) + "\n", after.group(2) + "\n"


def normalise(code):
    return "\n".join(line.rstrip() for line in code.strip().splitlines())


def vectors(markdown, area=None):
    for sec_area, anchor, body in sections(markdown):
        if area and sec_area != area:
            continue
        for index, (lang, before, after) in enumerate(pairs(body)):
            filename = FILENAMES.get(lang, "example.py")
            result = migrate_text(before, filename, apply_review=True)
            named = sorted({f["rule"] for f in result["findings"] if f["anchor"] == anchor})
            rewritten = normalise(result["text"]) == normalise(after)
            yield {
                "area": sec_area,
                "anchor": anchor,
                "index": index,
                "ok": rewritten or bool(named),
                "rewritten": rewritten,
                "rules": named,
                "error": result["error"],
            }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--area")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with open(os.path.join(ROOT, "upstream", "migration.md"), encoding="utf-8") as f:
        markdown = f.read()
    results = list(vectors(markdown, args.area))
    if args.json:
        print(json.dumps(results))
    else:
        for r in results:
            how = "after code" if r["rewritten"] else ("finding " + ",".join(r["rules"]) if r["rules"] else "FAIL")
            print("%-4s %s #%d  %s" % ("ok" if r["ok"] else "FAIL", r["anchor"], r["index"], how))
        failed = sum(not r["ok"] for r in results)
        print("%d vectors, %d ok, %d failed" % (len(results), len(results) - failed, failed))
    return 1 if any(not r["ok"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
