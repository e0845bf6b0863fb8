"""The encrypted local database: vault (keys), schema and migrations, repositories, queries.

sqlite-utils drives SQLCipher: sqlcipher3's exception classes are not the standard library's,
so sqlcipher3 is registered under the name sqlite-utils looks for first (``pysqlite3``) before
sqlite-utils is imported anywhere (see shared/ENVIRONMENT.md).
"""

import sys

import sqlcipher3

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlcipher3.dbapi2)

import sqlite_utils.utils  # noqa: E402

_driver = getattr(sqlite_utils.utils, "sqlite3", None)
if _driver is not sqlcipher3:  # pragma: no cover - an import order bug
    raise ImportError("sqlite_utils was imported before fieldapp.store; import the store first")
