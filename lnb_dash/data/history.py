"""The import history: who imported what and when, and undoing an import.

Every import appends one line to ``data/import_log.jsonl`` (one file for every replica, appended under the data
folder's lock); undoing one moves its source folder to ``data/.trash/`` (so nothing is deleted) and rebuilds. A
failed rebuild puts the folder back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd

from lnb_dash import config, i18n
from lnb_dash.data.locking import data_lock
from lnb_dash.i18n import N_

LOG_NAME = "import_log.jsonl"
LOG_COLUMNS = ["at", "action", "source_id", "user", "file", "sha256", "rows", "indicators", "title", "publisher", "license"]
# The history as people read it: these columns, under these headings (the file's hash stays in the log; the id is what undo takes).
HISTORY_HEADINGS = {"at": N_("imp_history_at"), "action": N_("imp_history_action"), "title": N_("imp_history_source"), "source_id": N_("imp_history_source_id"),
                    "indicators": N_("imp_history_indicators"), "rows": N_("imp_history_rows"), "file": N_("imp_history_file"),
                    "user": N_("imp_history_user"), "publisher": N_("imp_history_publisher"), "license": N_("imp_history_license")}
ACTIONS = {"import": N_("imp_action_import"), "undo": N_("imp_action_undo")}


class NotUndoable(ValueError):
    """An undo of a source no import added (or one already undone)."""

    def __init__(self, source_id: str):
        self.source_id = source_id
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return i18n.t("imp_not_undoable", lang, source=source_id_text(self.source_id))


def source_id_text(source_id: str) -> str:
    return repr(str(source_id))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(data_dir: Path, entry: dict) -> None:
    """Append one entry; the caller holds the data folder's lock, so entries are in the order of the changes."""
    entry = {"at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), **entry}
    with (data_dir / LOG_NAME).open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")


def read_history(data_dir: Path = config.DATA_DIR) -> pd.DataFrame:
    """Returns columns: at, action, source_id, user, file, sha256, rows, indicators, title, publisher, license (newest first)."""
    path = data_dir / LOG_NAME
    if not path.exists():
        return pd.DataFrame(columns=LOG_COLUMNS)
    # Readers take no lock: a line still being appended (no newline yet) is left for the next read.
    text = path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text[:text.rfind("\n") + 1].splitlines() if line.strip()]
    return pd.DataFrame(rows).reindex(columns=LOG_COLUMNS).iloc[::-1].reset_index(drop=True)


def history_table(log: pd.DataFrame, lang: str, data_dir: Path = config.DATA_DIR) -> pd.DataFrame:
    """The history for a page or the command line: translated headings and actions, indicators by name, the time
    without its 'T', empty cells empty (never "None"). An undo names the source its import had (by title)."""
    from lnb_dash.data.sources import read_sources

    names = {ind["id"]: (ind.get("name") or {}).get(i18n.normalize_lang(lang)) or ind["id"] for s in read_sources(data_dir) for ind in s.indicators}
    titles = {row.source_id: row.title for row in log.itertuples() if row.action == "import" and isinstance(row.title, str)}
    table = log.assign(
        at=log["at"].fillna("").astype(str).str.replace("T", " ").str.replace("+00:00", "", regex=False),
        action=log["action"].map(lambda a: i18n.t(ACTIONS[a], lang) if a in ACTIONS else str(a)),
        title=[t if isinstance(t, str) and t else titles.get(s, s) for t, s in zip(log["title"], log["source_id"])],
        indicators=log["indicators"].map(lambda v: ", ".join(names.get(i.strip(), i.strip()) for i in v.split(",")) if isinstance(v, str) else ""),
        rows=log["rows"].map(lambda v: "" if pd.isna(v) else str(int(v))),
    )
    table = table[list(HISTORY_HEADINGS)].astype(object).fillna("")
    return table.rename(columns={c: i18n.t(k, lang) for c, k in HISTORY_HEADINGS.items()})


def imported_sources(data_dir: Path = config.DATA_DIR) -> list[str]:
    """Sources added by an import and not undone since, newest first."""
    history = read_history(data_dir)
    live = []
    for row in history.iloc[::-1].itertuples():
        if row.action == "import":
            live.append(row.source_id)
        elif row.action == "undo" and row.source_id in live:
            live.remove(row.source_id)
    return [s for s in reversed(live) if (data_dir / "sources" / s).exists()]


def undo_import(source_id: str, user: str, data_dir: Path = config.DATA_DIR, db_path: Path = config.DB_PATH) -> Path:
    """Take an imported source out (into data/.trash) and rebuild, holding the data folder's lock; returns where the folder went."""
    from lnb_dash.data.build import build_database

    with data_lock(data_dir, f"undo {source_id}", user):
        if source_id not in imported_sources(data_dir):
            raise NotUndoable(source_id)
        folder = data_dir / "sources" / source_id
        trash = data_dir / ".trash" / f"{source_id}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
        trash.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(folder, trash)
        try:
            build_database(data_dir, db_path)
        except BaseException:
            shutil.move(trash, folder)
            raise
        record(data_dir, {"action": "undo", "source_id": source_id, "user": user})
    return trash
