"""What screens receive through their constructors: the database worker, who is signed in,
and the application's events. No globals, no registry (STYLE.md rule 2)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from fieldapp.domain import roles
from fieldapp.store.repository import Actor, Profile
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
    # the member at the keyboard (None: a context made without one, acting as the device's
    # user) and their name in Arabic letters, if the key file has it
    actor: Actor | None = None
    actor_name_ar: str = ""

    @property
    def role(self) -> str | None:
        return self.actor.role if self.actor is not None else self.profile.role

    @property
    def author(self) -> str:
        """How the records written now name their author (as the store stamps them)."""
        if self.actor is not None and self.actor.member_id:
            return self.actor.member_id
        return self.profile.user_name

    def allowed(self, action: str) -> bool:
        """Whether the acting member's role may do ``action``: screens hide what it may not
        (the store refuses it anyway, whatever a screen shows)."""
        return roles.allowed(self.role, action)

    def may_see(self, screen: object) -> bool:
        """Whether a screen (its class, or any factory with ``needs``) belongs in this
        member's navigation rail: it needs one of its ``needs`` actions, or none."""
        needs: tuple[str, ...] = getattr(screen, "needs", ())
        return not needs or any(self.allowed(action) for action in needs)
