"""Documentation keeps up with the code: settings, commands, the extract schema."""

from __future__ import annotations

import json

from conftest import ROOT

from claimledger.cli import app
from claimledger.settings import setting_names


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text("utf-8")
    for name in setting_names():
        assert f"`{name}`" in doc, f"docs/settings.md lacks {name}"


def test_every_command_is_in_the_readme_or_docs() -> None:
    text = (ROOT / "README.md").read_text("utf-8")
    for cmd in app.registered_commands:
        name = cmd.name or cmd.callback.__name__
        assert name in text, f"README.md does not mention `claimledger {name}`"


def test_schema_is_valid_json_schema() -> None:
    import jsonschema

    schema = json.loads((ROOT / "claimledger" / "extract" / "schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
