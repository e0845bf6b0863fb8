"""What screens receive through their constructors: the database worker, who is signed in,
and the application's events. No globals, no registry (STYLE.md rule 2)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from fieldapp.store.repository import Profile
from fieldapp.ui.tasks import DbWorker


class AppEvents(QObject):
    """Application-wide events; signals are past-tense facts."""

    records_changed = Signal(str)  # a record kind was written (here or by sync)
    person_opened = Signal(str)  # a screen asked to show a person's page
    case_opened = Signal(str)
    error_reported = Signal(object)  # a UserFacingError to show in the status area


@dataclass
class Context:
    db: DbWorker
    profile: Profile
    events: AppEvents
    lang: str
