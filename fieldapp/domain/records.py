"""The record kinds of fieldapp and their rules.

Persons, patrols, encounters, cases, case events, referrals and shelters. Each kind is a
:class:`RecordKind`: a name, its fields, and the rules that tie fields together (a refusal
needs a reason, an orientation to a shelter needs the shelter, ...). Records are plain dicts;
every kind has a ``province`` (the scope that decides which devices receive it) and a
``deleted`` flag (deletion is a tombstone, synced like any other field).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from fieldapp.domain import divisions, vocabularies
from fieldapp.domain.fields import Compiled, Field, FieldError, compile_prepare
from fieldapp.domain.fields import FieldType as T

Record = dict[str, Any]
Rule = Callable[[Mapping[str, Any], date], Iterable[FieldError]]

# Arabic-script names: Arabic letters and marks, spaces, hyphen, apostrophe.
ARABIC_NAME = r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF' \-]+"
# Latin-script names: Latin letters with accents, spaces, hyphen, apostrophes, dot.
LATIN_NAME = r"[A-Za-z\u00C0-\u024F'\u2019 .\-]+"
# Moroccan national identity card: one or two letters then up to six digits (e.g. AB123456).
CIN = r"[A-Z]{1,2}[0-9]{1,6}"

COMMON_FIELDS = (
    Field("province", T.PROVINCE, required=True),
    Field("deleted", T.BOOL),
)


@dataclass(frozen=True)
class RecordKind:
    name: str
    table: str
    own_fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()
    defaults: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        return COMMON_FIELDS + self.own_fields

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @cached_property
    def _compiled(self) -> Compiled:
        def codes_of(name: str) -> frozenset[str]:
            return vocabularies.vocabulary(name).codes

        provinces = frozenset(p.code for p in divisions.provinces())
        return compile_prepare(self.fields, {"deleted": False, **self.defaults}, codes_of,
                               provinces)

    def prepare(self, values: Mapping[str, Any],
                today: date | None = None) -> tuple[Record, list[FieldError]]:
        """Clean and validate in one pass: ``(record, errors)``; unknown fields are a bug
        (KeyError), invalid values are errors naming their field."""
        record, errors = self._compiled.prepare(values)
        if not errors:
            day = today or date.today()
            for rule in self.rules:
                errors.extend(rule(record, day))
        return record, errors

    def prepare_stored(self, values: Mapping[str, Any], today: date | None = None
                       ) -> tuple[Record, tuple[Any, ...] | None, list[FieldError]]:
        """:meth:`prepare` (the very same checks and rules) that also gives the record's
        stored shape: ``(record, stored, errors)``, ``stored`` being the tuple of
        :meth:`Field.to_stored` of every field in field order, or None when there are errors.
        For writes of new records, which go to the database as they are."""
        record, stored, errors = self._compiled.prepare_stored(values)
        if stored is not None:
            day = today or date.today()
            for rule in self.rules:
                errors.extend(rule(record, day))
            if errors:
                stored = None
        return record, stored, errors

    def prepare_fields(self, values: Mapping[str, Any]) -> tuple[Record, list[FieldError]]:
        """Clean and check each field on its own, without the rules that tie fields together
        or depend on today's date (see :mod:`fieldapp.domain.wire`)."""
        return self._compiled.prepare(values)

    def clean(self, values: Mapping[str, Any]) -> Record:
        """Normalised copy of ``values`` with every field present (missing ones empty)."""
        return self._compiled.prepare(values)[0]

    def validate(self, record: Mapping[str, Any], today: date | None = None) -> list[FieldError]:
        """Every problem of a record, field by field; an empty list when it is valid."""
        return self.prepare(record, today)[1]

    def to_stored(self, record: Mapping[str, Any]) -> Record:
        return {f.name: f.to_stored(record.get(f.name)) for f in self.fields}

    def from_stored(self, row: Mapping[str, Any]) -> Record:
        out = dict(row)
        for f in self.fields:
            if f.name in out:
                out[f.name] = f.from_stored(out[f.name])
        return out


# --- rules -------------------------------------------------------------------------------


def _not_future(name: str) -> Rule:
    def rule(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
        v = r.get(name)
        if v and v[:10] > _iso(today):
            return [FieldError(name, "in_future")]
        return ()

    return rule


@lru_cache(maxsize=4)
def _iso(day: date) -> str:
    return day.isoformat()


_MET_AT_NOT_FUTURE = _not_future("met_at")
_DATE_NOT_FUTURE = _not_future("date")
_OPENED_NOT_FUTURE = _not_future("opened_on")
_SENT_NOT_FUTURE = _not_future("sent_on")


def _person_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    if not (r.get("name_ar") or r.get("name_lat") or r.get("nickname")):
        yield FieldError("name_lat", "name_required")
    birth = r.get("birth_date")
    if birth:
        if birth > today.isoformat():
            yield FieldError("birth_date", "in_future")
        elif int(birth[:4]) < today.year - 120:
            yield FieldError("birth_date", "too_old")
    merged = r.get("merged_into")
    if merged and merged == r.get("id"):
        yield FieldError("merged_into", "bad_reference")


AGE_OF_MAJORITY = 18


def _encounter_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    errors = []
    if r["anonymous"]:
        if r["person_id"]:
            errors.append(FieldError("person_id", "must_be_empty_when_anonymous"))
    elif not r["person_id"]:
        errors.append(FieldError("person_id", "person_or_anonymous"))
    orientation = r["orientation"]
    if orientation == "refused":
        if not r["refusal_reason"]:
            errors.append(FieldError("refusal_reason", "required"))
    elif r["refusal_reason"]:
        errors.append(FieldError("refusal_reason", "only_when_refused"))
    if orientation == "shelter":
        if not r["shelter_id"]:
            errors.append(FieldError("shelter_id", "required"))
    elif r["shelter_id"]:
        errors.append(FieldError("shelter_id", "only_when_shelter"))
    if r["medical_outcome"] and "medical_check" not in r["services"]:
        errors.append(FieldError("medical_outcome", "needs_medical_check"))
    age = r["approx_age"]
    if "minor" in r["flags"] or (age is not None and age < AGE_OF_MAJORITY):
        # child protection: a child met in the street is never left without where and how
        # they were found and what was done for them (an orientation, or the refusal and
        # its reason); that is what the follow-up starts from
        if not r["situation"]:
            errors.append(FieldError("situation", "required_for_minor"))
        if not r["location"]:
            errors.append(FieldError("location", "required_for_minor"))
        if orientation == "none":
            errors.append(FieldError("orientation", "minor_needs_orientation"))
    errors.extend(_MET_AT_NOT_FUTURE(r, today))
    return errors


def _patrol_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    start, end = r.get("started_at"), r.get("ended_at")
    if start and end and end < start:
        yield FieldError("ended_at", "before_start")
    if end and not start:
        yield FieldError("started_at", "required")
    yield from _DATE_NOT_FUTURE(r, today)


def _case_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    if r.get("status") == "closed":
        if not r.get("closure_reason"):
            yield FieldError("closure_reason", "required")
        if not r.get("closed_on"):
            yield FieldError("closed_on", "required")
    closed, opened = r.get("closed_on"), r.get("opened_on")
    if closed and opened and closed < opened:
        yield FieldError("closed_on", "before_start")
    yield from _OPENED_NOT_FUTURE(r, today)


def _case_event_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    kind = r.get("event_type")
    if kind == "closure" and not r.get("closure_reason"):
        yield FieldError("closure_reason", "required")
    if kind != "closure" and r.get("closure_reason"):
        yield FieldError("closure_reason", "only_for_closure")
    if kind == "plan_action" and not r.get("summary"):
        yield FieldError("summary", "required")
    done = r.get("done_on")
    if done and done < (r.get("date") or done):
        yield FieldError("done_on", "before_start")


def _referral_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    if r.get("status_on") and r.get("sent_on") and r["status_on"] < r["sent_on"]:
        yield FieldError("status_on", "before_start")
    yield from _SENT_NOT_FUTURE(r, today)


def _shelter_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    if not (r.get("name_fr") or r.get("name_ar")):
        yield FieldError("name_fr", "name_required")


def shelter_capacity_errors(capacity: Any, occupancy: int) -> list[FieldError]:
    """A shelter's capacity may not drop below the people there now (its occupancy, which
    the store derives from the orientations): check it where the occupancy is known, in
    the same job as the write."""
    if isinstance(capacity, int) and capacity < occupancy:
        return [FieldError("capacity", "below_occupancy", {"occupancy": occupancy})]
    return []


NOTES = 4000  # free text limit

PERSON = RecordKind(
    "person",
    "persons",
    (
        Field("name_ar", T.TEXT, max_length=120, personal=True, pattern=ARABIC_NAME,
              pattern_code="not_arabic_script"),
        Field("name_lat", T.TEXT, max_length=120, personal=True, pattern=LATIN_NAME,
              pattern_code="not_latin_script"),
        Field("nickname", T.TEXT, max_length=60, personal=True),
        Field("cin", T.TEXT, max_length=8, personal=True, pattern=CIN, pattern_code="bad_cin"),
        Field("sex", T.CODE, vocabulary="sex"),
        Field("birth_date", T.DATE, personal=True),
        Field("approx_age", T.INT, minimum=0, maximum=120),
        Field("age_noted_on", T.DATE),
        Field("flags", T.CODES, vocabulary="vulnerability_flag"),
        Field("consent", T.BOOL),
        Field("description", T.TEXT, max_length=400, personal=True),
        Field("notes", T.TEXT, max_length=NOTES, personal=True),
        Field("merged_into", T.REF, ref_kind="person"),
    ),
    rules=(_person_rules,),
    defaults={"consent": False},
)

PATROL = RecordKind(
    "patrol",
    "patrols",
    (
        Field("date", T.DATE, required=True),
        Field("team", T.TEXT, required=True, max_length=80),
        Field("members", T.TEXTS, max_length=80),
        Field("commune", T.TEXT, max_length=80),
        Field("area", T.TEXT, max_length=120),
        Field("started_at", T.DATETIME),
        Field("ended_at", T.DATETIME),
        Field("notes", T.TEXT, max_length=NOTES),
    ),
    rules=(_patrol_rules,),
)

ENCOUNTER = RecordKind(
    "encounter",
    "encounters",
    (
        Field("patrol_id", T.REF, ref_kind="patrol"),
        Field("person_id", T.REF, ref_kind="person"),
        Field("anonymous", T.BOOL),
        Field("sex", T.CODE, vocabulary="sex"),
        Field("approx_age", T.INT, minimum=0, maximum=120),
        Field("met_at", T.DATETIME, required=True),
        Field("location", T.TEXT, max_length=200, personal=True),
        Field("situation", T.CODE, vocabulary="situation"),
        Field("services", T.CODES, vocabulary="service"),
        Field("medical_outcome", T.CODE, vocabulary="medical_outcome"),
        Field("flags", T.CODES, vocabulary="vulnerability_flag"),
        Field("orientation", T.CODE, required=True, vocabulary="orientation"),
        Field("shelter_id", T.REF, ref_kind="shelter"),
        Field("refusal_reason", T.CODE, vocabulary="refusal_reason"),
        Field("consent", T.BOOL),
        Field("notes", T.TEXT, max_length=NOTES, personal=True),
    ),
    rules=(_encounter_rules,),
    defaults={"anonymous": False, "consent": False, "orientation": "none"},
)

CASE = RecordKind(
    "case",
    "cases",
    (
        Field("person_id", T.REF, required=True, ref_kind="person"),
        Field("target_group", T.CODE, required=True, vocabulary="target_group"),
        Field("status", T.CODE, required=True, vocabulary="case_status"),
        Field("opened_on", T.DATE, required=True),
        Field("closed_on", T.DATE),
        Field("closure_reason", T.CODE, vocabulary="closure_reason"),
        Field("assigned_to", T.TEXT, max_length=80),
        Field("summary", T.TEXT, max_length=NOTES, personal=True),
    ),
    rules=(_case_rules,),
    defaults={"status": "open"},
)

CASE_EVENT = RecordKind(
    "case_event",
    "case_events",
    (
        Field("case_id", T.REF, required=True, ref_kind="case"),
        Field("event_type", T.CODE, required=True, vocabulary="case_event"),
        Field("date", T.DATE, required=True),
        Field("summary", T.TEXT, max_length=NOTES, personal=True),
        Field("due_date", T.DATE),
        Field("done_on", T.DATE),
        Field("assigned_to", T.TEXT, max_length=80),
        Field("closure_reason", T.CODE, vocabulary="closure_reason"),
    ),
    rules=(_case_event_rules,),
)

REFERRAL = RecordKind(
    "referral",
    "referrals",
    (
        Field("person_id", T.REF, required=True, ref_kind="person"),
        Field("case_id", T.REF, ref_kind="case"),
        Field("institution_type", T.CODE, required=True, vocabulary="referral_institution"),
        Field("institution_name", T.TEXT, max_length=160),
        Field("status", T.CODE, required=True, vocabulary="referral_status"),
        Field("sent_on", T.DATE, required=True),
        Field("status_on", T.DATE),
        Field("notes", T.TEXT, max_length=NOTES, personal=True),
    ),
    rules=(_referral_rules,),
    defaults={"status": "sent"},
)

SHELTER = RecordKind(
    "shelter",
    "shelters",
    (
        Field("name_fr", T.TEXT, max_length=120),
        Field("name_ar", T.TEXT, max_length=120),
        Field("capacity", T.INT, required=True, minimum=0, maximum=5000),
        Field("commune", T.TEXT, max_length=80),
        Field("address", T.TEXT, max_length=200),
        Field("phone", T.TEXT, max_length=20),
    ),
    rules=(_shelter_rules,),
)

BIG = 2**62

CONFLICT = RecordKind(
    "conflict",
    "conflicts",
    (
        # Made by the server when two devices changed the same field concurrently: the value
        # that lost (as JSON of its stored shape), who wrote it and when, and who won.
        Field("record_kind", T.TEXT, required=True, max_length=40),
        Field("record_id", T.REF, required=True),
        Field("field", T.TEXT, required=True, max_length=64),
        Field("kept_value", T.TEXT, max_length=8000, personal=True),
        Field("kept_version", T.INT, minimum=0, maximum=BIG),
        Field("kept_author", T.TEXT, max_length=120),
        Field("kept_device", T.TEXT, max_length=64),
        Field("kept_hlc", T.INT, minimum=0, maximum=BIG * 2),
        Field("winner_author", T.TEXT, max_length=120),
        Field("winner_device", T.TEXT, max_length=64),
        Field("winner_hlc", T.INT, minimum=0, maximum=BIG * 2),
        Field("resolved", T.BOOL),
        Field("resolved_by", T.TEXT, max_length=120),
    ),
    defaults={"resolved": False},
)



def _non_duplicate_rules(r: Mapping[str, Any], today: date) -> Iterable[FieldError]:
    a, b = r.get("person_a"), r.get("person_b")
    if a and b and not a < b:
        yield FieldError("person_b", "bad_reference")


NON_DUPLICATE = RecordKind(
    "non_duplicate",
    "non_duplicates",
    (
        # A supervisor decided these two person records are not the same person: the pair is
        # never proposed as a duplicate again. Ids sorted (person_a < person_b), so two
        # decisions about one pair are about the same pair.
        Field("person_a", T.REF, required=True, ref_kind="person"),
        Field("person_b", T.REF, required=True, ref_kind="person"),
        Field("decided_by", T.TEXT, max_length=120),
    ),
    rules=(_non_duplicate_rules,),
)

KINDS: dict[str, RecordKind] = {
    k.name: k
    for k in (PERSON, PATROL, ENCOUNTER, CASE, CASE_EVENT, REFERRAL, SHELTER, CONFLICT,
              NON_DUPLICATE)
}


def kind(name: str) -> RecordKind:
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown record kind {name!r}") from None
