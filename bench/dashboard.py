"""Dashboard figures of one week and of one year on a vault of 100,000 persons and 1,000,000
encounters. The baseline is the former way, measured in the same run on the same vault: the
period's encounters read row by row (``reference_figures``, the queries before the roll-ups).

The vault is built once (kept in the temp folder and reused): persons, cases and case steps
generated simply, encounters from bench/store.py's generator spread over the last 540 days and
pointed at the real persons, written with ``create_many`` in batches of 50,000.

    .venv/bin/python bench/dashboard.py [--persons N] [--encounters N] [--rounds R]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from common import BENCH_PASSPHRASE, fast_kdf, median, report, timed
from store import encounters

from fieldapp.store import dashboard
from fieldapp.store.vault import Vault
from tests.store.test_rollups import reference_figures

BATCH = 50_000
FIRST = ["Mohamed", "Fatima", "Youssef", "Khadija", "Hamid", "Naima", "Said", "Aicha", "Omar"]
LAST = ["Benali", "Alaoui", "Tazi", "El Idrissi", "Bennani", "Chraibi", "Ouazzani", "Amrani"]
GROUPS = ["street_situation", "child_difficult", "woman_difficult", "disability",
          "elderly_no_support"]
STATUSES = ["open", "in_progress", "referred", "closed"]


def build(folder: Path, persons: int, n_encounters: int) -> None:
    rng = random.Random(3)
    vault = Vault(folder)
    store = vault.create(BENCH_PASSPHRASE, user_name="bench", province="rabat", kdf=fast_kdf())
    today = date.today()
    person_ids: list[str] = []
    for start in range(0, persons, BATCH):
        person_ids += store.persons.create_many([
            {"province": "rabat", "name_lat": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
             "sex": rng.choice(["male", "female"]), "approx_age": rng.randint(8, 80),
             "age_noted_on": today.isoformat()}
            for _ in range(start, min(persons, start + BATCH))])
    cases = [{"province": "rabat", "person_id": rng.choice(person_ids),
              "target_group": rng.choice(GROUPS), "status": rng.choice(STATUSES),
              "opened_on": (today - timedelta(days=rng.randint(0, 500))).isoformat()}
             for _ in range(persons // 10)]
    for case in cases:
        if case["status"] == "closed":
            case.update(closed_on=today.isoformat(), closure_reason="goals_met")
    case_ids = store.cases.create_many(cases)
    store.case_events.create_many([
        {"province": "rabat", "case_id": cid, "event_type": "follow_up",
         "date": (today - timedelta(days=rng.randint(0, 60))).isoformat(),
         "due_date": (today + timedelta(days=rng.randint(-30, 30))).isoformat()}
        for cid in case_ids])
    end = datetime.combine(today, datetime.min.time())
    step = timedelta(days=540) / n_encounters
    for start in range(0, n_encounters, BATCH):
        batch = encounters(min(BATCH, n_encounters - start), seed=start + 1)
        for i, e in enumerate(batch):
            at = end - step * (n_encounters - start - i)
            e["met_at"] = at.isoformat(timespec="minutes")
            if e["person_id"] is not None:
                e["person_id"] = rng.choice(person_ids)
        store.encounters.create_many(batch)
        print(f"  {start + len(batch)} encounters", flush=True)
    vault.lock()


def export_figures(store, since: str) -> tuple[float, float, int]:
    """The export's rows (dashboard.export_rows, through sqlite-utils' ``db.query``) against
    the same query and conversions in a hand-written ``fetchmany`` loop of tuples: whether the
    hot path needs hand-tuned SQL (it does not: the labels' conversions cost the time)."""
    filters = {"since": since}
    language = dashboard.ExportLanguage("fr", {}, "oui", "non")
    rows = []
    hand = timed(lambda: rows.append(sum(1 for _ in dashboard.export_rows(
        store, "encounters", filters, True, language))))
    columns = dashboard.export_columns("encounters", True)
    where, params = dashboard._export_where("encounters", filters)
    kind = dashboard._EXPORT_KIND["encounters"]
    convert = [(i, fn) for i, c in enumerate(columns)
               if c in kind.by_name and (fn := dashboard._cell(kind.by_name[c], language))]

    def by_hand() -> None:
        cur = store.conn.execute(f"SELECT {', '.join('t.' + c for c in columns)} "
                                 f"FROM encounters t WHERE {where} ORDER BY t.met_at, t.id",
                                 params)
        while batch := cur.fetchmany(2000):
            for row in batch:
                values = list(row)
                for i, fn in convert:
                    if values[i] is not None:
                        values[i] = fn(values[i])
                tuple(values)

    return hand, timed(by_hand), rows[0] - 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--encounters", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = (Path(tempfile.gettempdir())
              / f"fieldapp-bench-dashboard-{args.persons}-{args.encounters}-{date.today()}")
    if not (folder / "vault.db").exists():
        print(f"building the vault in {folder} ...", flush=True)
        started = time.perf_counter()
        build(folder, args.persons, args.encounters)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    vault = Vault(folder)
    started = time.perf_counter()
    store = vault.unlock(BENCH_PASSPHRASE)  # a vault built by an older release migrates here
    print(f"unlocked (and migrated if older) in {time.perf_counter() - started:.1f} s")
    until = date.today()
    since = until - timedelta(days=6)
    result: dict = {}

    def run() -> None:
        result.update(dashboard.figures(store, "rabat", since.isoformat(), until.isoformat()))

    times = [timed(run) for _ in range(args.rounds)]
    year_start = (until - timedelta(days=364)).isoformat()
    year = [timed(lambda: dashboard.figures(store, None, year_start, until.isoformat()))
            for _ in range(args.rounds)]
    old_year = timed(lambda: reference_figures(store, None, year_start, until.isoformat()))
    export_s, by_hand_s, exported = export_figures(store, year_start)
    vault.lock()
    print(f"{args.persons} persons, {args.encounters} encounters; week {since}..{until}; "
          f"median of {args.rounds}")
    print(f"  week: {result['encounters']} encounters, {result['people_met']} people met, "
          f"{result['taken_in_charge']} taken in charge, {result['not_seen']} not seen "
          f"for 30 days, {result['overdue_follow_ups']} overdue follow-ups")
    report("dashboard figures, one week", median(times), "s", "<= 1")
    report("dashboard figures, one year (no province filter)", median(year), "s", "<= 1")
    report("  the period's encounters read row by row (before)", old_year, "s")
    report("  ratio", median(year) / old_year, "x")
    report(f"export of a year's encounters via sqlite-utils ({exported} rows, labelled)",
           export_s, "s")
    report("  the same rows by a hand-written fetchmany loop", by_hand_s, "s")


if __name__ == "__main__":
    main()
