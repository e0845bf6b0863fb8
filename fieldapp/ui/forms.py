"""Form building blocks: editors for each field type, inline errors, values in and out.

A :class:`Form` maps record field names to editors laid out in a grid (label, editor, and
under the editor the field's error in the user's language). ``values()`` gives a dict the
repositories accept, ``show_errors()`` puts each :class:`FieldError` under its field and moves
the focus to the first one; no modal dialog for validation. ``draft()`` / ``restore()`` keep
what was typed (drafts survive locking and crashes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import vocabularies
from fieldapp.domain.fields import FieldError
from fieldapp.errors import UserFacingError
from fieldapp.store.repository import ValidationError

FSI, PDI = "\u2068", "\u2069"


def isolate(text: str | None) -> str:
    """Wrap text in first-strong isolates, so an Arabic name in a French sentence (or a Latin
    name, a CIN, a number in an Arabic one) keeps its own direction."""
    return f"{FSI}{text}{PDI}" if text else ""


def isolate_ltr(text: str | None) -> str:
    """Dates, times, CINs and numbers inside a sentence: always left to right (a date has no
    strong letter, so a first-strong isolate would let an Arabic line reverse it)."""
    return f"\u2066{text}{PDI}" if text else ""


def show_failure(form: Form, problem: QLabel, error: Exception) -> None:
    """A save that failed: each field's error under its field, the rest (and storage errors
    such as a full disk) in ``problem`` next to the form; nothing typed is cleared. Anything
    else is a bug and goes on to the crash dialog."""
    problem.hide()
    if isinstance(error, ValidationError):
        unplaced = form.show_errors(error.errors)
        if unplaced:
            problem.setText("; ".join(f"{messages.field_label(e.field)}: "
                                      f"{messages.field_error_text(e)}" for e in unplaced))
            problem.show()
    elif isinstance(error, UserFacingError):
        problem.setText(messages.error_text(error))
        problem.show()
    else:
        raise error


def lang_of(widget: QWidget | None = None) -> str:
    from PySide6.QtCore import QLocale

    return "ar" if QLocale().language() == QLocale.Language.Arabic else "fr"


class Editor:
    """Adapter between one editor widget and one field value."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class TextEditor(Editor):
    def __init__(self, max_length: int = 200, multiline: bool = False,
                 placeholder: str = "") -> None:
        widget: QWidget
        if multiline:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setMaximumHeight(70)
        else:
            widget = QLineEdit()
            widget.setMaxLength(max_length)
        widget.setPlaceholderText(placeholder)
        super().__init__(widget)

    def value(self) -> Any:
        w = self.widget
        text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()  # type: ignore[attr-defined]
        return text.strip() or None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        else:
            w.setText(value or "")  # type: ignore[attr-defined]


class NumberEditor(Editor):
    """A whole number that may be empty (an unknown age stays unknown, not 0)."""

    def __init__(self, minimum: int = 0, maximum: int = 120) -> None:
        widget = QSpinBox()
        widget.setRange(minimum - 1, maximum)
        widget.setSpecialValueText(" ")  # shown for "empty" (minimum - 1)
        widget.setValue(minimum - 1)
        self._empty = minimum - 1
        super().__init__(widget)

    def value(self) -> Any:
        v = self.widget.value()  # type: ignore[attr-defined]
        return None if v == self._empty else v

    def set_value(self, value: Any) -> None:
        self.widget.setValue(self._empty if value is None else int(value))  # type: ignore[attr-defined]


# Arabic-Indic and Persian digits typed on an Arabic keyboard count as digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


class _DayStepper(QObject):
    """↑ / ↓ in a date field move it a day later / earlier (from today when empty)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and isinstance(watched, QLineEdit) and not event.modifiers()):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                text = watched.text().translate(_DIGITS).strip()
                try:
                    day = date.fromisoformat(text)
                except ValueError:
                    day = date.today()
                else:
                    day += timedelta(days=1 if key == Qt.Key.Key_Up else -1)
                watched.setText(day.isoformat())
                return True
        return False


class DateEditor(Editor):
    """A date typed as year-month-day (Arabic-Indic digits accepted), or empty; ↑/↓ step a
    day. The repository says when the text is not a date, under the field."""

    _stepper: _DayStepper | None = None

    def __init__(self, allow_empty: bool = True, today: bool = False) -> None:
        widget = QLineEdit()
        widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # as forms.DateEditor
        widget.setMaxLength(10)
        widget.setPlaceholderText("2026-03-21")
        widget.setToolTip(QCoreApplication.translate(
            "CaseDetail", "Year-month-day; ↑ and ↓ move the date by one day"))
        if DateEditor._stepper is None:
            DateEditor._stepper = _DayStepper()
        widget.installEventFilter(DateEditor._stepper)
        self.today = today or not allow_empty
        super().__init__(widget)
        self.set_value(None)

    def value(self) -> Any:
        text = self.widget.text().translate(_DIGITS).strip().replace("/", "-")  # type: ignore[attr-defined]
        return text or None

    def set_value(self, value: Any) -> None:
        self.widget.setText(value or (date.today().isoformat() if self.today else ""))  # type: ignore[attr-defined]


class DateTimeEditor(Editor):
    def __init__(self) -> None:
        widget = QDateTimeEdit()
        # left to right before the format, or Qt orders the sections for right to left
        widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        widget.setDisplayFormat("yyyy-MM-dd HH:mm")
        widget.setDateTime(QDateTime.currentDateTime())
        widget.setCalendarPopup(True)
        super().__init__(widget)

    def value(self) -> Any:
        return self.widget.dateTime().toString("yyyy-MM-ddTHH:mm")  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        dt = QDateTime.fromString(value, "yyyy-MM-ddTHH:mm") if value else \
            QDateTime(QDate.currentDate(), QTime.currentTime())
        self.widget.setDateTime(dt)  # type: ignore[attr-defined]


class CodeEditor(Editor):
    """One choice from a controlled vocabulary, labelled in the interface language."""

    def __init__(self, vocabulary: str, allow_empty: bool = True,
                 codes: Sequence[str] | None = None) -> None:
        widget = QComboBox()
        vocab = vocabularies.vocabulary(vocabulary)
        lang = lang_of()
        if allow_empty:
            widget.addItem("", None)
        for term in vocab:
            if codes is None or term.code in codes:
                widget.addItem(term.label(lang), term.code)
        super().__init__(widget)

    def value(self) -> Any:
        return self.widget.currentData()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        w: QComboBox = self.widget  # type: ignore[assignment]
        index = w.findData(value)
        w.setCurrentIndex(max(index, 0))


class CodesEditor(Editor):
    """Several choices from a vocabulary as a checklist; Alt+1…9 toggle the first nine."""

    def __init__(self, vocabulary: str, columns: int = 3,
                 codes: Sequence[str] | None = None, number_keys: bool = False,
                 shortcut_scope: QWidget | None = None) -> None:
        widget = QWidget()
        grid = QGridLayout(widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        lang = lang_of()
        self.boxes: dict[str, QCheckBox] = {}
        terms = [t for t in vocabularies.vocabulary(vocabulary)
                 if codes is None or t.code in codes]
        for i, term in enumerate(terms):
            label = term.label(lang)
            if number_keys and i < 9:
                label = f"{i + 1}  {label}"
            box = QCheckBox(label)
            box.setObjectName(f"{vocabulary}_{term.code}")
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[term.code] = box
            if number_keys and i < 9:
                shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), shortcut_scope or widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(box.toggle)
        super().__init__(widget)

    def toggle_number(self, number: int) -> None:
        codes = list(self.boxes)
        if 1 <= number <= len(codes):
            self.boxes[codes[number - 1]].toggle()

    def value(self) -> Any:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


class BoolEditor(Editor):
    def __init__(self, text: str) -> None:
        super().__init__(QCheckBox(text))

    def value(self) -> Any:
        return self.widget.isChecked()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value))  # type: ignore[attr-defined]


class Form(QWidget):
    """A grid of labelled editors with an error line under each."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, columns: int = 1) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._columns = columns
        self._count = 0

    def add(self, name: str, editor: Editor, label: str | None = None,
            span: int = 1) -> Editor:
        """Add ``editor`` for field ``name``; the label defaults to the field's label."""
        col = (self._count % self._columns) * 2
        row = (self._count // self._columns) * 2
        if span > 1 and col:
            row, col = row + 2, 0
            self._count += self._columns - self._count % self._columns
        text = label if label is not None else messages.field_label(name)
        lab = QLabel(text)
        lab.setBuddy(editor.widget)
        editor.widget.setObjectName(name)
        editor.widget.setAccessibleName(text)
        err = QLabel()
        err.setObjectName(f"{name}_error")
        err.setProperty("role", "error")
        err.setWordWrap(True)
        err.hide()
        self.grid.addWidget(lab, row, col, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(editor.widget, row, col + 1, 1, 1 + (span - 1) * 2)
        self.grid.addWidget(err, row + 1, col + 1, 1, 1 + (span - 1) * 2)
        self.editors[name] = editor
        self.errors[name] = err
        self.labels[name] = lab
        self._count += span
        self._connect_edited(editor.widget)
        return editor

    def _connect_edited(self, widget: QWidget) -> None:
        for signal_name in ("textChanged", "valueChanged", "currentIndexChanged",
                            "toggled", "dateChanged", "dateTimeChanged"):
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(self.edited)
                return
        for child in widget.findChildren(QCheckBox):
            child.toggled.connect(self.edited)

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            if name in self.editors:
                self.editors[name].set_value(value)

    def clear_errors(self) -> None:
        for err in self.errors.values():
            err.clear()
            err.hide()

    def show_errors(self, errors: Iterable[FieldError]) -> list[FieldError]:
        """Show each error under its field; returns the ones no field here shows."""
        self.clear_errors()
        first: QWidget | None = None
        unplaced = []
        for e in errors:
            label = self.errors.get(e.field)
            if label is None:
                unplaced.append(e)
                continue
            label.setText(messages.field_error_text(e))
            label.show()
            if first is None:
                first = self.editors[e.field].widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced
