"""Where the tests' temporary folders are (tests/temporary_root.py): on the machine's RAM file
system unless the caller chose a root."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests import temporary_root
from tests.conftest import TEMPORARY_ROOT
from tests.temporary_root import RAM_FOLDER


def file_system_of(path: Path) -> str:
    """The type of the file system holding `path` ("tmpfs", "ext4"), from /proc/mounts."""
    path = path.resolve()
    deepest, kind = Path("/"), ""
    for line in Path("/proc/mounts").read_text(encoding="utf-8").splitlines():
        _, point, fs_type, *_ = line.split()
        mount = Path(point.replace("\\040", " "))
        if (mount == path or mount in path.parents) and len(mount.parts) >= len(deepest.parts):
            deepest, kind = mount, fs_type
    return kind


def test_the_temporary_folders_are_on_the_ram_file_system(tmp_path, tmp_path_factory):
    if str(RAM_FOLDER) != TEMPORARY_ROOT:
        pytest.skip(f"the caller chose {TEMPORARY_ROOT} or the machine has no {RAM_FOLDER}")
    for folder in (tmp_path, tmp_path_factory.getbasetemp()):
        assert RAM_FOLDER in folder.resolve().parents
        assert file_system_of(folder) == "tmpfs"


def test_a_root_the_caller_chose_is_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("PYTEST_DEBUG_TEMPROOT", str(tmp_path))
    assert temporary_root.chosen() == str(tmp_path)
    monkeypatch.delenv("PYTEST_DEBUG_TEMPROOT")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert temporary_root.chosen() == str(tmp_path)
    assert "PYTEST_DEBUG_TEMPROOT" not in os.environ


def test_with_no_root_chosen_the_ram_file_system_is_unless_it_lacks_room(monkeypatch):
    if not temporary_root.ram_folder_has_room():
        pytest.skip(f"the machine has no {RAM_FOLDER} with room")
    monkeypatch.delenv("PYTEST_DEBUG_TEMPROOT", raising=False)
    monkeypatch.delenv("TMPDIR", raising=False)
    assert temporary_root.chosen() == str(RAM_FOLDER) == os.environ["PYTEST_DEBUG_TEMPROOT"]
    monkeypatch.delenv("PYTEST_DEBUG_TEMPROOT")
    monkeypatch.setattr(temporary_root, "RAM_ROOM", shutil.disk_usage(RAM_FOLDER).total + 1)
    assert temporary_root.chosen() is None
    assert "PYTEST_DEBUG_TEMPROOT" not in os.environ
