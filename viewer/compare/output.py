"""Writing an export to a path or to an already open stream, text or binary.

Callers hand in whatever they have: a path from a save dialog, ``sys.stdout``, an ``io.BytesIO``
for an HTTP response. Streams are written to and left open; paths are opened and closed here.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

PathOrStream = str | os.PathLike[str] | IO[Any]


def _is_binary(stream: IO[Any]) -> bool:
    if isinstance(stream, io.TextIOBase):
        return False
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase):
        return True
    try:
        stream.write("")
    except TypeError:
        return True
    return False


@contextmanager
def open_text(target: PathOrStream, *, bom: bool = False, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text stream onto ``target``; with ``bom`` a byte-order mark comes first."""
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8-sig" if bom else "utf-8", newline=newline) as stream:
            yield stream
        return
    if not hasattr(target, "write"):
        raise TypeError(f"expected a path or a writable stream, got {type(target).__name__}")
    if _is_binary(target):
        wrapper = io.TextIOWrapper(target, encoding="utf-8-sig" if bom else "utf-8", newline=newline)  # type: ignore[arg-type]
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()
        return
    if bom:
        target.write("\ufeff")
    yield target
