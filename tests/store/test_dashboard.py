"""Dashboard figures against a plain Python recount; exports: pseudonymised, cancellable, whole."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from fieldapp import demo
from fieldapp.store import dashboard, export

UNTIL = date.today()
SINCE = UNTIL - timedelta(days=60)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from tests.helpers.vaults import new_vault

    vault, store = new_vault(tmp_path_factory.mktemp("dash") / "vault")
    demo.generate(store, 400, 1200)
    yield store
    vault.lock()


def _encounters(store):
    cur = store.conn.execute("SELECT * FROM encounters WHERE deleted = 0")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _in_period(e, since=SINCE, until=UNTIL):
    return since.isoformat() <= e["met_at"][:10] <= until.isoformat()


def test_figures_match_a_python_recount(seeded):
    store = seeded
    f = dashboard.figures(store, "rabat", SINCE.isoformat(), UNTIL.isoformat(), 7)
    week = [e for e in _encounters(store) if _in_period(e)]
    assert week, "the demo data has encounters in the period"
    accepted = [e for e in week if e["orientation"] not in ("none", "refused")]
    assert f["encounters"] == len(week)
    assert f["people_met"] == (len({e["person_id"] for e in week if e["person_id"]})
                               + sum(e["person_id"] is None for e in week))
    assert f["taken_in_charge"] == (len({e["person_id"] for e in accepted if e["person_id"]})
                                    + sum(e["person_id"] is None for e in accepted))
    assert f["oriented"] == len(accepted)
    assert f["refused"] == sum(e["orientation"] == "refused" for e in week)
    assert f["orientations"] == dict(Counter(e["orientation"] for e in week))
    services = Counter(s for e in week for s in json.loads(e["services"] or "[]"))
    assert f["services"] == dict(services)

    def night(e):
        at = datetime.fromisoformat(e["met_at"]) - timedelta(hours=12)
        return at.date().isoformat()

    assert f["per_night"] == dict(Counter(night(e) for e in week))
    assert sum(p["encounters"] for p in f["per_patrol"]) == sum(
        1 for e in week if e["patrol_id"])
    assert {p["patrol_id"] for p in f["per_patrol"]} == {
        e["patrol_id"] for e in week if e["patrol_id"]}

    cases = store.conn.execute(
        "SELECT id, status, target_group FROM cases WHERE deleted = 0").fetchall()
    assert f["cases_by_status"] == dict(Counter(c[1] for c in cases))
    assert f["cases_by_group"] == dict(Counter(c[2] for c in cases))
    open_cases = {c[0] for c in cases if c[1] != "closed"}
    events = store.conn.execute(
        "SELECT case_id, due_date, done_on FROM case_events WHERE deleted = 0").fetchall()
    assert f["overdue_follow_ups"] == sum(
        1 for c, due, done in events
        if c in open_cases and due and not done and due < UNTIL.isoformat())

    end = (UNTIL + timedelta(days=1)).isoformat()
    day_before = UNTIL.isoformat()
    for s in f["shelters"]:
        assert s["occupancy"] == sum(
            1 for e in _encounters(store) if e["shelter_id"] == s["id"]
            and e["orientation"] == "shelter" and day_before <= e["met_at"] < end)

    cutoff = (UNTIL - timedelta(days=7)).isoformat()
    alive = {r[0] for r in store.conn.execute(
        "SELECT id FROM persons WHERE deleted = 0 AND merged_into IS NULL")}
    last: dict[str, str] = {}
    for e in _encounters(store):
        if e["person_id"] and e["met_at"] < end:
            last[e["person_id"]] = max(last.get(e["person_id"], ""), e["met_at"])
    assert f["not_seen"] == sum(1 for p, at in last.items() if p in alive and at < cutoff)
    assert f["not_seen"] > 0


def test_other_province_is_empty(seeded):
    f = dashboard.figures(seeded, "casablanca", SINCE.isoformat(), UNTIL.isoformat())
    assert f["encounters"] == 0 and f["cases_by_status"] == {} and f["not_seen"] == 0


def _names(store):
    out = set()
    for row in store.conn.execute(
            "SELECT name_ar, name_lat, nickname, cin FROM persons"):
        out.update(v for v in row if v)
    return out


@pytest.mark.parametrize("list_name", ["persons", "encounters", "cases"])
def test_pseudonymised_export_has_no_names(seeded, tmp_path, list_name):
    rows = list(dashboard.export_rows(seeded, list_name, {"province": "rabat"}, True))
    assert rows[0][0] == "id" and len(rows) > 1
    assert len(rows) - 1 == dashboard.export_count(seeded, list_name, {"province": "rabat"})
    path = tmp_path / f"{list_name}.csv"
    export.write_csv(path, iter(rows))
    text = path.read_text(encoding="utf-8-sig")
    cells = {c for r in csv.reader(text.splitlines()) for c in r}
    assert not cells & _names(seeded)
    for hidden in ("name_ar", "name_lat", "cin", "notes", "location", "summary"):
        assert hidden not in rows[0]
    full = list(dashboard.export_rows(seeded, list_name, {"province": "rabat"}, False))
    assert len(full) == len(rows) and len(full[0]) > len(rows[0])


def test_an_export_in_a_language_has_its_headers_and_labels(seeded):
    from fieldapp.domain import vocabularies

    language = dashboard.ExportLanguage("ar", {"services": "الخدمات", "province": "الإقليم"},
                                        "نعم", "لا")
    rows = list(dashboard.export_rows(seeded, "encounters", {"province": "rabat"}, False,
                                      language))
    header = rows[0]
    assert "الخدمات" in header and "services" not in header and "id" in header
    services = header.index("الخدمات")
    meal = vocabularies.vocabulary("service").label("meal", "ar")
    assert any(meal in (r[services] or "") for r in rows[1:])
    assert {r[header.index("الإقليم")] for r in rows[1:]} == {"الرباط"}
    assert {r[header.index("consent")] for r in rows[1:]} <= {"نعم", "لا"}
    codes = list(dashboard.export_rows(seeded, "encounters", {"province": "rabat"}, False))
    assert len(codes) == len(rows) and codes[1][0] == rows[1][0]


def test_full_person_export_has_the_names(seeded):
    rows = list(dashboard.export_rows(seeded, "persons", {}, False))
    cells = {c for r in rows for c in r if isinstance(c, str)}
    assert cells & _names(seeded)


def test_period_filter_on_encounters(seeded):
    filters = {"since": SINCE.isoformat(), "until": UNTIL.isoformat()}
    rows = list(dashboard.export_rows(seeded, "encounters", filters, True))
    assert len(rows) - 1 == sum(1 for e in _encounters(seeded) if _in_period(e))


class CancelAfter:
    def __init__(self, at: int) -> None:
        self.at = at
        self.seen: list[int] = []

    def report(self, done: int, total: int) -> None:
        self.seen.append(done)
        if done >= self.at:
            raise RuntimeError("cancelled")


@pytest.mark.parametrize("writer", [export.write_csv, export.write_xlsx])
def test_cancel_leaves_no_file(tmp_path, writer):
    rows = (("id", "n"), *((str(i), i) for i in range(20_000)))
    target = tmp_path / "out.bin"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        writer(target, iter(rows), CancelAfter(6000), total=len(rows))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]
    assert target.read_bytes() == b"previous"


def test_xlsx_opens_with_openpyxl(seeded, tmp_path):
    path = tmp_path / "cases.xlsx"
    progress = CancelAfter(10**9)
    n = export.write_xlsx(path, dashboard.export_rows(seeded, "cases", {}, True), progress,
                          total=dashboard.export_count(seeded, "cases", {}) + 1)
    sheet = load_workbook(path, read_only=True).active
    values = list(sheet.values)
    assert len(values) == n and values[0][0] == "id"
    assert progress.seen[-1] == n
    assert [p.name for p in tmp_path.iterdir()] == ["cases.xlsx"]


@pytest.mark.parametrize("back", [0, 4, 9])
def test_not_seen_for_a_period_in_the_past(seeded, back):
    until = UNTIL - timedelta(days=back)
    f = dashboard.figures(seeded, None, SINCE.isoformat(), until.isoformat(), 5)
    end = (until + timedelta(days=1)).isoformat()
    cutoff = (until - timedelta(days=5)).isoformat()
    first: dict[str, str] = {}
    recent: set[str] = set()
    for e in _encounters(seeded):
        if e["person_id"]:
            first[e["person_id"]] = min(first.get(e["person_id"], "9"), e["met_at"])
            if cutoff <= e["met_at"] < end:
                recent.add(e["person_id"])
    expected = sum(1 for p, at in first.items() if at < cutoff and p not in recent)
    assert f["not_seen"] == expected
