"""The UI's language: Qt's translation system, fed from ``resources/translations``.

Every UI string goes through ``self.tr()`` or ``QCoreApplication.translate()``; the
Russian texts live in ``letopis_ru.ts`` (Qt Linguist's XML, kept up to date with
``pyside6-lupdate``). English needs a file too, ``letopis_en.ts``, for plural forms only.

Loading: a compiled ``.qm`` beside the ``.ts`` is used when it is at least as new as
the ``.ts`` (packagers produce it with ``pyside6-lrelease``); otherwise the ``.ts``
itself is read by ``TsTranslator``, a small reader of that XML. The program therefore
runs translated straight from a source checkout, with no build step, and the
test suite checks that lrelease's ``.qm`` and ``TsTranslator`` give the same texts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from viewer.paths import resource_path

APP_CATALOG = "letopis"


def _russian_plural(n: int) -> int:
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


PLURAL_RULES: dict[str, Callable[[int], int]] = {"ru": _russian_plural, "en": _english_plural}


class TsTranslator(QTranslator):
    """A QTranslator that reads a Qt Linguist ``.ts`` file directly.

    Unfinished, obsolete and vanished messages are ignored, as lrelease ignores them.
    """

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._messages: dict[tuple[str, str, str], str | list[str]] = {}
        root = ElementTree.parse(path).getroot()
        self.language = (root.get("language") or "").split("_")[0]
        self._plural = PLURAL_RULES.get(self.language, _english_plural)
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                key = (name, source, message.findtext("comment", ""))
                if message.get("numerus") == "yes":
                    forms = [form.text or "" for form in translation.iter("numerusform")]
                    if any(forms):
                        self._messages[key] = forms
                elif translation.text:
                    self._messages[key] = translation.text

    def __len__(self) -> int:
        return len(self._messages)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._messages

    def language_name(self) -> str:
        return self.language

    def translate(  # type: ignore[override]
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = self._messages.get((context, source_text, disambiguation or ""))
        if found is None:
            return None
        if isinstance(found, list):
            form = self._plural(n) if n >= 0 else 0
            return found[min(form, len(found) - 1)] or None
        return found


def catalog_path(language: str) -> Path:
    return resource_path("translations", f"{APP_CATALOG}_{language}.ts")


def load_catalog(language: str, parent: QObject | None = None) -> QTranslator | None:
    """The app's translator for ``language`` («ru», «en»): the .qm when fresh, else the .ts."""
    ts = catalog_path(language)
    qm = ts.with_suffix(".qm")
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        translator = QTranslator(parent)
        if translator.load(str(qm)):
            return translator
    if ts.is_file():
        return TsTranslator(ts, parent)
    return None


def install_translations(locale: QLocale | None = None) -> list[QTranslator]:
    """Install the app's translators (and Qt's own for its dialogs) for ``locale``.

    Russian gets the full translation; any other language gets English, the source
    language, with its plural forms.
    """
    app = QCoreApplication.instance()
    locale = locale or QLocale.system()
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        # No language chosen (LANG=C): dates as an English reader expects, not «6 11 2019».
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    russian = locale.language() == QLocale.Language.Russian
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia) if russian else locale)
    installed: list[QTranslator] = []
    if russian:
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_ru", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt_own)
    catalog = load_catalog("ru" if russian else "en", app)
    if catalog is not None:
        installed.append(catalog)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    return installed


def remove_translations(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
