"""Renders the program icon, resources/icons/letopis.svg, for the installers.

    python packaging/render_icons.py [OUT]
    python packaging/render_icons.py --check     are the files in packaging/ those of letopis.svg?

writes, under OUT (default: packaging/):
  linux/icons/hicolor/NxN/apps/letopis.png   the freedesktop sizes 16…512, and scalable/apps/letopis.svg
  windows/letopis.ico                         16…256, PNG-compressed entries (Windows Vista and later)
  macos/letopis.icns                          16…1024, the PNG-based types of macOS 10.7 and later

The PNGs, .ico and .icns are kept in git; run this again whenever letopis.svg changes.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "letopis.svg"
NAME = "letopis"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> pixel size (the @2x types hold twice the nominal size).
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"ic11": 32,
    b"icp6": 64,
    b"ic12": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic13": 256,
    b"ic09": 512,
    b"ic14": 512,
    b"ic10": 1024,
}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as a PNG of size×size pixels, transparent around the drawing."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNGs (one per size; 256 is written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file of PNG elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(out: Path) -> list[Path]:
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SOURCE} is not an SVG Qt can draw")
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_TYPES.values()})
    pngs = {size: render_png(renderer, size) for size in sizes}
    written: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    hicolor = out / "linux" / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        write(hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png", pngs[size])
    scalable = hicolor / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    written.append(scalable)
    write(out / "windows" / f"{NAME}.ico", ico({size: pngs[size] for size in ICO_SIZES}))
    write(out / "macos" / f"{NAME}.icns", icns(pngs))
    return written


def _differs(a: QImage, b: QImage, tolerance: int = 8) -> bool:
    """Whether two renderings differ by more than antialiasing does between machines."""
    if a.size() != b.size():
        return True
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    return any(abs(x - y) > tolerance for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True))


def _entries(container: bytes) -> dict[str, QImage]:
    """The images in an .ico or .icns of PNG entries, by size and type."""
    images: dict[str, QImage] = {}
    if container[:4] == b"icns":
        position = 8
        while position < len(container):
            kind = container[position : position + 4]
            (length,) = struct.unpack(">I", container[position + 4 : position + 8])
            images[kind.decode()] = QImage.fromData(container[position + 8 : position + length], "PNG")
            position += length
        return images
    count = struct.unpack("<H", container[4:6])[0]
    for number in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", container[6 + 16 * number : 22 + 16 * number])
        images[str(side or 256)] = QImage.fromData(container[offset : offset + length], "PNG")
    return images


def check(committed: Path) -> list[str]:
    """What in ``committed`` is missing or no longer matches letopis.svg."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        stale: list[str] = []
        for path in render_all(fresh):
            relative = path.relative_to(fresh)
            old = committed / relative
            if not old.is_file():
                stale.append(f"{relative}: missing")
            elif path.suffix == ".png":
                if _differs(QImage(str(path)), QImage(str(old))):
                    stale.append(f"{relative}: differs")
            elif path.suffix in (".ico", ".icns"):
                new_images, old_images = _entries(path.read_bytes()), _entries(old.read_bytes())
                if new_images.keys() != old_images.keys() or any(
                    old_images[key].isNull() or _differs(image, old_images[key]) for key, image in new_images.items()
                ):
                    stale.append(f"{relative}: differs")
            elif path.read_bytes() != old.read_bytes():
                stale.append(f"{relative}: differs")
        return stale


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    packaging = Path(__file__).resolve().parent
    if argv[:1] == ["--check"]:
        stale = check(packaging)
        for line in stale:
            print(line)
        if stale:
            print("render_icons: run packaging/render_icons.py to render them again", file=sys.stderr)
        return 1 if stale else 0
    out = Path(argv[0]) if argv else packaging
    written = render_all(out)
    del app
    for path in written:
        print(f"{path.stat().st_size:>8}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
