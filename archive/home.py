"""Where an archive lives when no --home is given."""

from __future__ import annotations

import os
from pathlib import Path


def default_home() -> Path:
    """$AIBRIEF_HOME, else $XDG_DATA_HOME/aibrief, else ~/.local/share/aibrief."""
    if os.environ.get("AIBRIEF_HOME"):
        return Path(os.environ["AIBRIEF_HOME"])
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "aibrief"
