"""Messages for the user that an edge may show in another language.

A `Message` is an English template with %(name)s placeholders and the values to fill them
with; `str(message)` is the English line the CLI and the JSON answers show. The web page looks
the template up in its catalogue, where it is a message id (`make messages` extracts every
`translatable("…")` call of the archive), and fills the values into the translation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """An English template with %(name)s placeholders, and its values."""

    template: str
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.template % dict(self.values) if self.values else self.template


def translatable(template: str, **values: object) -> Message:
    """A message for the user: `template` in English, its %(name)s filled from `values`."""
    return Message(template, tuple((name, str(value)) for name, value in values.items()))
