"""Making persons: who a person really is, and how each team wrote them down."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from fieldapp.demo.data import (
    CIN_PREFIXES,
    MIGRANT_FAMILY_NAMES,
    MIGRANT_FEMALE_NAMES,
    MIGRANT_MALE_NAMES,
    NAME_NICKNAMES,
    NICKNAMES,
    NameEntry,
    Values,
)
from fieldapp.demo.names import family_names, female_first_names, male_first_names


class _Picker:
    """Weighted draws from a fixed table, with precomputed cumulative weights."""

    def __init__(self, rng: random.Random, table: Sequence[tuple[str, int]]) -> None:
        self.rng = rng
        self.codes = [c for c, _ in table]
        self.cum: list[int] = []
        total = 0
        for _, w in table:
            total += w
            self.cum.append(total)

    def __call__(self) -> str:
        return self.rng.choices(self.codes, cum_weights=self.cum)[0]


# --- persons ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Real:
    """A real person, who may be recorded more than once."""

    sex: str
    birth: date
    migrant: bool
    first: NameEntry
    family: NameEntry
    flags: list[str]
    cin: str | None
    nickname: str | None


@dataclass(slots=True)
class _Shown:
    """How one record presents its real person: script, spelling, what the person said."""

    mode: str  # both, lat, ar, nick
    first_var: int
    family_var: int
    first_only: bool = False
    cin_style: bool = False  # "FAMILY First" in capitals, as read off the ID card
    with_nickname: bool = False


def _years(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _name_fields(real: _Real, shown: _Shown) -> tuple[str | None, str | None, str | None]:
    """(name_ar, name_lat, nickname) of a record."""
    mode = shown.mode
    if mode in ("ar", "both") and real.first[0] is None:
        mode = "lat"  # migrants' names are written in Latin script only
    if mode == "nick":
        return None, None, real.nickname
    name_ar = name_lat = None
    if mode in ("both", "ar"):
        name_ar = real.first[0] if shown.first_only else f"{real.first[0]} {real.family[0]}"
    if mode in ("both", "lat"):
        first = real.first[1][shown.first_var]
        family = real.family[1][shown.family_var]
        if shown.first_only:
            name_lat = first
        elif shown.cin_style:
            name_lat = f"{family.upper()} {first}"
        else:
            name_lat = f"{first} {family}"
    return name_ar, name_lat, real.nickname if shown.with_nickname else None


class _PersonMaker:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.cins: set[str] = set()
        self.mode = _Picker(rng, (("both", 60), ("lat", 20), ("ar", 15), ("nick", 5)))
        self.copy_op = _Picker(rng, (("variant", 35), ("ar", 20), ("lat", 20), ("nick", 15),
                                     ("first_only", 10)))

    def _variant(self, entry: NameEntry) -> int:
        n = len(entry[1])
        # the first spelling is the commonest: weights n, n-1, ..., 1
        return self.rng.choices(range(n), cum_weights=[(i + 1) * (2 * n - i) // 2
                                                       for i in range(n)])[0]

    def _other_variant(self, entry: NameEntry, current: int) -> int:
        n = len(entry[1])
        if n == 1:
            return current
        v = self.rng.randrange(n - 1)
        return v + 1 if v >= current else v

    def _cin(self) -> str:
        rng = self.rng
        while True:
            cin = rng.choice(CIN_PREFIXES) + str(rng.randrange(10 ** rng.randint(4, 6))).zfill(4)
            if cin not in self.cins:
                self.cins.add(cin)
                return cin

    def real(self) -> _Real:
        rng = self.rng
        sex = "male" if rng.random() < 0.74 else "female"
        r = rng.random()
        if r < 0.12:
            age = rng.randint(7, 17)
        elif r < 0.22:
            age = rng.randint(60, 88)
        else:
            age = int(rng.triangular(18, 60, 34))
        birth = self.today - timedelta(days=age * 365 + rng.randrange(365) + age // 4)
        migrant = age >= 16 and rng.random() < 0.06
        if migrant:
            first = rng.choice(MIGRANT_MALE_NAMES if sex == "male" else MIGRANT_FEMALE_NAMES)
            family = rng.choice(MIGRANT_FAMILY_NAMES)
        else:
            first = (male_first_names() if sex == "male" else female_first_names())(rng)
            family = family_names()(rng)
        flags: list[str] = []
        if age < 18:
            flags.append("minor")
        if sex == "female" and 16 <= age <= 44 and rng.random() < 0.08:
            flags.append("pregnant")
        for code, p in (("disability_motor", 0.04), ("disability_visual", 0.015),
                        ("disability_hearing", 0.01), ("disability_mental", 0.025),
                        ("chronic_illness", 0.12), ("mental_health", 0.15)):
            if rng.random() < p:
                flags.append(code)
        if age >= 15 and rng.random() < (0.28 if sex == "male" else 0.12):
            flags.append("addiction")
        if age >= 60:
            flags.append("elderly")
        if migrant:
            flags.append("migrant")
        cin = self._cin() if age >= 18 and not migrant and rng.random() < 0.52 else None
        nickname = self._nickname(sex, first) if rng.random() < 0.3 else None
        return _Real(sex, birth, migrant, first, family, flags, cin, nickname)

    def _nickname(self, sex: str, first: NameEntry) -> str:
        """What people call the person: most often a short form of the first name when it
        has one (Simo, Fatna), else a nickname of their own (Rasta, Hajja)."""
        rng = self.rng
        by_name = NAME_NICKNAMES.get(first[0] or "", ())
        if by_name and rng.random() < 0.7:
            return rng.choice(by_name)
        return rng.choice(NICKNAMES[sex])

    def says_the_name(self, real: _Real) -> bool:
        """Whether the nickname itself points to the first name (Simo for Mohamed)."""
        return real.nickname in NAME_NICKNAMES.get(real.first[0] or "", ())

    def shown(self, real: _Real) -> _Shown:
        rng = self.rng
        mode = self.mode()
        if mode == "nick" and real.nickname is None:
            real.nickname = self._nickname(real.sex, real.first)
        return _Shown(mode, self._variant(real.first), self._variant(real.family),
                      first_only=mode != "nick" and rng.random() < 0.1,
                      cin_style=real.cin is not None and rng.random() < 0.1,
                      with_nickname=mode != "nick" and real.nickname is not None
                      and rng.random() < 0.25)

    def shown_again(self, real: _Real, before: _Shown) -> _Shown:
        """How another team records the same person: never with the very same names, and
        always with something a reader could go by: a name, a nickname the first record
        noted or that is a short form of the first name (Simo, Fatna), or the CIN."""
        rng = self.rng
        op = self.copy_op()
        new = _Shown(before.mode, before.first_var, before.family_var)
        if op == "variant":
            new.mode = before.mode if before.mode in ("both", "lat") else "both"
            new.first_var = self._other_variant(real.first, before.first_var)
            if rng.random() < 0.6 or new.first_var == before.first_var:
                new.family_var = self._other_variant(real.family, before.family_var)
        elif op in ("ar", "lat"):
            new.mode = op
            new.first_var, new.family_var = self._variant(real.first), self._variant(real.family)
        elif op == "nick":
            if real.nickname is None:
                real.nickname = self._nickname(real.sex, real.first)
            noted = before.mode == "nick" or before.with_nickname
            if rng.random() < 0.6 and (noted or self.says_the_name(real)):
                new.mode = "nick"
            else:
                new.mode, new.first_only, new.with_nickname = rng.choice(("ar", "lat")), True, True
        else:
            new.mode, new.first_only = rng.choice(("ar", "lat")), True
        if before.mode == "nick" and new.mode != "nick" and not self.says_the_name(real):
            new.with_nickname = True  # the first record holds only the nickname
        old = _name_fields(real, before)
        if _name_fields(real, new) == old:
            for mode in ("ar", "lat", "both"):
                new = _Shown(mode, self._other_variant(real.first, before.first_var),
                             before.family_var, with_nickname=before.mode == "nick")
                if _name_fields(real, new) != old:
                    break
            else:
                new = _Shown("both" if before.mode != "both" else "lat", before.first_var,
                             before.family_var, first_only=not before.first_only,
                             with_nickname=before.mode == "nick" or before.with_nickname)
        return new


# --- the generator ---------------------------------------------------------------------------


@dataclass(slots=True)
class _PersonRecord:
    real: int  # index of the real person
    values: Values
    approx_error: int | None  # None: birth date known; else error of the approximate age
    weight: int  # how often the person is met again (0: met once)


