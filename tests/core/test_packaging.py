"""Letopis as something installed: the sdist and the wheel carry the program and its resources,
the wheel installs and runs from a new environment, and the desktop files pass their validators."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from setuptools import find_packages

import viewer
from viewer.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.letopis.Letopis"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def resource_files() -> list[str]:
    """Every file of resources/, relative to it, as git would ship them."""
    return sorted(
        path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def module_files() -> list[str]:
    return sorted(
        path.relative_to(ROOT).as_posix() for path in (ROOT / "viewer").rglob("*.py") if "__pycache__" not in path.parts
    )


def test_every_package_and_resource_folder_is_in_the_build_configuration() -> None:
    listed = set(pyproject()["tool"]["setuptools"]["packages"])
    code = set(find_packages(str(ROOT), include=["viewer", "viewer.*"]))
    folders = {
        "viewer.resources." + ".".join(path.relative_to(ROOT / "resources").parts)
        for path in (ROOT / "resources").rglob("*")
        if path.is_dir() and "__pycache__" not in path.parts
    }
    expected = code | folders | {"viewer.resources"}
    missing, extra = sorted(expected - listed), sorted(listed - expected)
    assert not missing and not extra, f"pyproject.toml [tool.setuptools] packages: add {missing}, remove {extra}"


def test_the_version_is_defined_once() -> None:
    config = pyproject()
    assert "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "viewer.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", viewer.__version__)
    printed = subprocess.run(
        [sys.executable, "-m", "viewer", "--version"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert printed.stdout.strip() == f"Letopis {viewer.__version__}"
    # The release notes of the metainfo start with the version being released.
    releases = ElementTree.parse(METAINFO).getroot().find("releases")
    assert releases is not None and releases[0].get("version") == viewer.__version__


def test_resources_come_from_the_source_tree_in_a_checkout() -> None:
    assert resource_path("sample") == ROOT / "resources" / "sample"
    assert resource_path("icons", "letopis.svg").is_file()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The sdist, and the wheel built from it (as pip does from an sdist), by ``python -m build``."""
    pytest.importorskip("build", reason="the `build` package (the test extra) is not installed")
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("source") / "letopis"
    # A copy, so that building leaves no build/ or egg-info in the working tree.
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "is absent from the `packages` configuration" not in result.stdout + result.stderr
    (sdist,) = out.glob("letopis-*.tar.gz")
    (wheel,) = out.glob("letopis-*.whl")
    yield sdist, wheel


@pytest.mark.slow
def test_the_wheel_carries_the_program_and_its_resources(built: tuple[Path, Path]) -> None:
    _, wheel = built
    assert wheel.name == f"letopis-{viewer.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(f"letopis-{viewer.__version__}.dist-info/entry_points.txt").decode()
    missing = {f"viewer/resources/{name}" for name in resource_files()} - names
    assert not missing, f"resources missing from the wheel: {sorted(missing)}"
    assert not set(module_files()) - names
    assert {"viewer/resources/sample/000_a1719b69bc352121.txt", "viewer/resources/styles/letopis.qss"} <= names
    assert not [name for name in names if name.startswith(("tests/", "packaging/", "resources/", "docs/"))]
    assert "letopis = viewer.cli:main" in entry_points and "letopisw = viewer.cli:main" in entry_points


@pytest.mark.slow
def test_the_sdist_carries_sources_resources_and_packaging(built: tuple[Path, Path]) -> None:
    sdist, _ = built
    prefix = f"letopis-{viewer.__version__}/"
    with tarfile.open(sdist) as archive:
        names = {name.removeprefix(prefix) for name in archive.getnames()}
    wanted = {f"resources/{name}" for name in resource_files()} | set(module_files())
    wanted |= {"pyproject.toml", "README.md", "constraints.txt", "MANIFEST.in", "packaging/letopis.spec"}
    wanted |= {"packaging/linux/letopis.desktop", f"packaging/linux/{APP_ID}.metainfo.xml", "docs/user-guide.md"}
    assert not wanted - names, f"missing from the sdist: {sorted(wanted - names)}"
    assert not [name for name in names if "__pycache__" in name or name.startswith("tests/ui/screenshots/")]


@pytest.mark.slow
def test_the_installed_wheel_runs_from_a_new_environment(built: tuple[Path, Path], tmp_path: Path) -> None:
    """The wheel in a new virtual environment; its dependencies are the running ones (a .pth file
    names this environment's site-packages), so nothing is downloaded."""
    _, wheel = built
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"LETOPIS_HOME": str(tmp_path / "home")}

    def letopis(*args: str) -> str:
        done = subprocess.run([str(bin_dir / "letopis"), *args], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert letopis("--version").strip() == f"Letopis {viewer.__version__}"
    found = json.loads(letopis("search", "Казахстаном", "--json"))
    assert found["total"] >= 4
    (folder,) = json.loads(letopis("status", "--json"))["folders"]
    assert folder["sample"] and Path(folder["path"]) == site / "viewer" / "resources" / "sample"
    where = subprocess.run(
        [str(python), "-c", "from viewer.paths import resource_path; print(resource_path('styles', 'letopis.qss'))"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.strip()
    assert Path(where) == site / "viewer" / "resources" / "styles" / "letopis.qss"


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/setup.sh --test installs it)")
    return path


def test_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        [validator("desktop-file-validate"), str(LINUX / "letopis.desktop")], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    text = (LINUX / "letopis.desktop").read_text(encoding="utf-8")
    assert "Icon=letopis\n" in text and "Exec=letopis\n" in text
    assert "MimeType=" not in text  # see docs/user-guide.md: Letopis imports folders, it opens no file type


def test_metainfo_is_valid_and_its_screenshots_exist() -> None:
    done = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == "letopis.desktop"
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 2
    for url in images:
        assert (ROOT / "docs" / "images" / url.rsplit("/", 1)[-1]).is_file(), url
    spec = (PACKAGING / "letopis.spec").read_text(encoding="utf-8")
    assert f'BUNDLE_ID = "{APP_ID}"' in spec


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icons_are_rendered_for_every_platform() -> None:
    hicolor = LINUX / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / "letopis.png") == (size, size)
    assert (hicolor / "scalable" / "apps" / "letopis.svg").read_bytes() == resource_path(
        "icons", "letopis.svg"
    ).read_bytes()
    ico = (PACKAGING / "windows" / "letopis.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)
    icns = (PACKAGING / "macos" / "letopis.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    # The committed files are those of today's letopis.svg (rendered again and compared, in a Qt process).
    if importlib.util.find_spec("PySide6") is None:
        pytest.skip("PySide6 is not installed: the icons cannot be rendered again to compare")
    check = subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_desktop_integration_installs_and_uninstalls_for_the_user(tmp_path: Path) -> None:
    program = tmp_path / "Letopis app" / "letopis"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "xdg-data"
    script = LINUX / "install-desktop.sh"
    env = os.environ | {"XDG_DATA_HOME": str(data)}
    subprocess.run([str(script), "--exec", str(program)], check=True, capture_output=True, env=env)
    desktop = data / "applications" / "letopis.desktop"
    assert f'Exec="{program}"' in desktop.read_text(encoding="utf-8")
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in HICOLOR_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "letopis.png").is_file()
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    subprocess.run([str(script), "--uninstall"], check=True, capture_output=True, env=env)
    assert not desktop.exists()
    assert not list((data / "icons").rglob("letopis.*"))
    missing = subprocess.run(
        [str(script), "--exec", str(tmp_path / "nothing")], capture_output=True, text=True, env=env
    )
    assert missing.returncode == 1 and "no letopis program found" in missing.stderr
