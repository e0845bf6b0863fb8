"""Form building blocks: editors for each field type, inline errors, values in and out.

A :class:`Form` maps record field names to editors laid out in a grid (label, editor, and
under the editor the field's error in the user's language). ``values()`` gives a dict the
repositories accept, ``show_errors()`` puts each :class:`FieldError` under its field and moves
the focus to the first one; no modal dialog for validation. ``draft()`` / ``restore()`` keep
what was typed (drafts survive locking and crashes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldapp import messages
from fieldapp.domain import records, vocabularies
from fieldapp.domain.fields import FieldError
from fieldapp.errors import UserFacingError
from fieldapp.store.repository import ValidationError

FSI, PDI = "\u2068", "\u2069"
RLM, LRM = "\u200f", "\u200e"


def isolate(text: str | None) -> str:
    """Wrap text in first-strong isolates, so an Arabic name in a French sentence (or a Latin
    name, a CIN, a number in an Arabic one) keeps its own direction."""
    return f"{FSI}{text}{PDI}" if text else ""


def isolate_ltr(text: str | None) -> str:
    """Dates, times, CINs and numbers inside a sentence: always left to right (a date has no
    strong letter, so a first-strong isolate would let an Arabic line reverse it)."""
    return f"\u2066{text}{PDI}" if text else ""


def in_reading_order(text: str, lang: str) -> str:
    """A line made of isolated parts has no strong letter left outside them, so it would be
    laid out left to right even in Arabic: lead it with the interface's direction mark."""
    return f"{RLM if lang == 'ar' else LRM}{text}" if text else ""


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
    """A text. Nothing typed is cut: a text longer than ``max_length`` stays as typed and
    the record rules say so under the field (a multi-line box counts down near its limit)."""

    def __init__(self, max_length: int = 200, multiline: bool = False,
                 placeholder: str = "", lines: int = 4) -> None:
        widget: QWidget
        self.max_length = max_length
        if multiline:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            margins = widget.contentsMargins()
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 2 * (
                widget.frameWidth() + int(widget.document().documentMargin()))
                + margins.top() + margins.bottom())
        else:
            widget = QLineEdit()
        widget.setPlaceholderText(placeholder)
        super().__init__(widget)

    @property
    def multiline(self) -> bool:
        return isinstance(self.widget, QPlainTextEdit)

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


# Arabic-Indic and Persian digits typed on an Arabic keyboard count as digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


class NumberField(QLineEdit):
    """A whole number as typed. Unlike a spin box it never drops a digit nor brings a number
    back into its range ("300" stays "300", and the record rules say it is too big); ↑ and ↓
    step by one within the range."""

    def __init__(self, minimum: int, maximum: int) -> None:
        super().__init__()
        self.minimum, self.maximum = minimum, maximum
        # digits and a minus sign have no direction of their own: keep "-1" from showing as
        # "1-" in a right-to-left form
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def value(self) -> int | str | None:
        """The number, None when empty, or the text when it is not a whole number."""
        text = self.text().translate(_DIGITS).strip()
        if not text:
            return None
        return int(text) if _WHOLE_NUMBER.fullmatch(text) else text

    def setValue(self, value: int | None) -> None:  # noqa: N802 - as QSpinBox names it
        self.setText("" if value is None else str(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        value = self.value()
        if value is None:
            self.setValue(max(self.minimum, 0))
        elif isinstance(value, int):
            inside = self.minimum <= value <= self.maximum
            stepped = value + step
            self.setValue(min(max(stepped, self.minimum), self.maximum) if inside else stepped)


class NumberEditor(Editor):
    """A whole number that may be empty (an unknown age stays unknown, not 0)."""

    def __init__(self, minimum: int = 0, maximum: int = 120) -> None:
        super().__init__(NumberField(minimum, maximum))

    def value(self) -> Any:
        return self.widget.value()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))  # type: ignore[attr-defined]


_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})")


class _DayStepper(QObject):
    """↑ / ↓ in a date (or date and time) field move it a day later / earlier (from today
    when empty); the time of day stays."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and isinstance(watched, QLineEdit) and not event.modifiers()):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                text = watched.text().translate(_DIGITS).strip()
                day_text, rest = text[:10], text[10:]
                try:
                    day = date.fromisoformat(day_text)
                except ValueError:
                    day, rest = date.today(), ""
                else:
                    day += timedelta(days=1 if key == Qt.Key.Key_Up else -1)
                if not rest and watched.property("with_time"):
                    rest = " " + QTime.currentTime().toString("HH:mm")
                watched.setText(day.isoformat() + rest)
                return True
        return False


_stepper: _DayStepper | None = None


def _date_line(placeholder: str, tooltip: str, with_time: bool = False) -> QLineEdit:
    """A date typed as text: kept exactly as typed (never corrected into a range); the
    record rules say what is wrong with it, under the field."""
    global _stepper
    widget = QLineEdit()
    # left to right: in a right-to-left form "2026-03-21" would show its parts reversed
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    widget.setPlaceholderText(placeholder)
    widget.setToolTip(tooltip)
    widget.setProperty("with_time", with_time)
    if _stepper is None:
        _stepper = _DayStepper()
    widget.installEventFilter(_stepper)
    return widget


class DateEditor(Editor):
    """A date typed as year-month-day (Arabic-Indic digits accepted), or empty; ↑/↓ step a
    day. The repository says when the text is not a date, under the field."""

    def __init__(self, allow_empty: bool = True, today: bool = False) -> None:
        widget = _date_line("2026-03-21", QCoreApplication.translate(
            "CaseDetail", "Year-month-day; ↑ and ↓ move the date by one day"))
        self.today = today or not allow_empty
        super().__init__(widget)
        self.set_value(None)

    def value(self) -> Any:
        text = self.widget.text().translate(_DIGITS).strip().replace("/", "-")  # type: ignore[attr-defined]
        return text or None

    def set_value(self, value: Any) -> None:
        self.widget.setText(value or (date.today().isoformat() if self.today else ""))  # type: ignore[attr-defined]


class DateTimeEditor(Editor):
    """A date and time typed as "2026-03-21 22:30" (stored as 2026-03-21T22:30); empty means
    now. Kept as typed: a year past today is refused under the field, not replaced."""

    def __init__(self) -> None:
        widget = _date_line("2026-03-21 22:30", QCoreApplication.translate(
            "Forms", "Year-month-day and hour:minute; ↑ and ↓ move the date by one day"),
            with_time=True)
        super().__init__(widget)
        self.set_value(None)

    def value(self) -> Any:
        text = self.widget.text().translate(_DIGITS).strip().replace("/", "-")  # type: ignore[attr-defined]
        match = _DATE_TIME.fullmatch(text)
        if match:
            return f"{match[1]}T{match[2]}"
        return text or None

    def set_value(self, value: Any) -> None:
        if not value:
            value = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        match = _DATE_TIME.fullmatch(value)
        self.widget.setText(f"{match[1]} {match[2]}" if match else value)  # type: ignore[attr-defined]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def number_error(name: str, value: int | str | None, minimum: int,
                 maximum: int) -> FieldError | None:
    """What is wrong with a whole number from a :class:`NumberField` that belongs to no record
    (a setting), worded as the record rules word it; None when it is right."""
    if value is None:
        return FieldError(name, "required")
    if not isinstance(value, int):
        return FieldError(name, "not_a_number")
    if not minimum <= value <= maximum:
        return FieldError(name, "out_of_range", {"min": minimum, "max": maximum})
    return None


def date_error(name: str, value: str | None) -> FieldError | None:
    """What is wrong with a date from a :class:`DateEditor` that belongs to no record (a
    period), worded as the record rules word it; None when it is a date."""
    if not value:
        return FieldError(name, "required")
    if _ISO_DATE.fullmatch(value) is None:
        return FieldError(name, "not_a_date")
    try:
        date.fromisoformat(value)
    except ValueError:
        return FieldError(name, "not_a_date")
    return None


def narrow_combo() -> QComboBox:
    """A drop-down list as wide as its column allows, not as its longest choice (which would
    widen the whole form past the screen); the list that opens shows each choice whole."""
    widget = QComboBox()
    widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    widget.setMinimumContentsLength(8)
    return widget


class CodeEditor(Editor):
    """One choice from a controlled vocabulary, labelled in the interface language."""

    def __init__(self, vocabulary: str, allow_empty: bool = True,
                 codes: Sequence[str] | None = None) -> None:
        widget = narrow_combo()
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
    """Several choices from a vocabulary as a checklist. With ``keys`` (one per term, in
    order; "" for none) each box shows its key before its label and Alt+key toggles it."""

    def __init__(self, vocabulary: str, columns: int = 3,
                 codes: Sequence[str] | None = None, keys: Sequence[str] = (),
                 shortcut_scope: QWidget | None = None) -> None:
        widget = QWidget()
        grid = QGridLayout(widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        lang = lang_of()
        self.boxes: dict[str, QCheckBox] = {}
        self.keys: dict[str, str] = {}  # key → code
        terms = [t for t in vocabularies.vocabulary(vocabulary)
                 if codes is None or t.code in codes]
        for i, term in enumerate(terms):
            label = term.label(lang)
            key = keys[i] if i < len(keys) else ""
            box = QCheckBox(f"{key}  {label}" if key else label)
            box.setObjectName(f"{vocabulary}_{term.code}")
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[term.code] = box
            if key:
                self.keys[key] = term.code
                box.setToolTip(f"Alt+{key}")
                shortcut = QShortcut(QKeySequence(f"Alt+{key}"), shortcut_scope or widget)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(box.toggle)
        super().__init__(widget)

    def toggle_key(self, key: str) -> None:
        code = self.keys.get(key)
        if code is not None:
            self.boxes[code].toggle()

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
    """A grid of labelled editors with an error line under each.

    With ``kind`` (a record kind) a field that shows an error is checked again as soon as it
    is edited: the message goes when the value is right, or changes to what is still wrong.
    ``aliases`` name the record field of a form field named otherwise."""

    edited = Signal()
    COUNT_FROM = 0.9  # a multi-line text shows how many characters are left from 90 %

    def __init__(self, parent: QWidget | None = None, columns: int = 1, kind: str | None = None,
                 aliases: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.counters: dict[str, QLabel] = {}
        self.kind = records.kind(kind) if kind else None
        self.aliases = dict(aliases or {})
        self._columns = columns
        self._count = 0
        for column in range(columns):  # the editors share the width, the labels take theirs
            self.grid.setColumnStretch(column * 2 + 1, 1)

    def add(self, name: str, editor: Editor, label: str | None = None,
            span: int = 1) -> Editor:
        """Add ``editor`` for field ``name``; the label defaults to the field's label. A field
        that spans more columns than its row has left starts the next row."""
        col = (self._count % self._columns) * 2
        row = (self._count // self._columns) * 2
        if span > 1 and self._count % self._columns + span > self._columns:
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
        under: QWidget = err
        if isinstance(editor, TextEditor) and editor.multiline:
            under = self._with_counter(name, err)
        self.grid.addWidget(under, row + 1, col + 1, 1, 1 + (span - 1) * 2)
        self.editors[name] = editor
        self.errors[name] = err
        self.labels[name] = lab
        self._count += span
        self._connect_edited(name, editor.widget)
        return editor

    def _with_counter(self, name: str, err: QLabel) -> QWidget:
        """The error line and, at its end, how many characters are left near the limit."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        counter = QLabel()
        counter.setObjectName(f"{name}_counter")
        counter.hide()
        row.addWidget(err, 1)
        row.addWidget(counter, 0, Qt.AlignmentFlag.AlignTop)
        self.counters[name] = counter
        return box

    def _connect_edited(self, name: str, widget: QWidget) -> None:
        def edited() -> None:
            self._field_edited(name)
            self.edited.emit()

        for signal_name in ("textChanged", "valueChanged", "currentIndexChanged", "toggled"):
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(edited)
                return
        for child in widget.findChildren(QCheckBox):
            child.toggled.connect(edited)

    def _field_edited(self, name: str) -> None:
        if name in self.counters:
            self._count_characters(name)
        err = self.errors[name]
        if err.isHidden():
            return
        problems = self.field_errors(name)
        if problems:
            err.setText(messages.field_error_text(problems[0]))
        else:
            err.clear()
            err.hide()

    def field_errors(self, name: str) -> list[FieldError]:
        """What is wrong with this field's value on its own (rules that tie fields together
        wait for the save)."""
        field_name = self.aliases.get(name, name)
        if self.kind is None or field_name not in self.kind.by_name:
            return []
        value = self.editors[name].value()
        _record, errors = self.kind.prepare_fields({field_name: value})
        return [FieldError(name, e.code, e.params) for e in errors if e.field == field_name]

    def _count_characters(self, name: str) -> None:
        editor = self.editors[name]
        counter = self.counters[name]
        limit = editor.max_length if isinstance(editor, TextEditor) else 0
        used = len(editor.value() or "")
        if not limit or used < limit * self.COUNT_FROM:
            counter.hide()
            return
        if used <= limit:
            text = QCoreApplication.translate("Forms", "%n character(s) left", "", limit - used)
            role = ""
        else:
            text = QCoreApplication.translate("Forms", "%n character(s) too many", "",
                                              used - limit)
            role = "error"
        counter.setText(text)
        if counter.property("role") != role:
            counter.setProperty("role", role)
            counter.style().unpolish(counter)
            counter.style().polish(counter)
        counter.show()

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

    def hide_error(self, name: str) -> None:
        self.errors[name].clear()
        self.errors[name].hide()

    def show_errors(self, errors: Iterable[FieldError], focus: bool = True) -> list[FieldError]:
        """Show each error under its field (every one at once), the focus on the first in
        the order of the form; returns the ones no field here shows."""
        self.clear_errors()
        placed: set[str] = set()
        unplaced = []
        for e in errors:
            label = self.errors.get(e.field)
            if label is None:
                unplaced.append(e)
                continue
            if e.field in placed:
                continue  # one sentence per field: the first problem
            placed.add(e.field)
            label.setText(messages.field_error_text(e))
            label.show()
        first = next((self.editors[n].widget for n in self.editors if n in placed), None)
        if focus and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced


def every_error(kind_name: str, values: Mapping[str, Any], province: str,
                today: date | None = None) -> list[FieldError]:
    """All that is wrong with a record at once: each field's problem and those of the rules
    that tie fields together. (The repositories stop at the fields when one is wrong, which
    would show the rules' problems only at the next save.) Run in a database job, before a
    write, so the form shows everything in one go."""
    kind = records.kind(kind_name)
    record, errors = kind.prepare({**values, "province": values.get("province") or province},
                                  today)
    bad = {e.field for e in errors}
    if not bad or bad == {"province"}:
        return errors  # the rules ran (or a province problem, which the write reports)
    empty = kind.clean({})
    checked = {**record, **{name: empty.get(name) for name in bad}}
    day = today or date.today()
    for rule in kind.rules:
        try:
            errors += [e for e in rule(checked, day) if e.field not in bad]
        except (TypeError, ValueError, KeyError):  # a rule that needs the wrong field right
            continue
    return errors
