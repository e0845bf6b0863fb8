"""Who may do what: the agency's access roles, and the professions that map onto them.

A member's *role* says what they may do in the app; their *profession* (social worker,
educator, nurse …) is what the server's user list and the patrol's team list record. The
professions map onto roles (:func:`role_of`), so a user created on the server as a nurse works
as centre staff.

- ``field_worker``: patrols, encounters, persons.
- ``centre_staff``: also case files (cases, their steps, referrals) and shelters.
- ``centre_head``: what centre staff do, and adds members to the centre's PC.
- ``supervisor``: everything on a laptop: also supervision, duplicates and merges, conflicts,
  exports and reports, members.
- ``committee``: aggregate figures only, no personal data, nothing written.
- ``administrator``: the server only; on a laptop nothing (an administrator's account is not
  a field account).

A vault that was never enrolled has no role (``None``): it holds only what its own user typed,
so nothing is refused on it; the server checks every change once it is enrolled, and the role
comes from the server at enrollment and at each sync.

Used twice: by the laptop's store (:meth:`fieldapp.store.repository.Store.require`, a typed
error whatever the GUI shows) and by the server for every pushed change.
"""

from __future__ import annotations

from collections.abc import Mapping

ROLES = ("field_worker", "centre_staff", "centre_head", "supervisor", "committee",
         "administrator")

# the professions of the server's users and of the patrols' members
PROFESSIONS: Mapping[str, str] = {
    "field_worker": "field_worker", "volunteer": "field_worker",
    "authority_agent": "field_worker", "social_worker": "centre_staff",
    "educator": "centre_staff", "nurse": "centre_staff", "doctor": "centre_staff",
    "centre_staff": "centre_staff", "centre_head": "centre_head", "supervisor": "supervisor",
    "committee": "committee", "administrator": "administrator",
}

_FIELD = frozenset({"write:person", "write:patrol", "write:encounter", "read:personal"})
_CENTRE = _FIELD | {"write:case", "write:case_event", "write:referral", "write:shelter"}
_HEAD = _CENTRE | {"members"}
_SUPERVISOR = _HEAD | {"write:non_duplicate", "write:conflict", "merge", "resolve_conflict",
                       "export", "report", "supervision"}
PERMISSIONS: Mapping[str, frozenset[str]] = {
    "field_worker": _FIELD,
    "centre_staff": _CENTRE,
    "centre_head": _HEAD,
    "supervisor": _SUPERVISOR,
    "committee": frozenset({"figures"}),
    "administrator": frozenset(),
}
ACTIONS = frozenset().union(*PERMISSIONS.values())


def role_of(profession_or_role: str | None) -> str | None:
    """The access role of a profession or role (None: a vault never enrolled). An unknown
    name gets no permission at all (fails closed)."""
    if profession_or_role is None:
        return None
    return PROFESSIONS.get(profession_or_role, "unknown")


def allowed(role: str | None, action: str) -> bool:
    if action not in ACTIONS:
        raise KeyError(action)  # a typo in the code is a bug, not a refusal
    if role is None:
        return True
    return action in PERMISSIONS.get(role_of(role) or "", frozenset())


_RANK = {"field_worker": 1, "centre_staff": 2, "centre_head": 3, "supervisor": 4}


def may_grant(granter: str | None, role: str | None) -> bool:
    """A member who adds another gives them at most their own role (an unenrolled vault's
    user, any role; nobody gives the committee or administrator roles on a laptop)."""
    if granter is None:
        return True
    if role is None:
        return False
    mine, theirs = _RANK.get(role_of(granter) or "", 0), _RANK.get(role_of(role) or "", 99)
    return theirs <= mine


def write_action(kind: str) -> str:
    """The permission a write of a record of ``kind`` needs."""
    return f"write:{kind}"


def change_actions(kind: str, op: str, fields: Mapping[str, object]) -> tuple[str, ...]:
    """What one synced change needs, as the server checks it (the laptop's store checks
    the same when the change is made): the write of its kind; a merge or its undoing (a
    person's ``merged_into`` set, or changed after creation) also needs ``merge``; marking a
    conflict resolved needs ``resolve_conflict``."""
    if kind == "conflict":
        return ("resolve_conflict",)
    needed = [write_action(kind)]
    if kind == "person" and "merged_into" in fields and (
            op != "create" or fields["merged_into"] is not None):
        needed.append("merge")
    return tuple(needed)


def refused_action(role: str | None, kind: str, op: str,
                   fields: Mapping[str, object]) -> str | None:
    """The first action of the change that ``role`` may not do (None: it may do them all).
    An action this table does not know (a kind added later) is refused, not an error."""
    for action in change_actions(kind, op, fields):
        if action not in ACTIONS or not allowed(role, action):
            return action
    return None
