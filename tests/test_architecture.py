"""The core imports no Qt and no UI (STYLE.md rule 1); the server imports no store or UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ["fieldapp/domain", "fieldapp/store", "sync"]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", CORE)
def test_core_has_no_qt_and_no_ui(folder):
    for path in modules(folder):
        for name in imports_of(path):
            assert not name.startswith(("PySide6", "fieldapp.ui", "fieldapp.app")), \
                f"{path.relative_to(ROOT)} imports {name}"


def test_domain_has_no_sql():
    for path in modules("fieldapp/domain"):
        for name in imports_of(path):
            assert not name.startswith(("sqlite", "sqlcipher3", "fieldapp.store")), \
                f"{path.relative_to(ROOT)} imports {name}"


def test_server_does_not_reach_into_the_app():
    for path in modules("sync/server"):
        for name in imports_of(path):
            assert not name.startswith(("fieldapp.store", "fieldapp.ui", "PySide6")), \
                f"{path.relative_to(ROOT)} imports {name}"
