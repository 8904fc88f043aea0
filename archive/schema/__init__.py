"""JSON Schemas (draft 2020-12) of the exported article and the stored issue.

jsonschema is imported by the first check, not with this module: it takes longer to import
than a search takes to run, and only an ingest or an import checks anything."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).parent
SCHEMA_NAMES = ("article", "issue")


def schema(name: str) -> dict:
    """The schema named "article" or "issue", as a dict."""
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for "article" or "issue"; the issue schema refers to the article schema."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (schema(n)["$id"], Resource.from_contents(schema(n))) for n in SCHEMA_NAMES
    )
    return Draft202012Validator(schema(name), registry=registry)


def first_error(name: str, instance: object) -> str | None:
    """The most relevant validation error as one line ("at sources/0/url: …"), or None."""
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    error = errors[0]
    where = "/".join(str(part) for part in error.absolute_path)
    return f"at {where}: {error.message}" if where else error.message
