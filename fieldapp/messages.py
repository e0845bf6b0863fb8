"""Sentences for the codes the core returns: storage and vault errors, field errors.

The core (domain, store, sync) returns codes; this module owns the sentences, through Qt's
translation system, so the command line and the GUI say the same thing in Arabic or French.
Advice comes first, detail last.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.fields import FieldError
from fieldapp.errors import UserFacingError


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def error_text(error: UserFacingError) -> str:
    """One or two sentences for a user-facing error, in the current language."""
    texts = {
        "wrong_passphrase": _tr(
            "The passphrase is not correct. Check the keyboard language and Caps Lock, "
            "then try again."),
        "not_found": _tr("There is no vault in this folder yet."),
        "exists": _tr("A vault already exists in this folder; it was left untouched."),
        "not_encrypted": _tr(
            "This file is not an encrypted fieldapp vault, so it was not opened. "
            "Choose the right folder or ask your administrator."),
        "damaged": _tr(
            "The vault file is damaged or has been tampered with, so it was not opened and "
            "nothing was changed. Restore it from a backup, or ask your administrator."),
        "too_new": _tr(
            "This vault was written by a newer version of fieldapp. Install the latest "
            "version to open it; nothing was changed."),
        "weak_passphrase": _tr("Choose a passphrase of at least 8 characters."),
        "unknown_province": _tr("Choose a province from the list."),
        "disk_full": _tr(
            "The disk is full, so the last change was not saved. Free some space (empty the "
            "recycle bin, remove large files), then save again: what you typed is still here."),
        "busy": _tr("The vault is busy in another window. Wait a moment, then try again."),
        "read_only": _tr(
            "The vault cannot be written (read-only folder or disk). Check the folder's "
            "permissions, then save again."),
        "io": _tr("The vault could not be read or written. Restart fieldapp; if this happens "
                  "again, ask your administrator."),
        "invalid": _tr("Some values need correcting; see the marked fields."),
        "not_found_record": _tr("This record no longer exists."),
        "no_passphrase": _tr(
            "No passphrase given: use --passphrase-file FILE or the FIELDAPP_PASSPHRASE "
            "environment variable."),
    }
    text = texts.get(error.code, _tr("Something went wrong."))
    return text


def field_label(name: str) -> str:
    labels = {
        "province": _tr("Province"),
        "deleted": _tr("Deleted"),
        "name_ar": _tr("Name (Arabic script)"),
        "name_lat": _tr("Name (Latin script)"),
        "nickname": _tr("Nickname"),
        "cin": _tr("CIN"),
        "sex": _tr("Sex"),
        "birth_date": _tr("Date of birth"),
        "approx_age": _tr("Approximate age"),
        "age_noted_on": _tr("Age noted on"),
        "flags": _tr("Vulnerability"),
        "consent": _tr("Consent to keep personal data"),
        "description": _tr("Description"),
        "notes": _tr("Notes"),
        "merged_into": _tr("Merged into"),
        "date": _tr("Date"),
        "team": _tr("Team"),
        "members": _tr("Team members"),
        "commune": _tr("Commune"),
        "area": _tr("Area"),
        "started_at": _tr("Start"),
        "ended_at": _tr("End"),
        "patrol_id": _tr("Patrol"),
        "person_id": _tr("Person"),
        "anonymous": _tr("Anonymous"),
        "met_at": _tr("Met at"),
        "location": _tr("Location or landmark"),
        "situation": _tr("Situation"),
        "services": _tr("Services"),
        "medical_outcome": _tr("Medical check outcome"),
        "orientation": _tr("Orientation"),
        "shelter_id": _tr("Shelter"),
        "refusal_reason": _tr("Reason for refusal"),
        "target_group": _tr("Target group"),
        "status": _tr("Status"),
        "opened_on": _tr("Opened on"),
        "closed_on": _tr("Closed on"),
        "closure_reason": _tr("Reason for closure"),
        "assigned_to": _tr("Assigned to"),
        "summary": _tr("Summary"),
        "case_id": _tr("Case"),
        "event_type": _tr("Step"),
        "due_date": _tr("Due date"),
        "done_on": _tr("Done on"),
        "institution_type": _tr("Institution"),
        "institution_name": _tr("Institution name"),
        "sent_on": _tr("Sent on"),
        "status_on": _tr("Status date"),
        "name_fr": _tr("Name (French)"),
        "capacity": _tr("Capacity"),
        "address": _tr("Address"),
        "phone": _tr("Phone"),
    }
    return labels.get(name, name)


def field_error_text(error: FieldError) -> str:
    """The sentence shown under a field, in the current language."""
    p = error.params
    code = error.code
    if code == "too_long":
        return _tr("At most %n characters.", "", int(p.get("max", 0)))
    if code == "out_of_range":
        return _tr("Enter a number from {min} to {max}.").format(
            min=p.get("min", ""), max=p.get("max", ""))
    texts = {
        "required": _tr("Required."),
        "wrong_type": _tr("This value has the wrong form."),
        "not_a_number": _tr("Enter a whole number."),
        "not_a_date": _tr("Enter a date as year-month-day, e.g. 2026-03-21."),
        "not_a_datetime": _tr("Enter a date and a time."),
        "unknown_choice": _tr("Choose a value from the list."),
        "too_many": _tr("Too many entries."),
        "bad_reference": _tr("Choose an existing record."),
        "unknown_province": _tr("Choose a province from the list."),
        "bad_format": _tr("This value has the wrong form."),
        "not_arabic_script": _tr("Write this name in Arabic letters (use the other field for "
                                 "Latin letters)."),
        "not_latin_script": _tr("Write this name in Latin letters (use the other field for "
                                "Arabic letters)."),
        "bad_cin": _tr("A CIN is one or two capital letters followed by digits, e.g. AB123456."),
        "name_required": _tr("Give at least a name or a nickname."),
        "in_future": _tr("This date is in the future."),
        "too_old": _tr("This date is more than 120 years ago."),
        "before_start": _tr("This date is before the start."),
        "must_be_empty_when_anonymous": _tr("An anonymous encounter has no person."),
        "person_or_anonymous": _tr("Choose a person, create one, or mark the encounter "
                                   "anonymous."),
        "only_when_refused": _tr("A reason is only given when the person refused."),
        "only_when_shelter": _tr("A shelter is only chosen for an orientation to a shelter."),
        "needs_medical_check": _tr("Tick the medical check to give its outcome."),
        "only_for_closure": _tr("A reason for closure is only given when closing."),
        "outside_scope": _tr("This province is outside the area of this laptop."),
    }
    return texts.get(code, _tr("This value has the wrong form."))
