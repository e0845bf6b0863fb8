"""The encounter's own fields: situation and place, the services checklist with an Alt key
for each service, the orientation (a shelter with free places, or a refusal and its reason),
consent and notes; the fields that depend on each other, and the yellow note that says what a
minor or a person in danger requires. The form around them is :mod:`encounter_form`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from fieldapp import messages
from fieldapp.domain import records, vocabularies
from fieldapp.ui.forms import (
    BoolEditor,
    CodeEditor,
    CodesEditor,
    DateTimeEditor,
    Editor,
    Form,
    NumberEditor,
    TextEditor,
    isolate,
    narrow_combo,
)

# Keys the encounter form uses already with Alt: new person, anonymous, back to "Who?".
RESERVED_KEYS = frozenset("NAW")
DIGITS = "1234567890"


def _mnemonic(text: str) -> str:
    """The letter after "&" in a label ("É&coute" → "C"), upper case; "" if none."""
    text = text.replace("&&", "")
    i = text.find("&")
    return text[i + 1].upper() if 0 <= i < len(text) - 1 else ""


def _letter_labels() -> dict[str, tuple[str, str]]:
    """Services past the tenth: (label translated with its "&" key, English label). Only the
    key is used; the label shown is the vocabulary's."""
    return {
        "listening": (QCoreApplication.translate(
            "Encounter", "&Listening",
            "service checkbox: the letter after & is its Alt key; not N, A, W nor a digit"),
            "&Listening"),
        "transport": (QCoreApplication.translate(
            "Encounter", "&Transport to a centre",
            "service checkbox: the letter after & is its Alt key; not N, A, W nor a digit"),
            "&Transport to a centre"),
    }


def service_keys() -> list[str]:
    """The Alt key of each service, in the vocabulary's order: 1…9 and 0 for the first ten,
    then the letter the translation marks (the English one if that is taken)."""
    codes = [t.code for t in vocabularies.vocabulary("service")]
    letters = _letter_labels()
    keys: list[str] = []
    for i, code in enumerate(codes):
        if i < len(DIGITS):
            keys.append(DIGITS[i])
            continue
        translated, english = letters.get(code, ("", ""))
        key = ""
        for candidate in (_mnemonic(translated), _mnemonic(english)):
            if (candidate.isascii() and candidate.isalpha() and candidate not in keys
                    and candidate not in RESERVED_KEYS):
                key = candidate
                break
        keys.append(key)
    return keys


class ShelterEditor(Editor):
    """The shelters with free places now, as "Name — N places free"."""

    def __init__(self) -> None:
        widget = narrow_combo()
        widget.addItem("", None)
        super().__init__(widget)

    def fill(self, shelters: list[dict[str, Any]], lang: str) -> None:
        w: QComboBox = self.widget  # type: ignore[assignment]
        chosen = w.currentData()
        w.blockSignals(True)
        w.clear()
        w.addItem("", None)
        for s in shelters:
            if s["free"] <= 0 and s["id"] != chosen:
                continue
            name = (s.get("name_ar") if lang == "ar" else None) or s.get("name_fr") or \
                s.get("name_ar") or ""
            text = QCoreApplication.translate("Encounter", "%1 — %n place(s) free", "",
                                              s["free"])
            w.addItem(text.replace("%1", isolate(name)), s["id"])
        w.setCurrentIndex(max(0, w.findData(chosen)))
        w.blockSignals(False)

    def value(self) -> Any:
        return self.widget.currentData()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        w: QComboBox = self.widget  # type: ignore[assignment]
        if value and w.findData(value) < 0:
            w.addItem("…", value)  # restored before the shelters arrived: kept, named later
        w.setCurrentIndex(max(0, w.findData(value)))


class EncounterFields(Form):
    """Situation … notes, in three columns (the whole encounter, with a new person, fits a
    1366x768 screen); a field that does not apply is disabled."""

    def __init__(self) -> None:
        super().__init__(columns=3, kind="encounter")
        self.add("situation", CodeEditor("situation"))
        self.add("location", TextEditor(200))
        self.add("met_at", DateTimeEditor())
        self.services = CodesEditor("service", columns=4, keys=service_keys())
        self.add("services", self.services, span=3)
        self.add("orientation", CodeEditor("orientation", allow_empty=False))
        self.shelter = ShelterEditor()
        self.add("shelter_id", self.shelter)
        self.add("refusal_reason", CodeEditor("refusal_reason"))
        self.add("medical_outcome", CodeEditor("medical_outcome"))
        self.add("consent", BoolEditor(messages.field_label("consent")), label="", span=2)
        notes = records.ENCOUNTER.by_name["notes"].max_length
        self.add("notes", TextEditor(notes, multiline=True, lines=3), span=3)
        self.services.widget.setToolTip(QCoreApplication.translate(
            "Encounter", "Alt and the key shown before a service tick or untick it"))
        self.edited.connect(self.update_dependent)

    def record(self) -> dict[str, Any]:
        """These fields as the repository takes them; one that does not apply stays empty."""
        v = self.values()
        orientation = v["orientation"] or "none"
        return {
            "met_at": v["met_at"], "location": v["location"], "situation": v["situation"],
            "services": v["services"],
            "medical_outcome": v["medical_outcome"] if "medical_check" in v["services"]
            else None,
            "orientation": orientation,
            "shelter_id": v["shelter_id"] if orientation == "shelter" else None,
            "refusal_reason": v["refusal_reason"] if orientation == "refused" else None,
            "consent": bool(v["consent"]), "notes": v["notes"],
        }

    def update_dependent(self) -> None:
        v = self.values()
        enabled = {"medical_outcome": "medical_check" in v["services"],
                   "shelter_id": v["orientation"] == "shelter",
                   "refusal_reason": v["orientation"] == "refused"}
        for name, on in enabled.items():
            self.editors[name].widget.setEnabled(on)
            self.labels[name].setEnabled(on)
            if not on:
                self.hide_error(name)  # what it said no longer applies


def new_person_fields() -> Form:
    """A person met for the first time: names, sex, age, flags, in three columns."""
    form = Form(columns=3, kind="person")
    form.add("name_lat", TextEditor(120, placeholder="Youssef Amrani"))
    form.add("name_ar", TextEditor(120, placeholder="يوسف العمراني"))
    form.add("nickname", TextEditor(60))
    form.add("sex", CodeEditor("sex"))
    form.add("approx_age", NumberEditor(0, 120))
    form.add("flags", CodesEditor("vulnerability_flag", columns=4), span=3)
    return form


def anonymous_fields() -> Form:
    """Someone who gives no name: sex, approximate age, what helps to recognise them."""
    form = Form(columns=3, kind="encounter",
                aliases={"anon_sex": "sex", "anon_age": "approx_age"})
    form.setObjectName("anonymous_box")
    form.add("anon_sex", CodeEditor("sex"), messages.field_label("sex"))
    form.add("anon_age", NumberEditor(0, 120), messages.field_label("approx_age"))
    description = TextEditor(300, placeholder=QCoreApplication.translate(
        "Encounter", "What helps to recognise them"))
    form.add("anon_description", description, messages.field_label("description"))
    return form


def follow_up_note(age: int | None, flags: list[str], medical_outcome: str | None) -> str:
    """The yellow note: what a minor or a person in danger requires before saving."""
    texts = []
    if "minor" in flags or (age is not None and age < records.AGE_OF_MAJORITY):
        texts.append(QCoreApplication.translate(
            "Encounter", "Minor (child protection): the situation, the place and an "
            "orientation are required; if they refuse, give the reason."))
    if medical_outcome == "emergency":
        texts.append(QCoreApplication.translate(
            "Encounter", "In danger: a follow-up is required."))
    return " ".join(texts)
