"""Sentences for the codes the core returns: storage and vault errors, field errors.

The core (domain, store, sync) returns codes; this module owns the sentences, through Qt's
translation system, so the command line and the GUI say the same thing in Arabic or French.
Advice comes first, detail last.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.fields import FieldError
from fieldapp.errors import UserFacingError


def error_text(error: UserFacingError) -> str:
    """One or two sentences for a user-facing error, in the current language."""
    texts = {
        "wrong_passphrase": QCoreApplication.translate(
            "Messages",
            "The passphrase is not correct. Check the keyboard language and Caps Lock, "
            "then try again.",
        ),
        "not_found": QCoreApplication.translate(
            "Messages", "There is no vault in this folder yet."
        ),
        "exists": QCoreApplication.translate(
            "Messages", "A vault already exists in this folder; it was left untouched."
        ),
        "not_encrypted": QCoreApplication.translate(
            "Messages",
            "This file is not an encrypted fieldapp vault, so it was not opened. "
            "Choose the right folder or ask your administrator.",
        ),
        "damaged_pages": QCoreApplication.translate(
            "Messages",
            "Part of the vault file is damaged, so fieldapp saves nothing more in it; what you "
            "see may be incomplete. Restore the vault from a backup, or ask your administrator.",
        ),
        "damaged": QCoreApplication.translate(
            "Messages",
            "The vault file is damaged or has been tampered with, so it was not opened and "
            "nothing was changed. Restore it from a backup, or ask your administrator.",
        ),
        "not_allowed": QCoreApplication.translate(
            "Messages", "Your role does not allow this; nothing was changed. Ask your "
            "supervisor if you need it."
        ),
        "unknown_member": QCoreApplication.translate(
            "Messages", "There is no member of this name on this computer."
        ),
        "last_member": QCoreApplication.translate(
            "Messages", "The last member of a vault cannot be removed."
        ),
        "member_removed": QCoreApplication.translate(
            "Messages", "Your administrator removed you from this computer: your passphrase "
            "no longer opens it. The other members' work is untouched."
        ),
        "wrong_recovery_key": QCoreApplication.translate(
            "Messages", "This is not the organisation's recovery key for this vault; "
            "nothing was opened."
        ),
        "member_name_missing": QCoreApplication.translate(
            "Messages", "Give the member's name (--name)."
        ),
        "unknown_role": QCoreApplication.translate(
            "Messages", "This role does not exist."
        ),
        "too_new": QCoreApplication.translate(
            "Messages",
            "This vault was written by a newer version of fieldapp. Install the latest "
            "version to open it; nothing was changed.",
        ),
        "weak_passphrase": QCoreApplication.translate(
            "Messages", "Choose a passphrase of at least 8 characters."
        ),
        "unknown_province": QCoreApplication.translate(
            "Messages", "Choose a province from the list."
        ),
        "disk_full": QCoreApplication.translate(
            "Messages",
            "The disk is full, so the last change was not saved. Free some space (empty the "
            "recycle bin, remove large files), then save again: what you typed is still here.",
        ),
        "busy": QCoreApplication.translate(
            "Messages", "The vault is busy in another window. Wait a moment, then try again."
        ),
        "read_only": QCoreApplication.translate(
            "Messages",
            "The vault cannot be written (read-only folder or disk). Check the folder's "
            "permissions, then save again.",
        ),
        "io": QCoreApplication.translate(
            "Messages",
            "The vault could not be read or written. Restart fieldapp; if this happens "
            "again, ask your administrator.",
        ),
        "invalid": QCoreApplication.translate(
            "Messages", "Some values need correcting; see the marked fields."
        ),
        "not_found_record": QCoreApplication.translate("Messages", "This record no longer exists."),
        "no_passphrase": QCoreApplication.translate(
            "Messages",
            "No passphrase given: use --passphrase-file FILE or the FIELDAPP_PASSPHRASE "
            "environment variable.",
        ),
        "not_a_backup": QCoreApplication.translate(
            "Messages",
            "This file is not a fieldapp backup, so nothing was restored. Choose the backup "
            "file again.",
        ),
        "backup_damaged": QCoreApplication.translate(
            "Messages",
            "This backup is damaged or incomplete, so nothing was restored and the vault on "
            "this laptop is unchanged. Use another backup, or ask your administrator.",
        ),
        "backup_wrong_passphrase": QCoreApplication.translate(
            "Messages",
            "The passphrase does not open this backup, so nothing was restored. Type the "
            "passphrase that was in use when the backup was made.",
        ),
        "no_folder": QCoreApplication.translate(
            "Messages",
            "The folder chosen for the backup does not exist, so nothing was written. Plug in "
            "the USB stick or choose another folder, then try again.",
        ),
        "folder_not_writable": QCoreApplication.translate(
            "Messages",
            "The folder chosen for the backup cannot be written (read-only, or it belongs to "
            "someone else), so nothing was written. Choose another folder, then try again.",
        ),
        "locked": QCoreApplication.translate(
            "Messages", "The vault is locked. Unlock it, then try again."
        ),
    }
    text = texts.get(error.code, QCoreApplication.translate("Messages", "Something went wrong."))
    return text


def field_label(name: str) -> str:
    labels = {
        "province": QCoreApplication.translate("Messages", "Province"),
        "deleted": QCoreApplication.translate("Messages", "Deleted"),
        "name_ar": QCoreApplication.translate("Messages", "Name (Arabic script)"),
        "name_lat": QCoreApplication.translate("Messages", "Name (Latin script)"),
        "nickname": QCoreApplication.translate("Messages", "Nickname"),
        "cin": QCoreApplication.translate("Messages", "CIN"),
        "sex": QCoreApplication.translate("Messages", "Sex"),
        "birth_date": QCoreApplication.translate("Messages", "Date of birth"),
        "approx_age": QCoreApplication.translate("Messages", "Approximate age"),
        "age_noted_on": QCoreApplication.translate("Messages", "Age noted on"),
        "flags": QCoreApplication.translate("Messages", "Vulnerability"),
        "consent": QCoreApplication.translate("Messages", "Consent to keep personal data"),
        "description": QCoreApplication.translate("Messages", "Description"),
        "notes": QCoreApplication.translate("Messages", "Notes"),
        "merged_into": QCoreApplication.translate("Messages", "Merged into"),
        "date": QCoreApplication.translate("Messages", "Date"),
        "team": QCoreApplication.translate("Messages", "Team"),
        "members": QCoreApplication.translate("Messages", "Team members"),
        "commune": QCoreApplication.translate("Messages", "Commune"),
        "area": QCoreApplication.translate("Messages", "Area"),
        "started_at": QCoreApplication.translate("Messages", "Start"),
        "ended_at": QCoreApplication.translate("Messages", "End"),
        "patrol_id": QCoreApplication.translate("Messages", "Patrol"),
        "person_id": QCoreApplication.translate("Messages", "Person"),
        "anonymous": QCoreApplication.translate("Messages", "Anonymous"),
        "met_at": QCoreApplication.translate("Messages", "Met at"),
        "location": QCoreApplication.translate("Messages", "Location or landmark"),
        "situation": QCoreApplication.translate("Messages", "Situation"),
        "services": QCoreApplication.translate("Messages", "Services"),
        "medical_outcome": QCoreApplication.translate("Messages", "Medical check outcome"),
        "orientation": QCoreApplication.translate("Messages", "Orientation"),
        "shelter_id": QCoreApplication.translate("Messages", "Shelter"),
        "refusal_reason": QCoreApplication.translate("Messages", "Reason for refusal"),
        "target_group": QCoreApplication.translate("Messages", "Target group"),
        "status": QCoreApplication.translate("Messages", "Status"),
        "opened_on": QCoreApplication.translate("Messages", "Opened on"),
        "closed_on": QCoreApplication.translate("Messages", "Closed on"),
        "closure_reason": QCoreApplication.translate("Messages", "Reason for closure"),
        "assigned_to": QCoreApplication.translate("Messages", "Assigned to"),
        "summary": QCoreApplication.translate("Messages", "Summary"),
        "case_id": QCoreApplication.translate("Messages", "Case"),
        "event_type": QCoreApplication.translate("Messages", "Step"),
        "due_date": QCoreApplication.translate("Messages", "Due date"),
        "done_on": QCoreApplication.translate("Messages", "Done on"),
        "institution_type": QCoreApplication.translate("Messages", "Institution"),
        "institution_name": QCoreApplication.translate("Messages", "Institution name"),
        "sent_on": QCoreApplication.translate("Messages", "Sent on"),
        "status_on": QCoreApplication.translate("Messages", "Status date"),
        "name_fr": QCoreApplication.translate("Messages", "Name (French)"),
        "capacity": QCoreApplication.translate("Messages", "Capacity"),
        "address": QCoreApplication.translate("Messages", "Address"),
        "phone": QCoreApplication.translate("Messages", "Phone"),
    }
    return labels.get(name, name)


def field_error_text(error: FieldError) -> str:
    """The sentence shown under a field, in the current language."""
    p = error.params
    code = error.code
    if code == "too_long":
        return QCoreApplication.translate(
            "Messages", "At most %n characters.", "", int(p.get("max", 0))
        )
    if code == "below_occupancy":
        return QCoreApplication.translate(
            "Messages", "%n person(s) are there now: the capacity cannot be lower.", "",
            int(p.get("occupancy", 0)))
    if code == "out_of_range":
        return QCoreApplication.translate("Messages", "Enter a number from {min} to {max}.").format(
            min=p.get("min", ""), max=p.get("max", "")
        )
    texts = {
        "required": QCoreApplication.translate("Messages", "Required."),
        "wrong_type": QCoreApplication.translate("Messages", "This value has the wrong form."),
        "not_a_number": QCoreApplication.translate("Messages", "Enter a whole number."),
        "not_a_date": QCoreApplication.translate(
            "Messages", "Enter a date as year-month-day, e.g. 2026-03-21."
        ),
        "not_a_datetime": QCoreApplication.translate(
            "Messages", "Enter a date and a time as year-month-day hour:minute, "
            "e.g. 2026-03-21 22:30."),
        "unknown_choice": QCoreApplication.translate("Messages", "Choose a value from the list."),
        "too_many": QCoreApplication.translate("Messages", "Too many entries."),
        "bad_reference": QCoreApplication.translate("Messages", "Choose an existing record."),
        "unknown_province": QCoreApplication.translate(
            "Messages", "Choose a province from the list."
        ),
        "bad_format": QCoreApplication.translate("Messages", "This value has the wrong form."),
        "not_arabic_script": QCoreApplication.translate(
            "Messages", "Write this name in Arabic letters (use the other field for Latin letters)."
        ),
        "not_latin_script": QCoreApplication.translate(
            "Messages", "Write this name in Latin letters (use the other field for Arabic letters)."
        ),
        "bad_cin": QCoreApplication.translate(
            "Messages", "A CIN is one or two capital letters followed by digits, e.g. AB123456."
        ),
        "name_required": QCoreApplication.translate(
            "Messages", "Give at least a name or a nickname."
        ),
        "in_future": QCoreApplication.translate("Messages", "This date is in the future."),
        "too_old": QCoreApplication.translate("Messages", "This date is more than 120 years ago."),
        "before_start": QCoreApplication.translate("Messages", "This date is before the start."),
        "must_be_empty_when_anonymous": QCoreApplication.translate(
            "Messages", "An anonymous encounter has no person."
        ),
        "person_or_anonymous": QCoreApplication.translate(
            "Messages", "Choose a person, create one, or mark the encounter anonymous."
        ),
        "only_when_refused": QCoreApplication.translate(
            "Messages", "A reason is only given when the person refused."
        ),
        "only_when_shelter": QCoreApplication.translate(
            "Messages", "A shelter is only chosen for an orientation to a shelter."
        ),
        "required_for_minor": QCoreApplication.translate(
            "Messages", "Required for a minor (child protection)."
        ),
        "minor_needs_orientation": QCoreApplication.translate(
            "Messages", "A minor is never left without an orientation: choose one, or choose "
            "Refused and give the reason."
        ),
        "needs_medical_check": QCoreApplication.translate(
            "Messages", "Tick the medical check to give its outcome."
        ),
        "only_for_closure": QCoreApplication.translate(
            "Messages", "A reason for closure is only given when closing."
        ),
        "outside_scope": QCoreApplication.translate(
            "Messages", "This province is outside the area of this laptop."
        ),
    }
    return texts.get(code, QCoreApplication.translate("Messages", "This value has the wrong form."))


def quarantine_text(count: int) -> str:
    """After a sync that met records it could not read (they fail the record schema)."""
    return QCoreApplication.translate(
        "Messages", "%n record(s) received from the server could not be read and were set "
        "aside; the others were received. Tell your administrator.", "", count)


def sync_error_text(kind: str, detail: str = "") -> str:
    """One plain sentence for each kind of sync failure (sync.protocol.SyncErrorKind);
    ``detail`` (the server's error code, or the client's) picks a closer one where there
    is one."""
    closer = {
        ("address", "plain_http"): QCoreApplication.translate(
            "Messages", "The server address must start with https:// (plain http:// is only "
            "for a server on this computer), so nothing was sent. Check the address."),
        ("enrollment", "bad_format"): QCoreApplication.translate(
            "Messages", "An enrollment code has 16 letters and digits, like "
            "1A2B-3C4D-5E6F-7A8B. Check the code you typed; nothing was sent."),
        ("conflict", "mutation_reused"): QCoreApplication.translate(
            "Messages", "The server received other changes under this laptop's identity (a "
            "copy of this laptop, or a stolen token). Your changes are kept here. Ask your "
            "administrator to revoke this device and give you a new enrollment code: "
            "enrolling again sends them."),
    }
    if (kind, detail) in closer:
        return closer[(kind, detail)]
    texts = {
        "network": QCoreApplication.translate(
            "Messages", "No connection to the server. Your changes are kept on this laptop "
            "and will be sent when the network is back."),
        "server": QCoreApplication.translate(
            "Messages", "The server has a problem. Your changes are kept on this laptop; "
            "fieldapp will try again later."),
        "auth": QCoreApplication.translate(
            "Messages", "The server no longer accepts this laptop (it was revoked or never "
            "enrolled). Ask your administrator for a new enrollment code."),
        "forbidden": QCoreApplication.translate(
            "Messages", "The server refused changes outside the area of this laptop. Ask "
            "your administrator."),
        "conflict": QCoreApplication.translate(
            "Messages", "The server and this laptop disagree about the changes already sent. "
            "Ask your administrator."),
        "rejected": QCoreApplication.translate(
            "Messages", "The server refused some changes; see the list of refused changes."),
        "protocol": QCoreApplication.translate(
            "Messages", "The server does not understand this version of fieldapp. Install "
            "the latest version."),
        "enrollment": QCoreApplication.translate(
            "Messages", "This enrollment code is unknown, already used or expired. Ask your "
            "administrator for a new one."),
        "rate_limited": QCoreApplication.translate(
            "Messages", "The server is busy. fieldapp will try again in a moment."),
        "tls": QCoreApplication.translate(
            "Messages", "The server's certificate is not trusted, so nothing was sent. Check "
            "the server address, or ask your administrator for the certificate file."),
        "address": QCoreApplication.translate(
            "Messages", "This is not a server address. Type it as https:// followed by the "
            "server's name, e.g. https://sync.example.ma"),
    }
    return texts.get(kind, texts["server"])



def _isolate(text: str) -> str:
    return f"\u2068{text}\u2069"  # first-strong isolate: a code keeps its own direction

def role_text(role: str | None) -> str:
    """An access role as the user reads it (fieldapp.domain.roles)."""
    texts = {
        "field_worker": QCoreApplication.translate("Roles", "field worker"),
        "centre_staff": QCoreApplication.translate("Roles", "centre staff"),
        "centre_head": QCoreApplication.translate("Roles", "centre head"),
        "supervisor": QCoreApplication.translate("Roles", "supervisor"),
        "committee": QCoreApplication.translate("Roles", "committee member"),
        "administrator": QCoreApplication.translate("Roles", "administrator"),
    }
    return texts.get(role or "", _isolate(role or "—"))


def action_text(action: str) -> str:
    """What a role may or may not do, as a phrase ("merge persons")."""
    texts = {
        "merge": QCoreApplication.translate("Roles", "merge persons"),
        "resolve_conflict": QCoreApplication.translate("Roles", "resolve conflicts"),
        "export": QCoreApplication.translate("Roles", "export records"),
        "members": QCoreApplication.translate("Roles", "add or remove members"),
        "write:person": QCoreApplication.translate("Roles", "record persons"),
        "write:patrol": QCoreApplication.translate("Roles", "record patrols"),
        "write:encounter": QCoreApplication.translate("Roles", "record encounters"),
        "write:case": QCoreApplication.translate("Roles", "open and edit case files"),
        "write:case_event": QCoreApplication.translate("Roles", "record steps of case files"),
        "write:referral": QCoreApplication.translate("Roles", "record referrals"),
        "write:shelter": QCoreApplication.translate("Roles", "edit shelters"),
        "write:non_duplicate": QCoreApplication.translate("Roles", "decide on duplicates"),
    }
    return texts.get(action, _isolate(action))


def rejection_text(code: str | None, errors: list[list[str]] | None = None) -> str:
    """Why the server refused one change, in a sentence; the change itself stays on this
    laptop (Settings → Server lists it)."""
    errors = errors or []
    if code == "forbidden" and errors:
        action, role = errors[0][0], errors[0][1]
        return QCoreApplication.translate(
            "Messages", "Refused: a %1 may not %2. The change is kept on this laptop; ask "
            "your supervisor.").replace("%1", role_text(role)).replace("%2", action_text(action))
    texts = {
        "author_unknown": QCoreApplication.translate(
            "Messages", "Refused: the server does not know the member who made this change "
            "on this laptop (or they were removed). The change is kept here; ask your "
            "administrator."),
        "invalid": QCoreApplication.translate(
            "Messages", "Refused: some values do not follow the rules of the record. The "
            "change is kept on this laptop."),
        "province_change": QCoreApplication.translate(
            "Messages", "Refused: a record cannot move to another province."),
        "unknown_record": QCoreApplication.translate(
            "Messages", "Refused: the server does not have this record."),
        "clock_ahead": QCoreApplication.translate(
            "Messages", "Refused: this laptop's clock is far ahead. Set the date and time, "
            "then record the change again."),
    }
    return texts.get(code or "", QCoreApplication.translate(
        "Messages", "Refused by the server (%1).").replace("%1", _isolate(code or "—")))
