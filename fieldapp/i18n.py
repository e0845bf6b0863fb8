"""Languages: Qt translators for Arabic and French, and building the .qm files.

    python -m fieldapp.i18n update   refresh translations/*.ts from the sources (lupdate)
    python -m fieldapp.i18n build    compile translations/*.ts to .qm (lrelease)
"""

from __future__ import annotations

import ast
import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldapp.resources import TRANSLATIONS_DIR

LANGUAGES = ("ar", "fr")
log = logging.getLogger(__name__)
SOURCE_DIRS = ("fieldapp",)
_installed: list[QTranslator] = []


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def extract() -> dict[str, list[tuple[str, str, bool]]]:
    """Every ``QCoreApplication.translate(context, "source", disambiguation, n)`` call in the
    sources: context → [(source, disambiguation, is_plural)], in order of appearance.

    Our own extractor rather than pyside6-lupdate: lupdate 6.11 drops calls whose count is
    an expression and forgets that a call with a count variable is a plural.
    """
    found: dict[str, list[tuple[str, str, bool]]] = {}
    root = TRANSLATIONS_DIR.parent
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "translate"
                        and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == "QCoreApplication"):
                    continue
                args = node.args
                if len(args) < 2 or not all(isinstance(a, ast.Constant) and
                                            isinstance(a.value, str) for a in args[:2]):
                    raise ValueError(f"{path}:{node.lineno}: translate() needs literal text")
                context, source = args[0].value, args[1].value  # type: ignore[attr-defined]
                comment = ""
                if len(args) > 2 and isinstance(args[2], ast.Constant) and args[2].value:
                    comment = str(args[2].value)
                entry = (source, comment, len(args) > 3)
                bucket = found.setdefault(context, [])
                if entry not in bucket:
                    bucket.append(entry)
    return found


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def update() -> None:
    """Rewrite translations/*.ts from the code: keep every translation whose message is
    still used, add new messages as unfinished, drop the ones no longer in the code."""
    messages = extract()
    for lang in LANGUAGES:
        path = TRANSLATIONS_DIR / f"fieldapp_{lang}.ts"
        old: dict[tuple[str, str, str], ET.Element] = {}
        if path.exists():
            for element in ET.parse(path).getroot().iter("context"):
                name = element.findtext("name", "")
                for message in element.iter("message"):
                    key = (name, message.findtext("source", ""),
                           message.findtext("comment", ""))
                    old[key] = message
        lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
                 f'<TS version="2.1" language="{lang}" sourcelanguage="en">']
        for context in sorted(messages):
            lines += ["<context>", f"    <name>{_escape(context)}</name>"]
            for source, comment, plural in messages[context]:
                lines.append('    <message numerus="yes">' if plural else "    <message>")
                lines.append(f"        <source>{_escape(source)}</source>")
                if comment:
                    lines.append(f"        <comment>{_escape(comment)}</comment>")
                previous = old.get((context, source, comment))
                translation = previous.find("translation") if previous is not None else None
                forms = [] if translation is None else \
                    [f.text or "" for f in translation.iter("numerusform")]
                text = "" if translation is None else (translation.text or "")
                unfinished = translation is None or translation.get("type") == "unfinished" \
                    or (plural and not forms) or (not plural and bool(forms))
                mark = ' type="unfinished"' if unfinished else ""
                if plural:
                    lines.append(f"        <translation{mark}>")
                    for form in forms or [""]:
                        lines.append(f"            <numerusform>{_escape(form)}</numerusform>")
                    lines.append("        </translation>")
                else:
                    value = "" if forms else text
                    lines.append(f"        <translation{mark}>{_escape(value)}</translation>")
                lines.append("    </message>")
            lines.append("</context>")
        lines.append("</TS>")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        total = sum(len(v) for v in messages.values())
        print(f"{path.name}: {total} messages")


def build() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS_DIR / f"fieldapp_{lang}.ts"
        if ts.exists():
            subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], check=True)


def normalise_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "ar"


def install_translators(app: QCoreApplication, lang: str) -> list[str]:
    """Load fieldapp's and Qt's own translations for ``lang``; set the default locale.

    Returns the translation files that could not be loaded (``fieldapp_ar.qm`` missing from
    an installation, say): the caller says so, rather than showing English silently."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = normalise_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Morocco) if lang == "ar"
                       else QLocale(QLocale.Language.French, QLocale.Country.Morocco))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    missing = []
    for directory, name in ((qt_dir, f"qtbase_{lang}"),
                            (str(TRANSLATIONS_DIR), f"fieldapp_{lang}")):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            missing.append(str(Path(directory) / f"{name}.qm"))
            log.warning("translation %s.qm not found in %s", name, directory)
    return missing


if __name__ == "__main__":
    {"update": update, "build": build}[sys.argv[1] if len(sys.argv) > 1 else "build"]()
