"""Demo data: a province's worth of patrols, encounters, persons and cases, as the agency sees them.

:func:`generate` fills an open store through its repositories, so every record is validated and
lands in the outbox exactly like a user's edit. The data is deterministic for a given seed and
``today`` (record ids are not: they are UUIDv7 made at write time) and looks like the field:

- Moroccan names in Arabic and Latin script with the real spelling variants (Mohamed, Mohammed,
  Mhamed; El Idrissi, Idrissi, Drissi), first names only, nicknames, migrants' names;
- the same real person recorded again by another team (~8% of persons): another spelling, one
  script only, a first name only, a nickname (a short form of the first name: Simo, Fatna),
  an approximate age a few years off; always with something a reader could go by (see
  ``people._PersonMaker.shown_again``); which records are the same person is returned in
  :attr:`DemoSummary.same_person_pairs` and never stored in the vault;
- names as common as in a province: one man in eight called Mohamed, and family names from
  a few well-known ones to a long tail of rare ones (see :mod:`fieldapp.demo.names`);
- nightly patrols of several teams over the last ~18 months, tonight's still in progress;
- encounters (some anonymous), a few people met again and again and a long tail met once,
  mostly in the area where they stay, where another team's record of them is mostly made
  too (see :mod:`fieldapp.demo.meetings`);
- cases with their events (overdue and upcoming follow-ups), referrals, and a few later edits.

No Qt: meant for ``fieldapp demo``, tests and benchmarks, and the GUI's worker (``progress``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from typing import TYPE_CHECKING

from fieldapp.domain import divisions

if TYPE_CHECKING:
    from fieldapp.store.repository import Repository, Store

from fieldapp.demo.data import (
    CASE_STATUSES,
    CASE_SUMMARIES,
    CLOSURES,
    CONSENT_NOTE,
    DESCRIPTIONS,
    DISABILITIES,
    ENCOUNTER_NOTES,
    EVENT_SUMMARIES,
    FAMILY_NAMES,
    FEMALE_NAMES,
    INSTITUTIONS,
    MALE_NAMES,
    MIDDLE_EVENTS,
    ORIENTATIONS,
    OUTCOMES,
    PATROL_NOTES,
    PATROL_UPDATE_NOTE,
    PERSON_NOTES,
    PHONE_AREAS,
    PLAN_ACTIONS,
    REFERRAL_TYPES,
    REFUSALS,
    SERVICES,
    SHELTERS,
    SITUATIONS,
    STREETS,
    Bilingual,
    Values,
    _places,
    in_language,
)
from fieldapp.demo.meetings import Patrol, plan_meetings
from fieldapp.demo.meetings import Person as MeetingPerson
from fieldapp.demo.people import (
    _name_fields,
    _PersonMaker,
    _PersonRecord,
    _Picker,
    _Real,
    _Shown,
    _years,
)

BATCH = 5000  # records per create_many call (one transaction each)
HORIZON_DAYS = 540  # about 18 months of history
ENCOUNTERS_PER_PATROL = 30



@dataclass
class DemoSummary:
    """What :func:`generate` wrote, kind by kind."""

    shelters: int = 0
    persons: int = 0
    patrols: int = 0
    encounters: int = 0
    anonymous_encounters: int = 0
    cases: int = 0
    case_events: int = 0
    referrals: int = 0
    updates: int = 0
    # (original id, later record id) of records that are the same real person
    same_person_pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def records(self) -> int:
        return (self.shelters + self.persons + self.patrols + self.encounters + self.cases
                + self.case_events + self.referrals)


class _Generator:
    def __init__(self, store: Store, persons: int, encounters: int, seed: int,
                 today: date) -> None:
        self.n_persons = max(0, persons)
        self.n_encounters = max(0, encounters)
        self.rng = random.Random(seed)
        self.today = today
        self.province = store.profile.province
        # notes and places in the vault's language; a few landmarks keep the other script,
        # as on the street's signs (drawn from their own generator: the language changes
        # the words, never which records are made)
        self.lang = "fr" if store.profile.lang == "fr" else "ar"
        self.text_rng = random.Random(seed)
        communes, self.landmarks = _places(self.province)
        self.communes = {in_language(c, self.lang): tuple(in_language(a, self.lang) for a in areas)
                         for c, areas in communes.items()}
        self.pick_orientation = _Picker(self.rng, ORIENTATIONS)
        self.pick_refusal = _Picker(self.rng, REFUSALS)
        self.pick_outcome = _Picker(self.rng, OUTCOMES)
        self.pick_situation = _Picker(self.rng, SITUATIONS)
        self.pick_status = _Picker(self.rng, CASE_STATUSES)
        self.pick_closure = _Picker(self.rng, CLOSURES)
        self.pick_middle = _Picker(self.rng, MIDDLE_EVENTS)
        self.social_workers = [self._staff_name() for _ in range(6)]

    def _staff_name(self) -> str:
        rng = self.rng
        first = rng.choice(MALE_NAMES if rng.random() < 0.55 else FEMALE_NAMES)
        return f"{first[1][0]} {rng.choice(FAMILY_NAMES)[1][0]}"

    def _text(self, text: Bilingual) -> str:
        """A note written in the vault's language."""
        return in_language(text, self.lang)

    def _place(self, place: Bilingual) -> str:
        """A landmark, in the vault's language nine times in ten."""
        other = "ar" if self.lang == "fr" else "fr"
        return in_language(place, self.lang if self.text_rng.random() < 0.9 else other)

    def _address(self, number: int, street: Bilingual) -> str:
        name = self._text(street)
        return f"{number}، {name}" if self.lang == "ar" else f"{number}, {name}"

    def _day(self, lo: date, hi: date) -> date:
        span = (hi - lo).days
        return lo if span <= 0 else lo + timedelta(days=self.rng.randint(0, span))

    # --- plan: everything is decided before the first write, so totals are known --------

    def plan(self) -> None:
        self._plan_shelters()
        self._plan_persons()
        self._plan_patrols()
        self._plan_meetings()
        self._finish_persons()
        self._plan_cases()

    def _plan_shelters(self) -> None:
        rng = self.rng
        communes = list(self.communes)
        area_code = PHONE_AREAS.get(divisions.province(self.province).region_code, "22")
        self.shelters: list[Values] = []
        for name_fr, name_ar in rng.sample(SHELTERS, rng.randint(6, 10)):
            self.shelters.append({
                "name_fr": name_fr, "name_ar": name_ar, "capacity": rng.randint(15, 120),
                "commune": rng.choice(communes),
                "address": self._address(rng.randint(1, 120), rng.choice(STREETS)),
                "phone": " ".join(["05", area_code,
                                   *(f"{rng.randrange(100):02d}" for _ in range(3))]),
            })
        capacities = [s["capacity"] for s in self.shelters]
        self.shelter_cum = [sum(capacities[:i + 1]) for i in range(len(capacities))]

    def _plan_persons(self) -> None:
        rng, n = self.rng, self.n_persons
        maker = _PersonMaker(rng, self.today)
        n_copies = round(n * 0.08) if n >= 2 else 0
        n_real = n - n_copies
        self.reals = [maker.real() for _ in range(n_real)]
        originals: list[_PersonRecord] = []
        shown_of: list[_Shown] = []
        for i, real in enumerate(self.reals):
            shown = maker.shown(real)
            shown_of.append(shown)
            known = (real.cin is not None and rng.random() < 0.85) or rng.random() < 0.25
            error: int | None = None if known else rng.choice((-3, -2, -1, 0, 0, 0, 1, 2, 3))
            weight = 0 if rng.random() < 0.45 else min(60, int(rng.paretovariate(1.1)))
            originals.append(_PersonRecord(i, self._person_values(real, shown, True), error,
                                           weight))
        # (position, record, is a copy): each copy comes after its original, as another team
        # met the person later
        placed = [(float(i), rec, False) for i, rec in enumerate(originals)]
        for _ in range(n_copies):
            i = rng.randrange(n_real)
            real = self.reals[i]
            shown = maker.shown_again(real, shown_of[i])
            values = self._person_values(real, shown, rng.random() < 0.35)
            # the age the person gives again, or another team's guess: as often right as the
            # first record's, at times further off
            error = rng.choice((-5, -4, -3, -2, -1, 0, 0, 0, 1, 2, 3, 4, 5))
            if originals[i].approx_error is None and rng.random() < 0.5:
                error = None  # the birth date was given again
            placed.append((rng.uniform(i + 0.5, n_real + 0.5),
                           _PersonRecord(i, values, error, int(rng.random() < 0.3)), True))
        placed.sort(key=lambda t: t[0])
        self.persons = [rec for _, rec, _ in placed]
        first_record: dict[int, int] = {}
        self.pairs: list[tuple[int, int]] = []  # (original, copy) indexes in self.persons
        for k, (_, rec, is_copy) in enumerate(placed):
            if is_copy:
                self.pairs.append((first_record[rec.real], k))
            else:
                first_record[rec.real] = k

    def _person_values(self, real: _Real, shown: _Shown, show_cin: bool) -> Values:
        rng = self.rng
        name_ar, name_lat, nickname = _name_fields(real, shown)
        v: Values = {"sex": real.sex, "consent": rng.random() < 0.75}
        if name_ar:
            v["name_ar"] = name_ar
        if name_lat:
            v["name_lat"] = name_lat
        if nickname:
            v["nickname"] = nickname
        if real.cin and show_cin:
            v["cin"] = real.cin
        flags = [f for f in real.flags
                 if f in ("minor", "elderly", "pregnant", "migrant") or rng.random() < 0.8]
        if flags:
            v["flags"] = flags
        if rng.random() < 0.3:
            v["description"] = self._text(rng.choice(DESCRIPTIONS))
        if rng.random() < 0.12:
            v["notes"] = self._text(rng.choice(PERSON_NOTES))
        return v

    def _plan_patrols(self) -> None:
        rng, today = self.rng, self.today
        n = -(-self.n_encounters // ENCOUNTERS_PER_PATROL) if self.n_encounters else 0
        teams = max(2, -(-n // HORIZON_DAYS))
        self.rosters = [[self._staff_name() for _ in range(5)] for _ in range(teams)]
        communes = list(self.communes)
        nights: list[tuple[date, int]] = [(today, 0)] if n else []
        back = 1
        while len(nights) < n:
            for team in range(teams):
                if len(nights) < n:
                    nights.append((today - timedelta(days=back), team))
            back += 1
        nights.sort()
        self.patrols: list[Patrol] = []
        weights: list[float] = []
        for night, team in nights:
            tonight = night == today
            start_min = 19 * 60 + 30 + 5 * rng.randrange(19)
            start = datetime.combine(night, datetime.min.time()) + timedelta(minutes=start_min)
            commune = communes[team % len(communes)] if rng.random() < 0.8 else rng.choice(
                communes)
            v: Values = {
                "date": night, "team": f"Équipe mobile {team + 1}",
                "members": rng.sample(self.rosters[team], rng.randint(2, 4)),
                "commune": commune, "area": rng.choice(self.communes[commune]),
                "started_at": start,
            }
            if not tonight:
                v["ended_at"] = start + timedelta(minutes=6 * 60 + 5 * rng.randrange(18))
            if rng.random() < 0.08:
                v["notes"] = self._text(rng.choice(PATROL_NOTES))
            self.patrols.append(Patrol(v, night, start_min, 0))
            winter = 1.3 if night.month in (12, 1, 2) else 1.0
            weights.append(0.3 if tonight else rng.uniform(0.4, 1.6) * winter)
        # share the encounters out in proportion to the weights (largest remainders)
        total_w = sum(weights)
        shares = [self.n_encounters * w / total_w for w in weights] if weights else []
        counts = [int(s) for s in shares]
        rest = self.n_encounters - sum(counts)
        for i in sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])[:rest]:
            counts[i] += 1
        for p, c in zip(self.patrols, counts, strict=True):
            p.encounters = c

    def _plan_meetings(self) -> None:
        """Who is met at each encounter, and where (see :mod:`fieldapp.demo.meetings`)."""
        copy_of = {copy: first for first, copy in self.pairs}
        persons = []
        for rec in self.persons:
            real = self.reals[rec.real]
            persons.append(MeetingPerson(rec.weight, real.migrant or "minor" in real.flags,
                                         real.migrant))
        m = plan_meetings(self.rng, self.patrols, persons, copy_of, self.n_encounters)
        self.anonymous, self.met, self.offsets = m.anonymous, m.met, m.offsets
        self.first_seen = m.first_seen

    def _finish_persons(self) -> None:
        """Ages: a birth date, or an approximate age noted when the person was first met."""
        horizon = self.today - timedelta(days=HORIZON_DAYS)
        for k, rec in enumerate(self.persons):
            seen = self.first_seen[k]
            if seen is None:  # met at a centre, not on a patrol
                seen = self.first_seen[k] = self._day(horizon, self.today)
            birth = self.reals[rec.real].birth
            if rec.approx_error is None:
                rec.values["birth_date"] = birth
            else:
                rec.values["approx_age"] = max(0, _years(birth, seen) + rec.approx_error)
                rec.values["age_noted_on"] = seen

    def _target_group(self, real: _Real, on: date) -> str:
        age = _years(real.birth, on)
        if age < 18:
            return "girl_difficult" if real.sex == "female" else "child_difficult"
        if age >= 60:
            return "elderly_no_support"
        if any(f in DISABILITIES for f in real.flags):
            return "disability"
        if real.sex == "female":
            return "woman_difficult"
        return "street_situation"

    def _plan_cases(self) -> None:
        rng, today = self.rng, self.today
        n_cases = round(len(self.persons) * 0.05)
        copies = {b for _, b in self.pairs}
        originals = [k for k in range(len(self.persons)) if k not in copies]
        # weighted sample without replacement (Efraimidis-Spirakis): the vulnerable first

        def key(k: int) -> float:
            real = self.reals[self.persons[k].real]
            w = 1.0
            if real.sex == "female" or any(f in ("minor", "elderly", "pregnant", *DISABILITIES)
                                           for f in real.flags):
                w = 4.0
            return float(rng.random() ** (1 / w))

        keyed = [(key(k), k) for k in originals]
        keyed.sort(reverse=True)
        chosen = [k for _, k in keyed[:n_cases]]
        opened = {}
        for k in chosen:
            seen = self.first_seen[k]
            assert seen is not None
            opened[k] = self._day(seen, min(today, seen + timedelta(days=60)))
        chosen.sort(key=lambda k: (opened[k], k))
        self.cases: list[tuple[int, Values]] = []  # (person index, values)
        self.events: list[tuple[int, Values]] = []  # (case index, values)
        self.referrals: list[tuple[int, int, Values]] = []  # (person, case, values)
        for c, k in enumerate(chosen):
            self._plan_case(c, k, opened[k])

    def _plan_case(self, c: int, k: int, opened_on: date) -> None:
        rng, today = self.rng, self.today
        real = self.reals[self.persons[k].real]
        group = self._target_group(real, opened_on)
        status = self.pick_status()
        if status == "closed" and opened_on == today:
            status = "open"
        worker = rng.choice(self.social_workers)
        case: Values = {"target_group": group, "status": status, "opened_on": opened_on,
                        "assigned_to": worker,
                        "summary": self._text(rng.choice(CASE_SUMMARIES[group]))}
        closed_on = None
        if status == "closed":
            closed_on = self._day(opened_on + timedelta(days=1), today)
            case.update(closed_on=closed_on, closure_reason=self.pick_closure())
        self.cases.append((k, case))
        referred = status == "referred" or rng.random() < 0.18
        tail = ["referral"] if referred else []
        # a closed case ends with its closure; an open one with its next step, due soon or late
        tail.append("closure" if status == "closed" else "follow_up")
        kinds = ["listening"]
        n_events = max(rng.randint(2, 8), len(tail) + 1)
        while len(kinds) + len(tail) < n_events:
            kinds.append("assessment" if len(kinds) == 1 else self.pick_middle())
        kinds += tail
        end = closed_on or today
        next_step = status != "closed"
        due = today
        if next_step:
            due = today + timedelta(days=rng.randint(-15, 30))
            end = max(opened_on, min(today, due - timedelta(days=rng.randint(3, 14))))
            due = max(due, end + timedelta(days=1))
        days = sorted(self._day(opened_on, end) for _ in kinds)
        days[0], days[-1] = opened_on, end
        last = len(kinds) - 1
        for i, (kind, day) in enumerate(zip(kinds, days, strict=True)):
            ev: Values = {"event_type": kind, "date": day, "assigned_to": worker}
            if kind == "plan_action":
                ev["summary"] = self._text(rng.choice(PLAN_ACTIONS))
                ev["due_date"] = day + timedelta(days=rng.randint(7, 45))
            else:
                ev["summary"] = self._text(rng.choice(EVENT_SUMMARIES[kind]))
            if kind == "follow_up":
                ev["due_date"] = due if i == last else day + timedelta(days=rng.randint(3, 30))
            if kind == "closure":
                ev["closure_reason"] = case["closure_reason"]
            if "due_date" in ev and i != last:
                # earlier steps: mostly done, some forgotten (overdue), a few done early
                step_due: date = ev["due_date"]
                if step_due <= today:
                    if status == "closed" or rng.random() < 0.8:
                        ev["done_on"] = self._day(day, min(step_due, end))
                elif status == "closed" or rng.random() < 0.3:
                    ev["done_on"] = self._day(day, end)
            if kind == "referral":
                self._plan_referral(c, k, group, day, status)
            self.events.append((c, ev))

    def _plan_referral(self, c: int, k: int, group: str, sent_on: date, case_status: str) -> None:
        rng, today = self.rng, self.today
        kind = rng.choice(REFERRAL_TYPES[group])
        if case_status == "closed":
            status = rng.choice(("completed", "completed", "accepted", "refused"))
        else:
            status = rng.choice(("sent", "sent", "accepted", "accepted", "refused", "completed"))
        v: Values = {"institution_type": kind,
                     "institution_name": self._text(rng.choice(INSTITUTIONS[kind])),
                     "status": status, "sent_on": sent_on}
        if status != "sent":
            v["status_on"] = self._day(sent_on, min(today, sent_on + timedelta(days=20)))
        self.referrals.append((k, c, v))

    # --- later edits ------------------------------------------------------------------------

    def plan_updates(self) -> list[tuple[str, int, Values]]:
        """A handful of edits made after the records were created: (kind, index, changes)."""
        today = self.today
        edits: list[tuple[str, int, Values]] = []
        if self.shelters:
            smallest = min(range(len(self.shelters)),
                           key=lambda i: self.shelters[i]["capacity"])
            cap = self.shelters[smallest]["capacity"]
            edits.append(("shelter", smallest, {"capacity": min(120, cap + 10) if cap < 120
                                                else cap - 10}))
        opened = [c for c, (_, v) in enumerate(self.cases) if v["status"] == "open"]
        for c in opened[-2:]:
            edits.append(("case", c, {"status": "in_progress"}))
        sent = [r for r, (_, _, v) in enumerate(self.referrals) if v["status"] == "sent"]
        if sent:
            edits.append(("referral", sent[-1], {"status": "accepted", "status_on": today}))
        upcoming = [i for i, (_, v) in enumerate(self.events)
                    if v["event_type"] == "follow_up" and "done_on" not in v
                    and v["due_date"] >= today]
        if upcoming:
            edits.append(("case_event", upcoming[0], {"done_on": today}))
        refusing = [k for k, rec in enumerate(self.persons) if not rec.values["consent"]]
        for k in refusing[:2]:
            edits.append(("person", k, {"consent": True,
                                        "notes": self._text(CONSENT_NOTE)}))
        if self.patrols and "ended_at" not in self.patrols[-1].values:
            edits.append(("patrol", len(self.patrols) - 1,
                          {"notes": self._text(PATROL_UPDATE_NOTE)}))
        return edits

    # --- writing --------------------------------------------------------------------------

    def encounter_values(self, patrol_ids: Sequence[str], person_ids: Sequence[str],
                         shelter_ids: Sequence[str]) -> Iterator[Values]:
        rng = self.rng
        province = self.province
        slot = 0
        for p, patrol_id in zip(self.patrols, patrol_ids, strict=True):
            base = datetime.combine(p.night, datetime.min.time()) + timedelta(minutes=p.start_min)
            winter = p.night.month in (11, 12, 1, 2, 3)
            for _ in range(p.encounters):
                k = self.met[slot]
                met_at = base + timedelta(minutes=self.offsets[slot])
                slot += 1
                v: Values = {"province": province, "patrol_id": patrol_id,
                             "met_at": met_at.isoformat(timespec="minutes"),
                             "location": self._place(rng.choice(self.landmarks)),
                             "situation": self.pick_situation()}
                flags: list[str] = []
                if k < 0:
                    age = rng.randint(8, 17) if rng.random() < 0.1 else rng.randint(18, 80)
                    v.update(anonymous=True, sex="male" if rng.random() < 0.75 else "female",
                             approx_age=age, consent=False)
                    if age < 18:
                        flags.append("minor")
                else:
                    person = self.persons[k].values
                    v.update(person_id=person_ids[k], sex=person["sex"],
                             consent=person["consent"])
                    flags = [f for f in person.get("flags", ()) if rng.random() < 0.5]
                if flags:
                    v["flags"] = flags
                services = [code for code, prob in SERVICES
                            if rng.random() < (0.6 if code == "blanket" and winter else prob)]
                orientation = self.pick_orientation()
                if "medical_check" in services and rng.random() < 0.6:
                    outcome = self.pick_outcome()
                    v["medical_outcome"] = outcome
                    if outcome in ("referred_hospital", "emergency"):
                        orientation = "hospital"
                if orientation == "none" and ("minor" in flags or v.get("approx_age", 99) < 18):
                    # child protection: a minor is never left without an orientation (the
                    # encounter rules refuse it); for a child, most often back to the family
                    orientation = "family_return"
                if orientation == "shelter":
                    v["shelter_id"] = shelter_ids[rng.choices(range(len(shelter_ids)),
                                                              cum_weights=self.shelter_cum)[0]]
                elif orientation == "refused":
                    v["refusal_reason"] = self.pick_refusal()
                if orientation in ("shelter", "hospital") and rng.random() < 0.7:
                    services.append("transport")
                v["orientation"] = orientation
                if services:
                    v["services"] = services
                if rng.random() < 0.08:
                    v["notes"] = self._text(rng.choice(ENCOUNTER_NOTES))
                yield v


def generate(store: Store, persons: int, encounters: int, *, seed: int = 7,
             today: date | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    """Fill ``store`` (in its province) with ``persons`` persons and ``encounters`` encounters,
    plus shelters, patrols, cases, case events, referrals and a few later edits.

    Writes go through the repositories in transactions of about :data:`BATCH` records;
    ``progress(done, total)`` is called after each. ``today`` (default: the real date) anchors
    every date; it must not be later than the real date, which the record rules check.
    """
    today = today or date.today()
    g = _Generator(store, persons, encounters, seed, today)
    g.plan()
    edits = g.plan_updates()
    total = (len(g.shelters) + len(g.persons) + len(g.patrols) + g.n_encounters + len(g.cases)
             + len(g.events) + len(g.referrals) + len(edits))
    done = 0

    def write(repo: Repository, values: Iterable[Values]) -> list[str]:
        nonlocal done
        ids: list[str] = []
        it = iter(values)
        province = g.province
        while batch := list(islice(it, BATCH)):
            for v in batch:
                v.setdefault("province", province)
            ids.extend(repo.create_many(batch))
            done += len(batch)
            if progress is not None:
                progress(done, total)
        return ids

    shelter_ids = write(store.shelters, g.shelters)
    person_ids = write(store.persons, (rec.values for rec in g.persons))
    patrol_ids = write(store.patrols, (p.values for p in g.patrols))
    write(store.encounters, g.encounter_values(patrol_ids, person_ids, shelter_ids))
    case_ids = write(store.cases, ({**v, "person_id": person_ids[k]} for k, v in g.cases))
    event_ids = write(store.case_events, ({**v, "case_id": case_ids[c]} for c, v in g.events))
    referral_ids = write(store.referrals, ({**v, "person_id": person_ids[k],
                                            "case_id": case_ids[c]} for k, c, v in g.referrals))
    ids_of: Mapping[str, Sequence[str]] = {
        "shelter": shelter_ids, "person": person_ids, "patrol": patrol_ids, "case": case_ids,
        "case_event": event_ids, "referral": referral_ids}
    for kind, index, changes in edits:
        store.repo(kind).update(ids_of[kind][index], changes)
        done += 1
    if edits and progress is not None:
        progress(done, total)
    return DemoSummary(
        shelters=len(shelter_ids), persons=len(person_ids), patrols=len(patrol_ids),
        encounters=g.n_encounters, anonymous_encounters=sum(g.anonymous), cases=len(case_ids),
        case_events=len(event_ids), referrals=len(referral_ids), updates=len(edits),
        same_person_pairs=[(person_ids[a], person_ids[b]) for a, b in g.pairs])

