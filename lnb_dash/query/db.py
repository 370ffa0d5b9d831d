"""The only module that talks to DuckDB: connections, named SQL files, bound parameters.

Queries live in ``lnb_dash/query/sql/<name>.sql`` and take ``$name`` parameters; values never reach SQL
text. Each query runs on its own cursor, since one DuckDB connection is not thread-safe and
Streamlit serves every session from its own thread.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from lnb_dash import config

SQL_DIR = Path(__file__).with_name("sql")


class DatabaseUnavailableError(RuntimeError):
    """The database file is missing or unreadable; the message says how to rebuild it."""


CATALOG = "lnb"
# The type a connection has, for the annotations of modules that pass one on without importing DuckDB.
Connection = duckdb.DuckDBPyConnection


def connect(db_path: Path = config.DB_PATH) -> duckdb.DuckDBPyConnection:
    """Open the database read-only, as the app uses it.

    The file is ATTACHed to a fresh in-memory instance rather than opened with ``duckdb.connect(path)``:
    DuckDB caches one instance per path, so after a rebuild replaced the file a new connection would
    still see the old data while any old connection lived. This way a new connection sees the new file
    and an old one keeps its complete old copy.
    """
    if not Path(db_path).exists():
        raise DatabaseUnavailableError(f"The database {db_path} does not exist. Build it with: python -m lnb_dash build")
    try:
        con = duckdb.connect(":memory:")
        quoted = str(Path(db_path).resolve()).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS {CATALOG} (READ_ONLY)")
        con.execute(f"USE {CATALOG}")
        con.execute("SELECT count(*) FROM observations").fetchone()
    except duckdb.Error as exc:
        raise DatabaseUnavailableError(f"The database {db_path} cannot be read ({exc}). Rebuild it with: python -m lnb_dash build") from exc
    return con


def file_version(db_path: Path = config.DB_PATH) -> tuple[int, int, int, int] | None:
    """The database file's identity (device, inode, size, modification time); None when it is missing.

    A rebuild moves a new file into place, so the identity changes with every rebuild, whichever process made it.
    """
    try:
        stat = Path(db_path).stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor for one query (thread-safe use of a shared connection), on the attached database."""
    cur = con.cursor()
    cur.execute(f"USE {CATALOG}")
    return cur


@cache
def read_sql(name: str) -> str:
    path = SQL_DIR / f"{name}.sql"
    if not path.exists():
        raise KeyError(f"no query named {name!r} in {SQL_DIR}")
    return path.read_text(encoding="utf-8")


def query_df(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run the named SQL file with bound parameters and return a DataFrame."""
    cur = cursor(con)
    try:
        return cur.execute(read_sql(name), params or None).df()
    finally:
        cur.close()


def table_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """A content hash per table: equal hashes mean the data did not change."""
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_catalog = $c ORDER BY 1",
                                        {"c": CATALOG}).fetchall()]
    return {t: con.execute(f'SELECT md5(string_agg(md5(CAST(x AS VARCHAR)), \',\' ORDER BY md5(CAST(x AS VARCHAR)))) FROM "{t}" AS x').fetchone()[0]
            for t in tables}
