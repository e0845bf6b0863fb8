"""The look: Qt's Fusion style with a calm palette, and a few roles set as properties.

The rail's side padding is on the list, not on its items: a list view wraps an item's text
to its own width and adds the item's padding after, so padded items elide a long name
("Centres d’hébergement") instead of wrapping it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QLabel[role="title"] { font-size: 15pt; font-weight: 600; }
QLabel[role="error"] { color: #b3261e; }
QLabel[role="hint"] { color: #6b4e00; background: #fff4d6; padding: 4px; border-radius: 4px; }
QLabel[role="empty"] { color: #555; font-size: 12pt; padding: 24px; }
QLabel[role="figure"] { font-size: 20pt; font-weight: 600; color: #1f5f8b; }
QLabel[role="overdue"] { color: #b3261e; font-weight: 600; }
QFrame#card { background: white; border: 1px solid #d5dbe1; border-radius: 8px; padding: 16px; }
QFrame#figure_card { background: white; border: 1px solid #d5dbe1; border-radius: 6px; }
QStatusBar QLabel#who { padding: 0 8px; }
QListWidget#rail { background: #1f3b4d; color: white; border: none; font-size: 11pt;
                   padding: 6px 12px; }
QListWidget#rail::item { padding: 10px 0; }
QListWidget#rail::item:selected { background: #2f6f8f; }
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f5f7"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef2f5"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6f8f"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e6ebef"))
    app.setPalette(palette)
    font = QFont()
    font.setFamilies(["Noto Sans", "Noto Sans Arabic", "DejaVu Sans"])
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
