"""The SQLCipher driver, typed as the standard library's sqlite3 (same DB-API; no stubs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlcipher3

if TYPE_CHECKING:
    from sqlite3 import Connection, DatabaseError, Error
else:
    Connection = sqlcipher3.dbapi2.Connection
    DatabaseError = sqlcipher3.dbapi2.DatabaseError
    Error = sqlcipher3.dbapi2.Error


def connect(path: str) -> Connection:
    conn: Connection = sqlcipher3.connect(path, isolation_level=None, check_same_thread=False)
    return conn


__all__ = ["Connection", "DatabaseError", "Error", "connect"]
