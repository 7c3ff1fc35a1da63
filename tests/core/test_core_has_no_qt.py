"""The core must work where Qt is not installed: only viewer.ui may import PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import viewer

PROBE = """
import importlib, sys
sys.modules["PySide6"] = None  # any import of PySide6 now fails
for name in sys.argv[1:]:
    importlib.import_module(name)
from viewer.library import Library
with Library.open() as library:
    library.ensure_sample()
    assert library.search("форум").total == 5
print("ok")
"""


def core_modules() -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages(viewer.__path__, "viewer.")
        if not info.name.startswith("viewer.ui") and info.name != "viewer.__main__"
    ]


def test_core_imports_and_searches_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, *core_modules()], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
