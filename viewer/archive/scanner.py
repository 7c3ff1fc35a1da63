"""Walking the folders the user added: which files are there, and which changed since last time.

Hidden files and folders (names starting with a dot) are skipped, as file managers do.
Symbolic links are followed, but a folder already visited is not entered twice, so a
link pointing back up the tree is reported once instead of looping forever.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from viewer.archive.formats import is_supported
from viewer.archive.records import FileProblem


@dataclass(frozen=True)
class FileStat:
    path: str
    size: int
    mtime_ns: int


@dataclass
class ScanResult:
    files: list[FileStat] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    missing_roots: list[str] = field(default_factory=list)


def absolute(path: Path | str) -> str:
    """The form in which paths are recorded: absolute, normalised, links not resolved."""
    return os.path.normpath(os.path.abspath(os.fspath(path)))


def scan(root: str, cancelled: Callable[[], bool] = lambda: False) -> ScanResult:
    """Every article file at or below ``root`` with its size and modification time."""
    result = ScanResult()
    try:
        info = os.stat(root)
    except FileNotFoundError:
        result.missing_roots.append(root)
        return result
    except OSError as error:
        result.problems.append(FileProblem(root, f"cannot read: {error.strerror or error}"))
        return result
    if not stat.S_ISDIR(info.st_mode):
        _add_file(result, root, info)
        return result
    visited: set[tuple[int, int]] = {(info.st_dev, info.st_ino)}
    pending = [root]
    while pending and not cancelled():
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            result.problems.append(FileProblem(folder, f"cannot read folder: {error.strerror or error}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                info = entry.stat()  # follows links
            except OSError as error:
                reason = "broken symbolic link" if entry.is_symlink() else f"cannot read: {error.strerror}"
                result.problems.append(FileProblem(entry.path, reason))
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in visited:
                    result.problems.append(
                        FileProblem(entry.path, "symbolic link loop: this folder was already read")
                    )
                    continue
                visited.add(key)
                pending.append(entry.path)
            elif stat.S_ISREG(info.st_mode):
                _add_file(result, entry.path, info)
    return result


def _add_file(result: ScanResult, path: str, info: os.stat_result) -> None:
    if is_supported(Path(path)):
        result.files.append(FileStat(path, info.st_size, info.st_mtime_ns))
    else:
        suffix = Path(path).suffix.lower() or "no extension"
        result.problems.append(FileProblem(path, f"not an article file ({suffix})"))
