"""The base of every main screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from fieldapp.ui.context import Context


class Screen(QWidget):
    """One screen of the navigation rail.

    ``activated()`` runs each time the screen is shown (reload what may have changed);
    ``drafts()`` returns what the user is typing, keyed by form, so that locking never loses
    it; ``restore_drafts()`` puts it back after unlock.
    """

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def activated(self) -> None:
        pass

    def drafts(self) -> dict[str, dict[str, Any]]:
        return {}

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        pass


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    return label


def empty_state(text: str) -> QLabel:
    """What an empty screen says it is for, with its first action."""
    label = QLabel(text)
    label.setProperty("role", "empty")
    label.setWordWrap(True)
    return label
