"""Where Letopis keeps its files: platformdirs locations, or one folder given by the user.

``LETOPIS_HOME`` (or the global ``--home DIR`` option) puts data, settings and cache
under a single folder, which tests and portable installs use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "letopis"
HOME_VARIABLE = "LETOPIS_HOME"


@dataclass(frozen=True)
class Locations:
    data: Path  # user data (curation, aliases, saved searches) and the archive catalog and index
    config: Path  # settings
    cache: Path  # anything that can be thrown away

    @classmethod
    def for_home(cls, home: Path | str | None = None) -> Locations:
        """The locations under ``home``, else under $LETOPIS_HOME, else the platform's own."""
        chosen = home if home is not None else os.environ.get(HOME_VARIABLE) or None
        if chosen is not None:
            root = Path(chosen).expanduser().resolve()
            return cls(root / "data", root / "config", root / "cache")
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    def create(self) -> Locations:
        for folder in (self.data, self.config, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def index_dir(self) -> Path:
        return self.data / "index"

    @property
    def catalog_file(self) -> Path:
        return self.data / "catalog.sqlite3"

    @property
    def user_file(self) -> Path:
        return self.data / "letopis.sqlite3"


def resource_path(*parts: str) -> Path:
    """A file shipped with the program.

    The source tree keeps them in the top-level ``resources/``; the wheel installs that folder
    as ``viewer/resources`` (see pyproject.toml), and so does the one-folder bundle
    (packaging/letopis.spec). An editable install reads the source tree's.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "resources"
    base = packaged if packaged.is_dir() else package.parent / "resources"
    return base.joinpath(*parts)


def sample_archive() -> Path:
    """The bundled sample archive, opened while the user has added no folder of their own."""
    return resource_path("sample")
