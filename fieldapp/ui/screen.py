"""The base of every main screen, and small helpers every screen uses: headings, empty
states, lists joined in the interface's language, and dates as a reader expects them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from fieldapp.ui.context import Context


class Screen(QWidget):
    """One screen of the navigation rail.

    ``activated()`` runs each time the screen is shown (reload what may have changed);
    ``drafts()`` returns what the user is typing, keyed by form, so that locking never loses
    it; ``restore_drafts()`` puts it back after unlock.

    ``needs``: the actions (:mod:`fieldapp.domain.roles`) of which the acting member's role
    must allow one for the screen to be in the rail at all (empty: every member sees it).
    """

    needs: tuple[str, ...] = ()

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


def join_list(items: Iterable[str]) -> str:
    """Items of a list in one line, with the interface language's comma ("، " in Arabic)."""
    separator = QCoreApplication.translate("Screen", ", ", "between the items of a list")
    return separator.join(item for item in items if item)


def long_date(day: str | date | None) -> str:
    """A day as headers and reports show it, in the interface's language: "الأحد، 29 نونبر
    2026", "dimanche 29 novembre 2026" (Western digits, as in Morocco). Inputs and lists keep
    the ISO form (2026-11-29); a text that is not an ISO date comes back as it is."""
    if not day:
        return ""
    if isinstance(day, str):
        try:
            when = date.fromisoformat(day[:10])
        except ValueError:
            return day
    else:
        when = day
    return QLocale().toString(QDate(when.year, when.month, when.day),
                              QLocale.FormatType.LongFormat)


def confirm_discard(parent: QWidget, question: str, consequence: str) -> bool:
    """Ask before throwing typed work away: ``question`` as the title and in bold in the box,
    ``consequence`` under it, and two buttons that say what they do. Esc, Enter and closing
    the box keep editing; True only when the user chose to discard."""
    box = QMessageBox(QMessageBox.Icon.Question, question, question, parent=parent)
    box.setObjectName("confirm_discard")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(consequence)
    discard = box.addButton(QCoreApplication.translate("Screen", "Discard changes"),
                            QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard_changes")
    keep = box.addButton(QCoreApplication.translate("Screen", "Keep editing"),
                         QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keep_editing")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
