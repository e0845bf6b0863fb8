"""The look: Qt's Fusion style with a calm palette, and a few roles set as properties."""

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
QListWidget#rail { background: #1f3b4d; color: white; border: none; font-size: 11pt; }
QListWidget#rail::item { padding: 10px 12px; }
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
