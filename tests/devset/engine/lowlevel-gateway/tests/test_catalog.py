from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import FILES, config_tree  # noqa: E402

from confgate.catalog import Catalog, CatalogError, deep_merge, flatten, lookup, parse_config, parse_prompt  # noqa: E402
from confgate.settings import load_settings  # noqa: E402


def test_scan_pages_and_changes() -> None:
    with config_tree() as root:
        catalog = Catalog(root, page_size=3)
        assert catalog.refresh()["added"] == sorted(FILES)
        assert catalog.snapshot.root["assets/logo.png"].as_listing()["mimeType"] == "image/png"
        seen, cursor = [], None
        while True:
            page = catalog.page(cursor)
            seen += [entry.relpath for entry in page["items"]]
            if (cursor := page["nextCursor"]) is None:
                break
        assert seen == sorted(FILES)
        assert catalog.environments() == ["prod", "staging"]
        for bad in (lambda: catalog.page("page-2"), lambda: catalog.resolve("../outside.json")):
            try:
                bad()
            except CatalogError:
                pass
            else:
                raise AssertionError("accepted bad input")

        (root / "app.json").write_text('{"service": {"name": "payments"}}')
        (root / "new.ini").write_text("[a]\nb = c\n")
        (root / "logging.ini").unlink()
        assert catalog.refresh() == {"added": ["new.ini"], "removed": ["logging.ini"], "changed": ["app.json"]}


def test_parsing_helpers() -> None:
    assert flatten(parse_config('[pool]\nsize = 5\n[primary]\nhost = "db"\n', ".toml")) == {
        "pool.size": 5,
        "primary.host": "db",
    }
    assert parse_config("[root]\nlevel = INFO\n", ".ini") == {"root": {"level": "INFO"}}
    assert lookup({"a": {"b": 3}}, "a.b") == (True, 3)
    assert lookup({"a": 1}, "a.b") == (False, None)
    assert deep_merge({"s": {"name": "x", "port": 1}}, {"s": {"port": 2}}) == {"s": {"name": "x", "port": 2}}
    spec = parse_prompt("prompts/oncall.md", str(FILES["prompts/oncall.md"]))
    assert (spec.name, spec.arguments) == ("oncall-brief", [("service", True), ("env", False)])
    assert spec.missing({}) == ["service"]
    assert spec.render({"service": "billing", "env": "prod"}) == "You are on call for billing in prod."


def test_settings_from_environment() -> None:
    env = {"CONFGATE_JSON_RESPONSE": "yes", "CONFGATE_PORT": "9200", "CONFGATE_ALLOWED_HOSTS": "a:*, b:*"}
    settings = load_settings("/srv/config", environ=env, transport="streamable-http")
    assert (settings.port, settings.json_response, settings.allowed_hosts) == (9200, True, ("a:*", "b:*"))
    described = settings.to_dict()
    assert described["url"] == "http://127.0.0.1:9200/mcp"
    assert described["capabilities"]["resources"] == {"subscribe": True, "listChanged": True}
