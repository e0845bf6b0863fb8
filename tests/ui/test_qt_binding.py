"""Guards against a Qt binding that mis-counts references to None.

PySide6 6.12 decrements None's reference count on every C++ → Python virtual call that
returns None (an item model's ``data()`` for roles it does not serve): on Python 3.11 the
interpreter aborts after a few thousand calls ("deallocating None"). pyproject.toml excludes
that release; this test fails if such a binding comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 1

    def columnCount(self, parent=QModelIndex()):  # noqa: N802, B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_returning_none_from_a_virtual_keeps_none_alive(qapp):
    model = _Model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(200):
        proxy.data(index, Qt.ItemDataRole.ToolTipRole)
    assert sys.getrefcount(None) >= before - 20
