"""Every output schema of mcp_server/outputs.py is a tool's answer or a part of one: an error
is answered with the contract's error shape (contract.error_json), not a schema of its own."""

from __future__ import annotations

from pydantic import BaseModel

import mcp_server.outputs as outputs
import mcp_server.server as server


def models(module) -> set[type[BaseModel]]:
    return {
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == outputs.__name__
    }


def test_every_output_schema_is_a_tools_answer_or_part_of_one():
    answers = models(server)
    parts = {name for answer in answers for name in answer.model_json_schema().get("$defs", {})}
    unused = {
        model.__name__
        for model in models(outputs) - answers
        if model is not outputs.Open and model.__name__ not in parts
    }
    assert not unused
