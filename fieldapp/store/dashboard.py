"""The vigilance view's figures and the rows behind its exports, computed in SQL.

No Qt: the supervision screen (fieldapp/ui/supervision.py) runs these as database jobs.
Encounter counts are read from the per-day roll-ups that triggers keep on every write (schema
v7), distinct persons from an index that covers them, and the rest from indexed columns
(``encounters.person_id``, ``cases.status``, the partial index of open due dates), so a year
on a vault of a million encounters reads no encounter record.

Definitions (the period is ``since`` … ``until``, both dates included):

- *people met*: distinct identified persons met plus anonymous encounters (each anonymous
  encounter is one person, as patrols count them);
- *taken in charge*: the same count restricted to encounters with an accepted orientation
  (anything but ``none`` and ``refused``);
- *night*: an encounter belongs to the night that began on the evening before it when it
  happened before noon (a patrol at 02:00 on the 5th is the night of the 4th);
- *shelter occupancy*: people oriented to the shelter during the 24 hours before the end of
  the period (the rule of :func:`queries.shelters`);
- *overdue follow-ups*: open steps of cases not closed whose due date is before the end of
  the period;
- *not seen for N days*: persons met before, whose last encounter is more than N days before
  the end of the period.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fieldapp.domain import divisions, records, vocabularies
from fieldapp.domain.fields import Field, FieldType
from fieldapp.store import queries
from fieldapp.store.repository import Store

ACCEPTED = "e.orientation NOT IN ('none', 'refused')"

EXPORT_LISTS = ("persons", "encounters", "cases")


def _bounds(since: str, until: str) -> tuple[str, str]:
    """``met_at`` bounds: from the first minute of ``since`` to before the day after ``until``."""
    end = (date.fromisoformat(until) + timedelta(days=1)).isoformat()
    return since, end


def _province(alias: str, province: str | None) -> tuple[str, tuple[Any, ...]]:
    if province is None:
        return "", ()
    return f" AND {alias}.province = ?", (province,)


def _days(province: str | None, alias: str = "r") -> str:
    return f"{alias}.day >= ? AND {alias}.day <= ?" + _province(alias, province)[0]


def figures(store: Store, province: str | None, since: str, until: str,
            not_seen_days: int = 30) -> dict[str, Any]:
    """Every figure of the dashboard for ``province`` (None: all) over ``since``…``until``.

    Counts come from the roll-ups the triggers of schema v7 keep per day (a year is a few
    thousand rows); the distinct persons from the covering index ``encounters_person_met``
    (no record page read)."""
    if not store.allowed("figures"):
        store.require("supervision")
    conn = store.conn
    start, end = _bounds(since, until)
    pe, pe_args = _province("e", province)
    days = (since, until, *pe_args)
    in_days = _days(province)
    accepted = "nullif(r.orientation, '') NOT IN ('none', 'refused')"

    row = conn.execute(f"""
        SELECT coalesce(sum(r.n), 0), coalesce(sum(r.n * r.anonymous), 0),
               coalesce(sum(CASE WHEN r.anonymous AND {accepted} THEN r.n END), 0),
               coalesce(sum(CASE WHEN {accepted} THEN r.n END), 0),
               coalesce(sum(CASE WHEN r.orientation = 'refused' THEN r.n END), 0)
        FROM encounter_rollup r WHERE {in_days}""", days).fetchone()
    # In person order, the distinct persons need no temporary table: a year of a million
    # encounters is one pass over the index (0.2 s), where a count(DISTINCT) in date order
    # sorted 600,000 ids (1.4 s); a week costs a little more this way (60 ms, not 15).
    persons = conn.execute(f"""
        SELECT count(*), coalesce(sum(accepted), 0) FROM (
            SELECT max({ACCEPTED}) AS accepted
            FROM encounters e INDEXED BY encounters_person_met
            WHERE e.deleted = 0 AND e.person_id IS NOT NULL AND e.met_at >= ? AND e.met_at < ?
              {pe} GROUP BY e.person_id)""", (start, end, *pe_args)).fetchone()
    patrols = conn.execute(
        f"SELECT count(DISTINCT r.patrol_id) FROM encounter_patrol_rollup r WHERE {in_days}",
        days).fetchone()[0]
    out: dict[str, Any] = {
        "province": province, "since": since, "until": until, "not_seen_days": not_seen_days,
        "encounters": row[0], "persons_met": persons[0], "anonymous": row[1],
        "people_met": persons[0] + row[1], "taken_in_charge": persons[1] + row[2],
        "oriented": row[3], "refused": row[4], "patrols": patrols,
    }
    out["orientations"] = dict(conn.execute(f"""
        SELECT nullif(r.orientation, ''), sum(r.n) FROM encounter_rollup r WHERE {in_days}
        GROUP BY r.orientation ORDER BY sum(r.n) DESC""", days).fetchall())
    out["services"] = dict(conn.execute(f"""
        SELECT r.service, sum(r.n) FROM encounter_service_rollup r WHERE {in_days}
        GROUP BY r.service ORDER BY sum(r.n) DESC, r.service""", days).fetchall())
    out["per_night"] = dict(conn.execute(f"""
        SELECT r.night, sum(r.n) FROM encounter_rollup r WHERE {in_days}
        GROUP BY r.night ORDER BY r.night""", days).fetchall())
    out["per_patrol"] = [
        {"patrol_id": r[0], "date": r[1], "team": r[2], "encounters": r[3]}
        for r in conn.execute(f"""
            SELECT r.patrol_id, p.date, p.team, sum(r.n) FROM encounter_patrol_rollup r
            LEFT JOIN patrols p ON p.id = r.patrol_id
            WHERE {in_days} GROUP BY r.patrol_id ORDER BY p.date, p.team""", days)]
    out["shelters"] = _shelters(store, province, end)
    out.update(_cases(store, province, until))
    out["not_seen"] = _not_seen(store, province, until, not_seen_days)
    return out


def _shelters(store: Store, province: str | None, end: str) -> list[dict[str, Any]]:
    day_before = (date.fromisoformat(end) - timedelta(days=1)).isoformat()
    ps, ps_args = _province("s", province)
    rows = store.conn.execute(f"""
        SELECT s.id, s.name_fr, s.name_ar, s.capacity,
               (SELECT count(*) FROM encounters e WHERE e.met_at >= ? AND e.met_at < ?
                  AND e.shelter_id = s.id AND e.orientation = 'shelter' AND e.deleted = 0)
        FROM shelters s WHERE s.deleted = 0{ps} ORDER BY s.name_fr""",
        (day_before, end, *ps_args)).fetchall()
    return [{"id": r[0], "name_fr": r[1], "name_ar": r[2], "capacity": r[3] or 0,
             "occupancy": r[4]} for r in rows]


def _cases(store: Store, province: str | None, until: str) -> dict[str, Any]:
    pc, pc_args = _province("c", province)
    by_status_group = [
        {"status": r[0], "target_group": r[1], "cases": r[2]}
        for r in store.conn.execute(f"""
            SELECT c.status, c.target_group, count(*) FROM cases c WHERE c.deleted = 0{pc}
            GROUP BY c.status, c.target_group ORDER BY c.status, c.target_group""", pc_args)]
    by_status: dict[str, int] = {}
    by_group: dict[str, int] = {}
    for r in by_status_group:
        by_status[r["status"]] = by_status.get(r["status"], 0) + r["cases"]
        by_group[r["target_group"]] = by_group.get(r["target_group"], 0) + r["cases"]
    overdue = store.conn.execute(f"""
        SELECT count(*) FROM case_events ev
        JOIN cases c ON c.id = ev.case_id AND c.deleted = 0 AND c.status != 'closed'
        WHERE ev.due_date IS NOT NULL AND ev.done_on IS NULL AND ev.deleted = 0
          AND ev.due_date < ?{pc}""", (until, *pc_args)).fetchone()[0]
    return {"cases_by_status": by_status, "cases_by_group": by_group,
            "cases_by_status_group": by_status_group, "overdue_follow_ups": overdue}


def _not_seen(store: Store, province: str | None, until: str, days: int) -> int:
    """Persons met before ``until − days`` and not met since (up to the end of ``until``).

    Fast on a million encounters because every step reads an index: "ever met" probes the
    ``person_id`` index alone; the ones met since the cutoff, or after the period, come from
    the ``met_at`` index (a few weeks of rows when the period is recent), and only those met
    after the period are checked row by row for an encounter before the cutoff. An encounter
    deleted later still counts as a meeting for "ever met" (a rare tombstone; never matters
    for the people recently met)."""
    cutoff = (date.fromisoformat(until) - timedelta(days=days)).isoformat()
    _, end = _bounds(until, until)
    pp, pp_args = _province("p", province)
    return int(store.conn.execute(f"""
        SELECT count(*) FROM persons p
        WHERE p.deleted = 0 AND p.merged_into IS NULL{pp}
          AND EXISTS (SELECT 1 FROM encounters e WHERE e.person_id = p.id)
          AND p.id NOT IN (SELECT e.person_id FROM encounters e
                           WHERE e.met_at >= ? AND e.met_at < ? AND e.deleted = 0
                             AND e.person_id IS NOT NULL)
          AND NOT (p.id IN (SELECT e.person_id FROM encounters e WHERE e.met_at >= ?
                            AND e.person_id IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.person_id = p.id
                                   AND e.deleted = 0 AND e.met_at < ?))""",
        (*pp_args, cutoff, end, end, cutoff)).fetchone()[0])


# --- exports ----------------------------------------------------------------------------------

_EXPORT_KIND = {"persons": records.PERSON, "encounters": records.ENCOUNTER,
                "cases": records.CASE}
# Who recorded a row and who changed it last: author ids in a file for data teams, names
# otherwise (members of this vault, users of the scope "Name, Team": queries.author_names).
AUTHOR_COLUMNS = ("created_by", "updated_by")
# Free-text columns that are not flagged personal in the record kinds but name people (staff
# too: an author from an older laptop is the name its user typed).
_ALSO_PERSONAL = {"persons": set(AUTHOR_COLUMNS), "encounters": set(AUTHOR_COLUMNS),
                  "cases": {"assigned_to", *AUTHOR_COLUMNS}}
_DATE_COLUMN = {"persons": "created_at", "encounters": "met_at", "cases": "opened_on"}


def export_columns(list_name: str, pseudonymised: bool) -> list[str]:
    kind = _EXPORT_KIND[list_name]
    hidden = {f.name for f in kind.fields if f.personal} | _ALSO_PERSONAL[list_name]
    names = ["id", *(f.name for f in kind.fields if f.name not in ("deleted",)),
             *AUTHOR_COLUMNS]
    if pseudonymised:
        names = [n for n in names if n not in hidden]
    return names


def export_count(store: Store, list_name: str, filters: Mapping[str, Any]) -> int:
    where, args = _export_where(list_name, filters)
    return int(store.conn.execute(
        f"SELECT count(*) FROM {list_name} t WHERE {where}", args).fetchone()[0])


def _export_where(list_name: str, filters: Mapping[str, Any]) -> tuple[str, tuple[Any, ...]]:
    if list_name not in _EXPORT_KIND:
        raise ValueError(f"no export list {list_name!r}")
    where = "t.deleted = 0"
    args: list[Any] = []
    if list_name == "persons":
        where += " AND t.merged_into IS NULL"
    if filters.get("province"):
        where += " AND t.province = ?"
        args.append(filters["province"])
    column = _DATE_COLUMN[list_name]
    if filters.get("since"):
        where += f" AND t.{column} >= ?"
        args.append(filters["since"])
    if filters.get("until"):
        where += f" AND t.{column} < ?"
        args.append(_bounds(filters["until"], filters["until"])[1])
    if list_name == "cases" and filters.get("status"):
        where += " AND t.status = ?"
        args.append(filters["status"])
    return where, tuple(args)


@dataclass(frozen=True)
class ExportLanguage:
    """How an export speaks to a person rather than to a data team: the column headers (the
    UI's labels of the fields, in ``lang``), choices and provinces by their names in
    ``lang``, yes/no as words."""

    lang: str
    headers: Mapping[str, str]
    yes: str
    no: str


def export_rows(store: Store, list_name: str, filters: Mapping[str, Any],
                pseudonymised: bool, language: ExportLanguage | None = None
                ) -> Iterator[tuple[Any, ...]]:
    """The header row, then the rows of ``list_name`` ("persons", "encounters", "cases")
    matching ``filters`` (``province``, ``since``, ``until``; ``status`` for cases).

    Pseudonymised: no names, CIN, birth date, descriptions, notes, locations, summaries or
    authors; ids, dates, codes and counts stay, so figures can be recomputed from the file.
    Without a ``language``: field names and codes (for data teams), multi-choice codes joined
    with ``;``, authors by id; with one: its headers, labels in its language, and who
    recorded each row and who changed it last by name (``created_by``, ``updated_by``).
    """
    store.require("export")
    columns = export_columns(list_name, pseudonymised)
    where, args = _export_where(list_name, filters)
    kind = _EXPORT_KIND[list_name]
    yield tuple(columns if language is None else
                [language.headers.get(c, c) for c in columns])
    # sqlite-utils' query: as fast as a hand-written fetchmany loop here (bench/dashboard.py
    # prints both), the conversions to labels are what costs
    rows = store.db.query(
        f"SELECT {', '.join('t.' + c for c in columns)} FROM {list_name} t WHERE {where} "
        f"ORDER BY t.{_DATE_COLUMN[list_name]}, t.id", args)
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    author = _author_cell(store, language)
    for i, c in enumerate(columns):
        if c in AUTHOR_COLUMNS:
            fn = author
        else:
            fn = _cell(kind.by_name[c], language) if c in kind.by_name else None
        if fn is not None:
            convert.append((i, fn))
    for row in rows:
        values = list(row.values())
        for i, fn in convert:
            if values[i] is not None:
                values[i] = fn(values[i])
        yield tuple(values)


def _author_cell(store: Store, language: ExportLanguage | None
                 ) -> Callable[[Any], Any] | None:
    """Authors by name in the export's language (each author looked up once), or their ids
    as stored for data teams."""
    if language is None:
        return None
    names: dict[str, str] = {}

    def name(author: str) -> str:
        if author not in names:
            latin, arabic = queries.author_names(store, author)
            names[author] = (arabic if language.lang == "ar" else None) or latin or author
        return names[author]

    return name


def _cell(f: Field, language: ExportLanguage | None) -> Callable[[Any], Any] | None:
    """How one column's stored value is written in the file (None: as it is)."""
    lists = f.type in (FieldType.CODES, FieldType.TEXTS)
    if language is None:
        return (lambda v: ";".join(json.loads(v))) if lists else None
    lang = language.lang
    if f.type is FieldType.BOOL:
        return lambda v: language.yes if v else language.no
    if f.type is FieldType.PROVINCE:
        return lambda v: divisions.province(v).label(lang) if divisions.is_province(v) else v
    if f.vocabulary is not None:
        voc = vocabularies.vocabulary(f.vocabulary)

        def label(code: str) -> str:
            return voc.label(code, lang) if code in voc else code

        if f.type is FieldType.CODES:
            return lambda v: "; ".join(label(c) for c in json.loads(v))
        return label
    return (lambda v: "; ".join(json.loads(v))) if lists else None
