"""Languages: Qt translators for Arabic and French, and building the .qm files.

    python -m fieldapp.i18n update   refresh translations/*.ts from the sources (lupdate)
    python -m fieldapp.i18n build    compile translations/*.ts to .qm (lrelease)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldapp.resources import RESOURCES_DIR

LANGUAGES = ("ar", "fr")
TRANSLATIONS_DIR = RESOURCES_DIR.parent / "translations"
SOURCE_DIRS = ("fieldapp",)
_installed: list[QTranslator] = []


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def update() -> None:
    root = TRANSLATIONS_DIR.parent
    sources = [str(p) for d in SOURCE_DIRS for p in sorted((root / d).rglob("*.py"))]
    for lang in LANGUAGES:
        target = TRANSLATIONS_DIR / f"fieldapp_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", lang, *sources,
                        "-ts", str(target)], check=True)


def build() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS_DIR / f"fieldapp_{lang}.ts"
        if ts.exists():
            subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], check=True)


def normalise_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "ar"


def install_translators(app: QCoreApplication, lang: str) -> None:
    """Load fieldapp's and Qt's own translations for ``lang``; set the default locale."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = normalise_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Morocco) if lang == "ar"
                       else QLocale(QLocale.Language.French, QLocale.Country.Morocco))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for directory, name in ((qt_dir, f"qtbase_{lang}"),
                            (str(TRANSLATIONS_DIR), f"fieldapp_{lang}")):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)


if __name__ == "__main__":
    {"update": update, "build": build}[sys.argv[1] if len(sys.argv) > 1 else "build"]()
