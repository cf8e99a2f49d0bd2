from __future__ import annotations

from intakedesk.config import DeskSettings
from intakedesk.forms import default_catalog


def test_catalog_pages_with_opaque_cursor() -> None:
    catalog = default_catalog()
    first = catalog.page(size=1)
    assert [f["formId"] for f in first["forms"]] == ["flu-shot"]
    second = catalog.page(first["nextCursor"], size=1)
    third = catalog.page(second["nextCursor"], size=1)
    assert [f["formId"] for f in second["forms"] + third["forms"]] == ["follow-up", "new-patient"]
    assert "nextCursor" not in third
    assert catalog.page("garbage", size=5)["forms"][0]["mimeType"] == "application/json"


def test_requested_schema_is_flat_and_typed() -> None:
    form = default_catalog().find("new-patient")
    assert form is not None
    schema = form.requested_schema()
    assert schema["title"] == "new-patient"
    assert schema["required"] == ["full_name", "birth_year", "sex"]
    assert schema["properties"]["sex"] == {
        "title": "Sex",
        "type": "string",
        "enum": ["female", "male", "other", "unsaid"],
    }
    assert schema["properties"]["birth_year"]["minimum"] == 1900
    assert form.fields.root[0].minLength == 2


def test_settings_from_env_and_description() -> None:
    settings = DeskSettings.from_env(
        {
            "INTAKE_HOST": "0.0.0.0",
            "INTAKE_PORT": "9100",
            "INTAKE_TRANSPORT": "streamable-http",
            "INTAKE_JSON_RESPONSE": "yes",
            "INTAKE_LOG_LEVEL": "chatty",
            "INTAKE_PAGE_SIZE": "0",
        }
    )
    assert settings.port == 9100 and settings.json_response is True
    assert settings.log_level == "INFO"
    assert settings.page_size == 1
    described = settings.describe()
    assert described["endpoint"] == "http://0.0.0.0:9100/mcp"
    assert described["listen"] == {"host": "0.0.0.0", "port": 9100}
    assert described["jsonResponse"] is True and described["statelessHttp"] is False
    assert "allowed_origins" not in described["raw"]
