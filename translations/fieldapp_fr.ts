<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Messages</name>
    <message>
        <source>The passphrase is not correct. Check the keyboard language and Caps Lock, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault in this folder yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault already exists in this folder; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an encrypted fieldapp vault, so it was not opened. Choose the right folder or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault file is damaged or has been tampered with, so it was not opened and nothing was changed. Restore it from a backup, or ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault was written by a newer version of fieldapp. Install the latest version to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a province from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved. Free some space (empty the recycle bin, remove large files), then save again: what you typed is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is busy in another window. Wait a moment, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault cannot be written (read-only folder or disk). Check the folder&apos;s permissions, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be read or written. Restart fieldapp; if this happens again, ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some values need correcting; see the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase given: use --passphrase-file FILE or the FIELDAPP_PASSPHRASE environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Arabic script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Latin script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age noted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to keep personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location or landmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical check outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (French)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At most %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value has the wrong form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date as year-month-day, e.g. 2026-03-21.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date and a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this name in Arabic letters (use the other field for Latin letters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this name in Latin letters (use the other field for Arabic letters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CIN is one or two capital letters followed by digits, e.g. AB123456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least a name or a nickname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is more than 120 years ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An anonymous encounter has no person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person, create one, or mark the encounter anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is only given when the person refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shelter is only chosen for an orientation to a shelter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the medical check to give its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason for closure is only given when closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This province is outside the area of this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
