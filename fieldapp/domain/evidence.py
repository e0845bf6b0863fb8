"""What two person records say, pair by pair, about being one person: the weights of
evidence behind :mod:`fieldapp.domain.matching`, as if no one else carried their names.

Each piece of evidence (CIN, names, nickname, sex, age, province, where the records were
met: :mod:`fieldapp.domain.places`) adds a log-odds weight and,
when asked, one :class:`Reason` (a stable code the UI translates). How many *others* would be
as alike by chance is :mod:`fieldapp.domain.namesakes`' part. No Qt.

Ages: a birth date copied off an ID card is one date; two records with two birth dates that
are not a slip of the pen (a day or a month off, day and month swapped) are nearly always
two people, whatever the years between them. An age guessed in the street is off by up to
about five years, one way or the other (see _GUESS_OFF); two guesses up to about ten. A guess
is taken as noted on ``age_noted_on``: 30 noted three years ago is a birth 33 years ago.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Final

from fieldapp.domain.name_match import (
    ABSENT,
    DIFFER,
    FIRST_ONLY,
    FULL,
    NICKNAME_OWN,
    NICKNAME_TITLE,
    NICKNAME_TITLE_AND_NAME,
    NO_NAMES,
    PARTLY,
    Form,
    NameMatch,
    compare_names,
    forms_of,
    nickname_keys,
    short_form_names,
)
from fieldapp.domain.places import areas_weight, place_keys, place_text

__all__ = ["REASON_CODES", "Ages", "Person", "Reason", "compare_ages", "evidence", "person_of",
           "same_person_spread"]

REASON_CODES: Final = frozenset({
    "same_cin", "different_cin",
    "names_match_across_scripts", "names_match_same_script", "first_name_only",
    "names_partly_differ", "names_differ", "nickname_matches",
    "sex_differs", "same_birth_date", "age_close", "age_differs", "province_differs",
    "others_alike", "others_may_be_alike", "none_alike",
    "nickname_is_first_name", "others_fit", "same_area", "areas_differ",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence: a stable ``code`` (see REASON_CODES) and its parameters.

    Params: ``names_match_*``: {"parts": name parts matched}; ``nickname_matches``:
    {"kind": "own" | "title_and_name" | "title"} (Zizou, Mi Fatna, Hajja); ``age_close`` and
    ``age_differs``: {"years": rounded difference}; ``province_differs``: {"a": code of the
    first record's province, "b": the second's}; ``others_alike``: {"others": how many other
    persons of that age would have the same name by chance, rounded}; ``others_fit`` (the
    possible tier, :mod:`fieldapp.domain.possible`): {"others": how many other records would
    fit as well}; ``same_area``: {"place": an area both were met in, as folded: see
    :mod:`fieldapp.domain.places`}. Others have none: ``others_may_be_alike`` (fewer than
    one, but not none), ``none_alike`` (no one else carries the name),
    ``nickname_is_first_name`` (Simo for Mohamed, Fatna for Fatima), ``areas_differ`` (both
    were met on patrols, never in one area).
    """

    code: str
    params: Mapping[str, int | str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items()))))


# --- weights (log-odds) ------------------------------------------------------------------

PRIOR: Final = -2.0
_SAME_CIN = 7.0
_DIFFERENT_CIN = -8.0
_SEX_DIFFERS = -8.0
SAME_BIRTH_DATE: Final = 4.0
AGE_CLOSE: Final = 0.7  # within _AGE_CLOSE_YEARS
_AGE_SOMEWHAT_OFF = -1.0  # between _AGE_OFF_YEARS and _AGE_FAR_YEARS
_AGE_FAR = -4.0  # beyond _AGE_FAR_YEARS, minus _AGE_FAR_PER_YEAR a year more
_AGE_FAR_PER_YEAR = 1.0
_AGE_FAR_CAP = -10.0
# Two birth dates that are not one date miswritten: two ID cards, two people.
_BIRTH_DATES_DIFFER = -4.0
_PROVINCE_DIFFERS = -0.7

_AGE_CLOSE_YEARS = 3.0
_AGE_OFF_YEARS = 6.0
_AGE_FAR_YEARS = 8.0
_APPROXIMATE_SLACK = 1.0  # more years allowed per approximate age, before a difference counts

YEAR_DAYS: Final = 365.2425

# How far apart two records of one person put the birth, in whole years: an age guessed in
# the street is off by this many years (either way) this often; a birth date is not off.
# Many people in the street do not know their birth year, and a worker guesses from their
# looks: a guess is right about one time in six, and otherwise off by up to about five years,
# each year further off only a little less often (a worker's "about 30" is anything from 25
# to 35); two teams' guesses of one person are thus up to about ten years apart. A few are
# off by more (a child taken for a teenager, an age misheard).
_GUESS_OFF = (0.20, 0.11, 0.10, 0.09, 0.08, 0.07, 0.003, 0.003, 0.003, 0.003, 0.003)
_FAR_OFF = 1e-4  # ... and beyond, each year


# --- persons -----------------------------------------------------------------------------


@dataclass(slots=True)
class Person:
    """What a person record holds as evidence."""

    forms: tuple[Form, ...]
    units: frozenset[str]  # skeletons of every name unit of every form
    nickname: str
    nicknames: frozenset[str]
    nickname_weight: float
    cin: str
    sex: str
    birth: float | None  # estimated birth, in years since year 1
    birth_date: str  # when known exactly
    province: str
    places: frozenset[str] = frozenset()  # where the person was met (places.place_key)


def _day(value: Any) -> date | None:
    if not value:
        return None
    return _date(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=1 << 16)
def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def person_of(record: Mapping[str, Any], today: date) -> Person:
    name_ar = record.get("name_ar") or ""
    name_lat = record.get("name_lat") or ""
    nickname = record.get("nickname") or ""
    nicknames, nickname_weight = nickname_keys(nickname) if nickname else (frozenset(), 0.0)
    birth: float | None = None
    birth_date = ""
    if (born := _day(record.get("birth_date"))) and (born.month, born.day) == (1, 1):
        # 1 January stands in for "born that year" on many papers: the year alone is known
        birth = date(born.year, 7, 1).toordinal() / YEAR_DAYS
    elif born:
        birth, birth_date = born.toordinal() / YEAR_DAYS, born.isoformat()
    elif (age := record.get("approx_age")) is not None and str(age).strip().isdigit():
        noted = _day(record.get("age_noted_on")) or today
        # an age in whole years: the birthday is, on average, half a year further back
        birth = noted.toordinal() / YEAR_DAYS - int(age) - 0.5
    forms = forms_of(name_ar, name_lat)
    units = _units_of(forms)
    if nickname_weight == NICKNAME_OWN and not short_form_names(nickname).isdisjoint(units):
        nickname_weight = NICKNAME_TITLE_AND_NAME  # Simo, for a Mohamed
    return Person(
        forms=forms,
        units=units,
        nickname=nickname,
        nicknames=nicknames,
        nickname_weight=nickname_weight,
        cin=str(record.get("cin") or "").strip().upper(),
        sex=str(record.get("sex") or ""),
        birth=birth,
        birth_date=birth_date,
        province=str(record.get("province") or ""),
        places=place_keys(record.get("places")),
    )


@lru_cache(maxsize=1 << 19)
def _units_of(forms: tuple[Form, ...]) -> frozenset[str]:
    return frozenset(u.skeletons[0] for f in forms for u in f.units)


# --- the evidence of a pair ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ages:
    """How the ages of a pair compare: ``years`` between the births, how many of the two are
    ``approximate`` (a guessed age, a year alone), whether the birth dates are the ``same``,
    and the ``weight`` that added to the pair's log-odds."""

    years: float
    approximate: int
    same: bool
    weight: float


def evidence(a: Person, b: Person, reasons: list[Reason] | None
             ) -> tuple[float, NameMatch, frozenset[str], Ages | None]:
    """The pair's own evidence (as if no one else carried their names), how their names
    and ages compare and the nickname keys they share."""
    total = PRIOR
    if a.cin and b.cin:
        same = a.cin == b.cin
        total += _SAME_CIN if same else _DIFFERENT_CIN
        if reasons is not None:
            reasons.append(Reason("same_cin" if same else "different_cin"))
    names = compare_names(a.forms, b.forms) if a.forms and b.forms else NO_NAMES
    total += names.weight
    if reasons is not None and names.kind != ABSENT:
        code = {
            DIFFER: "names_differ",
            PARTLY: "names_partly_differ",
            FIRST_ONLY: "first_name_only",
            FULL: "names_match_same_script" if names.same_script
            else "names_match_across_scripts",
        }[names.kind]
        reasons.append(Reason(code, {"parts": names.units} if names.kind == FULL else {}))
    shared = a.nicknames & b.nicknames if a.nicknames and b.nicknames else frozenset()
    if shared:
        weight = min(a.nickname_weight, b.nickname_weight)
        total += weight
        if reasons is not None:
            kind = ("own" if weight == NICKNAME_OWN else "title" if weight == NICKNAME_TITLE
                    else "title_and_name")
            reasons.append(Reason("nickname_matches", {"kind": kind}))
    if a.sex and b.sex and a.sex != b.sex:
        total += _SEX_DIFFERS
        if reasons is not None:
            reasons.append(Reason("sex_differs"))
    ages = None
    if a.birth is not None and b.birth is not None:
        ages = compare_ages(a, b, reasons)
        total += ages.weight
    if a.province and b.province and a.province != b.province:
        total += _PROVINCE_DIFFERS
        if reasons is not None:
            reasons.append(Reason("province_differs", {"a": a.province, "b": b.province}))
    if a.places and b.places:
        total += areas_weight(a.places, b.places)
        if reasons is not None:
            both = a.places & b.places
            reasons.append(Reason("same_area", {"place": place_text(min(both))}) if both
                           else Reason("areas_differ"))
    return total, names, shared, ages


def compare_ages(a: Person, b: Person, reasons: list[Reason] | None = None) -> Ages:
    """How the ages of two records with an age compare (see :class:`Ages`)."""
    assert a.birth is not None and b.birth is not None
    years = abs(a.birth - b.birth)
    approximate = (not a.birth_date) + (not b.birth_date)
    if a.birth_date and a.birth_date == b.birth_date:
        if reasons is not None:
            reasons.append(Reason("same_birth_date"))
        return Ages(years, 0, True, SAME_BIRTH_DATE)
    if not approximate:
        if not _slip(a.birth_date, b.birth_date):  # two dates: two ID cards
            weight = min(_BIRTH_DATES_DIFFER, _age_weight(years, 0.0)[0])
            if reasons is not None:
                reasons.append(Reason("age_differs", {"years": max(1, round(years))}))
            return Ages(years, 0, False, weight)
        approximate = 1  # a day or a month off: one of the two is as good as a guess
    weight, code = _age_weight(years, _APPROXIMATE_SLACK * approximate)
    if reasons is not None and code:
        reasons.append(Reason(code, {"years": round(years)}))
    return Ages(years, approximate, False, weight)


def _slip(x: str, y: str) -> bool:
    """Whether two birth dates (ISO) of one year are one date miswritten: a day or a month
    off, or day and month swapped."""
    return x[:4] == y[:4] and (x[5:7] == y[5:7] or x[8:10] == y[8:10] or (
        x[5:7] == y[8:10] and x[8:10] == y[5:7]))


def _age_weight(years: float, slack: float) -> tuple[float, str]:
    if years <= _AGE_CLOSE_YEARS:
        return AGE_CLOSE, "age_close"
    if years <= _AGE_OFF_YEARS + slack:
        return 0.0, ""  # approximate ages are often this far off
    if years <= _AGE_FAR_YEARS + slack:
        return _AGE_SOMEWHAT_OFF, "age_differs"
    far = _AGE_FAR - _AGE_FAR_PER_YEAR * (years - _AGE_FAR_YEARS - slack)
    return max(_AGE_FAR_CAP, far), "age_differs"


@lru_cache(maxsize=4)
def _spread(approximate: int) -> tuple[float, ...]:
    """How often two records of one person put the births k whole years apart, k = 0, 1, ...,
    when one or two of the ages are guessed."""
    one = [_GUESS_OFF[abs(k)] for k in range(1 - len(_GUESS_OFF), len(_GUESS_OFF))]
    total = sum(one)
    one = [p / total for p in one]
    off = len(_GUESS_OFF) - 1
    both = one
    if approximate > 1:  # the difference of two guesses
        both = [0.0] * (2 * len(one) - 1)
        for i, p in enumerate(one):
            for j, q in enumerate(one):
                both[i - j + 2 * off] += p * q
        off *= 2
    return tuple(both[off] if k == 0 else both[off + k] + both[off - k] for k in range(off + 1))


def same_person_spread(years: float, approximate: int) -> float:
    """The share of pairs of records of one person whose births are as many whole years
    apart as ``years``, with ``approximate`` (1 or 2) of their ages guessed."""
    table = _spread(max(1, min(2, approximate)))
    k = round(years)
    return (table[k] if k < len(table) else 0.0) + _FAR_OFF
