"""PEP 517 build backend for the `mcp-migrate` Python package, standard library only.

The engine needs nothing outside the standard library, and neither does building it: pyproject.toml
names this file through `backend-path`, so `pip install --no-index .`, `pipx`, `uvx --from` and
pre-commit build the package without downloading a build tool. It packs engine/mcp_migrate/ with the
metadata of pyproject.toml's [project] table (the version comes from mcp_migrate/__init__.py).
"""

import base64
import hashlib
import io
import json
import os
import re
import tarfile
import time
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = os.path.join(ROOT, "engine", "mcp_migrate")
# Reproducible archives: SOURCE_DATE_EPOCH when set (zip cannot store dates before 1980).
EPOCH = max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)


# --- pyproject.toml ---------------------------------------------------------------------------


def load_project() -> dict:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        data = f.read()
    try:
        import tomllib
    except ImportError:  # Python 3.10
        return parse_toml_subset(data.decode("utf-8"))["project"]
    return tomllib.loads(data.decode("utf-8"))["project"]


_STRING = r'"(?:[^"\\]|\\.)*"'


def parse_toml_subset(text: str) -> Dict[str, dict]:
    """The TOML that pyproject.toml uses, for Pythons without tomllib: [tables], `key = "string"`,
    `key = ["strings", ...]` over several lines, inline tables of strings, comments. Anything else
    raises, so a richer pyproject.toml cannot be misread. `[tool.*]` tables (other tools' settings,
    such as Ruff's) are skipped: building never reads them."""
    out: Dict[str, dict] = {}
    table: dict = out.setdefault("", {})
    pending = ""
    skipping = False
    for raw in text.splitlines():
        line = pending + _strip_comment(raw).strip()
        if not line:
            continue
        if line.count("[") > line.count("]") or line.count("{") > line.count("}"):
            pending = line + " "
            continue
        pending = ""
        header = re.fullmatch(r"\[([\w.-]+)\]", line)
        if header:
            skipping = header.group(1).split(".")[0] == "tool"
            table = out
            for part in header.group(1).split("."):
                table = table.setdefault(part, {})
            continue
        if skipping:
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError("unsupported TOML line: %r" % raw)
        table[key.strip().strip('"')] = _value(value.strip())
    return out


def _strip_comment(line: str) -> str:
    m = re.match(r'^((?:[^"#]|%s)*)' % _STRING, line)
    return m.group(1) if m else line


def _value(v: str):
    if re.fullmatch(_STRING, v):
        return _unquote(v)
    if v.startswith("[") and v.endswith("]"):
        items = [i.strip() for i in re.findall(r"\s*(%s)\s*,?" % _STRING, v[1:-1])]
        if re.sub(r"\s*%s\s*,?" % _STRING, "", v[1:-1]).strip():
            raise ValueError("unsupported TOML array: %r" % v)
        return [_unquote(i) for i in items]
    if v.startswith("{") and v.endswith("}"):
        pairs = re.findall(r'\s*([\w-]+)\s*=\s*(%s)\s*,?' % _STRING, v[1:-1])
        return {k: _unquote(s) for k, s in pairs}
    raise ValueError("unsupported TOML value: %r" % v)


def _unquote(s: str) -> str:
    return json.loads(s)  # the escapes pyproject.toml needs are JSON's


# --- metadata ---------------------------------------------------------------------------------


def version() -> str:
    with open(os.path.join(PACKAGE, "__init__.py"), encoding="utf-8") as f:
        return re.search(r'^__version__ = "([^"]+)"', f.read(), re.M).group(1)


def dist_name(project: dict) -> str:
    return re.sub(r"[-_.]+", "_", project["name"]).lower()


def metadata(project: dict) -> str:
    lines = [
        "Metadata-Version: 2.1",
        "Name: " + project["name"],
        "Version: " + version(),
        "Summary: " + project["description"],
        "Requires-Python: " + project["requires-python"],
        "License: " + project["license"],
    ]
    lines += ["Project-URL: %s, %s" % kv for kv in project.get("urls", {}).items()]
    lines += ["Keywords: " + ",".join(project["keywords"])] if project.get("keywords") else []
    lines += ["Classifier: " + c for c in project.get("classifiers", [])]
    readme = project.get("readme")
    if readme:
        with open(os.path.join(ROOT, readme), encoding="utf-8") as f:
            lines += ["Description-Content-Type: text/markdown", "", f.read()]
    return "\n".join(lines) + "\n"


def entry_points(project: dict) -> str:
    scripts = project.get("scripts", {})
    return "[console_scripts]\n" + "".join("%s = %s\n" % kv for kv in scripts.items())


WHEEL = "Wheel-Version: 1.0\nGenerator: mcp_migrate_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def dist_info_files(project: dict) -> List[Tuple[str, bytes]]:
    return [
        ("METADATA", metadata(project).encode("utf-8")),
        ("WHEEL", WHEEL.encode()),
        ("entry_points.txt", entry_points(project).encode()),
    ]


def package_files() -> List[Tuple[str, str]]:
    """(path inside the wheel, path on disk) of every file of the package, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(PACKAGE):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")) or name.startswith("."):
                continue
            disk = os.path.join(dirpath, name)
            out.append((os.path.relpath(disk, os.path.dirname(PACKAGE)).replace(os.sep, "/"), disk))
    return out


# --- archives ---------------------------------------------------------------------------------


class _Wheel:
    def __init__(self, path: str):
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self.record: List[str] = []

    def add(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, time.gmtime(EPOCH)[:6])
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zip.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self.record.append("%s,sha256=%s,%d" % (name, digest, len(data)))

    def close(self, dist_info: str) -> None:
        record = dist_info + "/RECORD"
        self.add(record, ("\n".join(self.record + [record + ",,"]) + "\n").encode())
        self.zip.close()


def _build(wheel_directory: str, editable: bool) -> str:
    project = load_project()
    name = dist_name(project)
    dist_info = "%s-%s.dist-info" % (name, version())
    filename = "%s-%s-py3-none-any.whl" % (name, version())
    wheel = _Wheel(os.path.join(wheel_directory, filename))
    if editable:
        # The package is imported from the source tree: edits show without reinstalling.
        wheel.add("_%s_editable.pth" % name, (os.path.dirname(PACKAGE) + "\n").encode())
    else:
        for arcname, disk in package_files():
            with open(disk, "rb") as f:
                wheel.add(arcname, f.read())
    for fname, data in dist_info_files(project):
        wheel.add(dist_info + "/" + fname, data)
    wheel.close(dist_info)
    return filename


# --- PEP 517 / PEP 660 hooks -------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    return []


get_requires_for_build_sdist = get_requires_for_build_editable = get_requires_for_build_wheel


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[dict] = None) -> str:
    project = load_project()
    dist_info = "%s-%s.dist-info" % (dist_name(project), version())
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    for fname, data in dist_info_files(project):
        with open(os.path.join(metadata_directory, dist_info, fname), "wb") as f:
            f.write(data)
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(
    wheel_directory: str, config_settings: Optional[dict] = None, metadata_directory: Optional[str] = None
) -> str:
    return _build(wheel_directory, editable=False)


def build_editable(
    wheel_directory: str, config_settings: Optional[dict] = None, metadata_directory: Optional[str] = None
) -> str:
    return _build(wheel_directory, editable=True)


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    project = load_project()
    base = "%s-%s" % (dist_name(project), version())
    files = [
        ("pyproject.toml", os.path.join(ROOT, "pyproject.toml")),
        ("engine/packaging/" + os.path.basename(__file__), os.path.abspath(__file__)),
    ]
    if project.get("readme"):
        files.append((project["readme"], os.path.join(ROOT, project["readme"])))
    files += [("engine/" + arc, disk) for arc, disk in package_files()]
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as tar:

        def add(arcname: str, data: bytes) -> None:
            info = tarfile.TarInfo(base + "/" + arcname)
            info.size, info.mtime, info.mode = len(data), EPOCH, 0o644
            tar.addfile(info, io.BytesIO(data))

        add("PKG-INFO", metadata(project).encode("utf-8"))
        for arcname, disk in files:
            with open(disk, "rb") as f:
                add(arcname, f.read())
    return filename
