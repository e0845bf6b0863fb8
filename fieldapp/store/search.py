"""Person search as you type, over both scripts.

Names are folded (diacritics, hamza forms, case, accents...) and indexed with their
cross-script consonant skeletons (see :mod:`fieldapp.domain.names`) in a full-text index with
prefix indexes. A query first looks for the typed words as written (folded); if that finds
fewer than ``limit`` persons, it adds persons whose names sound the same in the other script.
"""

from __future__ import annotations

from typing import Any

from fieldapp.domain import names
from fieldapp.store.repository import Store

SUMMARY_COLUMNS = ("id", "name_ar", "name_lat", "nickname", "cin", "sex", "birth_date",
                   "approx_age", "age_noted_on", "flags", "province", "updated_at")
_SELECT = (
    f"SELECT {', '.join('p.' + c for c in SUMMARY_COLUMNS)} FROM person_search s "
    "JOIN persons p ON p.rowid = s.rowid "
    "WHERE person_search MATCH ? AND p.deleted = 0 AND p.merged_into IS NULL LIMIT ?"
)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"*'


def match_expressions(text: str) -> tuple[str, str] | None:
    """The (as-written, cross-script) full-text queries for typed text, or None if empty."""
    terms = [(f, s) for f, s in names.query_terms(text) if f]
    if not terms:
        return None
    direct = " AND ".join(_quote(f) for f, _ in terms)
    cross = " AND ".join(
        f"({_quote(f)} OR {_quote(s)})" if len(s) >= 2 else _quote(f) for f, s in terms
    )
    return direct, cross


def search_persons(store: Store, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Persons whose names (either script), nickname or CIN start with the typed words."""
    queries = match_expressions(text)
    if queries is None:
        return []
    direct, cross = queries
    conn = store.conn
    found: dict[str, dict[str, Any]] = {}
    for query in (direct, cross) if direct != cross else (direct,):
        for row in conn.execute(_SELECT, (query, limit)):
            rec = dict(zip(SUMMARY_COLUMNS, row, strict=True))
            found.setdefault(rec["id"], rec)
        if len(found) >= limit:
            break
    return list(found.values())[:limit]
